/** Vendors per tier as bars (recharts, loaded on demand by the dashboard). A bar opens its tier in the list. */
import { useNavigate } from 'react-router'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { formatShare, TIER_LABELS, type TierRow } from '../../../domain'
import { vendorListHref } from '../../../lib/vendor-filter-params'
import { TIER_CHART_HEIGHT } from './chart-sizes'
import { AXIS, COUNT_AXIS, EVERY_TICK, GRID, TIER_COLOR, TOOLTIP_STYLE } from './chart-theme'

export default function TierDistributionChart({ rows, label }: { rows: readonly TierRow[]; label: string }) {
  const navigate = useNavigate()
  const data = rows.map((r) => ({ ...r, name: TIER_LABELS[r.tier] }))
  return (
    <ResponsiveContainer width="100%" height={TIER_CHART_HEIGHT}>
      <BarChart
        data={data}
        layout="vertical"
        role="img"
        aria-label={label}
        accessibilityLayer={false}
        margin={{ top: 4, right: 72, bottom: 4, left: 4 }}
      >
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" {...COUNT_AXIS} {...AXIS} />
        <YAxis type="category" dataKey="name" width={64} {...EVERY_TICK} {...AXIS} />
        <Tooltip
          cursor={{ fill: 'var(--surface-2)' }}
          contentStyle={TOOLTIP_STYLE}
          formatter={(value, _name, item) => [
            `${String(value)} (${formatShare((item.payload as TierRow).share)})`,
            'Vendors',
          ]}
        />
        <Bar
          dataKey="count"
          isAnimationActive={false}
          cursor="pointer"
          onClick={(item) => void navigate(vendorListHref((item.payload as TierRow).filter))}
        >
          {data.map((d) => (
            <Cell key={d.tier} fill={TIER_COLOR[d.tier]} />
          ))}
          <LabelList
            dataKey="share"
            position="right"
            fill="var(--text)"
            fontSize={12}
            formatter={(share) => formatShare(Number(share))}
          />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  )
}
