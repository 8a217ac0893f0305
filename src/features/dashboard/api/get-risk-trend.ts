import { queryOptions, useQuery } from '@tanstack/react-query'
import { TrendResponse, type TrendQuery } from '../../../domain'
import { getJson } from '../../../lib/api-client'
import { dashboardUrl } from './dashboard-url'

/** GET /api/dashboard/trend: median, 90th percentile and tiers over time. */
export function getRiskTrend(params: TrendQuery = {}, signal?: AbortSignal) {
  return getJson(dashboardUrl('trend', params), TrendResponse, signal ? { signal } : {})
}

export const riskTrendQueryOptions = (params: TrendQuery = {}) =>
  queryOptions({
    queryKey: ['dashboard', 'trend', params],
    queryFn: ({ signal }) => getRiskTrend(params, signal),
  })

export const useRiskTrend = (params: TrendQuery = {}) => useQuery(riskTrendQueryOptions(params))
