// @vitest-environment jsdom
/**
 * The offline demo's handlers keep the real server's contract: the same requests, sent to a real server on
 * 127.0.0.1 and to the msw handlers, get the same status, the same kind of body (parsed by the same shared schema)
 * and, for problems, the same title and field paths. Values may differ: the two hold different data.
 */
import { getResponse } from 'msw'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  IncidentChangeResponse,
  ImportReport,
  Problem,
  RecordReviewResponse,
  ReviewQueueResponse,
  ScoreHistoryResponse,
  ScorePreviewResponse,
  SessionResponse,
  VendorDetailResponse,
  VendorFacetsResponse,
  VendorListResponse,
  type RoleName,
} from '../src/domain'
import { signedIn, type ApiClient } from '../server/testing/api-client'
import { incidentInput } from '../server/testing/api-fixtures'
import { startServer, type ServerProcess } from '../server/testing/server-process'
import { handlers, resetMockVendors, setMockSession } from './handlers'
import { MOCK_CSRF_TOKEN } from './handlers/session'

const ROLES = ['procurement', 'auditor'] as const satisfies RoleName[]
const MAXIS = 'Nusantara Customer Data Services'

let server: ServerProcess
const clients = {} as Record<(typeof ROLES)[number], ApiClient>

beforeAll(async () => {
  server = await startServer()
  for (const role of ROLES) clients[role] = await signedIn(server.url, role)
}, 30_000)
afterAll(async () => {
  await server?.stop()
})

interface Call {
  role?: (typeof ROLES)[number]
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** `{maxis}` stands for the Maxis-pattern demo vendor's id on each side; `{version}` for its ETag. */
  path: string
  json?: unknown
  body?: string
  headers?: Record<string, string>
}

interface Answer {
  status: number
  type: string
  etag: string | null
  body: unknown
}

async function answer(response: Response): Promise<Answer> {
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!
  const text = await response.text()
  return {
    status: response.status,
    type,
    etag: response.headers.get('etag'),
    body: text ? JSON.parse(text) : null,
  }
}

async function fromServer(call: Call, ids: { maxis: string; etag: string }): Promise<Answer> {
  const client = clients[call.role ?? 'procurement']
  const path = call.path.replace('{maxis}', ids.maxis)
  const headers = { ...call.headers }
  for (const [k, v] of Object.entries(headers)) headers[k] = v.replace('{version}', ids.etag)
  return answer(
    await client.request(call.method, path, {
      headers,
      ...(call.json !== undefined && { json: call.json }),
      ...(call.body !== undefined && { body: call.body }),
    }),
  )
}

async function fromMock(call: Call, ids: { maxis: string; etag: string }): Promise<Answer> {
  setMockSession(call.role ?? 'procurement')
  const headers: Record<string, string> = { 'x-csrf-token': MOCK_CSRF_TOKEN, ...call.headers }
  for (const [k, v] of Object.entries(headers)) headers[k] = v.replace('{version}', ids.etag)
  if (call.json !== undefined) headers['content-type'] = 'application/json'
  const request = new Request(`${location.origin}${call.path.replace('{maxis}', ids.maxis)}`, {
    method: call.method,
    headers,
    ...(call.json !== undefined && { body: JSON.stringify(call.json) }),
    ...(call.body !== undefined && { body: call.body }),
  })
  const response = await getResponse(handlers, request)
  if (!response) throw new Error(`no msw handler answers ${call.method} ${call.path}`)
  return answer(response)
}

async function serverIds() {
  const list = VendorListResponse.parse(
    await clients.auditor.json(`/api/vendors?q=${encodeURIComponent(MAXIS)}`),
  )
  const maxis = list.items.find((v) => v.name === MAXIS)!.id
  const etag = (await clients.auditor.get(`/api/vendors/${maxis}`)).headers.get('etag')!
  return { maxis, etag }
}

async function mockIds() {
  resetMockVendors()
  const list = await fromMock(
    { method: 'GET', path: `/api/vendors?q=${encodeURIComponent(MAXIS)}` },
    { maxis: '', etag: '' },
  )
  const maxis = VendorListResponse.parse(list.body).items.find((v) => v.name === MAXIS)!.id
  const detail = await fromMock({ method: 'GET', path: `/api/vendors/${maxis}` }, { maxis, etag: '' })
  return { maxis, etag: detail.etag! }
}

const csv = [
  'name,category,owner,status,data_classes,records,data_location,network_access,criticality,fourth_parties,certifications,mfa,encryption_at_rest,last_assessed_at',
  'Contract Check Ltd,Analytics,Ana,active,pii,1000,vendor_environment,none,low,,iso27001,yes,yes,2026-01-01',
  'Contract Broken Ltd,Analytics,Ana,active,pii,lots,vendor_environment,none,low,,iso27001,yes,yes,2026-01-01',
].join('\n')

const CASES: [string, Call, z.ZodType | null][] = [
  ['the session', { method: 'GET', path: '/api/session' }, SessionResponse],
  [
    'a filtered, sorted list',
    { method: 'GET', path: '/api/vendors?tier=critical,high&sort=name&order=asc' },
    VendorListResponse,
  ],
  [
    'a page of a filtered list from an offset',
    { method: 'GET', path: '/api/vendors?tier=critical,high&sort=name&order=asc&limit=5&offset=3' },
    VendorListResponse,
  ],
  [
    'a page past the end of the list',
    { method: 'GET', path: '/api/vendors?limit=100&offset=100000' },
    VendorListResponse,
  ],
  [
    'a list with both a cursor and an offset',
    { method: 'GET', path: '/api/vendors?cursor=abc&offset=100' },
    null,
  ],
  ['a list with a negative offset', { method: 'GET', path: '/api/vendors?offset=-1' }, null],
  ['the inventory’s facets', { method: 'GET', path: '/api/vendors/facets' }, VendorFacetsResponse],
  ['a list with an unknown sort key', { method: 'GET', path: '/api/vendors?sort=colour' }, null],
  ['the review work list', { method: 'GET', path: '/api/reviews' }, ReviewQueueResponse],
  [
    'a page of one owner’s reviews due within 90 days',
    { method: 'GET', path: '/api/reviews?due=90&owner=Nobody&offset=5&limit=5' },
    ReviewQueueResponse,
  ],
  ['a review list with an unknown window', { method: 'GET', path: '/api/reviews?due=soon' }, null],
  ['a review list with a limit of 0', { method: 'GET', path: '/api/reviews?limit=0' }, null],
  ['a review list with an unknown parameter', { method: 'GET', path: '/api/reviews?colour=red' }, null],
  ['a list with a bad asOf', { method: 'GET', path: '/api/vendors?asOf=yesterday' }, null],
  ['a vendor', { method: 'GET', path: '/api/vendors/{maxis}' }, VendorDetailResponse],
  ['a vendor as of a bad date', { method: 'GET', path: '/api/vendors/{maxis}?asOf=2026-13-01' }, null],
  ['an unknown vendor', { method: 'GET', path: '/api/vendors/ven-nope' }, null],
  ['a vendor’s score history', { method: 'GET', path: '/api/vendors/{maxis}/history' }, ScoreHistoryResponse],
  [
    'a score preview',
    { method: 'POST', path: '/api/vendors/{maxis}/score-preview', json: { controls: { mfa: true } } },
    ScorePreviewResponse,
  ],
  [
    'an edit without If-Match',
    { method: 'PATCH', path: '/api/vendors/{maxis}', json: { owner: 'Someone' } },
    null,
  ],
  [
    'an edit with a stale If-Match',
    {
      method: 'PATCH',
      path: '/api/vendors/{maxis}',
      json: { owner: 'Someone' },
      headers: { 'if-match': '"999"' },
    },
    null,
  ],
  [
    'an edit with an unknown field',
    {
      method: 'PATCH',
      path: '/api/vendors/{maxis}',
      json: { colour: 'red' },
      headers: { 'if-match': '{version}' },
    },
    null,
  ],
  [
    'an edit by an auditor',
    {
      role: 'auditor',
      method: 'PATCH',
      path: '/api/vendors/{maxis}',
      json: { owner: 'Someone' },
      headers: { 'if-match': '{version}' },
    },
    null,
  ],
  [
    'an incident of an unknown kind',
    {
      method: 'POST',
      path: '/api/vendors/{maxis}/incidents',
      json: incidentInput({ kind: 'alien' as never }),
    },
    null,
  ],
  [
    'an incident dated in the future',
    {
      method: 'POST',
      path: '/api/vendors/{maxis}/incidents',
      json: incidentInput({ occurredAt: '2999-01-01' }),
    },
    null,
  ],
  [
    'a new incident',
    { method: 'POST', path: '/api/vendors/{maxis}/incidents', json: incidentInput() },
    IncidentChangeResponse,
  ],
  [
    'a change to an incident the vendor does not have',
    { method: 'PATCH', path: '/api/vendors/{maxis}/incidents/inc-nope', json: { status: 'resolved' } },
    null,
  ],
  [
    'a review completed in the future',
    { method: 'POST', path: '/api/vendors/{maxis}/reviews', json: { completedAt: '2999-01-01' } },
    null,
  ],
  [
    'a review',
    {
      method: 'POST',
      path: '/api/vendors/{maxis}/reviews',
      json: { completedAt: '2026-11-01', notes: 'ok' },
    },
    RecordReviewResponse,
  ],
  [
    'a dry-run import with one bad row',
    {
      method: 'POST',
      path: '/api/imports?dryRun=1&filename=contract.csv',
      body: csv,
      headers: { 'content-type': 'text/csv' },
    },
    ImportReport,
  ],
  [
    'an import applied with a bad row',
    {
      method: 'POST',
      path: '/api/imports?dryRun=0&filename=contract.csv',
      body: csv,
      headers: { 'content-type': 'text/csv' },
    },
    null,
  ],
  [
    'an import by an auditor',
    {
      role: 'auditor',
      method: 'POST',
      path: '/api/imports?dryRun=1&filename=contract.csv',
      body: csv,
      headers: { 'content-type': 'text/csv' },
    },
    null,
  ],
]

describe('the msw handlers answer like the real server', () => {
  it.each(CASES)('%s', async (_name, call, schema) => {
    const real = await fromServer(call, await serverIds())
    const mock = await fromMock(call, await mockIds())

    expect({ status: mock.status, type: mock.type }).toEqual({ status: real.status, type: real.type })
    expect(mock.etag === null).toBe(real.etag === null)
    if (schema) {
      expect(schema.safeParse(real.body).error).toBeUndefined()
      expect(schema.safeParse(mock.body).error).toBeUndefined()
      return
    }
    expect(real.type).toBe('application/problem+json')
    const [r, m] = [Problem.parse(real.body), Problem.parse(mock.body)]
    const shape = (p: Problem) => ({
      title: p.title,
      status: p.status,
      paths: [...new Set(p.errors?.map((e) => e.path))],
      currentVersion: (p as Record<string, unknown>).currentVersion === undefined ? 'absent' : 'present',
    })
    expect(shape(m)).toEqual(shape(r))
  })
})

/** Each side, with a GET that expects a 200 and parses its body: for checks that run the same on both. */
const SIDES = [
  ['the real server', fromServer, serverIds],
  ['the msw handlers', fromMock, mockIds],
] as const
async function getterFor(from: typeof fromServer, idsOf: typeof serverIds) {
  const ids = await idsOf()
  return async <S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> => {
    const answer = await from({ method: 'GET', path }, ids)
    expect(answer.status, path).toBe(200)
    return schema.parse(answer.body)
  }
}

describe('paging by offset and the facets mean the same on both sides', () => {
  it.each(SIDES)('%s', async (_side, from, idsOf) => {
    const get = await getterFor(from, idsOf)
    const query = 'tier=critical,high&sort=name&order=asc'
    const whole = await get(`/api/vendors?${query}&limit=50`, VendorListResponse)
    const page = await get(`/api/vendors?${query}&limit=5&offset=3`, VendorListResponse)
    expect(whole.items.length).toBeGreaterThan(8)
    expect(page.total).toBe(whole.total)
    expect(page.items.map((v) => v.id)).toEqual(whole.items.slice(3, 8).map((v) => v.id))

    const facets = await get('/api/vendors/facets', VendorFacetsResponse)
    const all = await get('/api/vendors?limit=1', VendorListResponse)
    const outside = await get('/api/vendors?outsidePerimeter=1&limit=1', VendorListResponse)
    expect(facets.total).toBe(all.total)
    expect(facets.outsidePerimeter).toBe(outside.total)
    expect(Object.values(facets.tiers).reduce((a, b) => a + b, 0)).toBe(facets.total)
    expect(facets.categories).toEqual([...new Set(facets.categories)])
  })
})

describe('the review work list means the same on both sides', () => {
  it.each(SIDES)('%s', async (_side, from, idsOf) => {
    const get = await getterFor(from, idsOf)
    const whole = await get('/api/reviews?limit=1000', ReviewQueueResponse)
    const page = await get('/api/reviews?offset=3&limit=5', ReviewQueueResponse)
    expect(whole.items.length).toBeGreaterThan(8)
    expect(whole).toMatchObject({ window: 'overdue', owner: null, total: whole.items.length })
    expect(page).toMatchObject({ total: whole.total, offset: 3, limit: 5 })
    // The owners come with the first page only.
    expect(page.owners).toBeUndefined()
    expect(whole.owners).toBeDefined()
    expect(page.items.map((i) => i.vendor.id)).toEqual(whole.items.slice(3, 8).map((i) => i.vendor.id))
    expect(whole.owners).toEqual([...new Set(whole.owners)].sort())

    // The overdue count is the list's filter for overdue reviews, less the offboarded vendors.
    const overdue = await get(
      '/api/vendors?reviewOverdue=1&status=active,onboarding&limit=1',
      VendorListResponse,
    )
    expect(whole.counts.overdue).toBe(overdue.total)
    const owner = whole.items[0]!.vendor.owner
    const mine = await get(`/api/reviews?owner=${encodeURIComponent(owner)}`, ReviewQueueResponse)
    expect(mine.owner).toBe(owner)
    expect(mine.items.map((i) => i.vendor.id)).toEqual(
      whole.items.filter((i) => i.vendor.owner === owner).map((i) => i.vendor.id),
    )
  })
})
