/** Words and URLs for export manifests, shared by the Reports page and the audit log's export. */
import type { ExportFormat, ExportManifest, ExportStatus } from '../domain'

export const FORMAT_NAMES: Record<ExportFormat, string> = {
  csv: 'CSV',
  xlsx: 'XLSX',
  json: 'JSON',
  pdf: 'PDF',
}

const REGISTER_TITLES: Record<ExportFormat, string> = {
  csv: 'Vendor register',
  xlsx: 'Vendor register',
  json: 'Full export',
  pdf: 'Risk report',
}

/** "Vendor register · CSV", "Risk report · PDF", "Audit log · JSON". */
export function exportTitle(manifest: Pick<ExportManifest, 'kind' | 'format'>): string {
  const what = manifest.kind === 'register' ? REGISTER_TITLES[manifest.format] : 'Audit log'
  return `${what} · ${FORMAT_NAMES[manifest.format]}`
}

export const EXPORT_STATUS_LABELS: Record<ExportStatus, string> = {
  pending: 'Queued',
  running: 'Writing',
  done: 'Ready',
  failed: 'Failed',
}

/** An export still being written: its manifest has no hash, size or row count yet. */
export const isExportRunning = (manifest: Pick<ExportManifest, 'status'>) =>
  manifest.status === 'pending' || manifest.status === 'running'

/** The URL of an export's file; the server answers with Content-Disposition and Repr-Digest. */
export const exportFileUrl = (id: string) => `/api/exports/${encodeURIComponent(id)}/file`
