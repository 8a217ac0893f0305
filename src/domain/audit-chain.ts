/**
 * The audit log's hash chain as plain data, shared by the server (server/audit/hash-chain.ts hashes with
 * node:crypto) and the offline demo (mocks/handlers/audit.ts hashes with Web Crypto): what an entry's hash covers,
 * the canonical JSON it is written in, and the shape of the audit-log export (CSV columns, JSON head) that the
 * server's export and the demo's both write.
 */
import type { CellValue } from './csv'

/** The link the first entry's hash is chained to. */
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

export interface AuditChainEntry extends AuditContent {
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

/** What an entry's hash covers, in the order the JSON export writes it: `before`/`after` are null when absent. */
export function hashedContent(
  content: Omit<AuditContent, 'before' | 'after'> & { before?: unknown; after?: unknown },
): AuditContent {
  return {
    seq: content.seq,
    at: content.at,
    actor: content.actor,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    before: content.before ?? null,
    after: content.after ?? null,
  }
}

/** The text an entry's SHA-256 hash is taken of: the previous entry's hash, a newline, the content as canonical JSON. */
export function auditHashInput(content: AuditContent, prevHash: string): string {
  return `${prevHash}\n${canonicalJson(hashedContent(content))}`
}

/** The audit-log CSV export's columns, in the order auditLogCells gives an entry's cells. */
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

/** The JSON audit-log export up to its first entry; entries follow one a line, then FULL_EXPORT_TAIL. */
export function auditLogJsonHead(meta: {
  filters: Readonly<Record<string, unknown>>
  auditHead: string
  auditSeq: number
}): string {
  return (
    `{"kind":"audit-log","filters":${canonicalJson(meta.filters)},"auditHead":${JSON.stringify(meta.auditHead)},` +
    `"auditSeq":${meta.auditSeq},"entries":[\n`
  )
}

/** `before`/`after` as the canonical JSON that was hashed, so the file is enough to re-verify the chain. */
const hashedJson = (value: unknown) => (value === null || value === undefined ? null : canonicalJson(value))

/** One entry as a row of the audit-log CSV export (AUDIT_LOG_HEADERS). */
export function auditLogCells(e: AuditChainEntry): CellValue[] {
  return [
    e.seq,
    e.at,
    e.actor,
    e.action,
    e.entityType,
    e.entityId,
    hashedJson(e.before),
    hashedJson(e.after),
    e.prevHash,
    e.hash,
  ]
}
