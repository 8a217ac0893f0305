/** The inventory view in the URL: filters, sort and the selected vendor, so a link reproduces the view. */
import { DEFAULT_ORDER, VENDOR_SORT_KEYS, type VendorFilter, type VendorSortKey } from '../../domain'
import { readVendorFilter, writeVendorFilter } from '../../lib/vendor-filter-params'

export interface VendorSort {
  key: VendorSortKey
  order: 'asc' | 'desc'
}

export interface VendorView {
  filter: VendorFilter
  sort: VendorSort
  selected: string | null
}

/** Unknown or malformed values are dropped, never an error: a hand-edited link still opens. */
export function readVendorView(params: URLSearchParams): VendorView {
  const key = (VENDOR_SORT_KEYS as readonly string[]).includes(params.get('sort') ?? '')
    ? (params.get('sort') as VendorSortKey)
    : 'score'
  const order = params.get('order')
  return {
    // Other pages link to slices of the inventory with the same parameters (src/lib/vendor-filter-params.ts).
    filter: readVendorFilter(params),
    sort: { key, order: order === 'asc' || order === 'desc' ? order : DEFAULT_ORDER[key] },
    selected: params.get('selected'),
  }
}

/** The shortest URL for a view: defaults are left out. */
export function writeVendorView(view: VendorView): URLSearchParams {
  const { filter, sort, selected } = view
  const params = writeVendorFilter(filter)
  if (sort.key !== 'score') params.set('sort', sort.key)
  if (sort.order !== DEFAULT_ORDER[sort.key]) params.set('order', sort.order)
  if (selected) params.set('selected', selected)
  return params
}
