import { queryOptions, useQuery } from '@tanstack/react-query'
import { ExposureResponse, type DashboardQuery } from '../../../domain'
import { getJson } from '../../../lib/api-client'
import { dashboardUrl } from './dashboard-url'

/** GET /api/dashboard/exposure: records and vendors by data location and data class. */
export function getExposure(params: DashboardQuery = {}, signal?: AbortSignal) {
  return getJson(dashboardUrl('exposure', params), ExposureResponse, signal ? { signal } : {})
}

export const exposureQueryOptions = (params: DashboardQuery = {}) =>
  queryOptions({
    queryKey: ['dashboard', 'exposure', params],
    queryFn: ({ signal }) => getExposure(params, signal),
  })

export const useExposure = (params: DashboardQuery = {}) => useQuery(exposureQueryOptions(params))
