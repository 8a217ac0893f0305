/** Incidents per month, stacked by kind or severity, with those still open as a line (recharts, on demand). */
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { IncidentMonthRow, IncidentSeries } from '../../../domain'
import { INCIDENT_CHART_HEIGHT } from './chart-sizes'
import { AXIS, COUNT_AXIS, GRID, TOOLTIP_STYLE } from './chart-theme'

export interface IncidentChartProps {
  rows: readonly IncidentMonthRow[]
  series: readonly (IncidentSeries & { color: string })[]
  label: string
}

export default function IncidentChart({ rows, series, label }: IncidentChartProps) {
  return (
    <ResponsiveContainer width="100%" height={INCIDENT_CHART_HEIGHT}>
      <ComposedChart
        data={[...rows]}
        role="img"
        aria-label={label}
        accessibilityLayer={false}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
      >
        <CartesianGrid vertical={false} stroke={GRID} />
        <XAxis dataKey="label" minTickGap={12} {...AXIS} />
        <YAxis width={40} {...COUNT_AXIS} {...AXIS} />
        <Tooltip cursor={{ fill: 'var(--surface-2)' }} contentStyle={TOOLTIP_STYLE} />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId="incidents"
            fill={s.color}
            stroke="var(--surface)"
            strokeWidth={1}
            isAnimationActive={false}
          />
        ))}
        <Line
          type="linear"
          dataKey="open"
          name="Still open"
          stroke="var(--text)"
          strokeWidth={2}
          strokeDasharray="4 3"
          dot={{ r: 3, fill: 'var(--text)' }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  )
}
