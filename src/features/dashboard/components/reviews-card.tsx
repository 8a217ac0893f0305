import { Link } from 'react-router'
import {
  plural,
  REVIEW_OVERDUE_FILTER,
  reviewBars,
  reviewsFinding,
  TIER_LABELS,
  type ReviewsByTierResponse,
} from '../../../domain'
import { vendorListHref } from '../../../lib/vendor-filter-params'
import { useReviewsByTier } from '../api/get-reviews-by-tier'
import { ChartCard } from './chart-card'
import ReviewsChart from './reviews-chart'
import { ChartLegend } from './chart-legend'
import { FigureTableHead } from './figure-table-head'
import { CARD_RESERVE, REVIEWS_CHART_HEIGHT } from './chart-sizes'
import { TIER_COLOR } from './chart-theme'
import { NoVendorsYet } from './no-vendors-yet'
import { REVIEW_STATES } from './review-states'

const chartLabel = (d: ReviewsByTierResponse) =>
  `Stacked bar chart of security reviews per tier: ${reviewBars(d)
    .map((b) => `${TIER_LABELS[b.tier]} ${b.overdue} overdue of ${b.vendors}`)
    .join(', ')}.`

/** 8. Overdue security reviews by tier: the tier sets the cadence, so an overdue critical review weighs most. */
export function ReviewsCard() {
  const result = useReviewsByTier()
  return (
    <ChartCard
      measure="Overdue reviews by tier"
      result={result}
      finding={reviewsFinding}
      isEmpty={(d) => d.vendors === 0}
      empty={<NoVendorsYet what="The review status" />}
      chart={(d) => <ReviewsChart bars={reviewBars(d)} label={chartLabel(d)} />}
      chartHeight={() => REVIEWS_CHART_HEIGHT}
      reserve={CARD_RESERVE.reviews}
      legend={(d) => (
        <>
          <ChartLegend
            label="Overdue reviews per tier; each opens those vendors"
            items={reviewBars(d).map((b) => ({
              key: b.tier,
              label: TIER_LABELS[b.tier],
              color: TIER_COLOR[b.tier],
              detail: `${b.overdue} overdue`,
              description: `${TIER_LABELS[b.tier]}: ${plural(b.overdue, 'overdue review')}`,
              filter: b.overdueFilter,
            }))}
          />
          <ChartLegend
            label="Bar segments"
            items={REVIEW_STATES.map((s) => ({ key: s.key, label: s.label, color: s.color }))}
          />
          <p className="chart-note small">
            <Link to="/reviews">Open the reviews work list</Link> ·{' '}
            <Link to={vendorListHref(REVIEW_OVERDUE_FILTER)}>All {plural(d.overdue, 'overdue vendor')}</Link>
          </p>
        </>
      )}
      table={(d) => (
        <table className="data-table">
          <caption className="visually-hidden">Security reviews per tier and their cadence</caption>
          <FigureTableHead
            rows="Tier"
            figures={['Every', 'Vendors', 'Overdue', 'Never assessed', 'Due within 30 days']}
          />
          <tbody>
            {reviewBars(d).map((b) => (
              <tr key={b.tier}>
                <th scope="row">{TIER_LABELS[b.tier]}</th>
                <td className="num">{b.cadenceDays} days</td>
                <td className="num">{b.vendors}</td>
                <td className="num">
                  {b.overdue === 0 ? (
                    '0'
                  ) : (
                    <Link
                      to={vendorListHref(b.overdueFilter)}
                      aria-label={`${plural(b.overdue, 'overdue review')}, ${TIER_LABELS[b.tier].toLowerCase()} tier`}
                    >
                      {b.overdue}
                    </Link>
                  )}
                </td>
                <td className="num">{b.neverAssessed}</td>
                <td className="num">{b.dueWithin30}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  )
}
