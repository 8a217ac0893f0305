/**
 * The inventory's filters in the URL (`/vendors?tier=critical&dataLocation=vendor_environment`): read by the list,
 * written by it and by every page that links to a slice of the inventory (the dashboard's charts).
 */
import {
  DATA_CLASSES,
  DATA_LOCATIONS,
  NETWORK_ACCESS_LEVELS,
  TIERS,
  VENDOR_STATUSES,
  type VendorFilter,
} from '../domain'

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
const scoreParam = (params: URLSearchParams, name: string) => {
  const raw = params.get(name)?.trim()
  if (!raw) return undefined
  const value = Number(raw)
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : undefined
}

/** Unknown or malformed values are dropped, never an error: a hand-edited link still opens. */
export function readVendorFilter(params: URLSearchParams): VendorFilter {
  return {
    q: params.get('q') ?? undefined,
    tier: listParam(params, 'tier', TIERS),
    category: params.get('category') ?? undefined,
    status: listParam(params, 'status', VENDOR_STATUSES),
    dataLocation: listParam(params, 'dataLocation', DATA_LOCATIONS),
    networkAccess: listParam(params, 'networkAccess', NETWORK_ACCESS_LEVELS),
    outsidePerimeter: flagParam(params, 'outside'),
    openIncident: flagParam(params, 'openIncident'),
    reviewOverdue: flagParam(params, 'reviewOverdue'),
    dataClass: listParam(params, 'dataClass', DATA_CLASSES),
    fourthParty: params.get('fourthParty')?.trim() || undefined,
    exposureMin: scoreParam(params, 'exposureMin'),
    exposureMax: scoreParam(params, 'exposureMax'),
    likelihoodMin: scoreParam(params, 'likelihoodMin'),
    likelihoodMax: scoreParam(params, 'likelihoodMax'),
  }
}

/**
 * The page URL and `GET /api/vendors` take the same filter parameters but for one name: the URL keeps its shorter
 * `outside`, the API spells out `outsidePerimeter` (VendorListQuery).
 */
const OUTSIDE_PARAM = { url: 'outside', api: 'outsidePerimeter' } as const

function writeFilter(filter: VendorFilter, params: URLSearchParams, dialect: keyof typeof OUTSIDE_PARAM) {
  const number = (name: string, value: number | undefined) => {
    if (value !== undefined) params.set(name, String(value))
  }
  if (filter.q) params.set('q', filter.q)
  if (filter.tier?.length) params.set('tier', filter.tier.join(','))
  if (filter.category) params.set('category', filter.category)
  if (filter.status?.length) params.set('status', filter.status.join(','))
  if (filter.dataLocation?.length) params.set('dataLocation', filter.dataLocation.join(','))
  if (filter.networkAccess?.length) params.set('networkAccess', filter.networkAccess.join(','))
  if (filter.outsidePerimeter !== undefined) {
    params.set(OUTSIDE_PARAM[dialect], filter.outsidePerimeter ? '1' : '0')
  }
  if (filter.openIncident !== undefined) params.set('openIncident', filter.openIncident ? '1' : '0')
  if (filter.reviewOverdue !== undefined) params.set('reviewOverdue', filter.reviewOverdue ? '1' : '0')
  if (filter.dataClass?.length) params.set('dataClass', filter.dataClass.join(','))
  if (filter.fourthParty) params.set('fourthParty', filter.fourthParty)
  number('exposureMin', filter.exposureMin)
  number('exposureMax', filter.exposureMax)
  number('likelihoodMin', filter.likelihoodMin)
  number('likelihoodMax', filter.likelihoodMax)
  return params
}

/** The shortest query for a filter, appended to `params`: what is not set is left out. */
export function writeVendorFilter(filter: VendorFilter, params = new URLSearchParams()): URLSearchParams {
  return writeFilter(filter, params, 'url')
}

/** The same filter as `GET /api/vendors` takes it, appended to `params`: the server filters the list. */
export function writeVendorListFilter(filter: VendorFilter, params = new URLSearchParams()): URLSearchParams {
  return writeFilter(filter, params, 'api')
}

/** The inventory narrowed to `filter`: `/vendors?tier=critical`. */
export function vendorListHref(filter: VendorFilter): string {
  const query = writeVendorFilter(filter).toString()
  return query ? `/vendors?${query}` : '/vendors'
}
