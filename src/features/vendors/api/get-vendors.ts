import { queryOptions, useQuery } from '@tanstack/react-query'
import { VendorListResponse } from '../../../domain'
import { getJson } from '../../../lib/api-client'

export function getVendors(signal?: AbortSignal) {
  return getJson('/api/vendors', VendorListResponse, signal ? { signal } : {})
}

export const vendorsQueryOptions = () =>
  queryOptions({ queryKey: ['vendors', 'list', {}], queryFn: ({ signal }) => getVendors(signal) })

export const useVendors = () => useQuery(vendorsQueryOptions())
