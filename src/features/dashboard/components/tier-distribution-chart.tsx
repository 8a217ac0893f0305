/** Vendors per tier as bars (loaded on demand by the dashboard). A bar opens its tier in the list. */
import { formatShare, TIER_LABELS, type TierRow } from '../../../domain'
import { TIER_CHART_HEIGHT } from './chart-sizes'
import { TIER_COLOR } from './chart-theme'
import StackedBars from './stacked-bars'

export default function TierDistributionChart({ rows, label }: { rows: readonly TierRow[]; label: string }) {
  return (
    <StackedBars
      label={label}
      height={TIER_CHART_HEIGHT}
      nameWidth={64}
      endWidth={56}
      rows={rows.map((r) => ({
        key: r.tier,
        name: TIER_LABELS[r.tier],
        end: formatShare(r.share),
        segments: [
          { key: r.tier, label: 'Vendors', value: r.count, color: TIER_COLOR[r.tier], filter: r.filter },
        ],
      }))}
    />
  )
}
