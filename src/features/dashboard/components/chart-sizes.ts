/**
 * The charts' drawn heights, shared by the chart modules (which draw at them) and the cards (whose
 * placeholders keep exactly that room until the chart's turn to draw), so a chart arriving never moves the page.
 */

export const TIER_CHART_HEIGHT = 190
export const EXPOSURE_RING_HEIGHT = 220
/** One bar per data class held by any vendor. */
export const exposureBarsHeight = (bars: number) => Math.max(120, bars * 30 + 40)
export const RISK_MAP_HEIGHT = 380
export const TREND_SCORES_HEIGHT = 170
export const TREND_TIERS_HEIGHT = 150
export const REVIEWS_CHART_HEIGHT = 190
export const INCIDENT_CHART_HEIGHT = 240
/** One bar per sub-processor shown (ten by default). */
export const fourthPartyChartHeight = (items: number) => Math.max(140, items * 30 + 40)

/**
 * The room each card's content (chart, legend, notes; the table for the top risks) takes once loaded, measured
 * at the dashboard's two-column desktop width (1350 px) with 100 and with 50,000 vendors: the loading skeleton
 * holds it, and the content never takes less. Re-measure when a card gains or loses a line.
 */
export const CARD_RESERVE = {
  tiers: 220,
  exposure: 580,
  riskMap: 455,
  trend: 370,
  reviews: 295,
  topRisks: 540,
  incidents: 335,
  fourthParties: 415,
} as const
