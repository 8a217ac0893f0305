/**
 * The sub-processors most vendors share (recharts, loaded on demand): one bar each, its vendors stacked by tier,
 * the records behind it at the end. A segment opens that sub-processor's vendors of that tier.
 */
import { useNavigate } from 'react-router'
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import {
  formatCompact,
  fourthPartyFilter,
  TIER_LABELS,
  TIERS,
  type FourthPartyResponse,
} from '../../../domain'
import { vendorListHref } from '../../../lib/vendor-filter-params'
import { fourthPartyChartHeight } from './chart-sizes'
import { AXIS, COUNT_AXIS, EVERY_TICK, GRID, TIER_COLOR, TOOLTIP_STYLE } from './chart-theme'

type Item = FourthPartyResponse['items'][number]

export default function FourthPartyChart({ items, label }: { items: readonly Item[]; label: string }) {
  const navigate = useNavigate()
  const data = items.map((item) => ({
    ...item,
    ...item.tiers,
    recordsLabel: `${formatCompact(item.records)} rec.`,
  }))
  // The records label goes after each bar's last non-empty segment, so at the end of the whole bar.
  const lastTierOf = (item: Item) => [...TIERS].reverse().find((tier) => item.tiers[tier] > 0)
  return (
    <ResponsiveContainer width="100%" height={fourthPartyChartHeight(data.length)}>
      <BarChart
        data={data}
        layout="vertical"
        role="img"
        aria-label={label}
        accessibilityLayer={false}
        margin={{ top: 4, right: 64, bottom: 4, left: 4 }}
      >
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" {...COUNT_AXIS} {...AXIS} />
        <YAxis type="category" dataKey="name" width={150} {...EVERY_TICK} {...AXIS} />
        <Tooltip
          cursor={{ fill: 'var(--surface-2)' }}
          contentStyle={TOOLTIP_STYLE}
          labelFormatter={(name, payload) => {
            const item = payload[0]?.payload as Item | undefined
            return item
              ? `${String(name)}: ${item.vendors} vendors, ${formatCompact(item.records)} records (${formatCompact(item.outsideRecords)} outside our perimeter)`
              : String(name)
          }}
        />
        {/* Critical first, at the base of each bar, where lengths compare best. */}
        {TIERS.map((tier) => (
          <Bar
            key={tier}
            dataKey={tier}
            name={TIER_LABELS[tier]}
            stackId="vendors"
            fill={TIER_COLOR[tier]}
            stroke="var(--surface)"
            strokeWidth={1}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(entry) =>
              void navigate(
                vendorListHref({ ...fourthPartyFilter((entry.payload as Item).name), tier: [tier] }),
              )
            }
          >
            <LabelList
              dataKey="recordsLabel"
              content={(props) => {
                const item = data[Number(props.index)]
                if (!item || lastTierOf(item) !== tier) return null
                const x = Number(props.x) + Number(props.width) + 6
                const y = Number(props.y) + Number(props.height) / 2
                return (
                  <text x={x} y={y} dominantBaseline="central" fill="var(--text-muted)" fontSize={11}>
                    {item.recordsLabel}
                  </text>
                )
              }}
            />
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  )
}
