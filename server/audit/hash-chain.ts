/**
 * The audit log's hash chain: each entry's hash covers its content and the previous entry's hash, so changing,
 * removing or reordering any entry breaks every hash after it.
 */
import { createHash } from 'node:crypto'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditContent {
  seq: number
  at: string
  actor: string
  action: string
  entityType: string
  entityId: string
  before: unknown
  after: unknown
}

export interface AuditEntry extends AuditContent {
  prevHash: string
  hash: string
}

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export function hashEntry(content: AuditContent, prevHash: string): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson({
        seq: content.seq,
        at: content.at,
        actor: content.actor,
        action: content.action,
        entityType: content.entityType,
        entityId: content.entityId,
        before: content.before ?? null,
        after: content.after ?? null,
      }),
    )
    .digest('hex')
}

export type VerifyResult =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; head: string; brokenAt: number; reason: string }

/** Walks the log in order; stops at the first entry whose sequence, link or hash does not hold. */
export function verifyChain(entries: Iterable<AuditEntry>): VerifyResult {
  let prev = GENESIS_HASH
  let expectedSeq = 1
  let count = 0
  for (const entry of entries) {
    const broken = (reason: string): VerifyResult => ({
      ok: false,
      entries: count,
      head: prev,
      brokenAt: entry.seq,
      reason,
    })
    if (entry.seq !== expectedSeq)
      return broken(`expected entry ${expectedSeq}, found ${entry.seq}: entries are missing`)
    if (entry.prevHash !== prev) return broken('its link to the previous entry does not match')
    if (hashEntry(entry, prev) !== entry.hash) return broken('its content does not match its hash')
    prev = entry.hash
    expectedSeq += 1
    count += 1
  }
  return { ok: true, entries: count, head: prev }
}
