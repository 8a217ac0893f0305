/**
 * The filtered audit log as CSV or JSON, oldest first, up to the head the export started from. Each entry keeps
 * its hashes, and `before`/`after` are written as the canonical JSON that was hashed, so the JSON file is enough
 * to re-verify the chain of a complete (unfiltered) log with server/audit/hash-chain.ts.
 */
import {
  AUDIT_LOG_HEADERS,
  auditLogCells,
  auditLogJsonHead,
  CSV_BOM,
  csvLine,
  FULL_EXPORT_TAIL,
  hashedContent,
  type AuditLogFilters,
} from '../../src/domain'
import type { AuditEntry } from '../audit/hash-chain'
import { textChunks, type ExportFile } from './export-file'
import { yieldToEventLoop } from './register-source'

const SLICE = 2000

export async function writeAuditLog(
  file: ExportFile,
  format: 'csv' | 'json',
  entries: AsyncIterable<AuditEntry>,
  meta: { filters: AuditLogFilters; auditHead: string; auditSeq: number },
): Promise<number> {
  const out = textChunks(file)
  out.add(format === 'csv' ? CSV_BOM + csvLine(AUDIT_LOG_HEADERS) : auditLogJsonHead(meta))
  let rows = 0
  for await (const e of entries) {
    let text: string
    if (format === 'csv') {
      text = csvLine(auditLogCells(e))
    } else {
      text =
        (rows === 0 ? '' : ',\n') +
        JSON.stringify({ ...hashedContent(e), prevHash: e.prevHash, hash: e.hash })
    }
    if (out.add(text)) await out.flush()
    rows += 1
    if (rows % SLICE === 0) await yieldToEventLoop()
  }
  if (format === 'json') out.add(FULL_EXPORT_TAIL)
  await out.end()
  return rows
}
