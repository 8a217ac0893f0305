import { queryOptions, useQuery } from '@tanstack/react-query'
import { z } from 'zod'
import { getJson } from '../../../lib/api-client'
import { AUDIT_QUERY_ROOT } from '../../../lib/query-keys'

/**
 * GET /api/audit-log/verify, as server/audit/hash-chain.ts answers it (`VerifyResult`). The shared contract
 * (src/domain/schemas/export.ts) has no schema for it yet, so it is written here; it belongs there.
 */
export const AuditVerifyResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int().min(0), head: z.string() }),
  z.object({
    ok: z.literal(false),
    /** Entries that verified before the broken one. */
    entries: z.number().int().min(0),
    /** The hash of the last entry that verified. */
    head: z.string(),
    brokenAt: z.number().int(),
    reason: z.string(),
  }),
])
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>

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
