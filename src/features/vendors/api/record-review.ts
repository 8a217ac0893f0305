import { useMutation, useQueryClient } from '@tanstack/react-query'
import { RecordReviewResponse, type ReviewInput } from '../../../domain'
import { sendJson } from '../../../lib/api-client'
import { vendorQueryOptions } from './get-vendor'

export function recordReview(id: string, input: ReviewInput) {
  return sendJson('POST', `/api/vendors/${encodeURIComponent(id)}/reviews`, input, RecordReviewResponse)
}

export function useRecordReview(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: ReviewInput) => recordReview(id, input),
    onSuccess: async (result) => {
      // The answer carries the vendor as it is now; the list's review dates and scores follow on refetch.
      client.setQueryData(vendorQueryOptions(id).queryKey, result.vendor)
      await client.invalidateQueries({ queryKey: ['vendors', 'list'] })
      await client.invalidateQueries({ queryKey: ['vendors', 'history', id] })
    },
  })
}
