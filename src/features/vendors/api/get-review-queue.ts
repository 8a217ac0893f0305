/**
 * The review work list from the server (`GET /api/reviews`), a page at a time: the queue is computed where the
 * inventory is, so the page never downloads 50,000 vendors to show the first hundred due.
 */
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { REVIEW_QUEUE_PAGE_SIZE, ReviewQueueResponse, type ReviewWindow } from '../../../domain'
import { getJson } from '../../../lib/api-client'
import { VENDOR_LISTS_QUERY_KEY } from './get-vendors'

export interface ReviewQueueParams {
  due: ReviewWindow
  /** One owner's vendors; empty for everyone's. */
  owner: string
}

export function getReviewQueue(
  { due, owner }: ReviewQueueParams,
  offset: number,
  limit = REVIEW_QUEUE_PAGE_SIZE,
  signal?: AbortSignal,
) {
  const params = new URLSearchParams({ due })
  if (owner !== '') params.set('owner', owner)
  params.set('offset', String(offset))
  params.set('limit', String(limit))
  return getJson(`/api/reviews?${params}`, ReviewQueueResponse, signal ? { signal } : {})
}

export const reviewQueueQueryOptions = ({ due, owner }: ReviewQueueParams) =>
  infiniteQueryOptions({
    // Under the vendor lists: every write to a vendor invalidates those (vendor-cache.ts), and a recorded review
    // must take its vendor off this list.
    queryKey: [...VENDOR_LISTS_QUERY_KEY, 'reviews', { due, owner }],
    queryFn: ({ pageParam, signal }) =>
      getReviewQueue({ due, owner }, pageParam, REVIEW_QUEUE_PAGE_SIZE, signal),
    initialPageParam: 0,
    getNextPageParam: (last) => {
      const next = last.offset + last.items.length
      return last.items.length > 0 && next < last.total ? next : undefined
    },
  })

/** The queue for a window and owner; while another's first page is on its way, the previous one stays on screen. */
export const useReviewQueue = (params: ReviewQueueParams) =>
  useInfiniteQuery({ ...reviewQueueQueryOptions(params), placeholderData: keepPreviousData })
