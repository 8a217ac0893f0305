// @vitest-environment jsdom
/** The mocked export API keeps the server's contract (server/routes/exports.test.ts) over the mock inventory. */
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  CSV_BOM,
  ExportListResponse,
  ExportManifest,
  FullExport,
  Problem,
  REGISTER_HEADERS,
  type RoleName,
} from '../../src/domain'
import { exportHandlers, resetMockExports } from './exports'
import { MOCK_CSRF_TOKEN, setMockSession } from './session'
import { MOCK_AS_OF, mockVendors, resetMockVendors } from './vendors'

const server = setupServer(...exportHandlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => setMockSession('auditor'))
afterEach(() => {
  server.resetHandlers()
  resetMockVendors()
  resetMockExports()
  setMockSession('procurement')
})
afterAll(() => server.close())

const ORIGIN = location.origin
const post = (body: unknown) =>
  fetch(`${ORIGIN}/api/exports`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': MOCK_CSRF_TOKEN },
    body: JSON.stringify(body),
  })
const get = (path: string) => fetch(`${ORIGIN}${path}`)

async function sha256Hex(bytes: Uint8Array) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource))
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
}

async function expectProblem(response: Response, status: number, paths?: string[]) {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const problem = Problem.parse(await response.json())
  if (paths) expect(problem.errors?.map((e) => e.path)).toEqual(paths)
  return problem
}

describe('mocked exports', () => {
  it('exports the mock register as CSV with a manifest whose SHA-256 matches the file and its Repr-Digest', async () => {
    const response = await post({ format: 'csv' })
    expect(response.status).toBe(201)
    const manifest = ExportManifest.parse(await response.json())
    expect(manifest).toMatchObject({
      status: 'done',
      asOf: MOCK_AS_OF,
      rows: mockVendors().length,
      createdBy: 'auditor',
    })

    const file = await get(`/api/exports/${manifest.id}/file`)
    const bytes = new Uint8Array(await file.arrayBuffer())
    const hex = await sha256Hex(bytes)
    expect(hex).toBe(manifest.sha256)
    expect(file.headers.get('repr-digest')).toBe(`sha-256=:${Buffer.from(hex, 'hex').toString('base64')}:`)
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="vendor-register-${MOCK_AS_OF}.csv"`,
    )
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    expect(text.startsWith(CSV_BOM)).toBe(true)
    const lines = text.slice(1).split('\r\n').filter(Boolean)
    expect(lines[0]).toBe(REGISTER_HEADERS.join(','))
    expect(lines.length).toBeGreaterThan(1)
  })

  it('exports the full JSON that a restore on the server reads', async () => {
    const manifest = ExportManifest.parse(await (await post({ format: 'json', asOf: '2026-06-30' })).json())
    const doc = FullExport.parse(await (await get(`/api/exports/${manifest.id}/file`)).json())
    expect(doc.asOf).toBe('2026-06-30')
    expect(doc.vendors).toHaveLength(mockVendors().length)
  })

  it('answers 501 for XLSX and PDF, which need the server', async () => {
    await expectProblem(await post({ format: 'pdf' }), 501)
    await expectProblem(await post({ format: 'xlsx' }), 501)
  })

  it('refuses an unknown format and a future or malformed as-of date, naming the field', async () => {
    await expectProblem(await post({ format: 'docx' }), 422, ['format'])
    await expectProblem(await post({ format: 'csv', asOf: '2099-01-01' }), 422, ['asOf'])
    await expectProblem(await post({ format: 'csv', asOf: '2026-02-30' }), 422, ['asOf'])
    await expectProblem(await get('/api/exports/exp-nope'), 404)
  })

  it.each<RoleName>(['procurement'])(
    'refuses %s the register and the audit-log export (403)',
    async (role) => {
      setMockSession(role)
      await expectProblem(await post({ format: 'csv' }), 403)
      await expectProblem(await get('/api/audit-log/export?format=csv'), 403)
    },
  )

  it('lists exports newest first, audit-log exports included', async () => {
    const first = ExportManifest.parse(await (await post({ format: 'csv' })).json())
    const log = await get('/api/audit-log/export?format=json&actor=auditor')
    expect(log.status).toBe(200)
    const { items } = ExportListResponse.parse(await (await get('/api/exports')).json())
    expect(items.map((m) => m.kind)).toEqual(['audit-log', 'register'])
    expect(items[1]!.id).toBe(first.id)
    expect(items[0]!.filters).toEqual({ actor: 'auditor' })
  })
})
