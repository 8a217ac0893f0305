/**
 * The risk map (loaded on demand): exposure against likelihood with the tier bands behind, drawn as plain SVG.
 *
 * Rendering at 50,000 vendors: up to RISK_MAP_POINT_LIMIT (2,000) vendors each get an SVG mark. Above that the map
 * bins every vendor into 5 × 5-point density squares (at most 400 rects) and still marks the 500 riskiest critical
 * vendors individually, smaller, so the ones that matter keep their tooltip and link. We chose binning over
 * sampling (which hides vendors without saying so) and over a canvas (which loses the per-mark links and the CSS
 * theme colours); see riskMapLayers in src/domain/dashboard-findings.ts.
 *
 * Why not recharts, as the other charts: both axes are fixed at 0–100, so the map needs no scale or tick logic,
 * and recharts' scatter settles through several synchronous renders that measured 250–500 ms of main-thread work
 * on the dashboard's first screen. Plain SVG draws the same map in one pass, and this chunk stays free of recharts.
 *
 * Dragging across the plot selects a region (reported through `onSelect`; the card links it to the inventory);
 * a click on a density square opens its vendors, a click on a mark opens that vendor's profile.
 */
import { memo, useCallback, useMemo, useState, type PointerEvent as ReactPointerEvent } from 'react'
import { useNavigate } from 'react-router'
import {
  formatCompact,
  plural,
  regionBetween,
  regionFilter,
  TIER_LABELS,
  tierBands,
  TIERS,
  type RiskMapCell,
  type RiskMapLayers,
  type RiskMapPoint,
  type RiskRegion,
  type Tier,
} from '../../../domain'
import { vendorListHref } from '../../../lib/vendor-filter-params'
import { RISK_MAP_HEIGHT } from './chart-sizes'
import { AXIS, TIER_COLOR, TIER_SHAPE, TOOLTIP_STYLE } from './chart-theme'
import { useElementWidth } from './use-element-width'

export interface RiskMapChartProps {
  /** The vendors as the map draws them (riskMapLayers): marks, and density squares above the point limit. */
  layers: RiskMapLayers
  label: string
  selection: RiskRegion | null
  onSelect: (region: RiskRegion) => void
}

/** Room around the plot for the axes and their titles. */
const MARGIN = { top: 10, right: 16, bottom: 56, left: 52 }
const TICKS = [0, 25, 50, 75, 100]
const TICK_SIZE = 6
/** How far a pointer must move before a press becomes a drag rather than a click. */
const DRAG_PX = 4
/** Mark area in px² by records held (log10, 10 records to a billion), larger when every vendor has a mark. */
const MARK_AREA = { points: [18, 320], density: [10, 110] } as const
/** Later tiers paint over earlier ones: critical on top. */
const PAINT_ORDER: readonly Tier[] = [...TIERS].reverse()

interface Plot {
  x: number
  y: number
  width: number
  height: number
}

const scalesFor = (plot: Plot) => ({
  x: (exposure: number) => plot.x + (exposure / 100) * plot.width,
  y: (likelihood: number) => plot.y + plot.height - (likelihood / 100) * plot.height,
  exposureAt: (px: number) => ((px - plot.x) / plot.width) * 100,
  likelihoodAt: (py: number) => ((plot.y + plot.height - py) / plot.height) * 100,
})
type Scales = ReturnType<typeof scalesFor>

/** A mark's outline centred on (x, y) with the given area, in the shape of its tier (as the legend draws it). */
function markPath(shape: (typeof TIER_SHAPE)[Tier], x: number, y: number, area: number): string {
  const f = (n: number) => n.toFixed(1)
  switch (shape) {
    case 'circle': {
      const r = Math.sqrt(area / Math.PI)
      return `M${f(x - r)},${f(y)}a${f(r)},${f(r)} 0 1,0 ${f(2 * r)},0a${f(r)},${f(r)} 0 1,0 ${f(-2 * r)},0Z`
    }
    case 'square': {
      const h = Math.sqrt(area) / 2
      return `M${f(x - h)},${f(y - h)}h${f(2 * h)}v${f(2 * h)}h${f(-2 * h)}Z`
    }
    case 'triangle': {
      // Equilateral, centred on its centroid.
      const side = Math.sqrt((4 * area) / Math.sqrt(3))
      const height = (side * Math.sqrt(3)) / 2
      return `M${f(x)},${f(y - (2 * height) / 3)}L${f(x + side / 2)},${f(y + height / 3)}L${f(x - side / 2)},${f(y + height / 3)}Z`
    }
    case 'diamond': {
      const dy = Math.sqrt(area / (2 * Math.sqrt(1 / 3)))
      const dx = dy * Math.sqrt(1 / 3)
      return `M${f(x)},${f(y - dy)}L${f(x + dx)},${f(y)}L${f(x)},${f(y + dy)}L${f(x - dx)},${f(y)}Z`
    }
  }
}

const Axes = memo(function Axes({ plot, s }: { plot: Plot; s: Scales }) {
  const bottom = plot.y + plot.height
  const text = { fontSize: AXIS.fontSize, fill: 'var(--text-muted)' }
  // The axes' titles in the page's own size, as recharts sets its axis labels.
  const title = { fill: 'var(--text-muted)' }
  return (
    <g aria-hidden="true" className="risk-axes">
      <path
        d={`M${plot.x},${bottom}H${plot.x + plot.width}M${plot.x},${plot.y}V${bottom}`}
        stroke={AXIS.stroke}
        fill="none"
      />
      {TICKS.map((t) => (
        <g key={`x${t}`}>
          <path d={`M${s.x(t)},${bottom}v${TICK_SIZE}`} stroke={AXIS.stroke} />
          <text
            x={s.x(t)}
            y={bottom + TICK_SIZE + 3}
            textAnchor="middle"
            dominantBaseline="hanging"
            {...text}
          >
            {t}
          </text>
        </g>
      ))}
      {TICKS.map((t) => (
        <g key={`y${t}`}>
          <path d={`M${plot.x},${s.y(t)}h${-TICK_SIZE}`} stroke={AXIS.stroke} />
          <text x={plot.x - TICK_SIZE - 3} y={s.y(t)} textAnchor="end" dominantBaseline="central" {...text}>
            {t}
          </text>
        </g>
      ))}
      <text x={plot.x + plot.width / 2} y={RISK_MAP_HEIGHT - 8} textAnchor="middle" {...title}>
        Exposure: what they hold and reach →
      </text>
      <text
        x={0}
        y={0}
        transform={`translate(20 ${plot.y + plot.height / 2}) rotate(-90)`}
        textAnchor="middle"
        {...title}
      >
        Likelihood →
      </text>
    </g>
  )
})

const TierBands = memo(function TierBands({ s }: { s: Scales }) {
  const bands = useMemo(() => tierBands(), [])
  const path = (polygon: readonly [number, number][]) =>
    `${polygon.map(([e, l], i) => `${i === 0 ? 'M' : 'L'}${s.x(e).toFixed(1)},${s.y(l).toFixed(1)}`).join('')}Z`
  return (
    <g aria-hidden="true" className="risk-bands">
      {bands.map((band) => (
        <path key={band.tier} d={path(band.polygon)} fill={TIER_COLOR[band.tier]} fillOpacity={0.13} />
      ))}
      {bands
        .filter((band) => band.from > 0)
        .map((band) => {
          // The curve meets the right edge at likelihood from² / 100: label it there, where labels never crowd.
          const edge = (band.from * band.from) / 100
          return (
            <text
              key={band.tier}
              x={s.x(100) - 6}
              y={s.y(edge) - 6}
              textAnchor="end"
              fontSize={11}
              fill="var(--text-muted)"
            >
              {TIER_LABELS[band.tier]} ≥ {band.from}
            </text>
          )
        })}
    </g>
  )
})

const DensitySquares = memo(function DensitySquares(props: {
  cells: readonly RiskMapCell[]
  hovered: RiskMapCell | null
  s: Scales
}) {
  const { cells, hovered, s } = props
  const max = Math.max(1, ...cells.map((c) => c.vendors))
  // Log scale: one square of 3,000 vendors must not wash out the squares of 5.
  const opacity = (n: number) => 0.08 + (0.47 * Math.log1p(n)) / Math.log1p(max)
  return (
    <g aria-hidden="true" className="risk-density" pointerEvents="none">
      {cells.map((c) => (
        <rect
          key={`${c.exposureMin}:${c.likelihoodMin}`}
          x={s.x(c.exposureMin)}
          y={s.y(c.likelihoodMax)}
          width={Math.max(0, s.x(c.exposureMax) - s.x(c.exposureMin) - 1)}
          height={Math.max(0, s.y(c.likelihoodMin) - s.y(c.likelihoodMax) - 1)}
          fill="var(--chart-density)"
          fillOpacity={opacity(c.vendors)}
          stroke={c === hovered ? 'var(--focus)' : 'none'}
          strokeWidth={2}
        />
      ))}
    </g>
  )
})

interface Pointer {
  x: number
  y: number
  px: number
  py: number
}

const inCell = (c: RiskMapCell, p: { x: number; y: number }) =>
  p.x >= c.exposureMin &&
  (p.x < c.exposureMax || c.exposureMax >= 100) &&
  p.y >= c.likelihoodMin &&
  (p.y < c.likelihoodMax || c.likelihoodMax >= 100)

type Hover = { cell: RiskMapCell; px: number; py: number } | { point: RiskMapPoint; px: number; py: number }

/** Pointer position within the chart's SVG, in px and in map units. */
function pointerAt(event: ReactPointerEvent<SVGElement>, s: Scales): Pointer {
  const svg =
    event.currentTarget instanceof SVGSVGElement ? event.currentTarget : event.currentTarget.ownerSVGElement
  const box = svg?.getBoundingClientRect()
  const px = event.clientX - (box?.left ?? 0)
  const py = event.clientY - (box?.top ?? 0)
  return { x: s.exposureAt(px), y: s.likelihoodAt(py), px, py }
}

/** The transparent layer under the marks that turns drags into regions and clicks into squares. */
function BrushLayer(props: {
  plot: Plot
  s: Scales
  cells: readonly RiskMapCell[]
  selection: RiskRegion | null
  onSelect: (region: RiskRegion) => void
  onOpenCell: (cell: RiskMapCell) => void
  onHover: (hover: Hover | null) => void
}) {
  const { plot, s, cells, selection, onSelect, onOpenCell, onHover } = props
  const [drag, setDrag] = useState<{ from: Pointer; to: Pointer } | null>(null)
  const moved = (d: { from: Pointer; to: Pointer }) =>
    Math.abs(d.to.px - d.from.px) > DRAG_PX || Math.abs(d.to.py - d.from.py) > DRAG_PX
  const shown = drag && moved(drag) ? regionBetween(drag.from, drag.to) : selection

  return (
    <>
      <rect
        className="risk-brush"
        x={plot.x}
        y={plot.y}
        width={plot.width}
        height={plot.height}
        fill="transparent"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture?.(event.pointerId)
          const p = pointerAt(event, s)
          setDrag({ from: p, to: p })
        }}
        onPointerMove={(event) => {
          const p = pointerAt(event, s)
          if (drag) {
            setDrag({ ...drag, to: p })
            return
          }
          const cell = cells.find((c) => inCell(c, p))
          onHover(cell ? { cell, px: p.px, py: p.py } : null)
        }}
        onPointerUp={(event) => {
          if (!drag) return
          const done = { ...drag, to: pointerAt(event, s) }
          setDrag(null)
          if (moved(done)) {
            onSelect(regionBetween(done.from, done.to))
            return
          }
          const cell = cells.find((c) => inCell(c, done.from))
          if (cell) onOpenCell(cell)
        }}
        onPointerCancel={() => setDrag(null)}
        onPointerLeave={() => onHover(null)}
      />
      {shown && (
        <rect
          className="risk-selection"
          x={s.x(shown.exposureMin)}
          y={s.y(shown.likelihoodMax)}
          width={s.x(shown.exposureMax) - s.x(shown.exposureMin)}
          height={s.y(shown.likelihoodMin) - s.y(shown.likelihoodMax)}
          pointerEvents="none"
        />
      )}
    </>
  )
}

/**
 * One path per vendor with a mark; a single listener on the group finds the vendor from the mark's index.
 * Memoised with the other layers, so moving the pointer (a new tooltip) redraws only the tooltip.
 */
const Marks = memo(function Marks({
  points,
  mode,
  s,
  onOpen,
  onHover,
}: {
  points: readonly RiskMapPoint[]
  mode: RiskMapLayers['mode']
  s: Scales
  onOpen: (point: RiskMapPoint) => void
  onHover: (hover: Hover | null) => void
}) {
  const [low, high] = MARK_AREA[mode]
  const area = (records: number) =>
    low + (Math.min(9, Math.max(0, Math.log10(records + 1))) / 9) * (high - low)
  const pointOf = (target: EventTarget) => {
    const index = (target as SVGElement).dataset?.index
    return index === undefined ? undefined : points[Number(index)]
  }
  return (
    <g
      className="risk-marks"
      stroke="var(--surface)"
      strokeWidth={0.75}
      onClick={(event) => {
        const point = pointOf(event.target)
        if (point) onOpen(point)
      }}
      onPointerMove={(event) => {
        const point = pointOf(event.target)
        const p = pointerAt(event, s)
        onHover(point ? { point, px: p.px, py: p.py } : null)
      }}
      onPointerLeave={() => onHover(null)}
    >
      {PAINT_ORDER.flatMap((tier) =>
        points.map((p, i) =>
          p.tier === tier ? (
            <path
              key={p.id}
              className="risk-mark"
              data-index={i}
              d={markPath(TIER_SHAPE[tier], s.x(p.exposure), s.y(p.likelihood), area(p.records))}
              fill={TIER_COLOR[tier]}
            />
          ) : null,
        ),
      )}
    </g>
  )
})

function PointTooltip({ point }: { point: RiskMapPoint }) {
  return (
    <>
      <strong>{point.name}</strong>
      <div>
        {TIER_LABELS[point.tier]} · score {point.score.toFixed(1)}
      </div>
      <div className="num">
        Exposure {point.exposure.toFixed(1)} · likelihood {point.likelihood.toFixed(1)}
      </div>
      <div className="num">{formatCompact(point.records)} records · click to open</div>
    </>
  )
}

function CellTooltip({ cell }: { cell: RiskMapCell }) {
  return (
    <>
      <strong className="num">{plural(cell.vendors, 'vendor')}</strong>
      <div className="num">
        Exposure {cell.exposureMin}–{cell.exposureMax} · likelihood {cell.likelihoodMin}–{cell.likelihoodMax}
      </div>
      <div className="num">{formatCompact(cell.records)} records · click to list them</div>
    </>
  )
}

export default function RiskMapChart({ layers, label, selection, onSelect }: RiskMapChartProps) {
  const navigate = useNavigate()
  const [box, width] = useElementWidth<HTMLDivElement>()
  const [hover, setHover] = useState<Hover | null>(null)

  const plot = useMemo<Plot>(
    () => ({
      x: MARGIN.left,
      y: MARGIN.top,
      width: Math.max(0, width - MARGIN.left - MARGIN.right),
      height: RISK_MAP_HEIGHT - MARGIN.top - MARGIN.bottom,
    }),
    [width],
  )
  const s = useMemo(() => scalesFor(plot), [plot])
  const openVendor = useCallback(
    (point: RiskMapPoint) => void navigate(`/vendors/${encodeURIComponent(point.id)}`),
    [navigate],
  )

  return (
    <div className="risk-map-chart" ref={box} style={{ height: RISK_MAP_HEIGHT }}>
      <svg role="img" aria-label={label} width={width} height={RISK_MAP_HEIGHT} className="risk-map-svg">
        <TierBands s={s} />
        {layers.mode === 'density' && (
          <DensitySquares cells={layers.cells} hovered={hover && 'cell' in hover ? hover.cell : null} s={s} />
        )}
        <Axes plot={plot} s={s} />
        <BrushLayer
          plot={plot}
          s={s}
          cells={layers.cells}
          selection={selection}
          onSelect={onSelect}
          onOpenCell={(cell) => void navigate(vendorListHref(regionFilter(cell)))}
          onHover={setHover}
        />
        <Marks points={layers.points} mode={layers.mode} s={s} onOpen={openVendor} onHover={setHover} />
      </svg>
      {hover && (
        <div
          className="chart-tooltip-body chart-floating-tooltip"
          style={{ ...TOOLTIP_STYLE, left: hover.px + 12, top: hover.py + 12 }}
        >
          {'cell' in hover ? <CellTooltip cell={hover.cell} /> : <PointTooltip point={hover.point} />}
        </div>
      )}
    </div>
  )
}
