import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import { AuditLogResponse, type AuditLogFilters } from '../../../domain'
import { getJson } from '../../../lib/api-client'
import { AUDIT_QUERY_ROOT } from '../../../lib/query-keys'

/** Entries per page: a screenful and more, small enough to answer at once on a log of millions. */
export const AUDIT_PAGE_SIZE = 100

/** `actor=ciso&action=vendor.update&from=…`: the filters that are set, in a stable order. */
export function auditFilterQuery(filters: AuditLogFilters): URLSearchParams {
  const query = new URLSearchParams()
  for (const key of ['actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const) {
    const value = filters[key]
    if (value) query.set(key, value)
  }
  return query
}

/** GET /api/audit-log: one page of entries, newest first, older than `before` when given. */
export function getAuditLog(filters: AuditLogFilters, before: number | undefined, signal?: AbortSignal) {
  const query = auditFilterQuery(filters)
  if (before !== undefined) query.set('before', String(before))
  query.set('limit', String(AUDIT_PAGE_SIZE))
  return getJson(`/api/audit-log?${query.toString()}`, AuditLogResponse, signal ? { signal } : {})
}

export const auditLogQueryOptions = (filters: AuditLogFilters) =>
  infiniteQueryOptions({
    queryKey: [...AUDIT_QUERY_ROOT, 'list', filters],
    queryFn: ({ pageParam, signal }) => getAuditLog(filters, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    // `nextBefore` is the oldest seq on the page: the next page holds the entries before it.
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  })

export const useAuditLog = (filters: AuditLogFilters, enabled = true) =>
  useInfiniteQuery({ ...auditLogQueryOptions(filters), enabled })
