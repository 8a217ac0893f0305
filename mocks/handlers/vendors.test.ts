// @vitest-environment jsdom
/** The mocked vendor API keeps the server's contract for edits and incidents (server/routes/vendors.test.ts). */
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  filterVendorSummaries,
  IncidentChangeResponse,
  Problem,
  sortVendorSummaries,
  summarizeVendor,
  TIERS,
  VendorDetailResponse,
  VendorFacetsResponse,
  VendorListResponse,
} from '../../src/domain'
import { MOCK_CSRF_TOKEN, setMockSession } from './session'
import {
  editMockVendorConcurrently,
  MOCK_AS_OF,
  mockVendor,
  mockVendors,
  resetMockVendors,
  vendorHandlers,
} from './vendors'

const server = setupServer(...vendorHandlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  resetMockVendors()
  setMockSession('procurement')
})
afterAll(() => server.close())

// The handlers' paths are relative, as the SPA's requests are: they match the page's own origin.
const url = (path: string) => `${location.origin}/api/vendors/${path}`
const ID = 'ven-000001'

function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(url(path), {
    method,
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': MOCK_CSRF_TOKEN, ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
}

async function problemOf(response: Response, status: number) {
  expect(response.status).toBe(status)
  expect(response.headers.get('Content-Type')).toContain('application/problem+json')
  return Problem.parse(await response.json())
}

describe('the mocked vendor list', () => {
  const list = async (query: string) => {
    const response = await fetch(`${location.origin}/api/vendors?${query}`)
    expect(response.status).toBe(200)
    return VendorListResponse.parse(await response.json())
  }
  const summaries = () => mockVendors().map((v) => summarizeVendor(v, MOCK_AS_OF))

  it('pages from any offset of the filtered, sorted list, with the filtered total', async () => {
    const expected = sortVendorSummaries(
      filterVendorSummaries(summaries(), { tier: ['medium', 'low'] }),
      'name',
    )
    expect(expected.length).toBeGreaterThan(20)

    const page = await list('tier=medium,low&sort=name&order=asc&offset=15&limit=5')

    expect(page.total).toBe(expected.length)
    expect(page.items.map((v) => v.id)).toEqual(expected.slice(15, 20).map((v) => v.id))
    expect(page.nextCursor).not.toBeNull()
    const past = await list(`tier=medium,low&offset=${expected.length}&limit=5`)
    expect(past).toMatchObject({ items: [], total: expected.length, nextCursor: null })
  })

  it('refuses a cursor and an offset together, naming the offset (400)', async () => {
    const response = await fetch(`${location.origin}/api/vendors?cursor=5&offset=5`)
    const problem = await problemOf(response, 400)
    expect(problem.errors?.map((e) => e.path)).toEqual(['offset'])
  })

  it('counts the whole inventory for the facets: tiers, outside the perimeter, categories A–Z', async () => {
    const response = await fetch(url('facets'))
    expect(response.status).toBe(200)
    const facets = VendorFacetsResponse.parse(await response.json())
    const all = summaries()
    expect(facets.total).toBe(all.length)
    expect(facets.outsidePerimeter).toBe(all.filter((v) => v.outsidePerimeter).length)
    for (const tier of TIERS) expect(facets.tiers[tier]).toBe(all.filter((v) => v.tier === tier).length)
    expect(facets.categories).toEqual(
      [...new Set(all.map((v) => v.category))].sort((a, b) => a.localeCompare(b)),
    )
  })
})

describe('mocked vendor edits', () => {
  it('serves the vendor with its version as ETag, and moves the version on with each saved edit', async () => {
    const first = await fetch(url(ID))
    expect(first.headers.get('ETag')).toBe('"1"')
    expect(VendorDetailResponse.parse(await first.json()).version).toBe(1)

    const saved = await send(
      'PATCH',
      ID,
      { owner: 'Vendor Office', access: { networkAccess: 'remote' } },
      {
        'If-Match': '"1"',
      },
    )
    expect(saved.status).toBe(200)
    expect(saved.headers.get('ETag')).toBe('"2"')
    const detail = VendorDetailResponse.parse(await saved.json())
    expect(detail.version).toBe(2)
    // access merges field by field: the rest of it stays.
    expect(detail.vendor).toMatchObject({
      owner: 'Vendor Office',
      access: { networkAccess: 'remote', records: 12_400_000 },
    })
    expect((await fetch(url(ID))).headers.get('ETag')).toBe('"2"')
  })

  it('refuses an edit without If-Match (428), and one on an old version (412) with the current version', async () => {
    expect((await problemOf(await send('PATCH', ID, { owner: 'X' }), 428)).title).toBe('If-Match required')

    editMockVendorConcurrently(ID, { category: 'Telecom CRM' })
    const stale = await problemOf(await send('PATCH', ID, { owner: 'X' }, { 'If-Match': '"1"' }), 412)
    expect(stale.currentVersion).toBe(2)
    expect(mockVendor(ID)).toMatchObject({ owner: 'Aisha Rahman (Consumer Mobile)', category: 'Telecom CRM' })

    const forced = await send('PATCH', ID, { owner: 'X' }, { 'If-Match': '*' })
    expect(forced.status).toBe(200)
    expect(mockVendor(ID)?.owner).toBe('X')
  })

  it('names each invalid field (422), including dates after today, and removes an optional field sent as null', async () => {
    const invalid = await problemOf(
      await send(
        'PATCH',
        ID,
        { name: '', access: { records: 1.5 }, controls: { lastAssessedAt: '2026-02-30' } },
        {
          'If-Match': '"1"',
        },
      ),
      422,
    )
    expect(invalid.errors).toEqual([
      { path: 'name', message: 'Name is required' },
      { path: 'access.records', message: 'Records must be a whole number' },
      { path: 'controls.lastAssessedAt', message: 'Not a real calendar date' },
    ])
    const future = await problemOf(
      await send('PATCH', ID, { controls: { lastAssessedAt: '2026-11-27' } }, { 'If-Match': '"1"' }),
      422,
    )
    expect(future.errors).toEqual([
      { path: 'controls.lastAssessedAt', message: `Cannot be after today (${MOCK_AS_OF})` },
    ])
    const unknown = await problemOf(await send('PATCH', ID, { colour: 'red' }, { 'If-Match': '"1"' }), 422)
    expect(unknown.errors?.[0]?.message).toMatch(/colour/)

    expect((await send('PATCH', ID, { website: null }, { 'If-Match': '"1"' })).status).toBe(200)
    expect(mockVendor(ID)).not.toHaveProperty('website')
  })

  it('lets only roles that may write change vendors and incidents, and only with the CSRF token', async () => {
    setMockSession('ciso')
    expect((await problemOf(await send('PATCH', ID, { owner: 'X' }, { 'If-Match': '"1"' }), 403)).title).toBe(
      'Not allowed for your role',
    )
    setMockSession('auditor')
    expect((await send('PATCH', `${ID}/incidents/inc-000002`, { status: 'resolved' })).status).toBe(403)
    setMockSession('admin')
    const noToken = await fetch(url(ID), {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"1"' },
      body: JSON.stringify({ owner: 'X' }),
    })
    expect((await problemOf(noToken, 403)).title).toBe('Missing or wrong CSRF token')
    expect(mockVendor(ID)?.owner).toBe('Aisha Rahman (Consumer Mobile)')
  })
})

describe('mocked incidents', () => {
  const input = {
    occurredAt: '2026-11-20',
    kind: 'ransomware',
    severity: 'critical',
    recordsExposed: 5000,
    status: 'open',
    summary: 'Ransomware at the vendor.',
  }

  it('adds an incident (201) with an id, answers the vendor rescored and moves its version on', async () => {
    const before = VendorDetailResponse.parse(await (await fetch(url(ID))).json())
    const response = await send('POST', `${ID}/incidents`, input)
    expect(response.status).toBe(201)
    expect(response.headers.get('ETag')).toBe('"2"')
    const body = IncidentChangeResponse.parse(await response.json())
    expect(body.incident).toMatchObject({ ...input, id: expect.stringMatching(/^inc-/) })
    expect(body.vendor.version).toBe(2)
    expect(body.vendor.score.score).toBeGreaterThan(before.score.score)
    expect(body.vendor.score.factors.some((f) => f.incidentId === body.incident.id)).toBe(true)
  })

  it('refuses an invalid incident or one dated after today, naming the field', async () => {
    const { summary: _summary, ...noSummary } = input
    expect((await problemOf(await send('POST', `${ID}/incidents`, noSummary), 422)).errors?.[0]?.path).toBe(
      'summary',
    )
    const future = await problemOf(
      await send('POST', `${ID}/incidents`, { ...input, occurredAt: '2026-11-27' }),
      422,
    )
    expect(future.errors).toEqual([{ path: 'occurredAt', message: `Cannot be after today (${MOCK_AS_OF})` }])
    expect(mockVendor(ID)?.incidents).toHaveLength(2)
  })

  it('resolves an incident with a partial change, lowering the score, and deletes one', async () => {
    const before = VendorDetailResponse.parse(await (await fetch(url(ID))).json())
    const resolved = await send('PATCH', `${ID}/incidents/inc-000002`, {
      status: 'resolved',
      notifiedAfterDays: null,
    })
    expect(resolved.status).toBe(200)
    const body = IncidentChangeResponse.parse(await resolved.json())
    expect(body.incident.status).toBe('resolved')
    expect(body.incident).not.toHaveProperty('notifiedAfterDays')
    expect(body.incident.summary).toMatch(/leak forum/)
    expect(body.vendor.score.score).toBeLessThan(before.score.score)

    const removed = await send('DELETE', `${ID}/incidents/inc-000002`)
    expect(removed.status).toBe(200)
    const after = VendorDetailResponse.parse(await removed.json())
    expect(after.vendor.incidents.map((i) => i.id)).toEqual(['inc-000001'])
    expect(after.version).toBe(3)
  })

  it('answers 404 for an incident the vendor does not have', async () => {
    expect(
      (await problemOf(await send('PATCH', `${ID}/incidents/inc-nope`, { status: 'resolved' }), 404)).title,
    ).toBe('Incident not found')
    expect((await problemOf(await send('DELETE', `${ID}/incidents/inc-nope`), 404)).title).toBe(
      'Incident not found',
    )
  })
})
