/**
 * The sub-processors most vendors share (loaded on demand): one bar each, its vendors stacked by tier, the
 * records behind it at the end. A segment opens that sub-processor's vendors of that tier.
 */
import {
  formatCompact,
  fourthPartyFilter,
  TIER_LABELS,
  TIERS,
  type FourthPartyResponse,
} from '../../../domain'
import { fourthPartyChartHeight } from './chart-sizes'
import { TIER_COLOR } from './chart-theme'
import StackedBars from './stacked-bars'

type Item = FourthPartyResponse['items'][number]

export default function FourthPartyChart({ items, label }: { items: readonly Item[]; label: string }) {
  return (
    <StackedBars
      label={label}
      height={fourthPartyChartHeight(items.length)}
      nameWidth={150}
      endWidth={64}
      rows={items.map((item) => ({
        key: item.name,
        name: item.name,
        title: `${item.name}: ${item.vendors} vendors, ${formatCompact(item.records)} records (${formatCompact(item.outsideRecords)} outside our perimeter)`,
        end: `${formatCompact(item.records)} rec.`,
        // Critical first, at the base of each bar, where lengths compare best.
        segments: TIERS.map((tier) => ({
          key: tier,
          label: TIER_LABELS[tier],
          value: item.tiers[tier],
          color: TIER_COLOR[tier],
          filter: { ...fourthPartyFilter(item.name), tier: [tier] },
        })),
      }))}
    />
  )
}
