/**
 * Where our data sits (loaded on demand): a ring of records by data location, outside our perimeter first, and
 * per data class the records outside against inside. Every slice and bar opens its vendors. Plain SVG and HTML,
 * drawn in one render (see stacked-bars.tsx for why not recharts).
 */
import { useNavigate } from 'react-router'
import {
  DATA_CLASS_LABELS,
  formatCompact,
  formatShare,
  type DataClassBar,
  type LocationSlice,
} from '../../../domain'
import { vendorListHref } from '../../../lib/vendor-filter-params'
import { EXPOSURE_RING_HEIGHT, exposureBarsHeight } from './chart-sizes'
import { LOCATION_COLOR, SERIES } from './chart-theme'
import StackedBars from './stacked-bars'

export interface ExposureChartProps {
  slices: readonly LocationSlice[]
  classes: readonly DataClassBar[]
  /** Size slices by records, or by vendors when no vendor declares records. */
  measure: 'records' | 'vendors'
  outsideShare: number
  locationLabel: string
  classLabel: string
}

/** The ring's radii in the SVG's units, its box being EXPOSURE_RING_HEIGHT square around the centre. */
const HALF = EXPOSURE_RING_HEIGHT / 2
const OUTER = HALF * 0.92
const INNER = HALF * 0.58

/** A point on a circle of radius r, at a fraction of a turn clockwise from 12 o'clock. */
const at = (r: number, turn: number) => {
  const angle = turn * 2 * Math.PI
  return `${(r * Math.sin(angle)).toFixed(2)},${(-r * Math.cos(angle)).toFixed(2)}`
}

/** The ring's slice from one fraction of a turn to another. A whole turn is drawn as two halves. */
function slicePath(from: number, to: number): string {
  if (to - from >= 1) return `${slicePath(0, 0.5)}${slicePath(0.5, 1)}`
  const large = to - from > 0.5 ? 1 : 0
  return (
    `M${at(OUTER, from)}A${OUTER},${OUTER} 0 ${large} 1 ${at(OUTER, to)}` +
    `L${at(INNER, to)}A${INNER},${INNER} 0 ${large} 0 ${at(INNER, from)}Z`
  )
}

export default function ExposureChart(props: ExposureChartProps) {
  const { slices, classes, measure, outsideShare, locationLabel, classLabel } = props
  const navigate = useNavigate()
  const ring = slices.filter((s) => s[measure] > 0)
  const total = ring.reduce((sum, s) => sum + s[measure], 0)
  // Where each slice starts and ends, as fractions of the turn.
  const ends = ring.map((_, i) => ring.slice(0, i + 1).reduce((sum, s) => sum + s[measure], 0) / total)
  return (
    <div className="exposure-chart">
      <svg
        role="img"
        aria-label={locationLabel}
        className="exposure-ring"
        width="100%"
        height={EXPOSURE_RING_HEIGHT}
        viewBox={`${-HALF} ${-HALF} ${2 * HALF} ${2 * HALF}`}
      >
        {ring.map((s, i) => {
          return (
            <path
              key={s.dataLocation}
              className="ring-slice"
              d={slicePath(i === 0 ? 0 : ends[i - 1]!, ends[i]!)}
              fill={LOCATION_COLOR[s.dataLocation]}
              stroke="var(--surface)"
              strokeWidth={2}
              onClick={() => void navigate(vendorListHref(s.filter))}
            >
              <title>{`${s.name}: ${formatCompact(s.records)} records · ${s.vendors} vendors`}</title>
            </path>
          )
        })}
        <text
          textAnchor="middle"
          dominantBaseline="central"
          fill="var(--text)"
          fontSize={18}
          fontWeight={600}
        >
          {`${formatShare(outsideShare)} outside`}
        </text>
      </svg>
      <StackedBars
        label={classLabel}
        height={exposureBarsHeight(classes.length)}
        nameWidth={92}
        formatValue={(v) => `${formatCompact(v)} records`}
        rows={classes.map((c) => ({
          key: c.dataClass,
          name: DATA_CLASS_LABELS[c.dataClass],
          segments: [
            {
              key: 'outside',
              label: 'Outside our perimeter',
              value: c.outsideRecords,
              color: SERIES.vermillion,
              filter: c.outsideFilter,
            },
            {
              key: 'inside',
              label: 'Inside or not held',
              value: c.insideRecords,
              color: SERIES.blue,
              filter: c.insideFilter,
            },
          ],
        }))}
      />
    </div>
  )
}
