import type { QueryClient } from '@tanstack/react-query'
import { exposureQueryOptions } from './get-exposure'
import { fourthPartiesQueryOptions } from './get-fourth-parties'
import { incidentTrendQueryOptions } from './get-incident-trend'
import { reviewsByTierQueryOptions } from './get-reviews-by-tier'
import { riskTrendQueryOptions } from './get-risk-trend'
import { tierDistributionQueryOptions } from './get-tier-distribution'
import { topRisksQueryOptions } from './get-top-risks'

/**
 * Starts every dashboard card's request (the same queries the cards use, with their default parameters), for the
 * route's loader: they go out with the page's code and the session check instead of after the page has drawn.
 * Nothing waits on them; a card shows its data, or its problem, when its request settles. The risk map is not among
 * them: it is the largest answer by far, and waits until the first screen is drawn (useRiskMap).
 */
export function prefetchDashboard(client: QueryClient) {
  void client.prefetchQuery(tierDistributionQueryOptions())
  void client.prefetchQuery(exposureQueryOptions())
  void client.prefetchQuery(incidentTrendQueryOptions())
  void client.prefetchQuery(reviewsByTierQueryOptions())
  void client.prefetchQuery(topRisksQueryOptions())
  void client.prefetchQuery(riskTrendQueryOptions())
  void client.prefetchQuery(fourthPartiesQueryOptions())
}
