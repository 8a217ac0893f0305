import { useMutation, useQueryClient } from '@tanstack/react-query'
import { IncidentChangeResponse } from '../../../domain'
import { sendJson } from '../../../lib/api-client'
import { storeVendorDetail } from './vendor-cache'

/** `patch` holds only the fields to change; null removes an optional one. */
export function updateIncident(vendorId: string, incidentId: string, patch: Record<string, unknown>) {
  return sendJson(
    'PATCH',
    `/api/vendors/${encodeURIComponent(vendorId)}/incidents/${encodeURIComponent(incidentId)}`,
    patch,
    IncidentChangeResponse,
  )
}

export function useUpdateIncident(vendorId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ incidentId, patch }: { incidentId: string; patch: Record<string, unknown> }) =>
      updateIncident(vendorId, incidentId, patch),
    onSuccess: (result) => storeVendorDetail(client, result.vendor),
  })
}
