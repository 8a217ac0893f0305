/** Incidents per month, stacked by kind or severity, with those still open as a line (loaded on demand). */
import { useState } from 'react'
import type { IncidentMonthRow, IncidentSeries } from '../../../domain'
import { INCIDENT_CHART_HEIGHT } from './chart-sizes'
import { countTicks } from './stacked-bars'
import { TimeFrame, TooltipLine } from './time-chart'

export interface IncidentChartProps {
  rows: readonly IncidentMonthRow[]
  series: readonly (IncidentSeries & { color: string })[]
  label: string
}

const MARGIN = { top: 8, right: 12, bottom: 24, left: 40 }

export default function IncidentChart({ rows, series, label }: IncidentChartProps) {
  const [hovered, setHovered] = useState<number | null>(null)
  const value = (row: IncidentMonthRow, key: IncidentSeries['key']) => row[key] ?? 0
  const ticks = countTicks(
    Math.max(
      0,
      ...rows.map((r) =>
        Math.max(
          r.open,
          series.reduce((sum, s) => sum + value(r, s.key), 0),
        ),
      ),
    ),
  )
  return (
    <TimeFrame
      rows={rows}
      height={INCIDENT_CHART_HEIGHT}
      margin={MARGIN}
      yTicks={ticks}
      xLabel={(r) => r.label}
      bands
      hovered={hovered}
      onHover={setHovered}
      label={label}
      tooltip={(r) => (
        <>
          <strong>{r.label}</strong>
          {series.map((s) => (
            <TooltipLine key={s.key} color={s.color} label={s.label} value={String(value(r, s.key))} />
          ))}
          <TooltipLine color="var(--text)" label="Still open" value={String(r.open)} />
        </>
      )}
    >
      {(s) => {
        const barWidth = Math.max(1, s.step * 0.7)
        return (
          <>
            {rows.map((r, i) => {
              let base = 0
              return (
                <g key={r.month} className="incident-bar">
                  {series.map((serie) => {
                    const v = value(r, serie.key)
                    if (v <= 0) return null
                    const y = s.y(base + v)
                    const h = s.y(base) - y
                    base += v
                    return (
                      <rect
                        key={serie.key}
                        x={s.x(i) - barWidth / 2}
                        y={y}
                        width={barWidth}
                        height={h}
                        fill={serie.color}
                        stroke="var(--surface)"
                        strokeWidth={1}
                      />
                    )
                  })}
                </g>
              )
            })}
            <path
              className="incident-open-line"
              d={rows.map((r, i) => `${i === 0 ? 'M' : 'L'}${s.x(i)},${s.y(r.open)}`).join('')}
              fill="none"
              stroke="var(--text)"
              strokeWidth={2}
              strokeDasharray="4 3"
            />
            {rows.map((r, i) => (
              <circle key={r.month} cx={s.x(i)} cy={s.y(r.open)} r={3} fill="var(--text)" />
            ))}
          </>
        )
      }}
    </TimeFrame>
  )
}
