import { memo } from 'react'
import { Link } from 'react-router'
import {
  formatShare,
  formatWhole,
  OPEN_INCIDENT_FILTER,
  portfolioFilter,
  REVIEW_OVERDUE_FILTER,
  type VendorFilter,
} from '../../domain'
import { formatDate } from '../../lib/format-ui'
import { vendorListHref } from '../../lib/vendor-filter-params'
import { useExposure } from './api/get-exposure'
import { useIncidentTrend } from './api/get-incident-trend'
import { useReviewsByTier } from './api/get-reviews-by-tier'
import { useTierDistribution } from './api/get-tier-distribution'
import { ExposureCard } from './components/exposure-card'
import { FourthPartyCard } from './components/fourth-party-card'
import { IncidentCard } from './components/incident-card'
import { ReviewsCard } from './components/reviews-card'
import { RiskMapCard } from './components/risk-map-card'
import { RiskTrendCard } from './components/risk-trend-card'
import { TierDistributionCard } from './components/tier-distribution-card'
import { TopRisksCard } from './components/top-risks-card'
import { HEADLINE_LABELS, HeadlineSkeleton } from './dashboard-skeleton'

interface HeadlineProps {
  /** Undefined while loading; null when the figure could not be loaded (its card shows why). */
  value: string | null | undefined
  label: string
  filter: VendorFilter
}

function Headline({ value, label, filter }: HeadlineProps) {
  if (value === undefined) return <HeadlineSkeleton label={label} />
  return (
    <li className="headline">
      <Link to={vendorListHref(filter)}>
        <span className="headline-value num">{value ?? '–'}</span>{' '}
        <span className="headline-label">{label}</span>
      </Link>
    </li>
  )
}

/** A figure from a query: undefined while it loads, null when it failed. */
const figure = <T,>(result: { data: T | undefined; isError: boolean }, pick: (data: T) => string) =>
  result.isError ? null : result.data === undefined ? undefined : pick(result.data)

/**
 * The cards, each reading its own query. Kept apart from the header so that the headline figures arriving (four
 * queries, four renders of the header) do not render every card and chart again: at 50,000 vendors the risk map
 * alone is a thousand SVG elements.
 */
const DashboardCards = memo(function DashboardCards() {
  return (
    // The order dashboard-skeleton.tsx reserves room for.
    <div className="dashboard-grid">
      <TierDistributionCard />
      <ExposureCard />
      <RiskMapCard />
      <RiskTrendCard />
      <ReviewsCard />
      <TopRisksCard />
      <IncidentCard />
      <FourthPartyCard />
    </div>
  )
})

/**
 * The CISO's dashboard: "where will our next breach come from?" A header with the day the scores are for and
 * the headline numbers, then one card per question. Each card loads, fails and retries on its own.
 */
export default function DashboardOverview() {
  const tiers = useTierDistribution()
  const exposure = useExposure()
  const incidents = useIncidentTrend()
  const reviews = useReviewsByTier()
  const asOf = tiers.data?.asOf ?? exposure.data?.asOf ?? incidents.data?.asOf ?? reviews.data?.asOf

  return (
    <div className="dashboard-page">
      <header className="dashboard-header">
        <div>
          <h1>Dashboard</h1>
          <p className="muted">
            Where will our next breach come from?{' '}
            {asOf && (
              <>
                Scores as of <time dateTime={asOf}>{formatDate(asOf)}</time>.
              </>
            )}
          </p>
        </div>
        <ul className="headlines" aria-label="Headline numbers">
          <Headline
            label={HEADLINE_LABELS.portfolio}
            value={figure(tiers, (d) => formatWhole(d.vendors))}
            filter={portfolioFilter({})}
          />
          <Headline
            label={HEADLINE_LABELS.severe}
            value={figure(tiers, (d) =>
              formatWhole(
                d.tiers
                  .filter((t) => t.tier === 'critical' || t.tier === 'high')
                  .reduce((s, t) => s + t.count, 0),
              ),
            )}
            filter={portfolioFilter({ tier: ['critical', 'high'] })}
          />
          <Headline
            label={HEADLINE_LABELS.outside}
            value={figure(exposure, (d) => formatShare(d.outsidePerimeter.recordShare))}
            filter={portfolioFilter({ outsidePerimeter: true })}
          />
          <Headline
            label={HEADLINE_LABELS.openIncidents}
            value={figure(incidents, (d) => formatWhole(d.open.total))}
            filter={OPEN_INCIDENT_FILTER}
          />
          <Headline
            label={HEADLINE_LABELS.overdueReviews}
            value={figure(reviews, (d) => formatWhole(d.overdue))}
            filter={REVIEW_OVERDUE_FILTER}
          />
        </ul>
      </header>

      <DashboardCards />
    </div>
  )
}
