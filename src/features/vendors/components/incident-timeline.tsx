/**
 * The vendor's incidents, newest first, each with the weight it still carries in today's score. People who may
 * write incidents add, edit and resolve them here; the score above follows each change.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { ProblemMessage } from '../../../components/problem-message'
import {
  formatCompact,
  INCIDENT_KIND_LABELS,
  INCIDENT_STATUS_LABELS,
  SEVERITY_LABELS,
  type Incident,
  type VendorDetailResponse,
} from '../../../domain'
import { formatDate } from '../../../lib/format-ui'
import { useUpdateIncident } from '../api/update-incident'
import { IncidentForm, type IncidentFormResult } from './incident-form'

const describe = (i: Incident) => `${INCIDENT_KIND_LABELS[i.kind]} of ${formatDate(i.occurredAt)}`

export function IncidentsSection({
  detail,
  canWrite,
  readOnlyNote,
}: {
  detail: VendorDetailResponse
  canWrite: boolean
  /** Said instead of the controls to a role that may not write incidents; null while the session loads. */
  readOnlyNote: string | null
}) {
  const vendorId = detail.vendor.id
  const today = detail.score.asOf
  const idPrefix = useId()
  const [editing, setEditing] = useState<string | 'new' | null>(null)
  // Where focus goes back to once a form closes or a button disappears: the control that led there.
  const returnFocus = useRef<string | null>(null)
  const addButton = useRef<HTMLButtonElement>(null)
  const resolve = useUpdateIncident(vendorId)

  const editButtonId = (incidentId: string) => `${idPrefix}-edit-${incidentId}`

  useEffect(() => {
    const to = returnFocus.current
    if (to === null) return
    returnFocus.current = null
    const target = to === 'new' ? addButton.current : document.getElementById(`${idPrefix}-edit-${to}`)
    target?.focus()
  })

  function close(which: string, result: IncidentFormResult) {
    returnFocus.current = result === 'deleted' ? 'new' : which
    setEditing(null)
  }

  function markResolved(incident: Incident) {
    resolve.mutate(
      { incidentId: incident.id, patch: { status: 'resolved', resolvedAt: detail.score.asOf } },
      {
        onSuccess: () => {
          returnFocus.current = incident.id
        },
      },
    )
  }

  const decay = new Map(detail.score.factors.filter((f) => f.incidentId).map((f) => [f.incidentId!, f]))
  const incidents = [...detail.vendor.incidents].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))

  return (
    <section className="panel" aria-labelledby="incidents-title">
      <div className="section-head">
        <h2 id="incidents-title">Incidents, newest first</h2>
        {canWrite && editing !== 'new' && (
          <button type="button" ref={addButton} onClick={() => setEditing('new')}>
            Add incident
          </button>
        )}
      </div>
      {readOnlyNote && <p className="muted small">{readOnlyNote}</p>}
      {editing === 'new' && (
        <IncidentForm vendorId={vendorId} today={today} onDone={(result) => close('new', result)} />
      )}
      {incidents.length === 0 ? (
        <p className="muted">No incidents recorded.</p>
      ) : (
        <ol className="timeline">
          {incidents.map((i) => {
            const factor = decay.get(i.id)
            const resolving = resolve.isPending && resolve.variables.incidentId === i.id
            const resolveError =
              resolve.error && resolve.variables?.incidentId === i.id ? resolve.error : null
            return (
              <li key={i.id} className={i.status === 'open' ? 'incident open' : 'incident'}>
                {editing === i.id ? (
                  <IncidentForm
                    vendorId={vendorId}
                    incident={i}
                    today={today}
                    onDone={(result) => close(i.id, result)}
                  />
                ) : (
                  <>
                    <div className="incident-head">
                      <strong>{INCIDENT_KIND_LABELS[i.kind]}</strong>
                      <span className={`severity severity-${i.severity}`}>{SEVERITY_LABELS[i.severity]}</span>
                      <span className="incident-status">{INCIDENT_STATUS_LABELS[i.status]}</span>
                      <time dateTime={i.occurredAt} title={formatDate(i.occurredAt)}>
                        {formatDate(i.occurredAt)}
                      </time>
                      {canWrite && (
                        <span className="incident-actions">
                          {i.status !== 'resolved' && (
                            <button
                              type="button"
                              disabled={resolving}
                              aria-label={`Mark resolved: ${describe(i)}`}
                              onClick={() => markResolved(i)}
                            >
                              {resolving ? 'Resolving…' : 'Mark resolved'}
                            </button>
                          )}
                          <button
                            type="button"
                            id={editButtonId(i.id)}
                            aria-label={`Edit ${describe(i)}`}
                            onClick={() => setEditing(i.id)}
                          >
                            Edit
                          </button>
                        </span>
                      )}
                    </div>
                    <p>{i.summary}</p>
                    <p className="muted small">
                      {i.resolvedAt ? `resolved ${formatDate(i.resolvedAt)} · ` : ''}
                      {i.recordsExposed > 0 ? `${formatCompact(i.recordsExposed)} records exposed · ` : ''}
                      {i.notifiedAfterDays !== undefined
                        ? `told us after ${i.notifiedAfterDays} days · `
                        : ''}
                      {factor
                        ? `counts ${Math.round((factor.decay ?? 1) * 100)} % today (${factor.points.toFixed(1)} points)`
                        : `after ${detail.score.asOf}, not yet counted`}
                    </p>
                    {resolveError && <ProblemMessage error={resolveError} />}
                  </>
                )}
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
