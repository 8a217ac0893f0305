/** Security reviews per tier by state (loaded on demand); the overdue segments open those vendors. */
import { TIER_LABELS, type ReviewBar } from '../../../domain'
import { REVIEWS_CHART_HEIGHT } from './chart-sizes'
import { REVIEW_STATES } from './review-states'
import StackedBars from './stacked-bars'

export default function ReviewsChart({ bars, label }: { bars: readonly ReviewBar[]; label: string }) {
  return (
    <StackedBars
      label={label}
      height={REVIEWS_CHART_HEIGHT}
      nameWidth={64}
      rows={bars.map((b) => ({
        key: b.tier,
        name: TIER_LABELS[b.tier],
        segments: REVIEW_STATES.map((state) => ({
          key: state.key,
          label: state.label,
          value: b[state.key],
          color: state.color,
          ...(state.overdue && { filter: b.overdueFilter }),
        })),
      }))}
    />
  )
}
