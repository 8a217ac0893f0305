/**
 * The inventory from the server: the filtered, sorted list a page at a time (the grid asks for the pages its rows
 * need) and the facets of the whole inventory.
 */
import { keepPreviousData, queryOptions, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import {
  VendorFacetsResponse,
  VendorListResponse,
  type VendorFilter,
  type VendorSummary,
} from '../../../domain'
import { getJson } from '../../../lib/api-client'
import { VENDORS_QUERY_ROOT } from '../../../lib/query-keys'
import { writeVendorListFilter } from '../../../lib/vendor-filter-params'
import type { VendorSort } from '../vendor-view-params'

/** Rows per request: a viewport shows about 25, so one page covers it with its overscan. */
export const VENDOR_PAGE_SIZE = 100

/**
 * Every vendor-list query (the pages, the review work list, the audit log's vendor search) starts with this: after
 * a change to a vendor, invalidating it refreshes whatever list is on screen.
 */
export const VENDOR_LISTS_QUERY_KEY = [...VENDORS_QUERY_ROOT, 'list'] as const

/** The list's filter and order as `GET /api/vendors` takes them: one string per list, which keys its pages too. */
export function vendorListQuery(filter: VendorFilter, sort: VendorSort): string {
  const params = writeVendorListFilter(filter)
  params.set('sort', sort.key)
  params.set('order', sort.order)
  return params.toString()
}

/** A page of a list, marked with the list and the row it starts at, so rows are never shown under another list. */
export interface VendorPage extends VendorListResponse {
  list: string
  offset: number
}

async function getVendorPage(list: string, offset: number, limit: number, signal: AbortSignal) {
  const page = await getJson(`/api/vendors?${list}&limit=${limit}&offset=${offset}`, VendorListResponse, {
    signal,
  })
  return { ...page, list, offset } satisfies VendorPage
}

const pageQueryOptions = (list: string, offset: number, limit: number) =>
  queryOptions({
    queryKey: [...VENDOR_LISTS_QUERY_KEY, { list, offset, limit }],
    // The signal cancels the request once nothing waits for it: a keystroke later, its list is not wanted.
    queryFn: ({ signal }) => getVendorPage(list, offset, limit, signal),
    // A scroll through 50,000 rows passes hundreds of pages: keep those off screen for a minute, not five.
    gcTime: 60_000,
  })

/** `limit` rows of the list `filter` and `sort` make, from row `offset` (zero-based). */
export const vendorPageQueryOptions = (
  filter: VendorFilter,
  sort: VendorSort,
  offset: number,
  limit = VENDOR_PAGE_SIZE,
) => pageQueryOptions(vendorListQuery(filter, sort), offset, limit)

export const vendorFacetsQueryOptions = () =>
  queryOptions({
    queryKey: [...VENDORS_QUERY_ROOT, 'facets'],
    queryFn: ({ signal }) => getJson('/api/vendors/facets', VendorFacetsResponse, { signal }),
  })

/** Counts of the whole inventory (tiers, outside the perimeter) and its categories, for the list's findings. */
export const useVendorFacets = () => useQuery(vendorFacetsQueryOptions())

/** The rows of a list that arrives a page at a time: a row whose page has not arrived yet is `undefined`. */
export interface VendorRows {
  /** Every row of the list, loaded or not. */
  count: number
  at(index: number): VendorSummary | undefined
  /** The row of a vendor among the loaded rows; -1 when it is not loaded (or not in the list). */
  indexOf(id: string): number
}

const samePages = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((p, i) => p === b[i])

/**
 * The list `filter` and `sort` make, fetched a page at a time: the first page always (it carries the total), and
 * the pages of the rows the grid reports through `showRows`. While a new list's first page is on its way, the
 * previous list stays on screen, rows and total together, so typing a search never flashes an empty grid.
 */
export function useVendorPages(filter: VendorFilter, sort: VendorSort) {
  const client = useQueryClient()
  const list = vendorListQuery(filter, sort)
  const [pages, setPages] = useState<readonly number[]>([])

  const head = useQuery({
    ...pageQueryOptions(list, 0, VENDOR_PAGE_SIZE),
    placeholderData: keepPreviousData,
  })
  const rest = useQueries({
    queries: pages.map((page) => pageQueryOptions(list, page * VENDOR_PAGE_SIZE, VENDOR_PAGE_SIZE)),
  })

  // The list on screen is the first page's: the one asked for, or the previous one while it is on its way.
  const shown = head.data?.list
  const loaded = new Map<number, VendorPage>()
  if (head.data) loaded.set(0, head.data)
  pages.forEach((page, i) => {
    const fetched = rest[i]?.data
    // useQueries gives a new key a new observer, which has no previous data to keep: while the previous list is
    // on screen, its other pages come from the cache.
    const data =
      fetched?.list === shown || shown === undefined
        ? fetched
        : client.getQueryData(pageQueryOptions(shown, page * VENDOR_PAGE_SIZE, VENDOR_PAGE_SIZE).queryKey)
    if (data) loaded.set(page, data)
  })
  const rows: VendorRows = {
    count: head.data?.total ?? 0,
    at: (index) => loaded.get(Math.floor(index / VENDOR_PAGE_SIZE))?.items[index % VENDOR_PAGE_SIZE],
    indexOf: (id) => {
      for (const [page, data] of loaded) {
        const i = data.items.findIndex((v) => v.id === id)
        if (i >= 0) return page * VENDOR_PAGE_SIZE + i
      }
      return -1
    },
  }

  /** The grid tells which rows it renders; their pages are fetched (the first page always is). */
  const showRows = useCallback(
    (indexes: readonly number[]) => {
      const next = [...new Set(indexes.map((i) => Math.floor(i / VENDOR_PAGE_SIZE)))]
        .filter((page) => page > 0)
        .sort((a, b) => a - b)
      setPages((previous) => (samePages(previous, next) ? previous : next))
    },
    [setPages],
  )

  const failed = rest.find((page) => page.isError)
  return {
    /** The first page's query: pending until the first list arrives, errored when it could not be had. */
    head,
    rows,
    /** The list on screen (its query string); undefined before the first arrives. */
    list: shown,
    /** Whether the list on screen is the previous one, kept while the one asked for is on its way. */
    previous: head.isPlaceholderData,
    showRows,
    /** A later page that could not be had; its rows stay placeholders until `retryPages`. */
    pageError: failed?.error ?? null,
    retryPages: () => {
      for (const page of rest) if (page.isError) void page.refetch()
    },
  }
}
