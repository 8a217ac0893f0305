import { useMutation, useQueryClient } from '@tanstack/react-query'
import { VendorDetailResponse } from '../../../domain'
import { sendJson } from '../../../lib/api-client'
import { storeVendorDetail } from './vendor-cache'

/** Removes an incident recorded by mistake; the audit log keeps what it was. */
export function deleteIncident(vendorId: string, incidentId: string) {
  return sendJson(
    'DELETE',
    `/api/vendors/${encodeURIComponent(vendorId)}/incidents/${encodeURIComponent(incidentId)}`,
    undefined,
    VendorDetailResponse,
  )
}

export function useDeleteIncident(vendorId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (incidentId: string) => deleteIncident(vendorId, incidentId),
    onSuccess: (detail) => storeVendorDetail(client, detail),
  })
}
