import { queryOptions, useQuery } from '@tanstack/react-query'
import { ScoreHistoryResponse } from '../../../domain'
import { getJson } from '../../../lib/api-client'

export function getVendorHistory(id: string, signal?: AbortSignal) {
  return getJson(
    `/api/vendors/${encodeURIComponent(id)}/history`,
    ScoreHistoryResponse,
    signal ? { signal } : {},
  )
}

export const vendorHistoryQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['vendors', 'history', id],
    queryFn: ({ signal }) => getVendorHistory(id, signal),
  })

export const useVendorHistory = (id: string) => useQuery(vendorHistoryQueryOptions(id))
