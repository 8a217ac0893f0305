/** The risk map's JSON text goes out gzipped when it is large and the client accepts gzip, and as is otherwise. */
import { gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { AppEnv } from '../http/app-env'
import type { DashboardService } from '../services/dashboard-service'
import { acceptsGzip, dashboardRoutes } from './dashboard'

function appAnswering(json: string) {
  const service = { riskMapJson: () => Promise.resolve(json) } as unknown as DashboardService
  const app = new Hono<AppEnv>()
    .use('*', async (c, next) => {
      c.set('user', { username: 'ciso', role: 'ciso' } as AppEnv['Variables']['user'])
      await next()
    })
    .route('/api/dashboard', dashboardRoutes(service))
  return { app }
}

const big = JSON.stringify({
  asOf: '2026-11-26',
  vendors: 9000,
  points: { id: Array(9000).fill('ven-000001') },
})

describe('GET /api/dashboard/risk-map', () => {
  it('gzips a large answer for a client that accepts gzip, and says it varies by Accept-Encoding', async () => {
    const { app } = appAnswering(big)
    const res = await app.request('/api/dashboard/risk-map', { headers: { 'Accept-Encoding': 'gzip, br' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Encoding')).toBe('gzip')
    expect(res.headers.get('Vary')).toBe('Accept-Encoding')
    expect(res.headers.get('Content-Type')).toBe('application/json')
    const body = Buffer.from(await res.arrayBuffer())
    expect(body.length).toBeLessThan(big.length / 10)
    expect(gunzipSync(body).toString('utf8')).toBe(big)
  })

  it('sends the text as is to a client that does not accept gzip, and small answers always', async () => {
    const plain = await appAnswering(big).app.request('/api/dashboard/risk-map')
    expect(plain.headers.get('Content-Encoding')).toBeNull()
    expect(await plain.text()).toBe(big)
    const small = '{"asOf":"2026-11-26","vendors":0,"points":{}}'
    const res = await appAnswering(small).app.request('/api/dashboard/risk-map', {
      headers: { 'Accept-Encoding': 'gzip' },
    })
    expect(res.headers.get('Content-Encoding')).toBeNull()
    expect(await res.text()).toBe(small)
  })

  it('answers an unchanged map with the same compressed bytes', async () => {
    const { app } = appAnswering(big)
    const headers = { 'Accept-Encoding': 'gzip' }
    const first = Buffer.from(await (await app.request('/api/dashboard/risk-map', { headers })).arrayBuffer())
    const second = Buffer.from(
      await (await app.request('/api/dashboard/risk-map', { headers })).arrayBuffer(),
    )
    expect(second.equals(first)).toBe(true)
  })
})

describe('acceptsGzip', () => {
  it.each([
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['*', true],
    ['identity', false],
    ['gzip;q=0', false],
    ['br, gzip;q=0.0', false],
    ['', false],
    [undefined, false],
  ])('%s: %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected)
  })
})
