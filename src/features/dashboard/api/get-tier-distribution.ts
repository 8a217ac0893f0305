import { queryOptions, useQuery } from '@tanstack/react-query'
import { TierDistributionResponse, type DashboardQuery } from '../../../domain'
import { getJson } from '../../../lib/api-client'
import { dashboardUrl } from './dashboard-url'

/** GET /api/dashboard/tiers: vendors per tier now and 30 and 90 days ago. */
export function getTierDistribution(params: DashboardQuery = {}, signal?: AbortSignal) {
  return getJson(dashboardUrl('tiers', params), TierDistributionResponse, signal ? { signal } : {})
}

export const tierDistributionQueryOptions = (params: DashboardQuery = {}) =>
  queryOptions({
    queryKey: ['dashboard', 'tiers', params],
    queryFn: ({ signal }) => getTierDistribution(params, signal),
  })

export const useTierDistribution = (params: DashboardQuery = {}) =>
  useQuery(tierDistributionQueryOptions(params))
