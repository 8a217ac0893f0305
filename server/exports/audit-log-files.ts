/**
 * The filtered audit log as CSV or JSON, oldest first, up to the head the export started from. Each entry keeps
 * its hashes, and `before`/`after` are written as the canonical JSON that was hashed, so the JSON file is enough
 * to re-verify the chain of a complete (unfiltered) log with server/audit/hash-chain.ts.
 */
import { CSV_BOM, csvLine, type AuditLogFilters } from '../../src/domain'
import { canonicalJson, type AuditEntry } from '../audit/hash-chain'
import { textChunks, type ExportFile } from './export-file'
import { yieldToEventLoop } from './register-source'

const SLICE = 2000

export const AUDIT_LOG_HEADERS = [
  'seq',
  'at',
  'actor',
  'action',
  'entity_type',
  'entity_id',
  'before',
  'after',
  'prev_hash',
  'hash',
] as const

const json = (value: unknown) => (value === null || value === undefined ? null : canonicalJson(value))

export async function writeAuditLog(
  file: ExportFile,
  format: 'csv' | 'json',
  entries: AsyncIterable<AuditEntry>,
  meta: { filters: AuditLogFilters; auditHead: string; auditSeq: number },
): Promise<number> {
  const out = textChunks(file)
  out.add(
    format === 'csv'
      ? CSV_BOM + csvLine(AUDIT_LOG_HEADERS)
      : `{"kind":"audit-log","filters":${canonicalJson(meta.filters)},"auditHead":${JSON.stringify(meta.auditHead)},` +
          `"auditSeq":${meta.auditSeq},"entries":[\n`,
  )
  let rows = 0
  for await (const e of entries) {
    let text: string
    if (format === 'csv') {
      text = csvLine([
        e.seq,
        e.at,
        e.actor,
        e.action,
        e.entityType,
        e.entityId,
        json(e.before),
        json(e.after),
        e.prevHash,
        e.hash,
      ])
    } else {
      text =
        (rows === 0 ? '' : ',\n') +
        JSON.stringify({
          seq: e.seq,
          at: e.at,
          actor: e.actor,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          before: e.before ?? null,
          after: e.after ?? null,
          prevHash: e.prevHash,
          hash: e.hash,
        })
    }
    if (out.add(text)) await out.flush()
    rows += 1
    if (rows % SLICE === 0) await yieldToEventLoop()
  }
  if (format === 'json') out.add('\n]}\n')
  await out.end()
  return rows
}
