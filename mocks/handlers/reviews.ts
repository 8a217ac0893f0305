/**
 * msw handler for GET /api/reviews: the server's contract, computed with the same domain functions over the mock
 * inventory.
 */
import { http, HttpResponse } from 'msw'
import {
  reviewOwners,
  reviewQueue,
  reviewQueuePage,
  ReviewQueueQuery,
  sortVendorSummaries,
  summarizeVendor,
  type ReviewQueueResponse,
} from '../../src/domain'
import { invalid, refused } from './problem-responses'
import { MOCK_AS_OF, mockVendors } from './vendors'

export const reviewHandlers = [
  http.get('/api/reviews', ({ request }) => {
    const denied = refused(request, 'vendors:read')
    if (denied) return denied
    const parsed = ReviewQueueQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams))
    if (!parsed.success) return invalid(request, 400, 'Invalid query parameter', parsed.error)
    const { due, owner, offset, limit } = parsed.data
    // The inventory's default order, which the server's queue starts from: ties beyond reviewQueue's keys keep it.
    const all = sortVendorSummaries(
      mockVendors().map((v) => summarizeVendor(v, MOCK_AS_OF)),
      'score',
    )
    const queue = reviewQueue(
      owner === undefined ? all : all.filter((v) => v.owner === owner),
      MOCK_AS_OF,
      due,
    )
    return HttpResponse.json(
      reviewQueuePage(queue, {
        asOf: MOCK_AS_OF,
        window: due,
        owner,
        owners: reviewOwners(all.map((v) => v.owner)),
        offset,
        limit,
      }) satisfies ReviewQueueResponse,
    )
  }),
]
