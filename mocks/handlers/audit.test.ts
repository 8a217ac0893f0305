// @vitest-environment jsdom
/** The mocked audit log answers as server/routes/audit.ts does: filters, paging backwards, a chain that verifies. */
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AuditLogResponse } from '../../src/domain'
import { auditHandlers, resetMockAuditLog } from './audit'
import { setMockSession } from './session'

const server = setupServer(...auditHandlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  resetMockAuditLog()
  setMockSession('procurement')
})
afterAll(() => server.close())

const get = (path: string) => fetch(new URL(path, location.origin))
const page = async (query = '') => AuditLogResponse.parse(await (await get(`/api/audit-log${query}`)).json())

describe('mock audit log', () => {
  it('answers newest first and pages backwards with nextBefore', async () => {
    const first = await page('?limit=5')
    expect(first.items.map((e) => e.seq)).toEqual([...first.items].map((e) => e.seq).sort((a, b) => b - a))
    expect(first.items).toHaveLength(5)
    expect(first.nextBefore).toBe(first.items[4]!.seq)
    const second = await page(`?limit=5&before=${first.nextBefore}`)
    expect(second.items[0]!.seq).toBe(first.nextBefore! - 1)
  })

  it('filters by user, action, object and days', async () => {
    const updates = await page('?action=vendor.update&actor=procurement')
    expect(updates.items.length).toBeGreaterThan(0)
    expect(updates.items.every((e) => e.action === 'vendor.update' && e.actor === 'procurement')).toBe(true)
    const vendorId = updates.items[0]!.entityId
    const about = await page(`?entityType=vendor&entityId=${vendorId}`)
    expect(about.items.every((e) => e.entityId === vendorId)).toBe(true)
    const day = updates.items[0]!.at.slice(0, 10)
    const thatDay = await page(`?from=${day}&to=${day}`)
    expect(thatDay.items.map((e) => e.at.slice(0, 10))).toEqual([day])
  })

  it('refuses a range that ends before it starts', async () => {
    expect((await get('/api/audit-log?from=2026-05-01&to=2026-04-01')).status).toBe(400)
  })

  it('verifies its hash chain', async () => {
    const all = await page('?limit=1000')
    const result = await (await get('/api/audit-log/verify')).json()
    expect(result).toEqual({ ok: true, entries: all.items.length, head: all.items[0]!.hash })
  })

  it('asks who is not signed in to sign in', async () => {
    setMockSession(null)
    expect((await get('/api/audit-log')).status).toBe(401)
  })
})
