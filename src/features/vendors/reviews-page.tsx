import { useMemo } from 'react'
import { Link, useSearchParams } from 'react-router'
import { ProblemMessage } from '../../components/problem-message'
import { RelativeDate } from '../../components/relative-date'
import { TierBadge } from '../../components/tier-badge'
import {
  plural,
  REVIEW_CADENCE_DAYS,
  REVIEW_QUEUE_PAGE_SIZE,
  REVIEW_WINDOWS,
  TIERS,
  type ReviewWindow,
} from '../../domain'
import { useReviewQueue } from './api/get-review-queue'

const WINDOW_LABELS: Record<ReviewWindow, string> = {
  overdue: 'Overdue',
  '30': 'Due in 30 days',
  '90': 'Due in 90 days',
}

function dueText(daysLeft: number | null): string {
  if (daysLeft === null) return 'never assessed'
  if (daysLeft < 0) return `${plural(-daysLeft, 'day')} overdue`
  if (daysLeft === 0) return 'due today'
  return `due in ${plural(daysLeft, 'day')}`
}

/** Procurement's work list: which security reviews are overdue or falling due, riskiest and oldest first. */
export function ReviewsPage() {
  const [params, setParams] = useSearchParams()
  const raw = params.get('due')
  const window: ReviewWindow = REVIEW_WINDOWS.find((w) => w === raw) ?? 'overdue'
  const owner = params.get('owner') ?? ''
  const {
    data,
    error,
    isPending,
    isPlaceholderData,
    isFetchNextPageError,
    refetch,
    fetchNextPage,
    hasNextPage,
    isFetchingNextPage,
  } = useReviewQueue({ due: window, owner })

  const items = useMemo(() => {
    // Pages are fetched at different moments: a review recorded in between shifts the rows, and a vendor could
    // come twice. The first page (the counts) and the rows as they were fetched are still the best we know.
    const seen = new Set<string>()
    return (data?.pages ?? [])
      .flatMap((page) => page.items)
      .filter(({ vendor }) => {
        if (seen.has(vendor.id)) return false
        seen.add(vendor.id)
        return true
      })
  }, [data])

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params)
    if (value === null || value === '') next.delete(key)
    else next.set(key, value)
    setParams(next, { replace: true })
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
  const queue = data?.pages[0]
  if (!queue) {
    return (
      <>
        {heading}
        <ProblemMessage error={error} onRetry={() => void refetch()} />
      </>
    )
  }

  // The rows on screen may be the previous window's or owner's while the new one is on its way: word them by
  // what they are (the answer says), not by what was asked for.
  const shownWindow = queue.window
  const remaining = (data.pages.at(-1)?.total ?? queue.total) - items.length
  return (
    <div className="reviews-page">
      {heading}
      <section className="findings" aria-label="Overdue reviews by tier">
        <p className="finding">
          <strong className="num">{queue.counts.overdue}</strong>{' '}
          {queue.counts.overdue === 1 ? 'review is' : 'reviews are'} overdue
          {queue.owner !== null && ` for vendors owned by ${queue.owner}`}.
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
            {(queue.owners ?? []).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      </div>

      {queue.total === 0 ? (
        <p className="empty panel" aria-busy={isPlaceholderData || undefined}>
          {shownWindow === 'overdue'
            ? 'No review is overdue. Look ahead at the reviews due in the next 30 or 90 days.'
            : `No review falls due in the next ${shownWindow} days.`}
        </p>
      ) : (
        <table className="data-table" aria-busy={isPlaceholderData || undefined}>
          <caption className="visually-hidden">
            {WINDOW_LABELS[shownWindow]}: {plural(queue.total, 'vendor')}, most urgent first
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
            {items.map(({ vendor, daysLeft }) => (
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
                    <RelativeDate iso={vendor.nextReviewDue} asOf={queue.asOf} />
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
      {error && !isPlaceholderData ? (
        // A later page, or a refresh of those on screen, failed: the rows already shown stay.
        <ProblemMessage
          error={error}
          onRetry={() => void (isFetchNextPageError ? fetchNextPage() : refetch())}
        />
      ) : (
        hasNextPage &&
        remaining > 0 &&
        !isPlaceholderData && (
          <p>
            <button type="button" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
              Show {Math.min(REVIEW_QUEUE_PAGE_SIZE, remaining)} more of {remaining}
            </button>
          </p>
        )
      )}
    </div>
  )
}
