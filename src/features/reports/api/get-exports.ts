import { queryOptions, useQuery } from '@tanstack/react-query'
import { ExportListResponse } from '../../../domain'
import { getJson } from '../../../lib/api-client'
import { isExportRunning } from '../../../lib/exports'
import { EXPORTS_QUERY_ROOT } from '../../../lib/query-keys'

/** GET /api/exports: the latest exports, newest first (register and audit log alike). */
export function getExports(signal?: AbortSignal) {
  return getJson('/api/exports', ExportListResponse, signal ? { signal } : {})
}

export const exportsQueryOptions = () =>
  queryOptions({
    queryKey: [...EXPORTS_QUERY_ROOT, 'list'],
    queryFn: ({ signal }) => getExports(signal),
    // While any export is being written the list refreshes, so its row turns "done" without a reload.
    refetchInterval: (query) => (query.state.data?.items.some(isExportRunning) ? 3000 : false),
  })

export const useExports = () => useQuery(exportsQueryOptions())
