/**
 * The dashboard's colours as CSS custom properties (defined in src/styles/global.css with light-dark(), so every
 * chart follows the theme without re-rendering), shared by the lazily loaded charts and the HTML legends.
 * The series colours are Okabe–Ito, told apart with the common colour-vision deficiencies; a colour never
 * carries meaning alone (every series has a word in the legend and the table).
 */
import type { CSSProperties } from 'react'
import type { DataLocation, Tier } from '../../../domain'

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
