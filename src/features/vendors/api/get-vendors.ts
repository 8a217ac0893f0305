import { queryOptions, useQuery } from '@tanstack/react-query'
import { VendorListResponse } from '../../../domain'
import { getJson } from '../../../lib/api-client'

export function getVendors(signal?: AbortSignal) {
  // The whole inventory in one response: the list filters and sorts it in the browser.
  return getJson('/api/vendors?limit=50000', VendorListResponse, signal ? { signal } : {})
}

export const vendorsQueryOptions = () =>
  queryOptions({ queryKey: ['vendors', 'list', {}], queryFn: ({ signal }) => getVendors(signal) })

export const useVendors = () => useQuery(vendorsQueryOptions())
