import { queryOptions, useQuery } from '@tanstack/react-query'
import { FourthPartyResponse, type FourthPartyQuery } from '../../../domain'
import { getJson } from '../../../lib/api-client'
import { dashboardUrl } from './dashboard-url'

/** GET /api/dashboard/fourth-parties: the sub-processors most vendors share. */
export function getFourthParties(params: FourthPartyQuery = {}, signal?: AbortSignal) {
  return getJson(dashboardUrl('fourth-parties', params), FourthPartyResponse, signal ? { signal } : {})
}

export const fourthPartiesQueryOptions = (params: FourthPartyQuery = {}) =>
  queryOptions({
    queryKey: ['dashboard', 'fourth-parties', params],
    queryFn: ({ signal }) => getFourthParties(params, signal),
  })

export const useFourthParties = (params: FourthPartyQuery = {}) => useQuery(fourthPartiesQueryOptions(params))
