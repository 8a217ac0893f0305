import { queryOptions, useQueries, useQuery } from '@tanstack/react-query'
import { ScorePreviewResponse, type VendorPatch } from '../../../domain'
import { sendJson } from '../../../lib/api-client'

export type PreviewPatch = VendorPatch & { incidents?: unknown[] }

/** A what-if is a read: POST only because the change travels in the body. Nothing is saved. */
export function previewScore(id: string, patch: PreviewPatch) {
  return sendJson('POST', `/api/vendors/${encodeURIComponent(id)}/score-preview`, patch, ScorePreviewResponse)
}

export const scorePreviewQueryOptions = (id: string, patch: PreviewPatch) =>
  queryOptions({
    queryKey: ['vendors', 'preview', id, patch],
    queryFn: () => previewScore(id, patch),
    staleTime: Infinity,
  })

export const useScorePreview = (id: string, patch: PreviewPatch, enabled: boolean) =>
  useQuery({ ...scorePreviewQueryOptions(id, patch), enabled })

export const useScorePreviews = (id: string, patches: PreviewPatch[]) =>
  useQueries({ queries: patches.map((patch) => scorePreviewQueryOptions(id, patch)) })
