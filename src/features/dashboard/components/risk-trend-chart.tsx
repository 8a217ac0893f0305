/**
 * The portfolio's score over time (loaded on demand): median and 90th percentile, then tiers stacked. Two
 * frames on one time axis rather than one with two y-axes: scores and counts never share a scale. Plain SVG (see
 * time-chart.tsx); hovering either frame shows the same week in both.
 */
import { useState } from 'react'
import { DEFAULT_WEIGHTS, TIER_LABELS, TIERS, type TrendRowView } from '../../../domain'
import { TREND_SCORES_HEIGHT, TREND_TIERS_HEIGHT } from './chart-sizes'
import { SERIES, TIER_COLOR } from './chart-theme'
import { countTicks } from './stacked-bars'
import { TimeFrame, TooltipLine, type TimeScales } from './time-chart'

const SCORES_MARGIN = { top: 8, right: 12, bottom: 8, left: 36 }
const TIERS_MARGIN = { top: 8, right: 12, bottom: 24, left: 36 }
/** Lower tiers at the base of the stack, critical on top. */
const STACK = [...TIERS].reverse()
const SCORE_LINES = [
  { key: 'median', label: 'Median score', color: SERIES.blue, dash: undefined },
  { key: 'p90', label: '90th percentile', color: SERIES.vermillion, dash: '6 3' },
] as const

/** A line through the rows' values, broken where a value is missing (a week nothing was scored). */
function linePath(values: readonly (number | null)[], s: TimeScales): string {
  let d = ''
  let drawing = false
  values.forEach((v, i) => {
    if (v === null) {
      drawing = false
      return
    }
    d += `${drawing ? 'L' : 'M'}${s.x(i).toFixed(1)},${s.y(v).toFixed(1)}`
    drawing = true
  })
  return d
}

/** The band between two cumulative step lines (each value holds until the next row), as one area. */
function stepBand(lower: readonly number[], upper: readonly number[], s: TimeScales): string {
  const right = s.plot.left + s.plot.width
  const edge = (values: readonly number[]) =>
    values.flatMap((v, i) => {
      const end = i + 1 < values.length ? s.x(i + 1) : right
      return [`${s.x(i).toFixed(1)},${s.y(v).toFixed(1)}`, `${end.toFixed(1)},${s.y(v).toFixed(1)}`]
    })
  return `M${edge(upper).join('L')}L${edge(lower).reverse().join('L')}Z`
}

export default function RiskTrendChart({ rows, label }: { rows: readonly TrendRowView[]; label: string }) {
  const [hovered, setHovered] = useState<number | null>(null)
  const cutoffs = DEFAULT_WEIGHTS.tierCutoffs
  const countTicksFor = countTicks(Math.max(0, ...rows.map((r) => TIERS.reduce((sum, t) => sum + r[t], 0))))
  const score = (v: number | null) => (v === null ? '–' : v.toFixed(1))
  // Cumulative counts, lowest tier first: the tier's band lies between the previous sum and its own.
  const sums = STACK.reduce<number[][]>(
    (acc, tier) => [...acc, rows.map((r, i) => (acc.at(-1)?.[i] ?? 0) + r[tier])],
    [],
  )
  const frame = { rows, hovered, onHover: setHovered }

  return (
    <div role="img" aria-label={label} className="risk-trend-chart">
      <TimeFrame
        {...frame}
        height={TREND_SCORES_HEIGHT}
        margin={SCORES_MARGIN}
        yTicks={[0, cutoffs.medium, cutoffs.high, cutoffs.critical, 100]}
        tooltip={(r) => (
          <>
            <strong>{r.label}</strong>
            {SCORE_LINES.map((l) => (
              <TooltipLine key={l.key} color={l.color} label={l.label} value={score(r[l.key])} />
            ))}
          </>
        )}
      >
        {(s) => (
          <>
            {(['medium', 'high', 'critical'] as const).map((tier) => (
              <path
                key={tier}
                d={`M${s.plot.left},${s.y(cutoffs[tier])}h${s.plot.width}`}
                stroke={TIER_COLOR[tier]}
                strokeDasharray="2 4"
              />
            ))}
            {SCORE_LINES.map((l) => (
              <path
                key={l.key}
                className="trend-line"
                d={linePath(
                  rows.map((r) => r[l.key]),
                  s,
                )}
                fill="none"
                stroke={l.color}
                strokeWidth={2}
                {...(l.dash && { strokeDasharray: l.dash })}
              />
            ))}
          </>
        )}
      </TimeFrame>
      <TimeFrame
        {...frame}
        height={TREND_TIERS_HEIGHT}
        margin={TIERS_MARGIN}
        yTicks={countTicksFor}
        xLabel={(r) => r.label}
        tooltip={(r) => (
          <>
            <strong>{r.label}</strong>
            {TIERS.map((tier) => (
              <TooltipLine
                key={tier}
                color={TIER_COLOR[tier]}
                label={TIER_LABELS[tier]}
                value={String(r[tier])}
              />
            ))}
          </>
        )}
      >
        {(s) =>
          STACK.map((tier, k) => (
            <path
              key={tier}
              className="trend-area"
              d={stepBand(k === 0 ? rows.map(() => 0) : sums[k - 1]!, sums[k]!, s)}
              fill={TIER_COLOR[tier]}
              fillOpacity={0.55}
              stroke={TIER_COLOR[tier]}
            />
          ))
        }
      </TimeFrame>
    </div>
  )
}
