import { describe, expect, it } from 'vitest'
import { VendorListQuery } from '../../domain'
import { vendorListQuery } from './api/get-vendors'
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

  it('asks the server for the same list the URL shows: its filter and order as GET /api/vendors reads them', () => {
    const view = readVendorView(
      new URLSearchParams(
        'q=pay&tier=critical,high&category=Payroll&dataLocation=vendor_environment&networkAccess=privileged' +
          '&outside=1&openIncident=0&reviewOverdue=1&dataClass=pii&fourthParty=Twilio&exposureMin=0' +
          '&exposureMax=40&likelihoodMin=65&status=active&sort=name&order=desc',
      ),
    )
    const query = vendorListQuery(view.filter, view.sort)

    // The URL's `outside` is the API's `outsidePerimeter`; every other name is the same.
    expect(new URLSearchParams(query).has('outside')).toBe(false)
    const parsed = VendorListQuery.parse(Object.fromEntries(new URLSearchParams(query)))
    const { sort, order, limit: _limit, ...filter } = parsed
    expect({ sort, order }).toEqual({ sort: 'name', order: 'desc' })
    expect(filter).toEqual(Object.fromEntries(Object.entries(view.filter).filter(([, v]) => v !== undefined)))
  })

  it('leaves out of the server query what is not set, but always says the order', () => {
    expect(vendorListQuery({}, { key: 'score', order: 'desc' })).toBe('sort=score&order=desc')
    expect(vendorListQuery({ outsidePerimeter: false }, { key: 'nextReviewDue', order: 'asc' })).toBe(
      'outsidePerimeter=0&sort=nextReviewDue&order=asc',
    )
  })
})
