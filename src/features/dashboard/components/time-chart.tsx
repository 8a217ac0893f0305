/**
 * The frame of the dashboard's charts over time (incidents per month, the risk trend): axes, grid, a hover
 * column with its tooltip, drawn in plain SVG at the measured width. The chart draws its marks inside through
 * the scales it is given. Plain SVG rather than recharts: a recharts chart settled through several synchronous
 * renders (redux selectors, text measured in the DOM) that took 70–220 ms per chart, a long task each; this
 * draws in two renders of a few milliseconds (one to measure the width, one at it).
 */
import type { ReactNode } from 'react'
import { formatCompact } from '../../../domain'
import { AXIS, GRID, TOOLTIP_STYLE } from './chart-theme'
import { useElementWidth } from './use-element-width'

export interface TimeScales {
  /** The centre of row i. */
  x: (i: number) => number
  /** The width of a row's band (bars) or the distance between two points (lines). */
  step: number
  y: (value: number) => number
  plot: { left: number; top: number; width: number; height: number }
}

export interface TimeFrameProps<R> {
  rows: readonly R[]
  height: number
  margin: { top: number; right: number; bottom: number; left: number }
  /** The value axis' ticks, from 0 up; the last is the top of the axis. */
  yTicks: readonly number[]
  yFormat?: (value: number) => string
  /** The time axis' labels; none when the frame shares its time axis with the one below. */
  xLabel?: (row: R) => string
  /** Rows as bands (bars) rather than points on a line. */
  bands?: boolean
  /** The hovered row, shared by frames drawn on one time axis. */
  hovered: number | null
  onHover: (row: number | null) => void
  tooltip: (row: R) => ReactNode
  /** The SVG's text alternative, when this frame is the chart's image. */
  label?: string
  children: (scales: TimeScales) => ReactNode
}

/** Labels no closer than this, in px, as recharts' minTickGap thins them. */
const LABEL_GAP_PX = 56

export function TimeFrame<R>(props: TimeFrameProps<R>) {
  // Compact by default (20K, not 20000): the axis gutter is narrow, and counts reach tens of thousands.
  const { rows, height, margin, yTicks, yFormat = formatCompact, xLabel, bands = false } = props
  const { hovered, onHover, tooltip, label, children } = props
  const [box, width] = useElementWidth<HTMLDivElement>()
  const plot = {
    left: margin.left,
    top: margin.top,
    width: Math.max(0, width - margin.left - margin.right),
    height: height - margin.top - margin.bottom,
  }
  const n = Math.max(1, rows.length)
  const step = bands ? plot.width / n : plot.width / Math.max(1, n - 1)
  const top = yTicks.at(-1) || 1
  const s: TimeScales = {
    x: (i) => plot.left + (bands ? (i + 0.5) * step : i * step),
    step,
    y: (value) => plot.top + plot.height - (value / top) * plot.height,
    plot,
  }
  const bottom = plot.top + plot.height
  const every = Math.max(1, Math.ceil(LABEL_GAP_PX / Math.max(1, step)))
  const hoverWidth = bands ? step : Math.max(step, 8)
  const row = hovered === null ? undefined : rows[hovered]

  return (
    <div className="time-chart" ref={box} style={{ height }}>
      <svg
        width={width}
        height={height}
        {...(label !== undefined ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
      >
        <g className="time-chart-grid" aria-hidden="true">
          {yTicks.map((t) => (
            <g key={t}>
              <path d={`M${plot.left},${s.y(t)}h${plot.width}`} stroke={GRID} />
              <text
                x={plot.left - 6}
                y={s.y(t)}
                textAnchor="end"
                dominantBaseline="central"
                fontSize={AXIS.fontSize}
                fill="var(--text-muted)"
              >
                {yFormat(t)}
              </text>
            </g>
          ))}
          {xLabel &&
            rows.map((r, i) =>
              i % every === 0 ? (
                <text
                  key={i}
                  x={s.x(i)}
                  y={bottom + 16}
                  textAnchor="middle"
                  fontSize={AXIS.fontSize}
                  fill="var(--text-muted)"
                >
                  {xLabel(r)}
                </text>
              ) : null,
            )}
          <path d={`M${plot.left},${bottom}h${plot.width}`} stroke={AXIS.stroke} />
        </g>
        {row !== undefined && bands && (
          <rect
            x={s.x(hovered!) - step / 2}
            y={plot.top}
            width={step}
            height={plot.height}
            fill="var(--surface-2)"
          />
        )}
        {children(s)}
        {row !== undefined && !bands && (
          <path d={`M${s.x(hovered!)},${plot.top}V${bottom}`} stroke="var(--text-muted)" />
        )}
        <g onPointerLeave={() => onHover(null)}>
          {rows.map((_, i) => (
            <rect
              key={i}
              x={s.x(i) - hoverWidth / 2}
              y={plot.top}
              width={hoverWidth}
              height={plot.height}
              fill="transparent"
              onPointerEnter={() => onHover(i)}
            />
          ))}
        </g>
      </svg>
      {row !== undefined && (
        <div
          className="chart-tooltip-body chart-floating-tooltip"
          style={{
            ...TOOLTIP_STYLE,
            top: margin.top,
            ...(s.x(hovered!) > width / 2
              ? { right: width - s.x(hovered!) + hoverWidth / 2 + 8 }
              : { left: s.x(hovered!) + hoverWidth / 2 + 8 }),
          }}
        >
          {tooltip(row)}
        </div>
      )}
    </div>
  )
}

/** One line of a tooltip: a swatch in the series' colour, its name and its value. */
export function TooltipLine({ color, label, value }: { color: string; label: string; value: string }) {
  return (
    <div>
      <span className="chart-tooltip-swatch" style={{ background: color }} />
      {label}: <span className="num">{value}</span>
    </div>
  )
}
