/**
 * Horizontal bars, each split into coloured segments, on a count axis: the tier, review, data-class and
 * sub-processor charts. Plain HTML and CSS rather than recharts: the bars are widths in per cent of the axis, so
 * the chart draws in one render at its final size with nothing to measure, where a recharts bar chart settled
 * through several synchronous renders and DOM text measurements (60–150 ms per chart, a long task each, on the
 * dashboard's first screen). Every segment that stands for vendors opens them; the card's legend and table are
 * the keyboard's and screen reader's way to the same links, as with the other charts (role="img").
 */
import type { CSSProperties } from 'react'
import { useNavigate } from 'react-router'
import { formatCompact, type VendorFilter } from '../../../domain'
import { vendorListHref } from '../../../lib/vendor-filter-params'

export interface BarSegment {
  key: string
  /** The series' name, for the tooltip. */
  label: string
  value: number
  color: string
  /** The vendors the segment stands for: a click opens them in the inventory. */
  filter?: VendorFilter
}

export interface BarRow {
  key: string
  /** The category, on the axis. */
  name: string
  segments: readonly BarSegment[]
  /** Shown after the bar's end ("13 %", "12M rec."). */
  end?: string
  /** The tooltip's first line; the category's name when absent. */
  title?: string
}

export interface StackedBarsProps {
  rows: readonly BarRow[]
  /** The chart's text alternative. */
  label: string
  /** The chart's height in px, axis included (chart-sizes.ts: the card's placeholder keeps exactly this). */
  height: number
  /** The category axis' width in px. */
  nameWidth: number
  /** Room in px after the longest bar for its end label. */
  endWidth?: number
  /** The tooltip's figure for a segment ("4 vendors"); the value as is by default. */
  formatValue?: (value: number) => string
}

/** Round numbers for a count axis from 0 to at least `max`: whole steps of 1, 2 or 5 × 10ⁿ, about four of them. */
export function countTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1]
  const raw = max / 4
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude)
  const ticks: number[] = []
  for (let t = 0; t < max + step; t += step) ticks.push(t)
  return ticks
}

const AXIS_HEIGHT = 24

export default function StackedBars(props: StackedBarsProps) {
  const { rows, label, height, nameWidth, endWidth = 0, formatValue = String } = props
  const navigate = useNavigate()
  const ticks = countTicks(Math.max(0, ...rows.map((r) => r.segments.reduce((s, g) => s + g.value, 0))))
  const top = ticks.at(-1)!
  const pct = (value: number) => `${(value / top) * 100}%`
  const style = {
    height,
    '--bars-name-width': `${nameWidth}px`,
    '--bars-end-width': `${endWidth}px`,
    '--bars-axis-height': `${AXIS_HEIGHT}px`,
  } as CSSProperties

  return (
    <div className="stacked-bars" role="img" aria-label={label} style={style}>
      <div className="stacked-bars-plot" aria-hidden="true">
        {ticks.map((t) => (
          <span key={t} className="stacked-bars-grid" style={{ left: pct(t) }} />
        ))}
      </div>
      <div className="stacked-bars-rows">
        {rows.map((row) => (
          <div key={row.key} className="stacked-bars-row">
            <span className="stacked-bars-name">{row.name}</span>
            <span className="stacked-bars-track">
              {row.segments.map(
                (g) =>
                  g.value > 0 && (
                    <span
                      key={g.key}
                      className={`bar-segment${g.filter ? ' bar-segment-link' : ''}`}
                      style={{ width: pct(g.value), background: g.color }}
                      {...(g.filter && { onClick: () => void navigate(vendorListHref(g.filter!)) })}
                    />
                  ),
              )}
              {row.end !== undefined && <span className="stacked-bars-end">{row.end}</span>}
            </span>
            <span className="chart-tooltip stacked-bars-tooltip">
              <strong>{row.title ?? row.name}</strong>
              {row.segments.map((g) => (
                <span key={g.key}>
                  <span className="chart-tooltip-swatch" style={{ background: g.color }} />
                  {g.label}: {formatValue(g.value)}
                </span>
              ))}
            </span>
          </div>
        ))}
      </div>
      <div className="stacked-bars-axis" aria-hidden="true">
        {ticks.map((t) => (
          <span key={t} style={{ left: pct(t) }}>
            {formatCompact(t)}
          </span>
        ))}
      </div>
    </div>
  )
}
