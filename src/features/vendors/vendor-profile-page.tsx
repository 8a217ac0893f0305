import { lazy, Suspense } from 'react'
import { Link, useParams } from 'react-router'
import { ProblemMessage } from '../../components/problem-message'
import { RelativeDate } from '../../components/relative-date'
import {
  CERTIFICATION_LABELS,
  CRITICALITY_LABELS,
  DATA_CLASS_LABELS,
  DATA_LOCATION_LABELS,
  formatCompact,
  formatWhole,
  INCIDENT_KIND_LABELS,
  INCIDENT_STATUS_LABELS,
  NETWORK_ACCESS_LABELS,
  SEVERITY_LABELS,
  VENDOR_STATUS_LABELS,
  type VendorDetailResponse,
} from '../../domain'
import { ApiError } from '../../lib/api-client'
import { formatDate } from '../../lib/format-ui'
import { useVendor } from './api/get-vendor'
import { useVendorHistory } from './api/get-vendor-history'
import { FactorList } from './components/factor-list'
import { ScoreSummary } from './components/score-summary'
import { ReviewForm } from './components/review-form'
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

function IncidentTimeline({ detail }: { detail: VendorDetailResponse }) {
  const decay = new Map(detail.score.factors.filter((f) => f.incidentId).map((f) => [f.incidentId!, f]))
  const incidents = [...detail.vendor.incidents].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
  if (incidents.length === 0) return <p className="muted">No incidents recorded.</p>
  return (
    <ol className="timeline">
      {incidents.map((i) => {
        const factor = decay.get(i.id)
        return (
          <li key={i.id} className={i.status === 'open' ? 'incident open' : 'incident'}>
            <div className="incident-head">
              <strong>{INCIDENT_KIND_LABELS[i.kind]}</strong>
              <span className={`severity severity-${i.severity}`}>{SEVERITY_LABELS[i.severity]}</span>
              <span className="incident-status">{INCIDENT_STATUS_LABELS[i.status]}</span>
              <time dateTime={i.occurredAt} title={formatDate(i.occurredAt)}>
                {formatDate(i.occurredAt)}
              </time>
            </div>
            <p>{i.summary}</p>
            <p className="muted small">
              {i.recordsExposed > 0 ? `${formatCompact(i.recordsExposed)} records exposed · ` : ''}
              {i.notifiedAfterDays !== undefined ? `told us after ${i.notifiedAfterDays} days · ` : ''}
              {factor
                ? `counts ${Math.round((factor.decay ?? 1) * 100)} % today (${factor.points.toFixed(1)} points)`
                : `after ${detail.score.asOf}, not yet counted`}
            </p>
          </li>
        )
      })}
    </ol>
  )
}

export function VendorProfilePage() {
  const { id = '' } = useParams()
  const { data, error, isPending, refetch } = useVendor(id)
  const history = useVendorHistory(id)

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
        </div>
        <ScoreSummary score={score} />
      </header>

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

      <section className="panel" aria-labelledby="incidents-title">
        <h2 id="incidents-title">Incidents, newest first</h2>
        <IncidentTimeline detail={data} />
      </section>
    </article>
  )
}
