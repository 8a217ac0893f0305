/**
 * The dashboard's colours as CSS custom properties (defined in src/styles/global.css with light-dark(), so every
 * chart follows the theme without re-rendering), shared by the lazily loaded charts and the HTML legends.
 * The series colours are Okabe–Ito, told apart with the common colour-vision deficiencies; a colour never
 * carries meaning alone (every series has a word in the legend and the table).
 */
import type { CSSProperties } from 'react'
import { formatCompact, type DataLocation, type Tier } from '../../../domain'

export const TIER_COLOR: Record<Tier, string> = {
  critical: 'var(--tier-critical-bg)',
  high: 'var(--tier-high-bg)',
  medium: 'var(--tier-medium-bg)',
  low: 'var(--tier-low-bg)',
}

/** Each tier also has its own mark on the risk map, so tiers differ by shape as well as colour. */
export const TIER_SHAPE = { critical: 'triangle', high: 'diamond', medium: 'square', low: 'circle' } as const

export const SERIES = {
  blue: 'var(--chart-1)',
  vermillion: 'var(--chart-2)',
  green: 'var(--chart-3)',
  purple: 'var(--chart-4)',
  amber: 'var(--chart-5)',
  muted: 'var(--chart-muted)',
} as const

export const AXIS = { stroke: 'var(--text-muted)', fontSize: 12 } as const
/**
 * For axes whose few labels cannot collide (tiers, data classes, counts): show every tick without recharts
 * measuring each label in the DOM to thin them out, a forced layout per label on every draw.
 */
export const EVERY_TICK = { interval: 0 } as const
/** Axes that count vendors or incidents: whole numbers, compact ("22.5K"), so five digits fit the axis. */
export const COUNT_AXIS = {
  ...EVERY_TICK,
  allowDecimals: false,
  tickFormatter: (value: number) => formatCompact(value),
} as const
export const GRID = 'var(--chart-grid)'

export const TOOLTIP_STYLE: CSSProperties = {
  background: 'var(--surface)',
  border: '1px solid var(--border)',
  borderRadius: 'var(--radius)',
  color: 'var(--text)',
  fontSize: 12,
}

/** Outside our perimeter in warm colours, inside in blue, no data in grey: the ring and its legend agree. */
export const LOCATION_COLOR: Record<DataLocation, string> = {
  vendor_environment: SERIES.vermillion,
  both: SERIES.purple,
  our_environment: SERIES.blue,
  none: SERIES.muted,
}
