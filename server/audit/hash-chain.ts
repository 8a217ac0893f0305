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

/**
 * JSON with object keys sorted at every level, so the same content always hashes the same. Every audit entry is
 * hashed through this (50,000 of them in a large import), so plain JSON data (what the audit log holds) is copied
 * with its keys in order and written by the native JSON.stringify; anything else takes the general walk. Both give
 * the same bytes as the first version of this function, for any input (hash-chain.test.ts checks it).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  const copy = sortedCopy(value)
  return copy === NOT_PLAIN ? canonicalWalk(value) : JSON.stringify(copy)
}

const NOT_PLAIN = Symbol('not plain JSON data')

/** In UTF-16 code unit order, as `<` compares; in place, without the copies Array.prototype.sort makes. */
function sortKeys(keys: string[]): string[] {
  if (keys.length > 16) return keys.sort()
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!
    let j = i - 1
    for (; j >= 0 && keys[j]! > key; j--) keys[j + 1] = keys[j]!
    keys[j + 1] = key
  }
  return keys
}

/**
 * The value with every object's keys inserted in sorted order, which JSON.stringify keeps; NOT_PLAIN when
 * JSON.stringify would write something the walk does not: a toJSON method, a Date or other class instance, a
 * function, a hole, or a key JavaScript enumerates out of insertion order (array-index keys; `__proto__`).
 */
function sortedCopy(value: unknown): unknown {
  if (value === null) return null
  const type = typeof value
  if (type === 'string' || type === 'number' || type === 'boolean') return value
  if (type !== 'object') return NOT_PLAIN
  if (Array.isArray(value)) {
    if (primitives(value)) return value
    const out: unknown[] = new Array(value.length)
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return NOT_PLAIN
      const item: unknown = value[i]
      const copy = item === undefined ? null : sortedCopy(item)
      if (copy === NOT_PLAIN) return NOT_PLAIN
      out[i] = copy
    }
    return out
  }
  const proto: unknown = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN
  const record = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of sortKeys(Object.keys(record))) {
    const first = key.charCodeAt(0)
    if ((first >= 48 && first <= 57) || key === '__proto__' || key === 'toJSON') return NOT_PLAIN
    const item = record[key]
    if (item === undefined) continue
    const copy = sortedCopy(item)
    if (copy === NOT_PLAIN) return NOT_PLAIN
    out[key] = copy
  }
  return out
}

/** A plain array of strings, numbers, booleans and nulls, without holes: JSON.stringify writes it as it is. */
function primitives(array: readonly unknown[]): boolean {
  if (Object.getPrototypeOf(array) !== Array.prototype || 'toJSON' in array) return false
  for (let i = 0; i < array.length; i++) {
    if (!(i in array)) return false
    const item = array[i]
    const type = typeof item
    if (item !== null && type !== 'string' && type !== 'number' && type !== 'boolean') return false
  }
  return true
}

/** The general case, as canonical JSON was first written: Dates and Maps as `{}`, holes left empty. */
function canonicalWalk(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ','
      if (!(i in value)) continue
      const item: unknown = value[i]
      out += item === undefined ? 'null' : canonicalWalk(item)
    }
    return `${out}]`
  }
  const record = value as Record<string, unknown>
  // Own enumerable string keys, as Object.entries gave them.
  let out = '{'
  let first = true
  for (const key of sortKeys(Object.keys(record))) {
    const item = record[key]
    if (item === undefined) continue
    if (!first) out += ','
    first = false
    out += `${JSON.stringify(key)}:${canonicalWalk(item)}`
  }
  return `${out}}`
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
