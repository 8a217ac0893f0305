/** The portfolio's score over time (recharts, loaded on demand): median and 90th percentile, then tiers stacked. */
import {
  Area,
  AreaChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { DEFAULT_WEIGHTS, TIER_LABELS, TIERS, type TrendRowView } from '../../../domain'
import { TREND_SCORES_HEIGHT, TREND_TIERS_HEIGHT } from './chart-sizes'
import { AXIS, COUNT_AXIS, EVERY_TICK, GRID, SERIES, TIER_COLOR, TOOLTIP_STYLE } from './chart-theme'

export default function RiskTrendChart({ rows, label }: { rows: readonly TrendRowView[]; label: string }) {
  const data = [...rows]
  const cutoffs = DEFAULT_WEIGHTS.tierCutoffs
  return (
    <div role="img" aria-label={label} className="risk-trend-chart">
      {/* Two charts on one time axis rather than one with two y-axes: scores and counts never share a scale. */}
      <ResponsiveContainer width="100%" height={TREND_SCORES_HEIGHT}>
        <LineChart
          data={data}
          syncId="risk-trend"
          accessibilityLayer={false}
          margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
        >
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="label" hide />
          <YAxis
            domain={[0, 100]}
            ticks={[0, cutoffs.medium, cutoffs.high, cutoffs.critical, 100]}
            width={36}
            {...EVERY_TICK}
            {...AXIS}
          />
          {(['medium', 'high', 'critical'] as const).map((tier) => (
            <ReferenceLine key={tier} y={cutoffs[tier]} stroke={TIER_COLOR[tier]} strokeDasharray="2 4" />
          ))}
          <Tooltip
            contentStyle={TOOLTIP_STYLE}
            formatter={(value) => (value === null || value === undefined ? '–' : Number(value).toFixed(1))}
          />
          <Line
            type="monotone"
            dataKey="median"
            name="Median score"
            stroke={SERIES.blue}
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="p90"
            name="90th percentile"
            stroke={SERIES.vermillion}
            strokeWidth={2}
            strokeDasharray="6 3"
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
      <ResponsiveContainer width="100%" height={TREND_TIERS_HEIGHT}>
        <AreaChart
          data={data}
          syncId="risk-trend"
          accessibilityLayer={false}
          margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
        >
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="label" minTickGap={24} {...AXIS} />
          <YAxis width={36} {...COUNT_AXIS} {...AXIS} />
          <Tooltip contentStyle={TOOLTIP_STYLE} />
          {[...TIERS].reverse().map((tier) => (
            <Area
              key={tier}
              type="stepAfter"
              dataKey={tier}
              name={TIER_LABELS[tier]}
              stackId="tiers"
              stroke={TIER_COLOR[tier]}
              fill={TIER_COLOR[tier]}
              fillOpacity={0.55}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  )
}
