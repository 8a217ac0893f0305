import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ExportManifest, type ExportRequest } from '../../../domain'
import { sendJson } from '../../../lib/api-client'
import { AUDIT_QUERY_ROOT } from '../../../lib/query-keys'
import { exportQueryOptions } from './get-export'
import { exportsQueryOptions } from './get-exports'

/**
 * POST /api/exports: starts an export and answers its manifest (201): already `done` for a small register, `pending`
 * for a large one, which the server writes in the background.
 */
export function createExport(request: ExportRequest) {
  return sendJson('POST', '/api/exports', request, ExportManifest)
}

export function useCreateExport() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: createExport,
    onSuccess: (manifest) => {
      // The answer is the first poll: the page shows the manifest without asking again.
      client.setQueryData(exportQueryOptions(manifest.id).queryKey, manifest)
      // The new export belongs in the history, and the server logged it in the audit log. Not awaited: the
      // manifest shows at once while the history refreshes.
      void client.invalidateQueries({ queryKey: exportsQueryOptions().queryKey })
      void client.invalidateQueries({ queryKey: AUDIT_QUERY_ROOT })
    },
  })
}
