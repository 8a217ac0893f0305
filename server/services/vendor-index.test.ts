/** The list index must answer exactly as the domain's filter and sort do, before and after vendors change. */
import { describe, expect, it } from 'vitest'
import { generateDemoVendors } from '../../mocks/data/demo-vendors'
import { createRandom } from '../../mocks/data/random'
import {
  filterVendorSummaries,
  sortVendorSummaries,
  summarizeVendor,
  TIERS,
  VENDOR_SORT_KEYS,
  vendorFacets,
  type VendorFilter,
  type VendorSummary,
} from '../../src/domain'
import { createVendorListIndex, listPageJson } from './vendor-index'

const AS_OF = '2026-11-26'
const vendors = generateDemoVendors({ count: 400, seed: 7, asOf: AS_OF })
const summaries = vendors.map((v) => summarizeVendor(v, AS_OF))

const FILTERS: VendorFilter[] = [
  {},
  { q: 'cloud' },
  { q: '  PAY ' },
  { q: 'zzz-nothing' },
  { tier: ['critical', 'high'] },
  { outsidePerimeter: true, openIncident: false },
  { dataClass: ['payment', 'health'], exposureMin: 30, likelihoodMax: 60 },
  { q: 'a', category: summaries[0]!.category },
]

function expected(
  items: readonly VendorSummary[],
  filter: VendorFilter,
  key: (typeof VENDOR_SORT_KEYS)[number],
  order?: 'asc' | 'desc',
) {
  return sortVendorSummaries(filterVendorSummaries(items, filter), key, order).map((v) => v.id)
}

describe('vendor list index', () => {
  it('filters and sorts as the domain does, for every sort key, order and filter', () => {
    const index = createVendorListIndex()
    index.reset(summaries)
    for (const key of VENDOR_SORT_KEYS)
      for (const order of [undefined, 'asc', 'desc'] as const)
        for (const filter of FILTERS)
          expect(
            index.query(filter, key, order).map((v) => v.id),
            `${key} ${order} ${JSON.stringify(filter)}`,
          ).toEqual(expected(summaries, filter, key, order))
  })

  it('keeps its sorted orders right through single edits, new vendors and a bulk change', () => {
    const index = createVendorListIndex()
    index.reset(summaries)
    const current = new Map(summaries.map((s) => [s.id, s]))
    const random = createRandom(11)
    const check = () => {
      for (const key of ['score', 'name', 'nextReviewDue'] as const)
        for (const filter of [FILTERS[0]!, FILTERS[4]!, FILTERS[1]!])
          expect(index.query(filter, key, undefined).map((v) => v.id)).toEqual(
            expected([...current.values()], filter, key),
          )
    }
    check() // builds the sorted arrays, so the edits below patch them
    const edit = (count: number) => {
      for (let i = 0; i < count; i++) {
        const before = random.pick([...current.values()])
        const after: VendorSummary = {
          ...before,
          score: random.int(0, 100),
          tier: random.pick(TIERS),
          name: random.chance(0.3) ? `${before.name} renamed` : before.name,
        }
        current.set(after.id, after)
        index.upsert(after)
      }
    }
    edit(1)
    check()
    edit(20)
    check()
    const added: VendorSummary = { ...summaries[3]!, id: 'ven-new-1', name: 'Aardvark Cloud Payments' }
    current.set(added.id, added)
    index.upsert(added)
    check()
    edit(1000) // beyond the patch limit: rebuilt
    check()
    expect(index.size).toBe(current.size)
  })

  it('answers facets for the whole inventory, refreshed after a change', () => {
    const index = createVendorListIndex()
    index.reset(summaries)
    expect(index.facets(AS_OF)).toEqual(vendorFacets(summaries, AS_OF))
    const moved: VendorSummary = { ...summaries[0]!, category: 'A brand new category', tier: 'low' }
    index.upsert(moved)
    const facets = index.facets(AS_OF)
    expect(facets).toEqual(vendorFacets([moved, ...summaries.slice(1)], AS_OF))
    expect(facets.categories).toContain('A brand new category')
  })

  it('moves its revision on with every change and only then', () => {
    const index = createVendorListIndex()
    index.reset(summaries)
    const first = index.revision
    index.query({}, 'score', undefined)
    index.facets(AS_OF)
    expect(index.revision).toBe(first)
    index.upsert({ ...summaries[0]!, owner: 'Someone else' })
    expect(index.revision).toBeGreaterThan(first)
    const second = index.revision
    index.reset(summaries)
    expect(index.revision).toBeGreaterThan(second)
  })

  it('leaves a search holding the field separator to the domain filter', () => {
    const index = createVendorListIndex()
    index.reset(summaries)
    const q = `${summaries[0]!.name.slice(-2)}\u0000${summaries[0]!.category.slice(0, 2)}`
    expect(index.query({ q }, 'score', undefined).map((v) => v.id)).toEqual(
      expected(summaries, { q }, 'score'),
    )
  })
})

describe('list page JSON', () => {
  it('is exactly JSON.stringify of the page, from a cold and a warm cache', () => {
    const page = { items: summaries.slice(0, 30), total: 400, nextCursor: 'abc"\\', asOf: AS_OF }
    expect(listPageJson(page)).toBe(JSON.stringify(page))
    expect(listPageJson(page)).toBe(JSON.stringify(page))
    const empty = { items: [], total: 0, nextCursor: null, asOf: AS_OF }
    expect(listPageJson(empty)).toBe(JSON.stringify(empty))
  })
})
