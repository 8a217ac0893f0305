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
