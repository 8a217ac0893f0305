// @vitest-environment jsdom
/** The mocked dashboard API keeps the server's contract (server/routes/dashboard.test.ts) on the mock inventory. */
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { createIncident, createVendor } from '../data'
import {
  ExposureResponse,
  FourthPartyResponse,
  IncidentTrendResponse,
  Problem,
  ReviewsByTierResponse,
  RiskMapResponse,
  TierDistributionResponse,
  TopRisksResponse,
  TrendResponse,
} from '../../src/domain'
import { dashboardHandlers } from './dashboard'
import { MOCK_AS_OF, mockVendors, resetMockVendors } from './vendors'

const server = setupServer(...dashboardHandlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  resetMockVendors()
})
afterAll(() => server.close())

async function get<S extends z.ZodType>(schema: S, path: string): Promise<z.output<S>> {
  const response = await fetch(`${location.origin}/api/dashboard/${path}`)
  expect(response.status).toBe(200)
  return schema.parse(await response.json()) as z.output<S>
}

describe('the mocked dashboard API', () => {
  it('answers every chart in the contract, for the portfolio of the mock inventory', async () => {
    const portfolio = mockVendors().filter((v) => v.status !== 'offboarded')
    expect(portfolio.length).toBeLessThan(mockVendors().length)
    const tiers = await get(TierDistributionResponse, 'tiers')
    expect(tiers).toMatchObject({ asOf: MOCK_AS_OF, vendors: portfolio.length })
    expect((await get(RiskMapResponse, 'risk-map')).points.id).toHaveLength(portfolio.length)
    const trend = await get(TrendResponse, 'trend?interval=day&periods=30')
    expect(trend.points).toHaveLength(30)
    expect(trend.points.at(-1)).toMatchObject({ asOf: MOCK_AS_OF, vendors: portfolio.length })
    const top = await get(TopRisksResponse, 'top-risks?limit=5')
    expect(top.items).toHaveLength(5)
    expect(top.items.map((i) => i.score)).toEqual([...top.items.map((i) => i.score)].sort((a, b) => b - a))
    expect((await get(ExposureResponse, 'exposure')).vendors).toBe(portfolio.length)
    expect((await get(IncidentTrendResponse, 'incidents?months=24')).months).toHaveLength(24)
    expect((await get(FourthPartyResponse, 'fourth-parties')).items.length).toBeLessThanOrEqual(10)
    expect((await get(ReviewsByTierResponse, 'reviews')).vendors).toBe(portfolio.length)
  })

  it('reads the inventory as it is now', async () => {
    resetMockVendors([
      createVendor({ access: { fourthParties: ['Mock Cloud'] } }),
      createVendor({
        access: { fourthParties: ['mock cloud'] },
        incidents: [createIncident({ occurredAt: '2026-11-02', status: 'open' })],
      }),
      createVendor({ status: 'offboarded', access: { fourthParties: ['Mock Cloud'] } }),
    ])
    expect((await get(FourthPartyResponse, 'fourth-parties')).items).toEqual([
      expect.objectContaining({ name: 'Mock Cloud', vendors: 2 }),
    ])
    const incidents = await get(IncidentTrendResponse, 'incidents?months=1')
    expect(incidents.months).toEqual([expect.objectContaining({ month: '2026-11', total: 1, open: 1 })])
  })

  it('refuses a malformed asOf with a 400 problem, as the server does', async () => {
    const response = await fetch(`${location.origin}/api/dashboard/tiers?asOf=2026-13-01`)
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(Problem.parse(await response.json()).errors?.[0]?.path).toBe('asOf')
  })
})
