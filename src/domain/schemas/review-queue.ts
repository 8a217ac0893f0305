/** GET /api/reviews: the review work list a page at a time. Shared by the server, the SPA and the msw handlers. */
import { z } from 'zod'
import { REVIEW_WINDOWS } from '../reviews'
import { VendorSummary } from './api'
import { IsoDate } from './vendor'

/** Rows per page: what the work list showed at a time when it held the whole inventory. */
export const REVIEW_QUEUE_PAGE_SIZE = 100

/** Unknown parameters are refused: a misspelt `owner` would otherwise show everyone's reviews as if they were one's. */
export const ReviewQueueQuery = z
  .object({
    due: z.enum(REVIEW_WINDOWS).default('overdue'),
    /** Only the vendors this person owns (exact name); absent or empty, everyone's. */
    owner: z
      .string()
      .max(200)
      .optional()
      .transform((owner) => owner || undefined),
    offset: z.coerce.number('Expected a whole number from 0').int().min(0).max(10_000_000).default(0),
    limit: z.coerce
      .number('Expected a whole number from 1 to 1000')
      .int()
      .min(1)
      .max(1000)
      .default(REVIEW_QUEUE_PAGE_SIZE),
  })
  .strict()
export type ReviewQueueQuery = z.input<typeof ReviewQueueQuery>

const count = z.number().int().min(0)

export const ReviewQueueResponse = z.object({
  asOf: IsoDate,
  window: z.enum(REVIEW_WINDOWS),
  /** The owner asked for; null for everyone. */
  owner: z.string().nullable(),
  /** Reviews in the window (for the owner asked for), on every page. */
  total: count,
  /** How many reviews each window holds, for the owner asked for; `30` and `90` leave out the overdue ones. */
  counts: z.object({ overdue: count, '30': count, '90': count }),
  overdueByTier: z.object({ critical: count, high: count, medium: count, low: count }),
  /**
   * Every owner in the inventory, sorted, for the owner filter: the page alone would not name them all. On the
   * first page only: at 50,000 vendors the names are most of a page's bytes, and later pages need none.
   */
  owners: z.array(z.string()).optional(),
  /** Most urgent first, in `reviewQueue`'s order. `daysLeft` is negative when overdue, null when never assessed. */
  items: z.array(z.object({ vendor: VendorSummary, daysLeft: z.number().int().nullable() })),
  offset: count,
  limit: count,
})
export type ReviewQueueResponse = z.infer<typeof ReviewQueueResponse>
