import { useMutation, useQueryClient } from '@tanstack/react-query'
import { VendorDetailResponse, type VendorPatch } from '../../../domain'
import { sendJson } from '../../../lib/api-client'
import { storeVendorDetail } from './vendor-cache'

/**
 * Saves `patch` only if the vendor is still at `version` (the ETag the editor started from): otherwise the server
 * answers 412 with its current version, and nothing is overwritten.
 */
export function updateVendor(id: string, patch: VendorPatch, version: number) {
  return sendJson('PATCH', `/api/vendors/${encodeURIComponent(id)}`, patch, VendorDetailResponse, {
    'If-Match': `"${version}"`,
  })
}

export function useUpdateVendor(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ patch, version }: { patch: VendorPatch; version: number }) =>
      updateVendor(id, patch, version),
    onSuccess: (detail) => storeVendorDetail(client, detail),
  })
}
