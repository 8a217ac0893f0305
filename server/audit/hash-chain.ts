/**
 * The audit log's hash chain: each entry's hash covers its content and the previous entry's hash, so changing,
 * removing or reordering any entry breaks every hash after it. What is hashed, and the canonical JSON it is
 * written in, is src/domain/audit-chain.ts (the offline demo chains its log with it too); this hashes with node:crypto.
 */
import { createHash } from 'node:crypto'
import { auditHashInput, GENESIS_HASH, type AuditChainEntry, type AuditContent } from '../../src/domain'

export { canonicalJson, GENESIS_HASH, type AuditContent } from '../../src/domain'
export type AuditEntry = AuditChainEntry

export function hashEntry(content: AuditContent, prevHash: string): string {
  return createHash('sha256').update(auditHashInput(content, prevHash)).digest('hex')
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
