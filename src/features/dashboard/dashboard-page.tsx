import { lazy, Suspense } from 'react'

/**
 * The dashboard's code (its cards, findings and response schemas, about 10 kB gzipped) and, from there, each
 * chart's recharts module load only when the page opens, so the vendor list and the other pages never pay for them.
 */
const DashboardOverview = lazy(() => import('./dashboard-overview'))

function DashboardSkeleton() {
  return (
    <div className="dashboard-page" aria-busy="true">
      <header className="dashboard-header">
        <h1>Dashboard</h1>
      </header>
      <div className="dashboard-grid">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="chart-card">
            <div className="skeleton chart-skeleton" />
          </div>
        ))}
      </div>
    </div>
  )
}

export function DashboardPage() {
  return (
    <Suspense fallback={<DashboardSkeleton />}>
      <DashboardOverview />
    </Suspense>
  )
}
