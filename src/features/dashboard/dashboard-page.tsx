import DashboardOverview from './dashboard-overview'

/**
 * The dashboard route. The router loads this page's chunk (its cards, findings and response schemas) only when
 * the dashboard opens, so the vendor list and the other pages never pay for them. The charts are plain SVG and
 * HTML in the same chunk: small enough not to need a chunk of their own, and drawn without a further request.
 */
export function DashboardPage() {
  return <DashboardOverview />
}
