import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { VendorListResponse } from '../../../domain'
import { getJson } from '../../../lib/api-client'
import { VENDORS_QUERY_ROOT } from '../../../lib/query-keys'

const SUGGESTIONS = 8

/** GET /api/vendors?q=: a few vendors whose name matches, so the vendor filter can be typed by name. */
export function searchVendors(q: string, signal?: AbortSignal) {
  const query = new URLSearchParams({ q, sort: 'name', limit: String(SUGGESTIONS) })
  return getJson(`/api/vendors?${query.toString()}`, VendorListResponse, signal ? { signal } : {})
}

export const vendorSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: [...VENDORS_QUERY_ROOT, 'list', { q, sort: 'name', limit: SUGGESTIONS }],
    queryFn: ({ signal }) => searchVendors(q, signal),
    staleTime: 60_000,
  })

/** Suggestions once two characters are typed; the previous ones stay while the next arrive, so nothing jumps. */
export const useVendorSearch = (q: string) =>
  useQuery({
    ...vendorSearchQueryOptions(q),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  })
