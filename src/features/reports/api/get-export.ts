import { queryOptions, useQuery } from '@tanstack/react-query'
import { ExportManifest } from '../../../domain'
import { getJson } from '../../../lib/api-client'
import { isExportRunning } from '../../../lib/exports'
import { EXPORTS_QUERY_ROOT } from '../../../lib/query-keys'

/** GET /api/exports/:id: one export's manifest; `status` says whether the file is ready. */
export function getExport(id: string, signal?: AbortSignal) {
  return getJson(`/api/exports/${encodeURIComponent(id)}`, ExportManifest, signal ? { signal } : {})
}

/** Polls quickly at first, when most exports finish, then backs off to every 5 s for a long PDF or a large XLSX. */
export const exportPollInterval = (polls: number) => Math.min(500 * 1.5 ** polls, 5000)

export const exportQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...EXPORTS_QUERY_ROOT, 'detail', id],
    queryFn: ({ signal }) => getExport(id, signal),
    refetchInterval: (query) => {
      const data = query.state.data
      return data && isExportRunning(data) ? exportPollInterval(query.state.dataUpdateCount) : false
    },
  })

export const useExport = (id: string) => useQuery(exportQueryOptions(id))
