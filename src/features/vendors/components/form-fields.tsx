/** Labelled form controls tied to their error messages, and a save's outcome, for the vendor and incident forms. */
import {
  useId,
  useState,
  type InputHTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
  type TextareaHTMLAttributes,
} from 'react'
import {
  get,
  type FieldErrors as FormErrors,
  type FieldValues,
  type Path,
  type UseFormRegister,
  type UseFormSetError,
  type UseFormSetFocus,
} from 'react-hook-form'
import { ProblemMessage } from '../../../components/problem-message'
import type { Problem } from '../../../domain'
import { ApiError } from '../../../lib/api-client'

export interface ControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

/** A label, one control and its error; the control gets the id, aria-invalid and aria-describedby to spread. */
export function Field({
  label,
  error,
  className,
  children,
}: {
  label: string
  error: string | undefined
  className?: string | undefined
  children: (control: ControlProps) => ReactNode
}) {
  const id = useId()
  const errorId = `${id}-error`
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
      })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}

/** A group of checkboxes (or other controls) under a legend, with the group's error described on it. */
export function Choices({
  legend,
  error,
  className,
  children,
}: {
  legend: string
  error: string | undefined
  className?: string
  children: ReactNode
}) {
  const errorId = `${useId()}-error`
  return (
    <fieldset
      className={className ? `choices ${className}` : 'choices'}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{legend}</legend>
      {children}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  )
}

/**
 * Every message in a react-hook-form error tree: a list field's own message and its items' (`fourthParties.2`).
 * Skips `ref`, which points at a DOM element.
 */
export function errorMessages(error: unknown): string[] {
  if (error === null || typeof error !== 'object') return []
  const out: string[] = []
  for (const [key, value] of Object.entries(error)) {
    if (key === 'ref' || key === 'types') continue
    if (key === 'message' && typeof value === 'string' && value !== '') out.push(value)
    else out.push(...errorMessages(value))
  }
  return [...new Set(out)]
}

/** An empty text box means "not set": the optional field is left out rather than sent as "". */
export const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value)

/** A number box's text as a number; empty is "not given", so the schema says what is missing. */
export const toNumber = (value: unknown) =>
  value === '' || value === undefined || value === null ? undefined : Number(value)

type FieldErrors = NonNullable<Problem['errors']>

/**
 * Puts a 422's field errors on the form's fields (the first one focused) and answers those no field shows, for
 * <UnplacedErrors>. `fieldOf` maps a server path (`access.records`, `controls.mfa.0`) to the form's field.
 */
export function placeServerErrors<P extends string>(
  list: FieldErrors,
  fieldOf: (path: string) => P | undefined,
  setError: (field: P, error: { type: string; message: string }) => void,
  setFocus: (field: P) => void,
): FieldErrors {
  const unplaced: FieldErrors = []
  let first: P | undefined
  for (const e of list) {
    const field = fieldOf(e.path)
    if (field === undefined) {
      unplaced.push(e)
      continue
    }
    first ??= field
    setError(field, { type: 'server', message: e.message })
  }
  if (first !== undefined) setFocus(first)
  return unplaced
}

/** The server's field errors that no field of the form shows. */
export function UnplacedErrors({ errors }: { errors: FieldErrors }) {
  if (errors.length === 0) return null
  return (
    <div role="alert" className="problem">
      <strong>The server refused some values</strong>
      {errors.map((e) => (
        <p key={`${e.path}:${e.message}`}>
          <code>{e.path}</code>: {e.message}
        </p>
      ))}
    </div>
  )
}

/** Escape closes the form, as Cancel does. */
export const closeOnEscape = (close: () => void) => (event: KeyboardEvent) => {
  if (event.key === 'Escape') {
    event.preventDefault()
    close()
  }
}

/** One field of a form: how to register it, what it is called, and what is wrong with it now. */
export interface FieldBinding<T extends FieldValues> {
  register: UseFormRegister<T>
  name: Path<T>
  label: string
  error: string | undefined
}

/** A field's messages as one string, or undefined when it has none. */
export const fieldError = <T extends FieldValues>(errors: FormErrors<T>, name: Path<T>) =>
  errorMessages(get(errors, name)).join(' ') || undefined

/**
 * Binds a form's fields to their labels and current errors, so each field names its path once:
 * `<SelectField {...bind('kind')} values={…} labels={…} />`.
 */
export function fieldBinder<T extends FieldValues, P extends Path<T>>(
  register: UseFormRegister<T>,
  errors: FormErrors<T>,
  labels: Record<P, string>,
) {
  return (name: P): FieldBinding<T> => ({
    register,
    name,
    label: labels[name],
    error: fieldError(errors, name),
  })
}

type InputAttributes = Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'className'>

/** A labelled input. `optional`: an empty box means "not set" rather than "". */
export function InputField<T extends FieldValues>({
  register,
  name,
  label,
  error,
  className,
  optional = false,
  ...input
}: FieldBinding<T> & InputAttributes & { className?: string; optional?: boolean }) {
  return (
    <Field label={label} error={error} className={className}>
      {(p) => (
        <input {...p} {...input} {...register(name, optional ? { setValueAs: emptyToUndefined } : {})} />
      )}
    </Field>
  )
}

/** A labelled box for a count: a whole number from 0, right-aligned; empty is "not given". */
export function NumberField<T extends FieldValues>({ register, name, label, error }: FieldBinding<T>) {
  return (
    <Field label={label} error={error}>
      {(p) => (
        <input
          {...p}
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          className="num"
          {...register(name, { setValueAs: toNumber })}
        />
      )}
    </Field>
  )
}

/** A labelled text area across the form's grid. `optional`: emptied, it means "not set". */
export function TextAreaField<T extends FieldValues>({
  register,
  name,
  label,
  error,
  optional = false,
  ...textarea
}: FieldBinding<T> &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'> & { optional?: boolean }) {
  return (
    <Field label={label} error={error} className="wide">
      {(p) => (
        <textarea
          {...p}
          rows={3}
          {...textarea}
          {...register(name, optional ? { setValueAs: emptyToUndefined } : {})}
        />
      )}
    </Field>
  )
}

/** A field whose value is one of `values`, or several of them, each shown by its label. */
type ChoiceBinding<T extends FieldValues, V extends string> = FieldBinding<T> & {
  values: readonly V[]
  labels: Record<V, string>
}

/** A labelled choice of one of `values`. */
export function SelectField<T extends FieldValues, V extends string>({
  values,
  labels,
  ...field
}: ChoiceBinding<T, V>) {
  return (
    <Field label={field.label} error={field.error}>
      {(p) => (
        <select {...p} {...field.register(field.name)}>
          {values.map((v) => (
            <option key={v} value={v}>
              {labels[v]}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

/** Any number of `values` as checkboxes under the field's label. */
export function CheckboxesField<T extends FieldValues, V extends string>({
  values,
  labels,
  ...field
}: ChoiceBinding<T, V>) {
  return (
    <Choices legend={field.label} error={field.error}>
      {values.map((v) => (
        <label key={v} className="toggle">
          <input type="checkbox" value={v} {...field.register(field.name)} />
          {labels[v]}
        </label>
      ))}
    </Choices>
  )
}

/** A yes/no field as one labelled checkbox. */
export function CheckboxField<T extends FieldValues>({ register, name, label }: FieldBinding<T>) {
  return (
    <label className="toggle">
      <input type="checkbox" {...register(name)} />
      {label}
    </label>
  )
}

/**
 * What the last save left to say, and how a failed save is told: a 422's field errors go on the fields (those no
 * field shows are listed), anything else is the server's problem.
 */
export function useSaveOutcome<T extends FieldValues, P extends Path<T>>(
  fieldOf: (path: string) => P | undefined,
  setError: UseFormSetError<T>,
  setFocus: UseFormSetFocus<T>,
) {
  const [unplaced, setUnplaced] = useState<FieldErrors>([])
  const [failure, setFailure] = useState<unknown>(null)
  const [note, setNote] = useState<string | null>(null)
  return {
    outcome: { unplaced, failure, note },
    setFailure,
    setNote,
    clear() {
      setUnplaced([])
      setFailure(null)
      setNote(null)
    },
    fail(error: unknown) {
      if (error instanceof ApiError && error.status === 422 && error.problem.errors?.length) {
        setUnplaced(placeServerErrors(error.problem.errors, fieldOf, setError, setFocus))
      } else {
        setFailure(error)
      }
    },
  }
}

/** Shows a save's outcome (`useSaveOutcome`) above the form's buttons. */
export function SaveOutcome({
  unplaced,
  failure,
  note,
}: {
  unplaced: FieldErrors
  failure: unknown
  note: string | null
}) {
  return (
    <>
      <UnplacedErrors errors={unplaced} />
      {failure !== null && <ProblemMessage error={failure} />}
      {note && <p role="status">{note}</p>}
    </>
  )
}
