import { useMemo, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { ProblemMessage } from '../../components/problem-message'
import { RelativeDate } from '../../components/relative-date'
import { TierBadge } from '../../components/tier-badge'
import {
  plural,
  REVIEW_CADENCE_DAYS,
  REVIEW_WINDOWS,
  reviewQueue,
  TIERS,
  type ReviewWindow,
} from '../../domain'
import { useAllVendors } from './api/get-vendors'

const WINDOW_LABELS: Record<ReviewWindow, string> = {
  overdue: 'Overdue',
  '30': 'Due in 30 days',
  '90': 'Due in 90 days',
}
const PAGE = 100

function dueText(daysLeft: number | null): string {
  if (daysLeft === null) return 'never assessed'
  if (daysLeft < 0) return `${plural(-daysLeft, 'day')} overdue`
  if (daysLeft === 0) return 'due today'
  return `due in ${plural(daysLeft, 'day')}`
}

/** Procurement's work list: which security reviews are overdue or falling due, riskiest and oldest first. */
export function ReviewsPage() {
  const { data, error, isPending, refetch } = useAllVendors()
  const [params, setParams] = useSearchParams()
  const raw = params.get('due')
  const window: ReviewWindow = REVIEW_WINDOWS.find((w) => w === raw) ?? 'overdue'
  const owner = params.get('owner') ?? ''
  const [shown, setShown] = useState(PAGE)

  const owners = useMemo(() => [...new Set((data?.items ?? []).map((v) => v.owner))].sort(), [data])
  const queue = useMemo(
    () =>
      data &&
      reviewQueue(owner === '' ? data.items : data.items.filter((v) => v.owner === owner), data.asOf, window),
    [data, owner, window],
  )

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params)
    if (value === null || value === '') next.delete(key)
    else next.set(key, value)
    setParams(next, { replace: true })
    setShown(PAGE)
  }

  const heading = (
    <>
      <h1>Reviews</h1>
      <p className="muted">
        Each tier is reassessed on its own cadence:{' '}
        {TIERS.map((t) => `${t} every ${REVIEW_CADENCE_DAYS[t]} days`).join(', ')}. A vendor never assessed is
        due now.
      </p>
    </>
  )
  if (isPending) {
    return (
      <>
        {heading}
        <div className="skeleton table-skeleton" aria-busy="true" aria-label="Loading reviews" />
      </>
    )
  }
  if (error || !queue) {
    return (
      <>
        {heading}
        <ProblemMessage error={error} onRetry={() => void refetch()} />
      </>
    )
  }

  const visible = queue.items.slice(0, shown)
  return (
    <div className="reviews-page">
      {heading}
      <section className="findings" aria-label="Overdue reviews by tier">
        <p className="finding">
          <strong className="num">{queue.counts.overdue}</strong>{' '}
          {queue.counts.overdue === 1 ? 'review is' : 'reviews are'} overdue
          {owner && ` for vendors owned by ${owner}`}.
        </p>
        <ul className="tier-counts">
          {TIERS.map((tier) => (
            <li key={tier} className={`tier-count tier-${tier}`}>
              <span className="num">{queue.overdueByTier[tier]}</span> {tier}
            </li>
          ))}
        </ul>
      </section>

      <div className="toolbar">
        <div className="segmented" role="group" aria-label="Which reviews">
          {REVIEW_WINDOWS.map((w) => (
            <button
              key={w}
              type="button"
              aria-pressed={w === window}
              onClick={() => setParam('due', w === 'overdue' ? null : w)}
            >
              {WINDOW_LABELS[w]} <span className="num count">{queue.counts[w]}</span>
            </button>
          ))}
        </div>
        <label>
          Owner{' '}
          <select value={owner} onChange={(e) => setParam('owner', e.target.value)}>
            <option value="">Everyone</option>
            {owners.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      </div>

      {queue.items.length === 0 ? (
        <p className="empty panel">
          {window === 'overdue'
            ? 'No review is overdue. Look ahead at the reviews due in the next 30 or 90 days.'
            : `No review falls due in the next ${window} days.`}
        </p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">
            {WINDOW_LABELS[window]}: {plural(queue.items.length, 'vendor')}, most urgent first
          </caption>
          <thead>
            <tr>
              <th scope="col">Vendor</th>
              <th scope="col">Tier</th>
              <th scope="col" className="num">
                Score
              </th>
              <th scope="col">Owner</th>
              <th scope="col">Review due</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {visible.map(({ vendor, daysLeft }) => (
              <tr key={vendor.id}>
                <th scope="row">
                  <Link to={`/vendors/${encodeURIComponent(vendor.id)}`}>{vendor.name}</Link>
                </th>
                <td>
                  <TierBadge tier={vendor.tier} />
                </td>
                <td className="num">{vendor.score.toFixed(1)}</td>
                <td>{vendor.owner}</td>
                <td>
                  {vendor.nextReviewDue ? (
                    <RelativeDate iso={vendor.nextReviewDue} asOf={data.asOf} />
                  ) : (
                    'Now'
                  )}
                </td>
                <td className={daysLeft === null || daysLeft < 0 ? 'overdue' : undefined}>
                  {dueText(daysLeft)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {queue.items.length > shown && (
        <p>
          <button type="button" onClick={() => setShown((n) => n + PAGE)}>
            Show {Math.min(PAGE, queue.items.length - shown)} more of {queue.items.length - shown}
          </button>
        </p>
      )}
    </div>
  )
}
