import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  HealthResponse,
  Problem,
  todayIsoDate,
  VendorDetailResponse,
  VendorListResponse,
} from '../src/domain'
import { startServer, type ServerProcess } from './testing/server-process'

let server: ServerProcess
beforeAll(async () => {
  server = await startServer()
}, 30_000)
afterAll(async () => {
  await server?.stop()
})

const get = (path: string) => fetch(`${server.url}${path}`)

describe('the API server', () => {
  it('reports its health and model version', async () => {
    const response = await get('/api/health')
    expect(response.status).toBe(200)
    expect(HealthResponse.parse(await response.json())).toMatchObject({ status: 'ok', modelVersion: '1.0.0' })
  })

  it('lists the 60 demo vendors with scores as of today, worst first, in the shared response shape', async () => {
    const body = VendorListResponse.parse(await (await get('/api/vendors')).json())
    expect(body.total).toBe(60)
    expect(body.asOf).toBe(todayIsoDate())
    const scores = body.items.map((v) => v.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(new Set(body.items.map((v) => v.tier))).toEqual(new Set(['critical', 'high', 'medium', 'low']))
  })

  it('returns one vendor with its score factors, which add up to the score', async () => {
    const list = VendorListResponse.parse(await (await get('/api/vendors')).json())
    const maxis = list.items.find((v) => v.name === 'Nusantara Customer Data Services')!
    expect(maxis.outsidePerimeter).toBe(true)
    const detail = VendorDetailResponse.parse(
      await (await get(`/api/vendors/${maxis.id}?asOf=2026-11-26`)).json(),
    )
    const tenths = detail.score.factors.reduce((sum, f) => sum + Math.round(f.points * 10), 0)
    expect(tenths).toBe(Math.round(detail.score.score * 10))
    expect(detail.summary.id).toBe(maxis.id)
  })

  it('answers an unknown vendor with 404 problem details naming the id', async () => {
    const response = await get('/api/vendors/ven-nope')
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(Problem.parse(await response.json())).toMatchObject({
      status: 404,
      detail: 'No vendor has id ven-nope',
    })
  })

  it('refuses an invalid asOf with 400 and the parameter path', async () => {
    for (const bad of ['2026-02-30', 'yesterday', '2026-1-1']) {
      const response = await get(`/api/vendors?asOf=${bad}`)
      expect(response.status).toBe(400)
      const problem = Problem.parse(await response.json())
      expect(problem.errors?.[0]?.path).toBe('asOf')
    }
  })

  it('answers unknown API routes with problem details rather than the SPA', async () => {
    const response = await get('/api/does-not-exist')
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
  })

  it('sends security headers on every response', async () => {
    const response = await get('/api/health')
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
  })

  it('starts empty with DEMO_DATA=0', async () => {
    const empty = await startServer({ DEMO_DATA: '0' })
    try {
      const body = VendorListResponse.parse(await (await fetch(`${empty.url}/api/vendors`)).json())
      expect(body).toMatchObject({ items: [], total: 0 })
    } finally {
      await empty.stop()
    }
  })

  it('exits with a clear message when its port is taken', async () => {
    const port = new URL(server.url).port
    const second = startServer({ PORT: port })
    await expect(second).rejects.toThrow(/port \d+ on 127\.0\.0\.1 is already in use/)
  })

  it('exits with a clear message when an environment variable is invalid', async () => {
    await expect(startServer({ PORT: 'eighty' })).rejects.toThrow(/Invalid environment:\n {2}PORT:/)
  })

  it('shuts down cleanly on SIGTERM', async () => {
    const other = await startServer()
    expect(await other.stop('SIGTERM')).toBe(0)
  })
})
