import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  HealthResponse,
  Problem,
  todayIsoDate,
  VendorDetailResponse,
  VendorListResponse,
} from '../src/domain'
import { ApiClient, signedIn } from './testing/api-client'
import { startServer, type ServerProcess } from './testing/server-process'

let server: ServerProcess
let auditor: ApiClient
beforeAll(async () => {
  server = await startServer()
  auditor = await signedIn(server.url, 'auditor')
}, 30_000)
afterAll(async () => {
  await server?.stop()
})

const get = (path: string) => auditor.get(path)

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

  it('starts empty with DEMO_DATA=0, with only the admin account', async () => {
    const empty = await startServer({ DEMO_DATA: '0' })
    try {
      const admin = await signedIn(empty.url, 'admin')
      const body = VendorListResponse.parse(await admin.json('/api/vendors'))
      expect(body).toMatchObject({ items: [], total: 0 })
      expect(
        ((await admin.json('/api/users')) as { items: { username: string }[] }).items.map((u) => u.username),
      ).toEqual(['admin'])
      expect(empty.output()).toContain('(from ADMIN_PASSWORD)')
    } finally {
      await empty.stop()
    }
  })

  it('generates and prints an admin password once when none is given, and it works', async () => {
    const fresh = await startServer({ DEMO_DATA: '0', ADMIN_PASSWORD: '' })
    try {
      const password = /admin\s+([A-Za-z0-9]{20})/.exec(fresh.output())?.[1]
      expect(password).toBeDefined()
      const admin = new ApiClient(fresh.url)
      expect((await admin.signIn('admin', password!)).status).toBe(204)
    } finally {
      await fresh.stop()
    }
  })

  it('keeps its data across a restart on the same data directory and seeds only once', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'vendor-risk-restart-'))
    try {
      const first = await startServer({ DATA_DIR: dataDir })
      const admin = await signedIn(first.url, 'admin')
      const created = await admin.post('/api/users', {
        username: 'dana',
        password: 'a-long-password-1',
        role: 'auditor',
      })
      expect(created.status).toBe(201)
      // An edit made before the restart: what the server served from memory must be what it had stored.
      const edited = await admin.patch(
        '/api/vendors/ven-000001',
        { owner: 'Risk Office', access: { records: 13_000_000 } },
        { headers: { 'if-match': '"1"' } },
      )
      expect(edited.status).toBe(200)
      const served = await admin.json('/api/vendors?limit=50000&asOf=2026-11-26')
      const servedDetail = await admin.json('/api/vendors/ven-000001?asOf=2026-11-26')
      expect(await first.stop()).toBe(0)
      const second = await startServer({ DATA_DIR: dataDir })
      try {
        expect(second.output()).not.toContain('Seeded')
        const dana = new ApiClient(second.url)
        expect((await dana.signIn('dana', 'a-long-password-1')).status).toBe(204)
        expect(VendorListResponse.parse(await dana.json('/api/vendors')).total).toBe(60)
        expect(await dana.json('/api/vendors?limit=50000&asOf=2026-11-26')).toEqual(served)
        expect(await dana.json('/api/vendors/ven-000001?asOf=2026-11-26')).toEqual(servedDetail)
      } finally {
        await second.stop()
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('refuses API reads without a session, with 401 problem details', async () => {
    const response = await fetch(`${server.url}/api/vendors`)
    expect(response.status).toBe(401)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
  })

  it('exits with a clear message when its port is taken', async () => {
    const port = new URL(server.url).port
    const second = startServer({ PORT: port })
    await expect(second).rejects.toThrow(/port \d+ on 127\.0\.0\.1 is already in use/)
  })

  it('exits with a clear message when the data directory cannot be created', async () => {
    // Tests run as root, for whom permissions do not stop a write: a path below a regular file fails for anyone.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'vendor-risk-file-')), 'not-a-directory')
    writeFileSync(file, 'x')
    await expect(startServer({ DATA_DIR: path.join(file, 'data') })).rejects.toThrow(
      /data directory .* is not writable \(ENOTDIR\)/,
    )
  })

  it('exits with a clear message when an environment variable is invalid', async () => {
    await expect(startServer({ PORT: 'eighty' })).rejects.toThrow(/Invalid environment:\n {2}PORT:/)
  })

  it('shuts down cleanly on SIGTERM', async () => {
    const other = await startServer()
    expect(await other.stop('SIGTERM')).toBe(0)
  })
})
