import { Link } from 'react-router'
import type { VendorFilter } from '../../../domain'
import { vendorListHref } from '../../../lib/vendor-filter-params'

export interface LegendItem {
  key: string
  label: string
  color: string
  /** A mark other than a square swatch: the risk map's tier shapes, the trend's dashed line. */
  mark?: 'triangle' | 'diamond' | 'square' | 'circle' | 'line' | 'dashed'
  /** The vendors the item stands for: the item becomes a link to them. */
  filter?: VendorFilter
  /** The link's accessible name when it should say more than the label ("Critical: 4 vendors"). */
  description?: string
  /** Figures shown after the label. */
  detail?: string
}

function Mark({ color, mark = 'square' }: Pick<LegendItem, 'color' | 'mark'>) {
  const shapes = {
    square: <rect x="2" y="2" width="10" height="10" rx="2" />,
    circle: <circle cx="7" cy="7" r="5" />,
    triangle: <path d="M7 1.5 12.5 12H1.5Z" />,
    diamond: <path d="M7 1 13 7 7 13 1 7Z" />,
    line: <path d="M1 7h12" strokeWidth="2.5" stroke={color} />,
    dashed: <path d="M1 7h12" strokeWidth="2.5" strokeDasharray="3 2" stroke={color} />,
  }
  return (
    <svg className="legend-mark" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" fill={color}>
      {shapes[mark]}
    </svg>
  )
}

/** A chart's key as HTML: readable without the chart, and each item that stands for vendors links to them. */
export function ChartLegend({ items, label }: { items: readonly LegendItem[]; label: string }) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {items.map((item) => {
        const content = (
          <>
            <Mark color={item.color} {...(item.mark && { mark: item.mark })} />
            <span>{item.label}</span>
            {item.detail && <span className="muted num">{item.detail}</span>}
          </>
        )
        return (
          <li key={item.key}>
            {item.filter ? (
              <Link
                to={vendorListHref(item.filter)}
                {...(item.description !== undefined && { 'aria-label': item.description })}
              >
                {content}
              </Link>
            ) : (
              content
            )}
          </li>
        )
      })}
    </ul>
  )
}
