/**
 * Records a new incident or corrects one, validated with the shared IncidentInput schema (the server's own rules
 * and messages). Editing sends only the changed fields; a mistaken incident can be deleted after a confirmation.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useId, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'
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
} from '../../../domain'
import { useAddIncident } from '../api/add-incident'
import { useDeleteIncident } from '../api/delete-incident'
import { useUpdateIncident } from '../api/update-incident'
import {
  closeOnEscape,
  fieldBinder,
  InputField,
  NumberField,
  SaveOutcome,
  SelectField,
  TextAreaField,
  useSaveOutcome,
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

  const saving = useSaveOutcome(fieldOf, setError, setFocus)

  useEffect(() => setFocus('kind'), [setFocus])

  const resolved = useWatch({ control, name: 'status' }) === 'resolved'

  async function save(input: IncidentInput) {
    // The resolution date belongs to resolved incidents only; the field is hidden for the others.
    const { resolvedAt, ...rest } = input
    const values: IncidentInput = input.status === 'resolved' && resolvedAt ? { ...rest, resolvedAt } : rest
    saving.clear()
    try {
      if (incident === undefined) {
        await add.mutateAsync(values)
      } else {
        const patch = incidentPatchBetween(incident, values)
        if (Object.keys(patch).length === 0) {
          saving.setNote('Nothing to save: every field is as it was.')
          return
        }
        await update.mutateAsync({ incidentId: incident.id, patch })
      }
      onDone('saved')
    } catch (error) {
      saving.fail(error)
    }
  }

  async function deleteIncident() {
    if (incident === undefined) return
    saving.setFailure(null)
    try {
      await remove.mutateAsync(incident.id)
      onDone('deleted')
    } catch (error) {
      saving.setFailure(error)
    }
  }

  const onKeyDown = closeOnEscape(() => onDone('cancelled'))

  const bind = fieldBinder(register, errors, INCIDENT_FIELD_LABELS)
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
        <SelectField {...bind('kind')} values={INCIDENT_KINDS} labels={INCIDENT_KIND_LABELS} />
        <SelectField {...bind('severity')} values={SEVERITIES} labels={SEVERITY_LABELS} />
        <InputField {...bind('occurredAt')} type="date" />
        <SelectField {...bind('status')} values={INCIDENT_STATUSES} labels={INCIDENT_STATUS_LABELS} />
        {resolved && <InputField {...bind('resolvedAt')} type="date" max={today} optional />}
        <NumberField {...bind('recordsExposed')} />
        <NumberField {...bind('notifiedAfterDays')} />
        <TextAreaField {...bind('summary')} />
        <InputField
          {...bind('source')}
          className="wide"
          placeholder="Where we learned of it: a link or a note"
          optional
        />
      </div>
      <SaveOutcome {...saving.outcome} />
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
