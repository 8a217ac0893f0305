/** When a vendor's next security review falls due: its tier sets the cadence, its last assessment the start. */
import { addDays, daysBetween } from './dates'
import { REVIEW_CADENCE_DAYS, type Tier } from './scoring/model'

export interface ReviewStatus {
  /** The date the next review is due; `null` when the vendor was never assessed (due now). */
  dueOn: string | null
  cadenceDays: number
  /** Days until due (negative when overdue); `null` when never assessed. */
  daysLeft: number | null
  overdue: boolean
}

export function reviewStatus(
  lastAssessedAt: string | undefined,
  tier: Tier,
  asOf: string,
  cadence: Readonly<Record<Tier, number>> = REVIEW_CADENCE_DAYS,
): ReviewStatus {
  const cadenceDays = cadence[tier]
  if (lastAssessedAt === undefined) return { dueOn: null, cadenceDays, daysLeft: null, overdue: true }
  const dueOn = addDays(lastAssessedAt, cadenceDays)
  const daysLeft = daysBetween(asOf, dueOn)
  return { dueOn, cadenceDays, daysLeft, overdue: daysLeft < 0 }
}

/** Which reviews the queue shows: those overdue (or never done), or those falling due within 30 or 90 days. */
export const REVIEW_WINDOWS = ['overdue', '30', '90'] as const
export type ReviewWindow = (typeof REVIEW_WINDOWS)[number]

export interface QueuedReview<V> {
  vendor: V
  /** Days until due, negative when overdue; `null` when the vendor was never assessed. */
  daysLeft: number | null
}

export interface ReviewQueue<V> {
  items: QueuedReview<V>[]
  counts: Record<ReviewWindow, number>
  overdueByTier: Record<Tier, number>
}

const TIER_RANK: Record<Tier, number> = { critical: 0, high: 1, medium: 2, low: 3 }

/**
 * The review work list: active and onboarding vendors whose review is overdue or due within the window, the
 * never-assessed first, then the longest overdue or soonest due; ties go to the riskier tier, then the name.
 * Offboarded vendors are out of scope: nothing of ours is left with them to review.
 */
export function reviewQueue<
  V extends {
    name: string
    tier: Tier
    status: string
    nextReviewDue: string | null
    reviewOverdue: boolean
  },
>(vendors: readonly V[], asOf: string, window: ReviewWindow): ReviewQueue<V> {
  const counts: Record<ReviewWindow, number> = { overdue: 0, '30': 0, '90': 0 }
  const overdueByTier: Record<Tier, number> = { critical: 0, high: 0, medium: 0, low: 0 }
  const items: QueuedReview<V>[] = []
  for (const vendor of vendors) {
    if (vendor.status === 'offboarded') continue
    const daysLeft = vendor.nextReviewDue === null ? null : daysBetween(asOf, vendor.nextReviewDue)
    const overdue = vendor.reviewOverdue
    let inWindow: boolean
    if (overdue) {
      counts.overdue += 1
      overdueByTier[vendor.tier] += 1
      inWindow = window === 'overdue'
    } else {
      const left = daysLeft ?? 0
      if (left <= 30) counts['30'] += 1
      if (left <= 90) counts['90'] += 1
      inWindow = window !== 'overdue' && left <= Number(window)
    }
    if (inWindow) items.push({ vendor, daysLeft })
  }
  items.sort(
    (a, b) =>
      (a.daysLeft ?? -Infinity) - (b.daysLeft ?? -Infinity) ||
      TIER_RANK[a.vendor.tier] - TIER_RANK[b.vendor.tier] ||
      a.vendor.name.localeCompare(b.vendor.name),
  )
  return { items, counts, overdueByTier }
}

/** Every owner named in the inventory (`vendors.map(v => v.owner)`) once, sorted, for the work list's owner filter. */
export function reviewOwners(owners: Iterable<string>): string[] {
  return [...new Set(owners)].sort()
}

/**
 * One page of a queue as `GET /api/reviews` answers it; the server and the offline demo both page with this. The
 * owners come with the first page only.
 */
export function reviewQueuePage<V>(
  queue: ReviewQueue<V>,
  page: {
    asOf: string
    window: ReviewWindow
    owner: string | undefined
    owners: string[]
    offset: number
    limit: number
  },
) {
  const { asOf, window, owner, owners, offset, limit } = page
  return {
    asOf,
    window,
    owner: owner ?? null,
    total: queue.items.length,
    counts: queue.counts,
    overdueByTier: queue.overdueByTier,
    ...(offset === 0 && { owners }),
    items: queue.items.slice(offset, offset + limit),
    offset,
    limit,
  }
}
