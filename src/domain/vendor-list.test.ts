import { describe, expect, it } from 'vitest'
import { createVendor } from '../../mocks/data'
import { VendorListQuery } from './schemas/api'
import { summarizeVendor } from './summary'
import { filterVendorSummaries } from './vendor-list'

const AS_OF = '2026-11-26'

/** Summaries with the exposure and likelihood a test wants, whatever the scoring engine would say. */
const at = (id: string, exposure: number, likelihood: number) => ({
  ...summarizeVendor(createVendor({ id, name: id }), AS_OF),
  exposure,
  likelihood,
})

const ids = (items: readonly { id: string }[]) => items.map((v) => v.id)

describe('filtering the inventory by a region of the risk map', () => {
  const grid = [at('a', 40, 10), at('b', 45, 10), at('c', 44.9, 70), at('d', 100, 100), at('e', 0, 0)]

  it('keeps vendors from the lower bound up to, but not including, the upper bound', () => {
    expect(ids(filterVendorSummaries(grid, { exposureMin: 40, exposureMax: 45 }))).toEqual(['a', 'c'])
  })

  it('puts a vendor on a shared edge into exactly one of two neighbouring regions', () => {
    const left = filterVendorSummaries(grid, { exposureMin: 40, exposureMax: 45 })
    const right = filterVendorSummaries(grid, { exposureMin: 45, exposureMax: 50 })
    expect(ids(left)).not.toContain('b')
    expect(ids(right)).toEqual(['b'])
  })

  it('reaches a score of 100 when the upper bound is left out, and 0 with a lower bound of 0', () => {
    expect(ids(filterVendorSummaries(grid, { exposureMin: 95, likelihoodMin: 95 }))).toEqual(['d'])
    expect(ids(filterVendorSummaries(grid, { exposureMin: 0, exposureMax: 5 }))).toEqual(['e'])
  })

  it('combines the exposure and likelihood ranges', () => {
    expect(
      ids(filterVendorSummaries(grid, { exposureMin: 40, likelihoodMin: 50, likelihoodMax: 80 })),
    ).toEqual(['c'])
  })
})

describe('filtering the inventory by data class and sub-processor', () => {
  const payroll = summarizeVendor(
    createVendor({
      id: 'payroll',
      access: { dataClasses: ['pii', 'payment'], fourthParties: ['Amazon Web Services', 'Twilio'] },
    }),
    AS_OF,
  )
  const wiki = summarizeVendor(
    createVendor({ id: 'wiki', access: { dataClasses: ['internal'], fourthParties: [] } }),
    AS_OF,
  )
  const clinic = summarizeVendor(
    createVendor({
      id: 'clinic',
      access: { dataClasses: ['health', 'pii'], fourthParties: ['Google Cloud'] },
    }),
    AS_OF,
  )
  const all = [payroll, wiki, clinic]

  it('carries the sub-processors in the summary', () => {
    expect(payroll.fourthParties).toEqual(['Amazon Web Services', 'Twilio'])
  })

  it('keeps vendors holding any of the data classes asked for', () => {
    expect(ids(filterVendorSummaries(all, { dataClass: ['pii'] }))).toEqual(['payroll', 'clinic'])
    expect(ids(filterVendorSummaries(all, { dataClass: ['payment', 'internal'] }))).toEqual([
      'payroll',
      'wiki',
    ])
    expect(ids(filterVendorSummaries(all, { dataClass: [] }))).toEqual(['payroll', 'wiki', 'clinic'])
  })

  it('matches a sub-processor by its whole name, ignoring case and surrounding spaces', () => {
    expect(ids(filterVendorSummaries(all, { fourthParty: '  amazon web SERVICES ' }))).toEqual(['payroll'])
    expect(ids(filterVendorSummaries(all, { fourthParty: 'Amazon' }))).toEqual([])
  })
})

describe('the list query', () => {
  it('parses the new filters from query parameters', () => {
    const query = VendorListQuery.parse({
      dataClass: 'pii,health',
      fourthParty: 'Twilio',
      exposureMin: '40',
      exposureMax: '45.5',
      likelihoodMin: '0',
    })
    expect(query).toMatchObject({
      dataClass: ['pii', 'health'],
      fourthParty: 'Twilio',
      exposureMin: 40,
      exposureMax: 45.5,
      likelihoodMin: 0,
    })
    expect(query.likelihoodMax).toBeUndefined()
  })

  it('treats an empty bound as no bound, and refuses bounds that are not scores', () => {
    expect(VendorListQuery.parse({ exposureMin: '' }).exposureMin).toBeUndefined()
    expect(VendorListQuery.safeParse({ exposureMin: 'abc' }).success).toBe(false)
    expect(VendorListQuery.safeParse({ likelihoodMax: '101' }).success).toBe(false)
    expect(VendorListQuery.safeParse({ dataClass: 'gold' }).success).toBe(false)
  })
})
