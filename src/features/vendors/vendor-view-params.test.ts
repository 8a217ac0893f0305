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
})
