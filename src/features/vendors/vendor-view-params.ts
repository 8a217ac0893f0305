/** The inventory view in the URL: filters, sort and the selected vendor, so a link reproduces the view. */
import {
  DATA_LOCATIONS,
  DEFAULT_ORDER,
  NETWORK_ACCESS_LEVELS,
  TIERS,
  VENDOR_SORT_KEYS,
  VENDOR_STATUSES,
  type VendorFilter,
  type VendorSortKey,
} from '../../domain'

export interface VendorView {
  filter: VendorFilter
  sort: { key: VendorSortKey; order: 'asc' | 'desc' }
  selected: string | null
}

const listParam = <T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]) => {
  const values = (params.get(name) ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v): v is T => (allowed as readonly string[]).includes(v))
  return values.length > 0 ? values : undefined
}
const flagParam = (params: URLSearchParams, name: string) => {
  const value = params.get(name)
  return value === '1' ? true : value === '0' ? false : undefined
}

/** Unknown or malformed values are dropped, never an error: a hand-edited link still opens. */
export function readVendorView(params: URLSearchParams): VendorView {
  const key = (VENDOR_SORT_KEYS as readonly string[]).includes(params.get('sort') ?? '')
    ? (params.get('sort') as VendorSortKey)
    : 'score'
  const order = params.get('order')
  return {
    filter: {
      q: params.get('q') ?? undefined,
      tier: listParam(params, 'tier', TIERS),
      category: params.get('category') ?? undefined,
      status: listParam(params, 'status', VENDOR_STATUSES),
      dataLocation: listParam(params, 'dataLocation', DATA_LOCATIONS),
      networkAccess: listParam(params, 'networkAccess', NETWORK_ACCESS_LEVELS),
      outsidePerimeter: flagParam(params, 'outside'),
      openIncident: flagParam(params, 'openIncident'),
      reviewOverdue: flagParam(params, 'reviewOverdue'),
    },
    sort: { key, order: order === 'asc' || order === 'desc' ? order : DEFAULT_ORDER[key] },
    selected: params.get('selected'),
  }
}

/** The shortest URL for a view: defaults are left out. */
export function writeVendorView(view: VendorView): URLSearchParams {
  const params = new URLSearchParams()
  const { filter, sort, selected } = view
  if (filter.q) params.set('q', filter.q)
  if (filter.tier?.length) params.set('tier', filter.tier.join(','))
  if (filter.category) params.set('category', filter.category)
  if (filter.status?.length) params.set('status', filter.status.join(','))
  if (filter.dataLocation?.length) params.set('dataLocation', filter.dataLocation.join(','))
  if (filter.networkAccess?.length) params.set('networkAccess', filter.networkAccess.join(','))
  if (filter.outsidePerimeter !== undefined) params.set('outside', filter.outsidePerimeter ? '1' : '0')
  if (filter.openIncident !== undefined) params.set('openIncident', filter.openIncident ? '1' : '0')
  if (filter.reviewOverdue !== undefined) params.set('reviewOverdue', filter.reviewOverdue ? '1' : '0')
  if (sort.key !== 'score') params.set('sort', sort.key)
  if (sort.order !== DEFAULT_ORDER[sort.key]) params.set('order', sort.order)
  if (selected) params.set('selected', selected)
  return params
}
