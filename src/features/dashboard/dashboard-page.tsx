import DashboardOverview from './dashboard-overview'

/**
 * The dashboard route. The router loads this page's chunk (its cards, findings and response schemas) only when
 * the dashboard opens, and each card loads its chart's recharts module only when it draws, so the vendor list
 * and the other pages never pay for them.
 */
export function DashboardPage() {
  return <DashboardOverview />
}
