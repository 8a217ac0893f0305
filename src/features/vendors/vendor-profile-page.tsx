import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { Link, useParams } from 'react-router'
import { ProblemMessage } from '../../components/problem-message'
import { RelativeDate } from '../../components/relative-date'
import {
  can,
  CERTIFICATION_LABELS,
  CRITICALITY_LABELS,
  DATA_CLASS_LABELS,
  DATA_LOCATION_LABELS,
  formatWhole,
  NETWORK_ACCESS_LABELS,
  VENDOR_STATUS_LABELS,
  whoCan,
  type Permission,
  type RoleName,
} from '../../domain'
import { ApiError } from '../../lib/api-client'
import { formatDate } from '../../lib/format-ui'
import { useSession } from '../auth/api/session'
import { useVendor } from './api/get-vendor'
import { useVendorHistory } from './api/get-vendor-history'
import { FactorList } from './components/factor-list'
import { IncidentsSection } from './components/incident-timeline'
import { ScoreSummary } from './components/score-summary'
import { ReviewForm } from './components/review-form'
import { VendorEditForm } from './components/vendor-edit-form'
import { WhatIfPanel } from './components/what-if-panel'

// recharts is large: it loads with the first profile, not with the inventory.
const FactorChart = lazy(() => import('./components/factor-chart'))
const ScoreSparkline = lazy(() => import('./components/score-sparkline'))

function Facts({ items }: { items: [string, React.ReactNode][] }) {
  return (
    <dl className="facts">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** What a role may not do, said with who can: "Procurement or an admin edits vendors; your role (ciso) reads them." */
function readOnlyNote(role: RoleName | undefined, permission: Permission, action: string): string | null {
  if (role === undefined || can(role, permission)) return null
  const who = whoCan(permission)
  return `${who.charAt(0).toUpperCase()}${who.slice(1)} ${action}; your role (${role}) reads them.`
}

export function VendorProfilePage() {
  const { id = '' } = useParams()
  const { data, error, isPending, refetch } = useVendor(id)
  const history = useVendorHistory(id)
  const { data: session } = useSession()
  const role = session?.role
  // The id of the vendor being edited, so following a link to another vendor does not carry the form over.
  const [editingId, setEditingId] = useState<string | null>(null)
  const editing = editingId === id
  const [saved, setSaved] = useState(false)
  const editButton = useRef<HTMLButtonElement>(null)
  const focusEditButton = useRef(false)

  useEffect(() => {
    // Back to the Edit button once the form closes, so keyboard users carry on where they were.
    if (!editing && focusEditButton.current) {
      focusEditButton.current = false
      editButton.current?.focus()
    }
  }, [editing])

  if (isPending) return <div className="skeleton" aria-busy="true" aria-label="Loading vendor" />
  if (error) {
    return (
      <>
        <p>
          <Link to="/vendors">← Vendors</Link>
        </p>
        {error instanceof ApiError && error.status === 404 ? (
          <>
            <h1>Vendor not found</h1>
            <p>No vendor has the id {id}. It may have been mistyped in the link.</p>
          </>
        ) : (
          <ProblemMessage error={error} onRetry={() => void refetch()} />
        )}
      </>
    )
  }

  const { vendor, score, summary, riskAcceptance } = data
  const mayEdit = role !== undefined && can(role, 'vendors:write')
  const mayWriteIncidents = role !== undefined && can(role, 'incidents:write')
  const editNote = readOnlyNote(role, 'vendors:write', 'edits vendors')
  const access = vendor.access
  const controls = vendor.controls
  return (
    <article className="profile" aria-labelledby="profile-title">
      <p>
        <Link to="/vendors">← Vendors</Link>
      </p>
      <header className="profile-header">
        <div>
          <h1 id="profile-title">{vendor.name}</h1>
          <p className="muted">
            {vendor.category} · owned by {vendor.owner} · {VENDOR_STATUS_LABELS[vendor.status]}
            {vendor.website && (
              <>
                {' · '}
                <a href={vendor.website} target="_blank" rel="noopener noreferrer">
                  {vendor.website}
                </a>
              </>
            )}
          </p>
          {vendor.description && <p>{vendor.description}</p>}
          {mayEdit && !editing && (
            <p className="profile-actions">
              <button
                type="button"
                ref={editButton}
                onClick={() => {
                  setSaved(false)
                  setEditingId(id)
                }}
              >
                Edit vendor
              </button>
              {saved && (
                <span role="status" className="muted small">
                  Changes saved.
                </span>
              )}
            </p>
          )}
          {editNote && <p className="muted small">{editNote}</p>}
        </div>
        <ScoreSummary score={score} />
      </header>

      {editing && (
        <VendorEditForm
          key={`edit-${vendor.id}`}
          detail={data}
          onClose={(didSave) => {
            focusEditButton.current = true
            setSaved(didSave)
            setEditingId(null)
          }}
        />
      )}

      {summary.outsidePerimeter && (
        <p className="callout danger">
          Our data lives in this vendor&apos;s own environment, outside our network and our monitoring.
        </p>
      )}
      {riskAcceptance && (
        <p className={riskAcceptance.active ? 'callout' : 'callout danger'}>
          {riskAcceptance.active ? 'Risk accepted' : 'Risk acceptance lapsed'} by {riskAcceptance.acceptedBy}{' '}
          until {formatDate(riskAcceptance.until)}: {riskAcceptance.note}
        </p>
      )}

      <div className="profile-grid">
        <section className="panel" aria-labelledby="why-title">
          <h2 id="why-title">Why it scores {score.score.toFixed(1)}</h2>
          <Suspense fallback={<div className="skeleton chart-skeleton" aria-hidden="true" />}>
            <FactorChart factors={score.factors} />
          </Suspense>
          <FactorList
            title="Exposure: what the vendor can reach"
            factors={score.factors.filter((f) => f.group === 'exposure')}
            total={score.exposure}
          />
          <FactorList
            title="Likelihood: how likely it is to fail us"
            factors={score.factors.filter((f) => f.group === 'likelihood')}
            total={score.likelihood}
          />
        </section>

        <div className="profile-side">
          <section className="panel" aria-labelledby="what-if-title">
            <h2 id="what-if-title">What would change it</h2>
            <WhatIfPanel vendor={vendor} asOf={score.asOf} />
          </section>
          <section className="panel" aria-labelledby="history-title">
            <h2 id="history-title">Score history</h2>
            {history.data && history.data.items.length > 1 ? (
              <Suspense fallback={<div className="skeleton chart-skeleton" aria-hidden="true" />}>
                <ScoreSparkline items={history.data.items} />
              </Suspense>
            ) : (
              <p className="muted">
                {history.isPending ? 'Loading…' : 'One score so far; the history grows as the score changes.'}
              </p>
            )}
          </section>
          <section className="panel" aria-labelledby="access-title">
            <h2 id="access-title">Access scope</h2>
            <Facts
              items={[
                [
                  'Data',
                  access.dataClasses.length === 0
                    ? 'None'
                    : access.dataClasses.map((c) => DATA_CLASS_LABELS[c]).join(', '),
                ],
                ['Records', formatWhole(access.records)],
                ['Where our data lives', DATA_LOCATION_LABELS[access.dataLocation]],
                ['Network access', NETWORK_ACCESS_LABELS[access.networkAccess]],
                ['Business criticality', CRITICALITY_LABELS[access.criticality]],
              ]}
            />
          </section>
          <section className="panel" aria-labelledby="controls-title">
            <h2 id="controls-title">Controls</h2>
            <Facts
              items={[
                [
                  'Certifications',
                  controls.certifications.length === 0
                    ? 'None'
                    : controls.certifications.map((c) => CERTIFICATION_LABELS[c]).join(', '),
                ],
                ['MFA', controls.mfa ? 'Enforced' : 'Not enforced'],
                ['Encryption at rest', controls.encryptionAtRest ? 'Yes' : 'No'],
                [
                  'Last assessed',
                  controls.lastAssessedAt ? (
                    <RelativeDate iso={controls.lastAssessedAt} asOf={score.asOf} />
                  ) : (
                    'Never'
                  ),
                ],
                [
                  'Next review',
                  summary.nextReviewDue ? (
                    <span className={summary.reviewOverdue ? 'overdue' : undefined}>
                      <RelativeDate iso={summary.nextReviewDue} asOf={score.asOf} />
                      {summary.reviewOverdue && ' · overdue'}
                    </span>
                  ) : (
                    <span className="overdue">Due now: never assessed</span>
                  ),
                ],
              ]}
            />
          </section>
          <section className="panel" aria-labelledby="review-title">
            <h2 id="review-title">Record a review</h2>
            <ReviewForm vendorId={vendor.id} today={score.asOf} />
          </section>
          <section className="panel" aria-labelledby="fourth-title">
            <h2 id="fourth-title">Fourth parties ({access.fourthParties.length})</h2>
            {access.fourthParties.length === 0 ? (
              <p className="muted">No sub-processors declared.</p>
            ) : (
              <ul className="chips">
                {access.fourthParties.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>

      <IncidentsSection
        key={`incidents-${vendor.id}`}
        detail={data}
        canWrite={mayWriteIncidents}
        readOnlyNote={readOnlyNote(role, 'incidents:write', 'records incidents')}
      />
    </article>
  )
}
