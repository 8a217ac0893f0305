/** Labelled form controls whose error messages are tied to them, for the vendor and incident forms. */
import { useId, type KeyboardEvent, type ReactNode } from 'react'
import type { Problem } from '../../../domain'

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
  className?: string
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
