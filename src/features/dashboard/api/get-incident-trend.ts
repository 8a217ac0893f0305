import { queryOptions, useQuery } from '@tanstack/react-query'
import { IncidentTrendResponse, type IncidentTrendQuery } from '../../../domain'
import { getJson } from '../../../lib/api-client'
import { dashboardUrl } from './dashboard-url'

/** GET /api/dashboard/incidents: incidents per month by kind and severity, and those open. */
export function getIncidentTrend(params: IncidentTrendQuery = {}, signal?: AbortSignal) {
  return getJson(dashboardUrl('incidents', params), IncidentTrendResponse, signal ? { signal } : {})
}

export const incidentTrendQueryOptions = (params: IncidentTrendQuery = {}) =>
  queryOptions({
    queryKey: ['dashboard', 'incidents', params],
    queryFn: ({ signal }) => getIncidentTrend(params, signal),
  })

export const useIncidentTrend = (params: IncidentTrendQuery = {}) =>
  useQuery(incidentTrendQueryOptions(params))
