/**
 * Edits a vendor's own fields (its incidents have their own forms) and saves only what the person changed, on the
 * version they opened. If someone saved first, the server refuses (412): the form then shows both sides' changes
 * and lets the person reapply theirs on top or discard them, keeping what they typed until they choose.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState, type RefObject } from 'react'
import { useController, useForm, type Control, type FieldErrors } from 'react-hook-form'
import type { z } from 'zod'
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
  type Vendor,
  type VendorDetailResponse,
  type VendorFieldPath,
} from '../../../domain'
import { ApiError } from '../../../lib/api-client'
import { vendorQueryOptions } from '../api/get-vendor'
import { useUpdateVendor } from '../api/update-vendor'
import {
  CheckboxesField,
  CheckboxField,
  Choices,
  closeOnEscape,
  errorMessages,
  fieldBinder,
  InputField,
  NumberField,
  SaveOutcome,
  SelectField,
  TextAreaField,
  useSaveOutcome,
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
  const saving = useSaveOutcome(fieldOf, setError, setFocus)

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
    saving.clear()
    const patch = vendorPatchBetween(editableFields(base.vendor), values)
    if (Object.keys(patch).length === 0) {
      saving.setNote('Nothing to save: every field is as it was.')
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
          saving.setFailure(reload)
        }
      } else {
        saving.fail(error)
      }
    }
  }

  function discardMine() {
    if (!conflict) return
    const { current } = conflict
    reset(editableFields(current.vendor))
    setBase({ vendor: current.vendor, version: current.version })
    setConflict(null)
    saving.setNote('Your changes were discarded: the form now shows the vendor as it is.')
    setFocus('name')
  }

  const onKeyDown = closeOnEscape(() => onClose(false))

  const bind = fieldBinder(register, errors, VENDOR_FIELD_LABELS)
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
            <InputField {...bind('name')} autoComplete="off" />
            <InputField {...bind('category')} autoComplete="off" />
            <InputField {...bind('owner')} autoComplete="off" />
            <SelectField {...bind('status')} values={VENDOR_STATUSES} labels={VENDOR_STATUS_LABELS} />
            <InputField {...bind('website')} type="url" inputMode="url" placeholder="https://" optional />
            <InputField {...bind('contractEnd')} type="date" optional />
            <TextAreaField {...bind('description')} optional />
          </div>
        </fieldset>

        <fieldset>
          <legend>Access scope</legend>
          <CheckboxesField {...bind('access.dataClasses')} values={DATA_CLASSES} labels={DATA_CLASS_LABELS} />
          <div className="field-grid">
            <NumberField {...bind('access.records')} />
            <SelectField
              {...bind('access.dataLocation')}
              values={DATA_LOCATIONS}
              labels={DATA_LOCATION_LABELS}
            />
            <SelectField
              {...bind('access.networkAccess')}
              values={NETWORK_ACCESS_LEVELS}
              labels={NETWORK_ACCESS_LABELS}
            />
            <SelectField
              {...bind('access.criticality')}
              values={CRITICALITY_LEVELS}
              labels={CRITICALITY_LABELS}
            />
          </div>
          <FourthPartiesField control={control} errors={errors} />
        </fieldset>

        <fieldset>
          <legend>Controls</legend>
          <CheckboxesField
            {...bind('controls.certifications')}
            values={CERTIFICATIONS}
            labels={CERTIFICATION_LABELS}
          />
          <div className="field-grid">
            <CheckboxField {...bind('controls.mfa')} />
            <CheckboxField {...bind('controls.encryptionAtRest')} />
            <InputField {...bind('controls.lastAssessedAt')} type="date" optional />
          </div>
        </fieldset>

        <SaveOutcome {...saving.outcome} />
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
