/**
 * What an audit entry changed: its `before` and `after` compared field by field, for the audit log's diff view.
 * Pure; works on any JSON, since every kind of entry (vendor, incident, model, user) logs its own shape.
 */

/** One changed leaf: `access.records`, `incidents[inc-3].severity`, `weights.dataClass.pii`. */
export interface AuditChange {
  path: string
  /** `undefined` when the field did not exist before (a creation). */
  before: unknown
  /** `undefined` when the field no longer exists (a deletion). */
  after: unknown
}

type JsonObject = Record<string, unknown>

const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

const isAbsent = (value: unknown) => value === undefined || value === null

/** Objects that carry a unique string `id`: matched by id, so an inserted or reordered item is not a change of every item after it. */
function idsOf(list: unknown[]): string[] | null {
  const ids: string[] = []
  for (const item of list) {
    if (!isObject(item) || typeof item.id !== 'string') return null
    ids.push(item.id)
  }
  return new Set(ids).size === ids.length ? ids : null
}

const joinKey = (path: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    for (const key of keys) if (!sameJson(a[key], b[key])) return false
    return true
  }
  return false
}

function walk(before: unknown, after: unknown, path: string, out: AuditChange[]) {
  if (sameJson(before, after)) return
  // A created or deleted object lists its fields, so "who set what" reads the same as an edit.
  if (isObject(before) || isObject(after)) {
    if ((isObject(before) || isAbsent(before)) && (isObject(after) || isAbsent(after))) {
      const b = isObject(before) ? before : {}
      const a = isObject(after) ? after : {}
      const keys = [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))]
      if (keys.length === 0) {
        out.push({ path, before, after })
        return
      }
      for (const key of keys) walk(b[key], a[key], joinKey(path, key), out)
      return
    }
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const beforeIds = idsOf(before)
    const afterIds = idsOf(after)
    if (beforeIds && afterIds && (before.length > 0 || after.length > 0)) {
      const byId = (list: unknown[]) => new Map(list.map((item) => [(item as JsonObject).id as string, item]))
      const b = byId(before)
      const a = byId(after)
      for (const id of [...beforeIds, ...afterIds.filter((i) => !b.has(i))]) {
        walk(b.get(id), a.get(id), `${path}[${id}]`, out)
      }
      return
    }
    // Lists of plain values (data classes, certifications) read best whole: "pii, health" → "pii".
    if (
      before.some((x) => typeof x === 'object' && x !== null) ||
      after.some((x) => typeof x === 'object' && x !== null)
    ) {
      const length = Math.max(before.length, after.length)
      for (let i = 0; i < length; i++) walk(before[i], after[i], `${path}[${i}]`, out)
      return
    }
  }
  out.push({ path, before, after })
}

/**
 * The leaves that differ between two JSON values, in the order their fields appear (before's first, then fields
 * only `after` has). Objects are compared key by key; lists of objects with ids are matched by id; other lists
 * of objects by position; lists of plain values as a whole. A field missing on one side is `undefined` there.
 * Two equal values give an empty list; two different plain values give one change at the path `''`.
 */
export function diffJson(before: unknown, after: unknown): AuditChange[] {
  const out: AuditChange[] = []
  walk(before, after, '', out)
  return out
}

/**
 * A value of a change as text: strings as they are, numbers and booleans as written, `null` as "null", an absent
 * field as "—", and anything nested as compact JSON. Always text: the caller renders it as a text node.
 */
export function describeAuditValue(value: unknown): string {
  if (value === undefined) return '—'
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value)
  return JSON.stringify(value) ?? String(value)
}
