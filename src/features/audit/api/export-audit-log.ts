import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ExportManifest, Problem, type AuditLogFilters } from '../../../domain'
import { ApiError, getJson } from '../../../lib/api-client'
import { AUDIT_QUERY_ROOT, EXPORTS_QUERY_ROOT } from '../../../lib/query-keys'
import { auditFilterQuery } from './get-audit-log'

export type AuditExportFormat = 'csv' | 'json'

export interface AuditExportResult {
  manifest: ExportManifest
  file: Blob
  /** Whether the bytes received hash to the manifest's SHA-256; null where the browser cannot hash. */
  hashMatches: boolean | null
}

async function problemOf(response: Response): Promise<ApiError> {
  const fallback: Problem = { title: response.statusText || 'Export failed', status: response.status }
  try {
    const parsed = Problem.safeParse(await response.json())
    return new ApiError(response.status, parsed.success ? parsed.data : fallback)
  } catch {
    return new ApiError(response.status, fallback)
  }
}

async function sha256Hex(file: Blob): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer())
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * GET /api/audit-log/export: the server writes the filtered log as a file, records an export manifest and an
 * `export.create` entry, and answers with the file (its export id in `X-Export-Id`). The file is read here rather
 * than by a plain link so the page can show that manifest and check the bytes against it.
 */
export async function exportAuditLog(
  filters: AuditLogFilters,
  format: AuditExportFormat,
): Promise<AuditExportResult> {
  const query = auditFilterQuery(filters)
  query.set('format', format)
  const response = await fetch(`/api/audit-log/export?${query.toString()}`)
  if (!response.ok) throw await problemOf(response)
  const file = await response.blob()
  const id = response.headers.get('X-Export-Id')
  if (!id) {
    throw new ApiError(response.status, {
      title: 'Unexpected response from the server',
      status: response.status,
      detail:
        'The audit log export came without its export id (X-Export-Id), so its manifest cannot be shown.',
    })
  }
  const manifest = await getJson(`/api/exports/${encodeURIComponent(id)}`, ExportManifest)
  const actual = await sha256Hex(file)
  return {
    manifest,
    file,
    hashMatches: actual === null || manifest.sha256 === null ? null : actual === manifest.sha256,
  }
}

export function useExportAuditLog() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ filters, format }: { filters: AuditLogFilters; format: AuditExportFormat }) =>
      exportAuditLog(filters, format),
    // The export is in the export history now, and the server logged it.
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: EXPORTS_QUERY_ROOT }),
        client.invalidateQueries({ queryKey: AUDIT_QUERY_ROOT }),
      ]),
  })
}
