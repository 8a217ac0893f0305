/**
 * Where our data sits (recharts, loaded on demand): a ring of records by data location, outside our perimeter
 * first, and per data class the records outside against inside. Every slice and bar opens its vendors.
 */
import { useNavigate } from 'react-router'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Label,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import {
  DATA_CLASS_LABELS,
  formatCompact,
  formatShare,
  type DataClassBar,
  type LocationSlice,
  type VendorFilter,
} from '../../../domain'
import { vendorListHref } from '../../../lib/vendor-filter-params'
import { EXPOSURE_RING_HEIGHT, exposureBarsHeight } from './chart-sizes'
import { AXIS, EVERY_TICK, GRID, LOCATION_COLOR, SERIES, TOOLTIP_STYLE } from './chart-theme'

export interface ExposureChartProps {
  slices: readonly LocationSlice[]
  classes: readonly DataClassBar[]
  /** Size slices by records, or by vendors when no vendor declares records. */
  measure: 'records' | 'vendors'
  outsideShare: number
  locationLabel: string
  classLabel: string
}

export default function ExposureChart(props: ExposureChartProps) {
  const { slices, classes, measure, outsideShare, locationLabel, classLabel } = props
  const navigate = useNavigate()
  const open = (filter: VendorFilter) => void navigate(vendorListHref(filter))
  const ring = slices.filter((s) => s[measure] > 0).map((s) => ({ ...s, value: s[measure] }))
  const bars = classes.map((c) => ({ ...c, name: DATA_CLASS_LABELS[c.dataClass] }))
  return (
    <div className="exposure-chart">
      <ResponsiveContainer width="100%" height={EXPOSURE_RING_HEIGHT}>
        <PieChart role="img" aria-label={locationLabel} accessibilityLayer={false}>
          <Tooltip
            contentStyle={TOOLTIP_STYLE}
            formatter={(_value, _name, item) => {
              const slice = item.payload as LocationSlice
              return [`${formatCompact(slice.records)} records · ${slice.vendors} vendors`, slice.name]
            }}
          />
          <Pie
            data={ring}
            dataKey="value"
            nameKey="name"
            innerRadius="58%"
            outerRadius="92%"
            startAngle={90}
            endAngle={-270}
            stroke="var(--surface)"
            strokeWidth={2}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(item) => open((item.payload as LocationSlice).filter)}
          >
            {ring.map((s) => (
              <Cell key={s.dataLocation} fill={LOCATION_COLOR[s.dataLocation]} />
            ))}
            <Label position="center" fill="var(--text)" fontSize={18} fontWeight={600}>
              {`${formatShare(outsideShare)} outside`}
            </Label>
          </Pie>
        </PieChart>
      </ResponsiveContainer>
      <ResponsiveContainer width="100%" height={exposureBarsHeight(bars.length)}>
        <BarChart
          data={bars}
          layout="vertical"
          role="img"
          aria-label={classLabel}
          accessibilityLayer={false}
          margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        >
          <CartesianGrid horizontal={false} stroke={GRID} />
          <XAxis type="number" tickFormatter={(v: number) => formatCompact(v)} {...EVERY_TICK} {...AXIS} />
          <YAxis type="category" dataKey="name" width={92} {...EVERY_TICK} {...AXIS} />
          <Tooltip
            cursor={{ fill: 'var(--surface-2)' }}
            contentStyle={TOOLTIP_STYLE}
            formatter={(value, name) => [`${formatCompact(Number(value))} records`, name]}
          />
          <Bar
            dataKey="outsideRecords"
            name="Outside our perimeter"
            stackId="records"
            fill={SERIES.vermillion}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(item) => open((item.payload as DataClassBar).outsideFilter)}
          />
          <Bar
            dataKey="insideRecords"
            name="Inside or not held"
            stackId="records"
            fill={SERIES.blue}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(item) => open((item.payload as DataClassBar).insideFilter)}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
