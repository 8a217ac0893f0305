/**
 * Edits a vendor's own fields (its incidents have their own forms) and saves only what the person changed, on the
 * version they opened. If someone saved first, the server refuses (412): the form then shows both sides' changes
 * and lets the person reapply theirs on top or discard them, keeping what they typed until they choose.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState, type RefObject } from 'react'
import { get, useController, useForm, type Control, type FieldErrors } from 'react-hook-form'
import type { z } from 'zod'
import { ProblemMessage } from '../../../components/problem-message'
import {
  CERTIFICATION_LABELS,
  CERTIFICATIONS,
  CRITICALITY_LABELS,
  CRITICALITY_LEVELS,
  DATA_CLASS_LABELS,
  DATA_CLASSES,
  DATA_LOCATION_LABELS,
  DATA_LOCATIONS,
  EditableVendor,
  editableFields,
  NETWORK_ACCESS_LABELS,
  NETWORK_ACCESS_LEVELS,
  VENDOR_FIELD_LABELS,
  VENDOR_FIELD_PATHS,
  VENDOR_STATUS_LABELS,
  VENDOR_STATUSES,
  vendorChanges,
  vendorPatchBetween,
  type Problem,
  type Vendor,
  type VendorDetailResponse,
  type VendorFieldPath,
} from '../../../domain'
import { ApiError } from '../../../lib/api-client'
import { vendorQueryOptions } from '../api/get-vendor'
import { useUpdateVendor } from '../api/update-vendor'
import {
  Choices,
  closeOnEscape,
  emptyToUndefined,
  errorMessages,
  Field,
  placeServerErrors,
  toNumber,
  UnplacedErrors,
} from './form-fields'

type FormInput = z.input<typeof EditableVendor>
type FormControl = Control<FormInput, unknown, EditableVendor>

interface Conflict {
  /** The vendor as the server has it now. */
  current: VendorDetailResponse
  /** What the person tried to save. */
  mine: EditableVendor
}

const labelOf = (path: VendorFieldPath) => VENDOR_FIELD_LABELS[path]

/** The field a server error's path points at: `access.fourthParties.2` belongs to the sub-processor list. */
const fieldOf = (path: string) => VENDOR_FIELD_PATHS.find((p) => path === p || path.startsWith(`${p}.`))

export function VendorEditForm({
  detail,
  onClose,
}: {
  /** The vendor as the page shows it now; the form keeps the version it was opened with. */
  detail: VendorDetailResponse
  onClose: (saved: boolean) => void
}) {
  const client = useQueryClient()
  const update = useUpdateVendor(detail.vendor.id)
  const [base, setBase] = useState(() => ({ vendor: detail.vendor, version: detail.version }))
  const [conflict, setConflict] = useState<Conflict | null>(null)
  const [otherErrors, setOtherErrors] = useState<NonNullable<Problem['errors']>>([])
  const [failure, setFailure] = useState<unknown>(null)
  const [note, setNote] = useState<string | null>(null)
  const titleId = useId()
  const conflictTitle = useRef<HTMLHeadingElement>(null)
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, EditableVendor>({
    resolver: zodResolver(EditableVendor),
    defaultValues: editableFields(base.vendor),
  })

  useEffect(() => setFocus('name'), [setFocus])
  useEffect(() => {
    if (conflict) conflictTitle.current?.focus()
  }, [conflict])

  // A write elsewhere on this page (an incident, a review) moves the version without touching these fields;
  // saving on the newer version then overwrites nothing of anyone's, so it needs no conflict.
  const untouchedSinceOpened =
    detail.version !== base.version &&
    vendorChanges(editableFields(base.vendor), editableFields(detail.vendor)).length === 0
  const version = conflict?.current.version ?? (untouchedSinceOpened ? detail.version : base.version)

  async function save(values: EditableVendor) {
    setNote(null)
    setFailure(null)
    setOtherErrors([])
    const patch = vendorPatchBetween(editableFields(base.vendor), values)
    if (Object.keys(patch).length === 0) {
      setNote('Nothing to save: every field is as it was.')
      return
    }
    try {
      await update.mutateAsync({ patch, version })
      onClose(true)
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        try {
          const current = await client.fetchQuery({ ...vendorQueryOptions(detail.vendor.id), staleTime: 0 })
          setConflict({ current, mine: values })
        } catch (reload) {
          setFailure(reload)
        }
      } else if (error instanceof ApiError && error.status === 422 && error.problem.errors?.length) {
        showServerErrors(error.problem.errors)
      } else {
        setFailure(error)
      }
    }
  }

  function showServerErrors(list: NonNullable<Problem['errors']>) {
    setOtherErrors(placeServerErrors(list, fieldOf, setError, setFocus))
  }

  function discardMine() {
    if (!conflict) return
    const { current } = conflict
    reset(editableFields(current.vendor))
    setBase({ vendor: current.vendor, version: current.version })
    setConflict(null)
    setNote('Your changes were discarded: the form now shows the vendor as it is.')
    setFocus('name')
  }

  const onKeyDown = closeOnEscape(() => onClose(false))

  const err = (path: VendorFieldPath) => errorMessages(get(errors, path)).join(' ') || undefined
  const submit = handleSubmit(save)

  return (
    <section className="panel edit-panel" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <h2 id={titleId}>Edit vendor</h2>
      <p className="muted small">Only the fields you change are saved. Escape cancels.</p>
      {conflict && (
        <ConflictPanel
          base={base.vendor}
          conflict={conflict}
          titleRef={conflictTitle}
          busy={isSubmitting}
          onReapply={() => void submit()}
          onDiscard={discardMine}
        />
      )}
      <form className="edit-form" aria-label="Edit vendor" noValidate onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>About</legend>
          <div className="field-grid">
            <Field label={labelOf('name')} error={err('name')}>
              {(p) => <input {...p} autoComplete="off" {...register('name')} />}
            </Field>
            <Field label={labelOf('category')} error={err('category')}>
              {(p) => <input {...p} autoComplete="off" {...register('category')} />}
            </Field>
            <Field label={labelOf('owner')} error={err('owner')}>
              {(p) => <input {...p} autoComplete="off" {...register('owner')} />}
            </Field>
            <Field label={labelOf('status')} error={err('status')}>
              {(p) => (
                <select {...p} {...register('status')}>
                  {VENDOR_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {VENDOR_STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={labelOf('website')} error={err('website')}>
              {(p) => (
                <input
                  {...p}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  {...register('website', { setValueAs: emptyToUndefined })}
                />
              )}
            </Field>
            <Field label={labelOf('contractEnd')} error={err('contractEnd')}>
              {(p) => (
                <input {...p} type="date" {...register('contractEnd', { setValueAs: emptyToUndefined })} />
              )}
            </Field>
            <Field label={labelOf('description')} error={err('description')} className="wide">
              {(p) => (
                <textarea {...p} rows={3} {...register('description', { setValueAs: emptyToUndefined })} />
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset>
          <legend>Access scope</legend>
          <Choices legend={labelOf('access.dataClasses')} error={err('access.dataClasses')}>
            {DATA_CLASSES.map((c) => (
              <label key={c} className="toggle">
                <input type="checkbox" value={c} {...register('access.dataClasses')} />
                {DATA_CLASS_LABELS[c]}
              </label>
            ))}
          </Choices>
          <div className="field-grid">
            <Field label={labelOf('access.records')} error={err('access.records')}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={0}
                  step={1}
                  inputMode="numeric"
                  className="num"
                  {...register('access.records', { setValueAs: toNumber })}
                />
              )}
            </Field>
            <Field label={labelOf('access.dataLocation')} error={err('access.dataLocation')}>
              {(p) => (
                <select {...p} {...register('access.dataLocation')}>
                  {DATA_LOCATIONS.map((l) => (
                    <option key={l} value={l}>
                      {DATA_LOCATION_LABELS[l]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={labelOf('access.networkAccess')} error={err('access.networkAccess')}>
              {(p) => (
                <select {...p} {...register('access.networkAccess')}>
                  {NETWORK_ACCESS_LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {NETWORK_ACCESS_LABELS[l]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={labelOf('access.criticality')} error={err('access.criticality')}>
              {(p) => (
                <select {...p} {...register('access.criticality')}>
                  {CRITICALITY_LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {CRITICALITY_LABELS[l]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <FourthPartiesField control={control} errors={errors} />
        </fieldset>

        <fieldset>
          <legend>Controls</legend>
          <Choices legend={labelOf('controls.certifications')} error={err('controls.certifications')}>
            {CERTIFICATIONS.map((c) => (
              <label key={c} className="toggle">
                <input type="checkbox" value={c} {...register('controls.certifications')} />
                {CERTIFICATION_LABELS[c]}
              </label>
            ))}
          </Choices>
          <div className="field-grid">
            <label className="toggle">
              <input type="checkbox" {...register('controls.mfa')} />
              {labelOf('controls.mfa')}
            </label>
            <label className="toggle">
              <input type="checkbox" {...register('controls.encryptionAtRest')} />
              {labelOf('controls.encryptionAtRest')}
            </label>
            <Field label={labelOf('controls.lastAssessedAt')} error={err('controls.lastAssessedAt')}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  {...register('controls.lastAssessedAt', { setValueAs: emptyToUndefined })}
                />
              )}
            </Field>
          </div>
        </fieldset>

        <UnplacedErrors errors={otherErrors} />
        {failure !== null && <ProblemMessage error={failure} />}
        {note && <p role="status">{note}</p>}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={isSubmitting || conflict !== null}>
            {isSubmitting ? 'Saving…' : 'Save changes'}
          </button>
          <button type="button" onClick={() => onClose(false)}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  )
}

/** Sub-processors as a list: remove any, add one by name (Enter adds rather than submitting the form). */
function FourthPartiesField({ control, errors }: { control: FormControl; errors: FieldErrors<FormInput> }) {
  const {
    field: { value: parties, onChange, onBlur, ref },
  } = useController({ control, name: 'access.fourthParties' })
  const [draft, setDraft] = useState('')
  const inputId = useId()
  const error = errorMessages(errors.access?.fourthParties).join(' ') || undefined

  function add() {
    const name = draft.trim()
    if (name === '') return
    onChange([...parties, name])
    setDraft('')
  }

  return (
    <Choices legend={labelOf('access.fourthParties')} error={error} className="fourth-parties">
      {parties.length === 0 ? (
        <p className="muted small">None declared.</p>
      ) : (
        <ul className="edit-list">
          {parties.map((party, i) => (
            <li key={`${i}:${party}`}>
              <span>{party}</span>
              <button
                type="button"
                className="link-button"
                aria-label={`Remove ${party}`}
                onClick={() => onChange(parties.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="add-row">
        <label htmlFor={inputId}>Add a sub-processor</label>
        <input
          id={inputId}
          ref={ref}
          value={draft}
          autoComplete="off"
          onChange={(e) => setDraft(e.target.value)}
          onBlur={onBlur}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              add()
            }
          }}
        />
        <button type="button" onClick={add}>
          Add
        </button>
      </div>
    </Choices>
  )
}

function ChangeList({ changes, empty }: { changes: ReturnType<typeof vendorChanges>; empty: string }) {
  if (changes.length === 0) return <p className="muted small">{empty}</p>
  return (
    <ul className="change-list">
      {changes.map((c) => (
        <li key={c.path}>
          <span className="change-label">{c.label}</span> <span className="change-before">{c.before}</span> →{' '}
          <span className="change-after">{c.after}</span>
        </li>
      ))}
    </ul>
  )
}

function ConflictPanel({
  base,
  conflict,
  titleRef,
  busy,
  onReapply,
  onDiscard,
}: {
  base: Vendor
  conflict: Conflict
  titleRef: RefObject<HTMLHeadingElement | null>
  busy: boolean
  onReapply: () => void
  onDiscard: () => void
}) {
  const titleId = useId()
  const opened = editableFields(base)
  const theirs = vendorChanges(opened, editableFields(conflict.current.vendor))
  const mine = vendorChanges(opened, conflict.mine)
  const theirsByPath = new Map(theirs.map((c) => [c.path, c]))
  const both = mine.filter((c) => theirsByPath.get(c.path) && theirsByPath.get(c.path)?.after !== c.after)
  return (
    <section className="conflict" aria-labelledby={titleId}>
      <h3 id={titleId} ref={titleRef} tabIndex={-1}>
        Someone changed this vendor since you opened it
      </h3>
      <p>Nothing of yours is saved yet, and your edits are still in the form below.</p>
      <div className="conflict-sides">
        <section aria-label="Their changes">
          <h4>They changed (before → now)</h4>
          <ChangeList
            changes={theirs}
            empty="None of these fields: they recorded an incident or a review, which your changes leave alone."
          />
        </section>
        <section aria-label="Your changes">
          <h4>You changed (before → yours)</h4>
          <ChangeList changes={mine} empty="Nothing." />
        </section>
      </div>
      {both.length > 0 && (
        <p className="callout danger">
          You both changed {both.map((c) => c.label).join(', ')}. Reapplying keeps your value; discarding
          keeps theirs.
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="primary" disabled={busy} onClick={onReapply}>
          Reapply my changes on top of theirs
        </button>
        <button type="button" disabled={busy} onClick={onDiscard}>
          Discard my changes
        </button>
      </div>
    </section>
  )
}
