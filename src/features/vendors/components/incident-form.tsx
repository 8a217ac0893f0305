/**
 * Records a new incident or corrects one, validated with the shared IncidentInput schema (the server's own rules
 * and messages). Editing sends only the changed fields; a mistaken incident can be deleted after a confirmation.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useId, useState } from 'react'
import { get, useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'
import { ProblemMessage } from '../../../components/problem-message'
import {
  INCIDENT_FIELD_LABELS,
  INCIDENT_KIND_LABELS,
  INCIDENT_KINDS,
  INCIDENT_STATUS_LABELS,
  INCIDENT_STATUSES,
  IncidentInput,
  incidentPatchBetween,
  SEVERITIES,
  SEVERITY_LABELS,
  type Incident,
  type IncidentFieldPath,
  type Problem,
} from '../../../domain'
import { ApiError } from '../../../lib/api-client'
import { useAddIncident } from '../api/add-incident'
import { useDeleteIncident } from '../api/delete-incident'
import { useUpdateIncident } from '../api/update-incident'
import {
  closeOnEscape,
  emptyToUndefined,
  errorMessages,
  Field,
  placeServerErrors,
  toNumber,
  UnplacedErrors,
} from './form-fields'

type FormInput = z.input<typeof IncidentInput>
export type IncidentFormResult = 'saved' | 'deleted' | 'cancelled'

const FIELD_PATHS = Object.keys(INCIDENT_FIELD_LABELS) as IncidentFieldPath[]
const fieldOf = (path: string) => FIELD_PATHS.find((p) => path === p || path.startsWith(`${p}.`))

export function IncidentForm({
  vendorId,
  incident,
  today,
  onDone,
}: {
  vendorId: string
  /** The incident to edit; without one the form records a new incident. */
  incident?: Incident
  today: string
  onDone: (result: IncidentFormResult) => void
}) {
  const add = useAddIncident(vendorId)
  const update = useUpdateIncident(vendorId)
  const remove = useDeleteIncident(vendorId)
  const [otherErrors, setOtherErrors] = useState<NonNullable<Problem['errors']>>([])
  const [failure, setFailure] = useState<unknown>(null)
  const [note, setNote] = useState<string | null>(null)
  const [confirmingDelete, setConfirmingDelete] = useState(false)
  const titleId = useId()
  const defaults: FormInput = incident
    ? (({ id: _id, ...fields }) => fields)(incident)
    : {
        occurredAt: today,
        kind: 'breach',
        severity: 'medium',
        status: 'open',
        recordsExposed: 0,
        summary: '',
      }
  const {
    register,
    handleSubmit,
    setError,
    control,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, IncidentInput>({
    resolver: zodResolver(IncidentInput),
    defaultValues: defaults,
  })

  useEffect(() => setFocus('kind'), [setFocus])

  const resolved = useWatch({ control, name: 'status' }) === 'resolved'

  async function save(input: IncidentInput) {
    // The resolution date belongs to resolved incidents only; the field is hidden for the others.
    const { resolvedAt, ...rest } = input
    const values: IncidentInput = input.status === 'resolved' && resolvedAt ? { ...rest, resolvedAt } : rest
    setFailure(null)
    setNote(null)
    setOtherErrors([])
    try {
      if (incident === undefined) {
        await add.mutateAsync(values)
      } else {
        const patch = incidentPatchBetween(incident, values)
        if (Object.keys(patch).length === 0) {
          setNote('Nothing to save: every field is as it was.')
          return
        }
        await update.mutateAsync({ incidentId: incident.id, patch })
      }
      onDone('saved')
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.problem.errors?.length) {
        setOtherErrors(placeServerErrors(error.problem.errors, fieldOf, setError, setFocus))
      } else {
        setFailure(error)
      }
    }
  }

  async function deleteIncident() {
    if (incident === undefined) return
    setFailure(null)
    try {
      await remove.mutateAsync(incident.id)
      onDone('deleted')
    } catch (error) {
      setFailure(error)
    }
  }

  const onKeyDown = closeOnEscape(() => onDone('cancelled'))

  const err = (path: IncidentFieldPath) => errorMessages(get(errors, path)).join(' ') || undefined
  const label = (path: IncidentFieldPath) => INCIDENT_FIELD_LABELS[path]
  const title = incident ? 'Edit incident' : 'Add an incident'

  return (
    <form
      className="incident-form"
      aria-labelledby={titleId}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => void handleSubmit(save)(e)}
    >
      <h3 id={titleId}>{title}</h3>
      <div className="field-grid">
        <Field label={label('kind')} error={err('kind')}>
          {(p) => (
            <select {...p} {...register('kind')}>
              {INCIDENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {INCIDENT_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={label('severity')} error={err('severity')}>
          {(p) => (
            <select {...p} {...register('severity')}>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {SEVERITY_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={label('occurredAt')} error={err('occurredAt')}>
          {(p) => <input {...p} type="date" {...register('occurredAt')} />}
        </Field>
        <Field label={label('status')} error={err('status')}>
          {(p) => (
            <select {...p} {...register('status')}>
              {INCIDENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {INCIDENT_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {resolved && (
          <Field label={label('resolvedAt')} error={err('resolvedAt')}>
            {(p) => (
              <input
                {...p}
                type="date"
                max={today}
                {...register('resolvedAt', { setValueAs: emptyToUndefined })}
              />
            )}
          </Field>
        )}
        <Field label={label('recordsExposed')} error={err('recordsExposed')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              className="num"
              {...register('recordsExposed', { setValueAs: toNumber })}
            />
          )}
        </Field>
        <Field label={label('notifiedAfterDays')} error={err('notifiedAfterDays')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              className="num"
              {...register('notifiedAfterDays', { setValueAs: toNumber })}
            />
          )}
        </Field>
        <Field label={label('summary')} error={err('summary')} className="wide">
          {(p) => <textarea {...p} rows={3} {...register('summary')} />}
        </Field>
        <Field label={label('source')} error={err('source')} className="wide">
          {(p) => (
            <input
              {...p}
              placeholder="Where we learned of it: a link or a note"
              {...register('source', { setValueAs: emptyToUndefined })}
            />
          )}
        </Field>
      </div>
      <UnplacedErrors errors={otherErrors} />
      {failure !== null && <ProblemMessage error={failure} />}
      {note && <p role="status">{note}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={isSubmitting || remove.isPending}>
          {isSubmitting ? 'Saving…' : incident ? 'Save incident' : 'Add incident'}
        </button>
        <button type="button" onClick={() => onDone('cancelled')}>
          Cancel
        </button>
        {incident &&
          (confirmingDelete ? (
            <span className="confirm-delete" role="group" aria-label="Confirm deletion">
              <span>Delete this incident? It stops counting toward the score.</span>
              <button
                type="button"
                className="danger"
                disabled={remove.isPending}
                onClick={() => void deleteIncident()}
              >
                {remove.isPending ? 'Deleting…' : 'Yes, delete it'}
              </button>
              <button type="button" onClick={() => setConfirmingDelete(false)}>
                Keep it
              </button>
            </span>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirmingDelete(true)}>
              Delete incident…
            </button>
          ))}
      </div>
    </form>
  )
}
