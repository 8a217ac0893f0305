/** The inventory's filters and sort orders, shared by the server's list, the msw handlers and the SPA's grid. */
import type { VendorFacetsResponse, VendorSortKey, VendorSummary } from './schemas/api'
import type { DataClass, DataLocation, NetworkAccess, VendorStatus } from './schemas/vendor'
import type { Tier } from './scoring/model'

const nameOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** The inventory's default order: highest score first, then by name, then by id so the order is total. */
export function byScoreThenName(
  a: Pick<VendorSummary, 'score' | 'name' | 'id'>,
  b: Pick<VendorSummary, 'score' | 'name' | 'id'>,
): number {
  return b.score - a.score || nameOrder.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

const TIER_RANK = { critical: 3, high: 2, medium: 1, low: 0 } as const

export function compareBy(key: VendorSortKey): (a: VendorSummary, b: VendorSummary) => number {
  const text = (f: (v: VendorSummary) => string) => (a: VendorSummary, b: VendorSummary) =>
    nameOrder.compare(f(a), f(b))
  // Missing dates sort as the most urgent (never assessed) or the least recent (no incident).
  const date =
    (f: (v: VendorSummary) => string | null, missing: string) => (a: VendorSummary, b: VendorSummary) =>
      (f(a) ?? missing).localeCompare(f(b) ?? missing)
  switch (key) {
    case 'name':
      return text((v) => v.name)
    case 'category':
      return text((v) => v.category)
    case 'owner':
      return text((v) => v.owner)
    case 'tier':
      return (a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier] || a.score - b.score
    case 'lastIncidentAt':
      return date((v) => v.lastIncidentAt, '0000-00-00')
    case 'nextReviewDue':
      return date((v) => v.nextReviewDue, '0000-00-00')
    default:
      return (a, b) => a[key] - b[key]
  }
}

/** The natural direction of each column: worst or most urgent first for numbers and dates, A–Z for text. */
export const DEFAULT_ORDER: Record<VendorSortKey, 'asc' | 'desc'> = {
  score: 'desc',
  tier: 'desc',
  exposure: 'desc',
  likelihood: 'desc',
  records: 'desc',
  lastIncidentAt: 'desc',
  nextReviewDue: 'asc',
  name: 'asc',
  category: 'asc',
  owner: 'asc',
}

/** Sorts in place by `key` (in its natural direction unless `order` says), ties by score then name. */
export function sortVendorSummaries(items: VendorSummary[], key: VendorSortKey, order?: 'asc' | 'desc') {
  const direction = order ?? DEFAULT_ORDER[key]
  const compare = compareBy(key)
  return items.sort((a, b) => (direction === 'asc' ? compare(a, b) : compare(b, a)) || byScoreThenName(a, b))
}

export interface VendorFilter {
  /** Case-insensitive substring of the name, category or owner. */
  q?: string | undefined
  tier?: readonly Tier[] | undefined
  /** Exact category, case-insensitive. */
  category?: string | undefined
  status?: readonly VendorStatus[] | undefined
  dataLocation?: readonly DataLocation[] | undefined
  networkAccess?: readonly NetworkAccess[] | undefined
  outsidePerimeter?: boolean | undefined
  openIncident?: boolean | undefined
  reviewOverdue?: boolean | undefined
  /** Holds any of these data classes. */
  dataClass?: readonly DataClass[] | undefined
  /** Uses this sub-processor; names compare trimmed and case-insensitively, as the dashboard groups them. */
  fourthParty?: string | undefined
  /**
   * A region of the risk map. Lower bounds are inclusive and upper bounds exclusive, so neighbouring regions
   * (40–45, 45–50) never share a vendor; leave the upper bound out to reach 100.
   */
  exposureMin?: number | undefined
  exposureMax?: number | undefined
  likelihoodMin?: number | undefined
  likelihoodMax?: number | undefined
}

/** The filter's score ranges, for a filter bar to show and clear them. */
export const RANGE_FILTER_KEYS = ['exposureMin', 'exposureMax', 'likelihoodMin', 'likelihoodMax'] as const

/** A list filter that is absent or empty (`?tier=`) filters nothing. */
const inList = <T>(list: readonly T[] | undefined, value: T) =>
  !list || list.length === 0 || list.includes(value)
const is = (wanted: boolean | undefined, actual: boolean) => wanted === undefined || wanted === actual
const inRange = (value: number, min: number | undefined, max: number | undefined) =>
  (min === undefined || value >= min) && (max === undefined || value < max)
const holdsAny = <T>(wanted: readonly T[] | undefined, held: readonly T[]) =>
  !wanted || wanted.length === 0 || wanted.some((w) => held.includes(w))

export function filterVendorSummaries(
  items: readonly VendorSummary[],
  filter: VendorFilter,
): VendorSummary[] {
  const needle = filter.q?.trim().toLowerCase()
  const category = filter.category?.trim().toLowerCase()
  const fourthParty = filter.fourthParty?.trim().toLowerCase()
  return items.filter(
    (v) =>
      (!needle ||
        v.name.toLowerCase().includes(needle) ||
        v.category.toLowerCase().includes(needle) ||
        v.owner.toLowerCase().includes(needle)) &&
      inList(filter.tier, v.tier) &&
      (!category || v.category.toLowerCase() === category) &&
      inList(filter.status, v.status) &&
      inList(filter.dataLocation, v.dataLocation) &&
      inList(filter.networkAccess, v.networkAccess) &&
      is(filter.outsidePerimeter, v.outsidePerimeter) &&
      is(filter.openIncident, v.openIncidents > 0) &&
      is(filter.reviewOverdue, v.reviewOverdue) &&
      holdsAny(filter.dataClass, v.dataClasses) &&
      (!fourthParty || v.fourthParties.some((name) => name.trim().toLowerCase() === fourthParty)) &&
      inRange(v.exposure, filter.exposureMin, filter.exposureMax) &&
      inRange(v.likelihood, filter.likelihoodMin, filter.likelihoodMax),
  )
}

/** The inventory as a whole (GET /api/vendors/facets): tier counts, vendors outside the perimeter, categories. */
export function vendorFacets(items: Iterable<VendorSummary>, asOf: string): VendorFacetsResponse {
  const tiers = { critical: 0, high: 0, medium: 0, low: 0 }
  const categories = new Set<string>()
  let total = 0
  let outsidePerimeter = 0
  for (const v of items) {
    total += 1
    tiers[v.tier] += 1
    categories.add(v.category)
    if (v.outsidePerimeter) outsidePerimeter += 1
  }
  return { total, outsidePerimeter, tiers, categories: [...categories].sort(nameOrder.compare), asOf }
}
