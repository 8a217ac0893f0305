/**
 * Malformed input against the real server: wrong types, unknown values, missing and extra fields, oversized and
 * unparseable bodies, wrong content types, hostile strings and impossible numbers and dates. Every refusal must be
 * a 4xx problem that names the field; nothing may end in a 500 or change stored data.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VendorDetailResponse, type ScoringWeights } from '../src/domain'
import { signedIn, type ApiClient, type RequestOptions } from './testing/api-client'
import { expectJson, expectProblem, fetchVendor, incidentInput, vendorInput } from './testing/api-fixtures'
import { startServer, type ServerProcess } from './testing/server-process'

const DEMO_VENDORS = 60

let server: ServerProcess
let procurement: ApiClient
let ciso: ApiClient
let admin: ApiClient
/** The vendor the PATCH and incident cases aim at. */
let target: string

/** Every status the server answered in this file: none may be a 5xx. */
const statuses: { request: string; status: number }[] = []
/** Vendors this file created on purpose; every other attempt must have been refused. */
const created: string[] = []

async function send(client: ApiClient, method: string, url: string, options: RequestOptions = {}) {
  const response = await client.request(method, url, options)
  statuses.push({ request: `${method} ${url}`, status: response.status })
  return response
}

async function createOnPurpose(name: string) {
  const body = VendorDetailResponse.parse(
    await expectJson(await send(procurement, 'POST', '/api/vendors', { json: vendorInput(name) }), 201),
  )
  created.push(body.vendor.id)
  return body
}

beforeAll(async () => {
  server = await startServer()
  ;[procurement, ciso, admin] = await Promise.all([
    signedIn(server.url, 'procurement'),
    signedIn(server.url, 'ciso'),
    signedIn(server.url, 'admin'),
  ])
  target = (await createOnPurpose('Malformed Input Target Co')).vendor.id
}, 30_000)
afterAll(async () => {
  await server?.stop()
})

/** JSON text with placeholders swapped for tokens JSON.stringify cannot write (NaN, 1e400, …). */
function rawJson(value: unknown, tokens: Record<string, string>): string {
  let text = JSON.stringify(value)
  for (const [placeholder, token] of Object.entries(tokens)) text = text.replace(`"${placeholder}"`, token)
  return text
}

type Model = { weights: ScoringWeights; revision: number }
const currentModel = () => ciso.json<Model>('/api/scoring/model')

interface Endpoint {
  label: string
  method: 'POST' | 'PATCH' | 'PUT'
  client: () => ApiClient
  /** The path and headers for a request that would succeed with `valid` as its body. */
  prepare: () => Promise<{ path: string; headers?: Record<string, string>; valid: unknown }>
}

const ENDPOINTS: Endpoint[] = [
  {
    label: 'POST /api/vendors',
    method: 'POST',
    client: () => procurement,
    prepare: async () => ({ path: '/api/vendors', valid: vendorInput('Never Stored Co') }),
  },
  {
    label: 'PATCH /api/vendors/:id',
    method: 'PATCH',
    client: () => procurement,
    prepare: async () => ({
      path: `/api/vendors/${target}`,
      headers: { 'if-match': (await fetchVendor(procurement, target)).etag },
      valid: { owner: 'Never Stored Owner' },
    }),
  },
  {
    label: 'POST /api/vendors/:id/incidents',
    method: 'POST',
    client: () => procurement,
    prepare: async () => ({ path: `/api/vendors/${target}/incidents`, valid: incidentInput() }),
  },
  {
    label: 'PUT /api/scoring/model',
    method: 'PUT',
    client: () => ciso,
    prepare: async () => {
      const model = await currentModel()
      return { path: '/api/scoring/model', valid: { weights: model.weights, revision: model.revision } }
    },
  },
  {
    label: 'POST /api/users',
    method: 'POST',
    client: () => admin,
    prepare: async () => ({
      path: '/api/users',
      valid: { username: 'never-stored', password: 'a-long-password-1', role: 'auditor' },
    }),
  },
]

const TEN_MB = 10 * 1024 * 1024

describe.each(ENDPOINTS)('$label with a body that cannot be read', (endpoint) => {
  async function attempt(body: BodyInit, contentType: string | null) {
    const { path: url, headers } = await endpoint.prepare()
    return send(endpoint.client(), endpoint.method, url, {
      // A string body would get text/plain from fetch; a Blob without a type sends no Content-Type at all.
      body: contentType === null ? new Blob([body as string]) : body,
      headers: { ...headers, ...(contentType !== null && { 'content-type': contentType }) },
    })
  }

  it('answers malformed JSON with 400', async () => {
    await expectProblem(await attempt('{"name": ', 'application/json'), 400, { title: 'Malformed JSON' })
  })

  it('answers an empty body with 400', async () => {
    await expectProblem(await attempt('', 'application/json'), 400, { title: 'Malformed JSON' })
  })

  it('answers the bare tokens NaN and Infinity, which JSON does not have, with 400', async () => {
    await expectProblem(await attempt('{"records": NaN}', 'application/json'), 400, {
      title: 'Malformed JSON',
    })
    await expectProblem(await attempt('{"records": Infinity}', 'application/json'), 400, {
      title: 'Malformed JSON',
    })
  })

  it('answers a valid JSON body sent as text/plain with 415', async () => {
    const { valid } = await endpoint.prepare()
    await expectProblem(await attempt(JSON.stringify(valid), 'text/plain'), 415, {
      title: 'Unsupported media type',
    })
  })

  it('answers a body without a content type with 415', async () => {
    const { valid } = await endpoint.prepare()
    await expectProblem(await attempt(JSON.stringify(valid), null), 415)
  })

  it('answers a 10 MB JSON body with 413 before parsing it', async () => {
    const { valid } = await endpoint.prepare()
    const big = JSON.stringify({ ...(valid as object), padding: 'x'.repeat(TEN_MB) })
    await expectProblem(await attempt(big, 'application/json'), 413, { title: 'Request body too large' })
    // 10 MB that is not JSON at all still gets 413, not 400: the size is checked first.
    await expectProblem(await attempt('{'.repeat(TEN_MB), 'application/json'), 413)
  })

  it('answers a 10 MB body streamed without a Content-Length with 413', async () => {
    const { path: url, headers } = await endpoint.prepare()
    const client = endpoint.client()
    const chunk = new TextEncoder().encode('x'.repeat(1024 * 1024))
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 10) return controller.close()
        sent += 1
        controller.enqueue(chunk)
      },
    })
    const response = await fetch(`${server.url}${url}`, {
      method: endpoint.method,
      headers: {
        ...headers,
        cookie: client.cookie!,
        'x-csrf-token': client.csrfToken!,
        'content-type': 'application/json',
      },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    statuses.push({ request: `${endpoint.method} ${url} (streamed)`, status: response.status })
    await expectProblem(response, 413, { title: 'Request body too large' })
  })
})

type Mutation = (body: Record<string, unknown>) => unknown
const set =
  (field: string, key: string, value: unknown): Mutation =>
  (body) => ({ ...body, [field]: { ...(body[field] as object), [key]: value } })
const without =
  (field: string): Mutation =>
  ({ [field]: _dropped, ...rest }) =>
    rest

describe('POST /api/vendors with invalid fields', () => {
  const NAME_201 = 'N'.repeat(201)
  it.each<[string, Mutation, string[]]>([
    ['records as a string', set('access', 'records', 'lots'), ['access.records']],
    ['mfa as a string', set('controls', 'mfa', 'yes'), ['controls.mfa']],
    ['an unknown dataLocation', set('access', 'dataLocation', 'cloud'), ['access.dataLocation']],
    ['an unknown data class', set('access', 'dataClasses', ['pii', 'secrets']), ['access.dataClasses.1']],
    ['a repeated data class', set('access', 'dataClasses', ['pii', 'pii']), ['access.dataClasses']],
    ['no name', without('name'), ['name']],
    ['no access', without('access'), ['access']],
    ['no controls', without('controls'), ['controls']],
    ['a name of only spaces', (b) => ({ ...b, name: '   ' }), ['name']],
    ['a name of 201 characters', (b) => ({ ...b, name: NAME_201 }), ['name']],
    ['a name that is a number', (b) => ({ ...b, name: 42 }), ['name']],
    ['an unknown status', (b) => ({ ...b, status: 'deleted' }), ['status']],
    ['a javascript: website', (b) => ({ ...b, website: 'javascript:alert(1)' }), ['website']],
    ['negative records', set('access', 'records', -1), ['access.records']],
    ['fractional records', set('access', 'records', 1.5), ['access.records']],
    ['records of 1e300', set('access', 'records', 1e300), ['access.records']],
    [
      'a lastAssessedAt of 2026-02-30',
      set('controls', 'lastAssessedAt', '2026-02-30'),
      ['controls.lastAssessedAt'],
    ],
    [
      'a lastAssessedAt not in ISO form',
      set('controls', 'lastAssessedAt', '30/01/2026'),
      ['controls.lastAssessedAt'],
    ],
    ['a contractEnd of 2026-13-01', (b) => ({ ...b, contractEnd: '2026-13-01' }), ['contractEnd']],
    [
      'an incident dated 2026-02-30',
      (b) => ({ ...b, incidents: [incidentInput({ occurredAt: '2026-02-30' })] }),
      ['incidents.0.occurredAt'],
    ],
    ['a body that is an array', () => [], ['(root)']],
    ['a body that is null', () => null, ['(root)']],
  ])('refuses %s with 422 naming the field', async (_label, mutate, paths) => {
    const body = mutate(vendorInput('Invalid Field Co') as unknown as Record<string, unknown>)
    await expectProblem(await send(procurement, 'POST', '/api/vendors', { json: body }), 422, {
      title: 'Invalid vendor',
      paths,
    })
  })

  it('refuses records of 1e400 (Infinity after parsing) with 422 on access.records', async () => {
    const body = rawJson(set('access', 'records', '__BIG__')(vendorInput('Infinite Co') as never), {
      __BIG__: '1e400',
    })
    await expectProblem(
      await send(procurement, 'POST', '/api/vendors', {
        body,
        headers: { 'content-type': 'application/json' },
      }),
      422,
      { paths: ['access.records'] },
    )
  })

  it('accepts a name of exactly 200 characters', async () => {
    const name = 'N'.repeat(200)
    expect((await createOnPurpose(name)).vendor.name).toBe(name)
  })

  it('drops unknown fields on a new vendor (the create schema strips them) rather than storing them', async () => {
    const response = await send(procurement, 'POST', '/api/vendors', {
      json: { ...vendorInput('Extra Field Co'), isTrusted: true, id: 'ven-chosen-by-client', version: 99 },
    })
    const body = VendorDetailResponse.parse(await expectJson(response, 201))
    created.push(body.vendor.id)
    expect(body.vendor.id).not.toBe('ven-chosen-by-client')
    expect(body.version).toBe(1)
    expect(body.vendor).not.toHaveProperty('isTrusted')
  })
})

describe('PATCH /api/vendors/:id with invalid fields', () => {
  it.each<[string, unknown, string, string[]]>([
    ['records as a string', { access: { records: 'lots' } }, 'Invalid vendor', ['access.records']],
    ['mfa as a string', { controls: { mfa: 'yes' } }, 'Invalid vendor', ['controls.mfa']],
    [
      'an unknown dataLocation',
      { access: { dataLocation: 'cloud' } },
      'Invalid vendor',
      ['access.dataLocation'],
    ],
    [
      'records set to null (a required field)',
      { access: { records: null } },
      'Invalid vendor',
      ['access.records'],
    ],
    ['negative records', { access: { records: -1 } }, 'Invalid vendor', ['access.records']],
    ['records of 1e300', { access: { records: 1e300 } }, 'Invalid vendor', ['access.records']],
    [
      'a lastAssessedAt of 2026-02-30',
      { controls: { lastAssessedAt: '2026-02-30' } },
      'Invalid vendor',
      ['controls.lastAssessedAt'],
    ],
    ['a name of 201 characters', { name: 'N'.repeat(201) }, 'Invalid vendor', ['name']],
    ['a name that is a number', { name: 42 }, 'Invalid request body', ['name']],
    ['a name set to null', { name: null }, 'Invalid request body', ['name']],
    ['access as a string', { access: 'everything' }, 'Invalid request body', ['access']],
    ['an unknown top-level field', { colour: 'red' }, 'Invalid request body', ['colour']],
    [
      'an incidents field (incidents have their own routes)',
      { incidents: [] },
      'Invalid request body',
      ['incidents'],
    ],
  ])(
    'refuses %s with 422 naming the field, and leaves the vendor as it was',
    async (_label, patch, title, paths) => {
      const before = await fetchVendor(procurement, target)
      const response = await send(procurement, 'PATCH', `/api/vendors/${target}`, {
        json: patch,
        headers: { 'if-match': before.etag },
      })
      await expectProblem(response, 422, { title, paths })
      const after = await fetchVendor(procurement, target)
      expect(after.etag).toBe(before.etag)
      expect(after.detail.vendor).toEqual(before.detail.vendor)
    },
  )

  it('names the unknown field in the message', async () => {
    const before = await fetchVendor(procurement, target)
    const problem = await expectProblem(
      await send(procurement, 'PATCH', `/api/vendors/${target}`, {
        json: { colour: 'red' },
        headers: { 'if-match': before.etag },
      }),
      422,
    )
    expect(problem.errors?.[0]?.message).toContain('colour')
  })

  it.each([
    ['malformed', 'version 3'],
    ['a list', '"1", "2"'],
  ])('refuses a %s If-Match with 400', async (_label, ifMatch) => {
    await expectProblem(
      await send(procurement, 'PATCH', `/api/vendors/${target}`, {
        json: { owner: 'Nobody' },
        headers: { 'if-match': ifMatch },
      }),
      400,
      { title: 'Malformed If-Match' },
    )
  })
})

describe('POST /api/vendors/:id/incidents with invalid fields', () => {
  it.each<[string, unknown, string[]]>([
    ['an unknown kind', incidentInput({ kind: 'meteor' as never }), ['kind']],
    ['an unknown severity', incidentInput({ severity: 'apocalyptic' as never }), ['severity']],
    ['an occurredAt of 2026-02-30', incidentInput({ occurredAt: '2026-02-30' }), ['occurredAt']],
    ['recordsExposed as a string', incidentInput({ recordsExposed: 'lots' as never }), ['recordsExposed']],
    ['negative recordsExposed', incidentInput({ recordsExposed: -1 }), ['recordsExposed']],
    ['recordsExposed of 1e300', incidentInput({ recordsExposed: 1e300 }), ['recordsExposed']],
    ['notifiedAfterDays of 1e300', incidentInput({ notifiedAfterDays: 1e300 }), ['notifiedAfterDays']],
    ['no summary', (({ summary: _s, ...rest }) => rest)(incidentInput()), ['summary']],
    ['a summary of 2001 characters', incidentInput({ summary: 's'.repeat(2001) }), ['summary']],
  ])('refuses %s with 422 naming the field, and records nothing', async (_label, body, paths) => {
    const before = await fetchVendor(procurement, target)
    await expectProblem(
      await send(procurement, 'POST', `/api/vendors/${target}/incidents`, { json: body }),
      422,
      {
        title: 'Invalid incident',
        paths,
      },
    )
    expect((await fetchVendor(procurement, target)).detail.vendor.incidents).toEqual(
      before.detail.vendor.incidents,
    )
  })

  it('ignores a client-chosen incident id and assigns its own', async () => {
    const response = await send(procurement, 'POST', `/api/vendors/${target}/incidents`, {
      json: { ...incidentInput({ severity: 'low', kind: 'outage' }), id: 'inc-chosen-by-client' },
    })
    const body = await expectJson<{ incident: { id: string } }>(response, 201)
    expect(body.incident.id).toMatch(/^inc-/)
    expect(body.incident.id).not.toBe('inc-chosen-by-client')
  })
})

describe('PUT /api/scoring/model with invalid weights', () => {
  const exposure = (key: string, value: unknown) => (m: Model) => ({
    weights: { ...m.weights, exposure: { ...m.weights.exposure, [key]: value } },
    revision: m.revision,
  })
  it.each<[string, (m: Model) => unknown, string[]]>([
    ['a weight as a string', exposure('dataLocation', 'lots'), ['weights.exposure.dataLocation']],
    ['a negative weight', exposure('dataLocation', -1), ['weights.exposure.dataLocation']],
    ['a weight of 1e300', exposure('dataLocation', 1e300), ['weights.exposure.dataLocation']],
    [
      'a certification credit above the baseline',
      (m) => ({
        weights: { ...m.weights, likelihood: { ...m.weights.likelihood, certifications: 1000 } },
        revision: m.revision,
      }),
      ['weights.likelihood.certifications'],
    ],
    [
      'tier cut-offs that do not rise',
      (m) => ({
        weights: { ...m.weights, tierCutoffs: { critical: 40, high: 45, medium: 25 } },
        revision: m.revision,
      }),
      ['weights.tierCutoffs'],
    ],
    [
      'a fractional half-life',
      (m) => ({ weights: { ...m.weights, incidentHalfLifeDays: 10.5 }, revision: m.revision }),
      ['weights.incidentHalfLifeDays'],
    ],
    [
      'no likelihood weights',
      (m) => ({ weights: (({ likelihood: _l, ...rest }) => rest)(m.weights), revision: m.revision }),
      ['weights.likelihood'],
    ],
    ['the revision as a string', (m) => ({ weights: m.weights, revision: String(m.revision) }), ['revision']],
    ['no revision', (m) => ({ weights: m.weights }), ['revision']],
    ['an unknown top-level field', (m) => ({ ...m, modelVersion: '9.9.9' }), ['modelVersion', 'defaults']],
  ])('refuses %s with 422 naming the field, and keeps the model', async (_label, build, paths) => {
    const model = await currentModel()
    await expectProblem(await send(ciso, 'PUT', '/api/scoring/model', { json: build(model) }), 422, {
      title: 'Invalid request body',
      paths,
    })
    expect(await currentModel()).toMatchObject({ revision: model.revision, weights: model.weights })
  })

  it('refuses a weight of 1e400 (Infinity after parsing) with 422', async () => {
    const model = await currentModel()
    const body = rawJson(exposure('dataLocation', '__BIG__')(model), { __BIG__: '1e400' })
    await expectProblem(
      await send(ciso, 'PUT', '/api/scoring/model', {
        body,
        headers: { 'content-type': 'application/json' },
      }),
      422,
      { paths: ['weights.exposure.dataLocation'] },
    )
  })
})

describe('POST /api/users with invalid fields', () => {
  const user = (overrides: Record<string, unknown>) => ({
    username: 'new-user',
    password: 'a-long-password-1',
    role: 'auditor',
    ...overrides,
  })
  it.each<[string, unknown, string[]]>([
    ['a role that is a number', user({ role: 5 }), ['role']],
    ['an unknown role', user({ role: 'superuser' }), ['role']],
    ['no password', (({ password: _p, ...rest }) => rest)(user({})), ['password']],
    ['a password of 11 characters', user({ password: 'elevenchars' }), ['password']],
    ['a password of 1025 characters', user({ password: 'p'.repeat(1025) }), ['password']],
    ['an uppercase username with a space', user({ username: 'Bad Name' }), ['username']],
    ['a username with markup', user({ username: '<script>' }), ['username']],
    ['a username of 201 characters', user({ username: 'u'.repeat(201) }), ['username']],
    ['an unknown field', user({ isAdmin: true }), ['isAdmin']],
    ['a disabled flag (not settable on create)', user({ disabled: false }), ['disabled']],
  ])('refuses %s with 422 naming the field, and creates no user', async (_label, body, paths) => {
    const before = await admin.json<{ items: unknown[] }>('/api/users')
    await expectProblem(await send(admin, 'POST', '/api/users', { json: body }), 422, {
      title: 'Invalid request body',
      paths,
    })
    expect((await admin.json<{ items: unknown[] }>('/api/users')).items).toEqual(before.items)
  })
})

describe('hostile strings as vendor names', () => {
  it.each([
    ['a spreadsheet formula', '=HYPERLINK("http://evil.example","x")'],
    ['an HTML script tag', '<script>alert(1)</script>'],
    ['an SQL injection', "'; DROP TABLE vendors; --"],
  ])('accepts %s as plain text and returns it verbatim, not escaped', async (_label, name) => {
    const body = await createOnPurpose(name)
    expect(body.vendor.name).toBe(name)

    const response = await send(procurement, 'GET', `/api/vendors/${body.vendor.id}`)
    const text = await response.text()
    expect(response.status).toBe(200)
    expect(text).toContain(`"name":${JSON.stringify(name)}`)
    expect(text).not.toContain('&lt;')
    expect(text).not.toContain('&quot;')
    expect(VendorDetailResponse.parse(JSON.parse(text)).vendor.name).toBe(name)

    const found = await procurement.json<{ items: { id: string; name: string }[] }>(
      `/api/vendors?q=${encodeURIComponent(name)}`,
    )
    expect(found.items).toEqual([expect.objectContaining({ id: body.vendor.id, name })])

    // The database holds the text as given, and every vendor is still there.
    const db = new Database(path.join(server.dataDir, 'vendor-risk.sqlite'), { readonly: true })
    try {
      const row = db
        .prepare("SELECT name, json_extract(doc, '$.name') AS docName FROM vendors WHERE id = ?")
        .get(body.vendor.id) as { name: string; docName: string }
      expect(row).toEqual({ name, docName: name })
      const { n } = db.prepare('SELECT count(*) AS n FROM vendors').get() as { n: number }
      expect(n).toBe(DEMO_VENDORS + created.length)
    } finally {
      db.close()
    }
    const list = await procurement.json<{ total: number }>('/api/vendors?limit=1')
    expect(list.total).toBe(DEMO_VENDORS + created.length)
  })
})

describe('after the whole suite', () => {
  it('holds exactly the demo vendors plus the ones created on purpose', async () => {
    const list = await procurement.json<{ total: number }>('/api/vendors?limit=1')
    expect(list.total).toBe(DEMO_VENDORS + created.length)
  })

  it('still verifies its audit chain', async () => {
    expect(await procurement.json('/api/audit-log/verify')).toMatchObject({ ok: true })
  })

  it('never answered with a 5xx and logged no server error', () => {
    expect(statuses.filter((s) => s.status >= 500)).toEqual([])
    expect(server.output()).not.toContain('[error]')
  })
})
