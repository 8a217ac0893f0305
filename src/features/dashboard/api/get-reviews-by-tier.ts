import { queryOptions, useQuery } from '@tanstack/react-query'
import { ReviewsByTierResponse, type DashboardQuery } from '../../../domain'
import { getJson } from '../../../lib/api-client'
import { dashboardUrl } from './dashboard-url'

/** GET /api/dashboard/reviews: overdue security reviews per tier. */
export function getReviewsByTier(params: DashboardQuery = {}, signal?: AbortSignal) {
  return getJson(dashboardUrl('reviews', params), ReviewsByTierResponse, signal ? { signal } : {})
}

export const reviewsByTierQueryOptions = (params: DashboardQuery = {}) =>
  queryOptions({
    queryKey: ['dashboard', 'reviews', params],
    queryFn: ({ signal }) => getReviewsByTier(params, signal),
  })

export const useReviewsByTier = (params: DashboardQuery = {}) => useQuery(reviewsByTierQueryOptions(params))
