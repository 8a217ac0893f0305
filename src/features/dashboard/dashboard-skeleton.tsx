/**
 * The dashboard's shape while its code loads on a first visit: the header, and every card at the size it will
 * have once loaded (chart-sizes.ts), so the page does not jump when the cards arrive. Small: it ships with the
 * app's entry, as the route's fallback.
 */
import { CARD_RESERVE } from './components/chart-sizes'

export const HEADLINE_LABELS = {
  portfolio: 'vendors in the portfolio',
  severe: 'critical or high risk',
  outside: 'of records outside our perimeter',
  openIncidents: 'open incidents',
  overdueReviews: 'overdue reviews',
} as const

/** The cards in the order dashboard-overview.tsx lays them out; a wide card spans both columns. */
const LAYOUT: { reserve: number; wide?: boolean }[] = [
  { reserve: CARD_RESERVE.tiers },
  { reserve: CARD_RESERVE.exposure },
  { reserve: CARD_RESERVE.riskMap, wide: true },
  { reserve: CARD_RESERVE.trend },
  { reserve: CARD_RESERVE.reviews },
  { reserve: CARD_RESERVE.topRisks, wide: true },
  { reserve: CARD_RESERVE.incidents },
  { reserve: CARD_RESERVE.fourthParties },
]

export function HeadlineSkeleton({ label }: { label: string }) {
  return (
    <li className="headline" aria-busy="true">
      <span className="skeleton headline-skeleton" />
      <span className="headline-label">{label}</span>
    </li>
  )
}

export function DashboardSkeleton() {
  return (
    <div className="dashboard-page" aria-busy="true">
      <header className="dashboard-header">
        <div>
          <h1>Dashboard</h1>
          <p className="muted">Where will our next breach come from?</p>
        </div>
        <ul className="headlines" aria-hidden="true">
          {Object.values(HEADLINE_LABELS).map((label) => (
            <HeadlineSkeleton key={label} label={label} />
          ))}
        </ul>
      </header>
      <div className="dashboard-grid" role="status" aria-label="Loading the dashboard">
        {LAYOUT.map(({ reserve, wide }, i) => (
          <div key={i} className={`chart-card${wide ? ' chart-card-wide' : ''}`}>
            <div className="chart-card-header">
              <div>
                <p className="chart-measure">
                  <span className="skeleton measure-skeleton" />
                </p>
                <h2>
                  <span className="skeleton heading-skeleton" />
                </h2>
              </div>
            </div>
            <div className="skeleton chart-skeleton" style={{ height: reserve }} />
          </div>
        ))}
      </div>
    </div>
  )
}
