import { queryOptions, useQuery } from '@tanstack/react-query'
import { AuditVerifyResponse } from '../../../domain'
import { getJson } from '../../../lib/api-client'
import { AUDIT_QUERY_ROOT } from '../../../lib/query-keys'

export function verifyAuditLog(signal?: AbortSignal) {
  return getJson('/api/audit-log/verify', AuditVerifyResponse, signal ? { signal } : {})
}

export const auditVerifyQueryOptions = () =>
  queryOptions({
    queryKey: [...AUDIT_QUERY_ROOT, 'verify'],
    queryFn: ({ signal }) => verifyAuditLog(signal),
    // A verification is a fact about one moment: never shown from cache as if it were current.
    staleTime: 0,
    gcTime: 0,
  })

/** Runs only when asked ("Verify chain"): walking the whole log costs the server a full read. */
export const useAuditVerification = (requested: boolean) =>
  useQuery({ ...auditVerifyQueryOptions(), enabled: requested })
