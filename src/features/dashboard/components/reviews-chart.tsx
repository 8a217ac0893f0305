/** Security reviews per tier by state (recharts, loaded on demand); the overdue segments open those vendors. */
import { useNavigate } from 'react-router'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { TIER_LABELS, type ReviewBar } from '../../../domain'
import { vendorListHref } from '../../../lib/vendor-filter-params'
import { REVIEWS_CHART_HEIGHT } from './chart-sizes'
import { AXIS, COUNT_AXIS, EVERY_TICK, GRID, TOOLTIP_STYLE } from './chart-theme'
import { REVIEW_STATES } from './review-states'

export default function ReviewsChart({ bars, label }: { bars: readonly ReviewBar[]; label: string }) {
  const navigate = useNavigate()
  const data = bars.map((b) => ({ ...b, name: TIER_LABELS[b.tier] }))
  return (
    <ResponsiveContainer width="100%" height={REVIEWS_CHART_HEIGHT}>
      <BarChart
        data={data}
        layout="vertical"
        role="img"
        aria-label={label}
        accessibilityLayer={false}
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
      >
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" {...COUNT_AXIS} {...AXIS} />
        <YAxis type="category" dataKey="name" width={64} {...EVERY_TICK} {...AXIS} />
        <Tooltip cursor={{ fill: 'var(--surface-2)' }} contentStyle={TOOLTIP_STYLE} />
        {REVIEW_STATES.map((state) => (
          <Bar
            key={state.key}
            dataKey={state.key}
            name={state.label}
            stackId="reviews"
            fill={state.color}
            stroke="var(--surface)"
            strokeWidth={1}
            isAnimationActive={false}
            {...(state.overdue && {
              cursor: 'pointer',
              onClick: (entry: { payload?: unknown }) =>
                void navigate(vendorListHref((entry.payload as ReviewBar).overdueFilter)),
            })}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  )
}
