import { useMutation, useQueryClient } from '@tanstack/react-query'
import { RecordReviewResponse, type ReviewInput } from '../../../domain'
import { sendJson } from '../../../lib/api-client'
import { storeVendorDetail } from './vendor-cache'

export function recordReview(id: string, input: ReviewInput) {
  return sendJson('POST', `/api/vendors/${encodeURIComponent(id)}/reviews`, input, RecordReviewResponse)
}

export function useRecordReview(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: ReviewInput) => recordReview(id, input),
    // The answer carries the vendor as it is now, with its new review date and score.
    onSuccess: (result) => storeVendorDetail(client, result.vendor),
  })
}
