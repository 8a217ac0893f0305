/**
 * Today's vendor summaries, indexed for the list endpoint. A list request filters and sorts the whole inventory;
 * at 50,000 vendors doing that from scratch costs tens of milliseconds (the name collation dominates), and a
 * grid asks for many pages of the same query. So the index keeps:
 * - one array per sort order, built on first use and then kept sorted as vendors change (a binary-search
 *   remove and insert per changed vendor; a bulk change such as an import drops them to be rebuilt lazily);
 * - the filtered result of the most recent queries, dropped on any change;
 * - each vendor's lower-cased search text beside it, so a search scans one string per vendor.
 * The order and filter are exactly the domain's (`sortVendorSummaries`, `filterVendorSummaries`), which the msw
 * handlers and the SPA use too; `vendor-index.test.ts` checks the index against them.
 */
import {
  byScoreThenName,
  compareBy,
  DEFAULT_ORDER,
  filterVendorSummaries,
  type VendorFilter,
  type VendorFacetsResponse,
  type VendorSortKey,
  type VendorSummary,
  vendorFacets,
} from '../../src/domain'

/** More changes than this between two reads and the sorted arrays are rebuilt rather than patched. */
const PATCH_LIMIT = 256
/** Filtered results kept, most recently used last. */
const RESULT_CACHE_SIZE = 32

type Order = 'asc' | 'desc'
/** A summary with its lower-cased search text, kept side by side so a search reads no map per vendor. */
interface Entry {
  readonly v: VendorSummary
  readonly text: string
}
type Compare = (a: Entry, b: Entry) => number

function comparator(key: VendorSortKey, order: Order | undefined): Compare {
  const compare = compareBy(key)
  const direction = order ?? DEFAULT_ORDER[key]
  return direction === 'asc'
    ? (a, b) => compare(a.v, b.v) || byScoreThenName(a.v, b.v)
    : (a, b) => compare(b.v, a.v) || byScoreThenName(a.v, b.v)
}

/** The position of `item` in `sorted` (or where it would go): the order is total, ids break every tie. */
function lowerBound(sorted: readonly Entry[], item: Entry, compare: Compare): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compare(sorted[mid]!, item) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Each summary's JSON, made once: summaries are replaced, never changed, so a page is a join of strings. */
const jsonOf = new WeakMap<VendorSummary, string>()

/** The JSON text of a list page, equal to `JSON.stringify(page)`. */
export function listPageJson(page: {
  items: readonly VendorSummary[]
  total: number
  nextCursor: string | null
  asOf: string
}): string {
  const items = page.items.map((v) => {
    let json = jsonOf.get(v)
    if (json === undefined) jsonOf.set(v, (json = JSON.stringify(v)))
    return json
  })
  return `{"items":[${items.join(',')}],"total":${page.total},"nextCursor":${JSON.stringify(page.nextCursor)},"asOf":${JSON.stringify(page.asOf)}}`
}

const entryOf = (v: VendorSummary): Entry => ({
  v,
  text: `${v.name}\u0000${v.category}\u0000${v.owner}`.toLowerCase(),
})

export interface VendorListIndex {
  readonly size: number
  /** Moves on with every change, so a caller can keep what it derives from the summaries until the next one. */
  readonly revision: number
  /** Replaces every summary (a new day or a new scoring model). */
  reset(all: Iterable<VendorSummary>): void
  /** Adds or replaces one vendor's summary. */
  upsert(summary: VendorSummary): void
  /** Every summary that passes the filter, in the sort order; the caller must not modify the array. */
  query(filter: VendorFilter, key: VendorSortKey, order: Order | undefined): readonly VendorSummary[]
  facets(asOf: string): VendorFacetsResponse
}

export function createVendorListIndex(): VendorListIndex {
  const byId = new Map<string, Entry>()
  const sorted = new Map<string, { compare: Compare; items: Entry[] }>()
  const results = new Map<string, readonly VendorSummary[]>()
  let pending: { before: Entry | undefined; after: Entry }[] = []
  let facets: VendorFacetsResponse | null = null
  let revision = 0

  function changed() {
    results.clear()
    facets = null
    revision += 1
  }

  /** Brings the sorted arrays up to date with the changes since the last read. */
  function settle() {
    if (pending.length === 0) return
    if (pending.length > PATCH_LIMIT) sorted.clear()
    else {
      for (const { compare, items } of sorted.values()) {
        for (const { before, after } of pending) {
          if (before) {
            const at = lowerBound(items, before, compare)
            if (items[at] === before) items.splice(at, 1)
            else items.splice(items.indexOf(before), 1) // unreachable while the order is total; kept safe
          }
          items.splice(lowerBound(items, after, compare), 0, after)
        }
      }
    }
    pending = []
  }

  function sortedBy(key: VendorSortKey, order: Order | undefined): readonly Entry[] {
    const name = `${key}:${order ?? DEFAULT_ORDER[key]}`
    let entry = sorted.get(name)
    if (!entry) {
      const compare = comparator(key, order)
      entry = { compare, items: [...byId.values()].sort(compare) }
      sorted.set(name, entry)
    }
    return entry.items
  }

  function filtered(entries: readonly Entry[], filter: VendorFilter): VendorSummary[] {
    const needle = filter.q?.trim().toLowerCase()
    // A needle with the separator could match across two fields: leave such a search to the domain's filter.
    if (!needle || needle.includes('\u0000'))
      return filterVendorSummaries(
        entries.map((e) => e.v),
        filter,
      )
    const matching: VendorSummary[] = []
    for (const e of entries) if (e.text.includes(needle)) matching.push(e.v)
    return filterVendorSummaries(matching, { ...filter, q: undefined })
  }

  return {
    get size() {
      return byId.size
    },
    get revision() {
      return revision
    },
    reset(all) {
      byId.clear()
      sorted.clear()
      pending = []
      for (const summary of all) byId.set(summary.id, entryOf(summary))
      changed()
    },
    upsert(summary) {
      const before = byId.get(summary.id)
      const after = entryOf(summary)
      byId.set(summary.id, after)
      if (sorted.size > 0) pending.push({ before, after })
      changed()
    },
    query(filter, key, order) {
      const name = JSON.stringify([key, order ?? DEFAULT_ORDER[key], filter])
      const hit = results.get(name)
      if (hit) {
        results.delete(name)
        results.set(name, hit)
        return hit
      }
      settle()
      const items = filtered(sortedBy(key, order), filter)
      results.set(name, items)
      if (results.size > RESULT_CACHE_SIZE) results.delete(results.keys().next().value!)
      return items
    },
    facets(asOf) {
      facets ??= vendorFacets(
        [...byId.values()].map((e) => e.v),
        asOf,
      )
      return { ...facets, asOf }
    },
  }
}
