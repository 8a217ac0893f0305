/** The audit log's filters in the URL (`/audit?actor=ciso&action=vendor.update&from=2026-01-01`), so a link reproduces the view. */
import { IsoDate, type AuditLogFilters } from '../../domain'

const TEXT_KEYS = ['actor', 'action', 'entityType', 'entityId'] as const
const DAY_KEYS = ['from', 'to'] as const

/** Empty and malformed values are dropped, never an error: a hand-edited link still opens. */
export function readAuditFilters(params: URLSearchParams): AuditLogFilters {
  const filters: AuditLogFilters = {}
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim()
    if (value) filters[key] = value
  }
  for (const key of DAY_KEYS) {
    const value = params.get(key)?.trim()
    if (value && IsoDate.safeParse(value).success) filters[key] = value
  }
  return filters
}

/** The shortest URL for the filters: unset ones are left out. Other parameters are kept. */
export function writeAuditFilters(
  filters: AuditLogFilters,
  current = new URLSearchParams(),
): URLSearchParams {
  const params = new URLSearchParams(current)
  for (const key of [...TEXT_KEYS, ...DAY_KEYS]) {
    const value = filters[key]?.trim()
    if (value) params.set(key, value)
    else params.delete(key)
  }
  return params
}
