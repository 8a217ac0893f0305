import { queryOptions, useQuery } from '@tanstack/react-query'
import { RiskMapResponse, type DashboardQuery } from '../../../domain'
import { getJson } from '../../../lib/api-client'
import { dashboardUrl } from './dashboard-url'

/** GET /api/dashboard/risk-map: every vendor as a point (columns, up to 50,000 rows). */
export function getRiskMap(params: DashboardQuery = {}, signal?: AbortSignal) {
  return getJson(dashboardUrl('risk-map', params), RiskMapResponse, signal ? { signal } : {})
}

export const riskMapQueryOptions = (params: DashboardQuery = {}) =>
  queryOptions({
    queryKey: ['dashboard', 'risk-map', params],
    queryFn: ({ signal }) => getRiskMap(params, signal),
  })

export const useRiskMap = (params: DashboardQuery = {}) => useQuery(riskMapQueryOptions(params))
