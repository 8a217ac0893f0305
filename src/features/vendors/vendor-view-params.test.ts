import { describe, expect, it } from 'vitest'
import { readVendorView, writeVendorView } from './vendor-view-params'

describe('the inventory view in the URL', () => {
  it('reads filters, sort and selection, and writes them back to the same URL', () => {
    const search = 'q=payroll&tier=critical%2Chigh&outside=1&openIncident=0&sort=name&selected=ven-1'
    const view = readVendorView(new URLSearchParams(search))
    expect(view).toEqual({
      filter: {
        q: 'payroll',
        tier: ['critical', 'high'],
        category: undefined,
        status: undefined,
        dataLocation: undefined,
        networkAccess: undefined,
        outsidePerimeter: true,
        openIncident: false,
        reviewOverdue: undefined,
        dataClass: undefined,
        fourthParty: undefined,
        exposureMin: undefined,
        exposureMax: undefined,
        likelihoodMin: undefined,
        likelihoodMax: undefined,
      },
      sort: { key: 'name', order: 'asc' },
      selected: 'ven-1',
    })
    expect(writeVendorView(view).toString()).toBe(search)
  })

  it('drops unknown values instead of failing, and leaves defaults out of the URL', () => {
    const view = readVendorView(
      new URLSearchParams('tier=urgent,low&sort=bogus&order=sideways&outside=maybe'),
    )
    expect(view.filter.tier).toEqual(['low'])
    expect(view.filter.outsidePerimeter).toBeUndefined()
    expect(view.sort).toEqual({ key: 'score', order: 'desc' })
    expect(writeVendorView(view).toString()).toBe('tier=low')
  })

  it('reads and writes the data-class, sub-processor and risk-map range filters the dashboard links to', () => {
    const search =
      'dataClass=pii%2Cpayment&fourthParty=Amazon+Web+Services&exposureMin=40&exposureMax=45.5&likelihoodMin=65'
    const view = readVendorView(new URLSearchParams(search))
    expect(view.filter).toMatchObject({
      dataClass: ['pii', 'payment'],
      fourthParty: 'Amazon Web Services',
      exposureMin: 40,
      exposureMax: 45.5,
      likelihoodMin: 65,
      likelihoodMax: undefined,
    })
    expect(writeVendorView(view).toString()).toBe(search)
  })

  it('drops range bounds that are not scores from 0 to 100, and keeps a bound of 0', () => {
    const view = readVendorView(
      new URLSearchParams('exposureMin=-5&exposureMax=abc&likelihoodMin=0&likelihoodMax=101&dataClass=gold'),
    )
    expect(view.filter.exposureMin).toBeUndefined()
    expect(view.filter.exposureMax).toBeUndefined()
    expect(view.filter.likelihoodMin).toBe(0)
    expect(view.filter.likelihoodMax).toBeUndefined()
    expect(view.filter.dataClass).toBeUndefined()
    expect(writeVendorView(view).toString()).toBe('likelihoodMin=0')
  })
})
