import { useMutation, useQueryClient } from '@tanstack/react-query'
import { IncidentChangeResponse, type IncidentInput } from '../../../domain'
import { sendJson } from '../../../lib/api-client'
import { storeVendorDetail } from './vendor-cache'

export function addIncident(vendorId: string, input: IncidentInput) {
  return sendJson(
    'POST',
    `/api/vendors/${encodeURIComponent(vendorId)}/incidents`,
    input,
    IncidentChangeResponse,
  )
}

export function useAddIncident(vendorId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: IncidentInput) => addIncident(vendorId, input),
    onSuccess: (result) => storeVendorDetail(client, result.vendor),
  })
}
