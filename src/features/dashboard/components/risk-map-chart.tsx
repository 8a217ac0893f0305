/**
 * The risk map (recharts, loaded on demand): exposure against likelihood with the tier bands behind.
 *
 * Rendering at 50,000 vendors: up to RISK_MAP_POINT_LIMIT (2,000) vendors each get an SVG mark. Above that the map
 * bins every vendor into 5 × 5-point density squares (at most 400 rects) and still marks the 500 riskiest critical
 * vendors individually, smaller, so the ones that matter keep their tooltip and link. We chose binning over
 * sampling (which hides vendors without saying so) and over a canvas (which loses the per-mark tooltips, links and
 * CSS theme colours); see riskMapLayers in src/domain/dashboard-findings.ts.
 *
 * Dragging across the plot selects a region (reported through `onSelect`; the card links it to the inventory);
 * a click on a density square opens its vendors, a click on a mark opens that vendor's profile.
 */
import { useMemo, useState, type PointerEvent as ReactPointerEvent } from 'react'
import { useNavigate } from 'react-router'
import {
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
  ZIndexLayer,
  usePlotArea,
  useXAxisInverseScale,
  useXAxisScale,
  useYAxisInverseScale,
  useYAxisScale,
} from 'recharts'
import {
  formatCompact,
  plural,
  regionBetween,
  regionFilter,
  riskMapLayers,
  TIER_LABELS,
  tierBands,
  TIERS,
  type RiskMapCell,
  type RiskMapPoint,
  type RiskRegion,
  type TierBand,
} from '../../../domain'
import { vendorListHref } from '../../../lib/vendor-filter-params'
import { AXIS, TIER_COLOR, TIER_SHAPE, TOOLTIP_STYLE } from './chart-theme'

export interface RiskMapChartProps {
  points: readonly RiskMapPoint[]
  label: string
  selection: RiskRegion | null
  onSelect: (region: RiskRegion) => void
}

type Plotted = RiskMapPoint & { size: number }

/** How far a pointer must move before a press becomes a drag rather than a click. */
const DRAG_PX = 4

function useScales() {
  const x = useXAxisScale()
  const y = useYAxisScale()
  if (!x || !y) return null
  return { x: (v: number) => x(v) ?? 0, y: (v: number) => y(v) ?? 0 }
}

function TierBands({ bands }: { bands: readonly TierBand[] }) {
  const s = useScales()
  if (!s) return null
  const path = (polygon: readonly [number, number][]) =>
    `${polygon.map(([e, l], i) => `${i === 0 ? 'M' : 'L'}${s.x(e).toFixed(1)},${s.y(l).toFixed(1)}`).join('')}Z`
  return (
    <ZIndexLayer zIndex={-200}>
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
    </ZIndexLayer>
  )
}

function DensitySquares({ cells, hovered }: { cells: readonly RiskMapCell[]; hovered: RiskMapCell | null }) {
  const s = useScales()
  if (!s) return null
  const max = Math.max(1, ...cells.map((c) => c.vendors))
  // Log scale: one square of 3,000 vendors must not wash out the squares of 5.
  const opacity = (n: number) => 0.08 + (0.47 * Math.log1p(n)) / Math.log1p(max)
  return (
    <ZIndexLayer zIndex={-50}>
      <g aria-hidden="true" pointerEvents="none">
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
    </ZIndexLayer>
  )
}

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

/** The transparent layer under the marks that turns drags into regions and clicks into squares. */
function BrushLayer(props: {
  cells: readonly RiskMapCell[]
  selection: RiskRegion | null
  onSelect: (region: RiskRegion) => void
  onOpenCell: (cell: RiskMapCell) => void
  onHover: (hover: { cell: RiskMapCell; px: number; py: number } | null) => void
}) {
  const { cells, selection, onSelect, onOpenCell, onHover } = props
  const plot = usePlotArea()
  const xi = useXAxisInverseScale()
  const yi = useYAxisInverseScale()
  const s = useScales()
  const [drag, setDrag] = useState<{ from: Pointer; to: Pointer } | null>(null)
  if (!plot || !xi || !yi || !s) return null

  const at = (event: ReactPointerEvent<SVGRectElement>): Pointer => {
    const box = event.currentTarget.ownerSVGElement?.getBoundingClientRect()
    const px = event.clientX - (box?.left ?? 0)
    const py = event.clientY - (box?.top ?? 0)
    return { x: Number(xi(px)), y: Number(yi(py)), px, py }
  }
  const moved = (d: { from: Pointer; to: Pointer }) =>
    Math.abs(d.to.px - d.from.px) > DRAG_PX || Math.abs(d.to.py - d.from.py) > DRAG_PX
  const shown = drag && moved(drag) ? regionBetween(drag.from, drag.to) : selection

  return (
    <ZIndexLayer zIndex={-20}>
      <rect
        className="risk-brush"
        x={plot.x}
        y={plot.y}
        width={plot.width}
        height={plot.height}
        fill="transparent"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture?.(event.pointerId)
          const p = at(event)
          setDrag({ from: p, to: p })
        }}
        onPointerMove={(event) => {
          const p = at(event)
          if (drag) {
            setDrag({ ...drag, to: p })
            return
          }
          const cell = cells.find((c) => inCell(c, p))
          onHover(cell ? { cell, px: p.px, py: p.py } : null)
        }}
        onPointerUp={(event) => {
          if (!drag) return
          const done = { ...drag, to: at(event) }
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
    </ZIndexLayer>
  )
}

function PointTooltip({ point }: { point: Plotted }) {
  return (
    <div style={TOOLTIP_STYLE} className="chart-tooltip-body">
      <strong>{point.name}</strong>
      <div>
        {TIER_LABELS[point.tier]} · score {point.score.toFixed(1)}
      </div>
      <div className="num">
        Exposure {point.exposure.toFixed(1)} · likelihood {point.likelihood.toFixed(1)}
      </div>
      <div className="num">{formatCompact(point.records)} records</div>
    </div>
  )
}

export default function RiskMapChart({ points, label, selection, onSelect }: RiskMapChartProps) {
  const navigate = useNavigate()
  const layers = useMemo(() => riskMapLayers(points), [points])
  const bands = useMemo(() => tierBands(), [])
  const series = useMemo(
    () =>
      TIERS.map((tier) => ({
        tier,
        data: layers.points
          .filter((p) => p.tier === tier)
          .map((p): Plotted => ({ ...p, size: Math.log10(p.records + 1) })),
      })).reverse(),
    [layers],
  )
  const [hover, setHover] = useState<{ cell: RiskMapCell; px: number; py: number } | null>(null)

  return (
    <div className="risk-map-chart">
      <ResponsiveContainer width="100%" height={380}>
        <ScatterChart
          role="img"
          aria-label={label}
          accessibilityLayer={false}
          margin={{ top: 10, right: 16, bottom: 26, left: 4 }}
        >
          <XAxis
            type="number"
            dataKey="exposure"
            name="Exposure"
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            allowDataOverflow
            label={{ value: 'Exposure: what they hold and reach →', position: 'insideBottom', offset: -18 }}
            {...AXIS}
          />
          <YAxis
            type="number"
            dataKey="likelihood"
            name="Likelihood"
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            allowDataOverflow
            width={48}
            label={{ value: 'Likelihood →', angle: -90, position: 'insideLeft', offset: 12 }}
            {...AXIS}
          />
          {/* Mark area by records on a log scale: 10 records to a billion span the range. */}
          <ZAxis
            type="number"
            dataKey="size"
            domain={[0, 9]}
            range={layers.mode === 'density' ? [10, 110] : [18, 320]}
          />
          <TierBands bands={bands} />
          {layers.mode === 'density' && <DensitySquares cells={layers.cells} hovered={hover?.cell ?? null} />}
          <BrushLayer
            cells={layers.cells}
            selection={selection}
            onSelect={onSelect}
            onOpenCell={(cell) => void navigate(vendorListHref(regionFilter(cell)))}
            onHover={setHover}
          />
          <Tooltip
            cursor={false}
            isAnimationActive={false}
            content={({ active, payload }) => {
              const point = payload?.[0]?.payload as Plotted | undefined
              return active && point ? <PointTooltip point={point} /> : null
            }}
          />
          {series.map(({ tier, data }) => (
            <Scatter
              key={tier}
              name={TIER_LABELS[tier]}
              data={data}
              fill={TIER_COLOR[tier]}
              shape={TIER_SHAPE[tier]}
              stroke="var(--surface)"
              strokeWidth={0.75}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(item) => {
                const point = item.payload as Plotted | undefined
                if (point) void navigate(`/vendors/${encodeURIComponent(point.id)}`)
              }}
            />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
      {hover && (
        <div
          className="chart-tooltip-body chart-floating-tooltip"
          style={{ ...TOOLTIP_STYLE, left: hover.px + 12, top: hover.py + 12 }}
        >
          <strong className="num">{plural(hover.cell.vendors, 'vendor')}</strong>
          <div className="num">
            Exposure {hover.cell.exposureMin}–{hover.cell.exposureMax} · likelihood {hover.cell.likelihoodMin}
            –{hover.cell.likelihoodMax}
          </div>
          <div className="num">{formatCompact(hover.cell.records)} records · click to list them</div>
        </div>
      )}
    </div>
  )
}
