import { queryOptions, useQuery } from '@tanstack/react-query'
import { TopRisksResponse, type TopRisksQuery } from '../../../domain'
import { getJson } from '../../../lib/api-client'
import { dashboardUrl } from './dashboard-url'

/** GET /api/dashboard/top-risks: the riskiest vendors and their two largest factors. */
export function getTopRisks(params: TopRisksQuery = {}, signal?: AbortSignal) {
  return getJson(dashboardUrl('top-risks', params), TopRisksResponse, signal ? { signal } : {})
}

export const topRisksQueryOptions = (params: TopRisksQuery = {}) =>
  queryOptions({
    queryKey: ['dashboard', 'top-risks', params],
    queryFn: ({ signal }) => getTopRisks(params, signal),
  })

export const useTopRisks = (params: TopRisksQuery = {}) => useQuery(topRisksQueryOptions(params))
