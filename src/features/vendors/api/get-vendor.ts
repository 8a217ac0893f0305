import { queryOptions, useQuery } from '@tanstack/react-query'
import { VendorDetailResponse } from '../../../domain'
import { getJson } from '../../../lib/api-client'

export function getVendor(id: string, signal?: AbortSignal) {
  return getJson(`/api/vendors/${encodeURIComponent(id)}`, VendorDetailResponse, signal ? { signal } : {})
}

export const vendorQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['vendors', 'detail', id], queryFn: ({ signal }) => getVendor(id, signal) })

export const useVendor = (id: string | null) =>
  useQuery({ ...vendorQueryOptions(id ?? ''), enabled: id !== null })
