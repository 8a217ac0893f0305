/**
 * Who may call what: every API route × every role (and anonymous) against the real server, plus the session
 * defences around them (CSRF, same-origin, sign-in rate limiting, disabling users, cookie flags).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScoringWeights } from '../../src/domain'
import { createApp } from '../app'
import { ROLE_PERMISSIONS, type Permission } from '../auth/permissions'
import { openSqliteStore } from '../db/sqlite-store'
import { ROLES, type Role } from '../db/store'
import { createExportService } from '../services/export-service'
import { createImportService } from '../services/import-service'
import { createUserService } from '../services/user-service'
import { createVendorService } from '../services/vendor-service'
import { ApiClient, signedIn } from '../testing/api-client'
import {
  createVendor,
  daysFromToday,
  expectJson,
  expectProblem,
  fetchVendor,
  incidentInput,
  today,
  vendorInput,
} from '../testing/api-fixtures'
import { startServer, TEST_PASSWORDS, type ServerProcess } from '../testing/server-process'

type Caller = 'anonymous' | Role
const CALLERS: Caller[] = ['anonymous', ...ROLES]
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

let server: ServerProcess
const clients = {} as Record<Caller, ApiClient>
/** A vendor that the matrix's per-vendor routes act on; created once, edited idempotently by each cell. */
let target: string

beforeAll(async () => {
  server = await startServer()
  clients.anonymous = new ApiClient(server.url)
  for (const role of ROLES) clients[role] = await signedIn(server.url, role)
  target = (await createVendor(clients.admin, 'Role matrix target vendor')).vendor.id
}, 30_000)
afterAll(async () => {
  await server?.stop()
})

/** The permission table as the product defines it; a change to ROLE_PERMISSIONS must change this on purpose. */
const EXPECTED_ROLES: Record<Permission, Role[]> = {
  'vendors:read': ['admin', 'procurement', 'ciso', 'auditor'],
  'vendors:write': ['admin', 'procurement'],
  'incidents:write': ['admin', 'procurement'],
  'reviews:write': ['admin', 'procurement'],
  'imports:write': ['admin', 'procurement'],
  'risk:accept': ['admin', 'ciso'],
  'model:write': ['admin', 'ciso'],
  'audit:read': ['admin', 'procurement', 'ciso', 'auditor'],
  'exports:read': ['admin', 'ciso', 'auditor'],
  'users:manage': ['admin'],
  'data:restore': ['admin'],
}

interface Call {
  path: string
  json?: unknown
  body?: BodyInit
  headers?: Record<string, string>
  /** Send with this client instead of the caller's shared one (e.g. to sign out a throwaway session). */
  client?: ApiClient
}

interface Row {
  method: Method
  /** The route as Hono registers it (regex constraints on parameters left out). */
  route: string
  /** `public`: no session needed; `signed-in`: any session; otherwise the permission the route requires. */
  access: Permission | 'public' | 'signed-in'
  /** What an allowed caller gets. */
  success: number
  /** For a success that is a problem (imports with an empty file): its title. */
  successTitle?: string
  /** Builds the request for this caller; `allowed` says whether the caller is expected to get through. */
  prepare: (caller: Caller, allowed: boolean) => Promise<Call> | Call
}

const admin = () => clients.admin

async function newUser(username: string, role: Role = 'auditor') {
  await expectJson(
    await admin().post('/api/users', { username, password: 'a-long-password-for-tests', role }),
    201,
  )
}

async function newIncident(): Promise<string> {
  const body = await expectJson<{ incident: { id: string } }>(
    await admin().post(
      `/api/vendors/${target}/incidents`,
      incidentInput({ severity: 'low', kind: 'outage' }),
    ),
    201,
  )
  return body.incident.id
}

/** A finished CSV export of the register, made by the admin, for the per-export routes. */
let matrixExport: Promise<string> | undefined
function newExport(): Promise<string> {
  matrixExport ??= admin()
    .post('/api/exports', { format: 'csv' })
    .then((response) => expectJson<{ id: string; status: string }>(response, 201))
    .then((manifest) => manifest.id)
  return matrixExport
}

const ROWS: Row[] = [
  {
    method: 'GET',
    route: '/api/health',
    access: 'public',
    success: 200,
    prepare: () => ({ path: '/api/health' }),
  },
  {
    method: 'POST',
    route: '/api/session',
    access: 'public',
    success: 204,
    // Anyone may sign in; anonymous callers use the auditor's credentials.
    prepare: (caller) => {
      const username = caller === 'anonymous' ? 'auditor' : caller
      return { path: '/api/session', json: { username, password: TEST_PASSWORDS[username] } }
    },
  },
  {
    method: 'GET',
    route: '/api/session',
    access: 'signed-in',
    success: 200,
    prepare: () => ({ path: '/api/session' }),
  },
  {
    method: 'DELETE',
    route: '/api/session',
    access: 'public',
    success: 204,
    // Sign out a throwaway session so the shared clients stay signed in.
    prepare: async (caller) => ({
      path: '/api/session',
      ...(caller !== 'anonymous' && { client: await signedIn(server.url, caller) }),
    }),
  },
  {
    method: 'GET',
    route: '/api/users',
    access: 'users:manage',
    success: 200,
    prepare: () => ({ path: '/api/users' }),
  },
  {
    method: 'POST',
    route: '/api/users',
    access: 'users:manage',
    success: 201,
    prepare: (caller) => ({
      path: '/api/users',
      json: { username: `matrix-new-by-${caller}`, password: 'a-long-password-for-tests', role: 'auditor' },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/users/:username',
    access: 'users:manage',
    success: 200,
    prepare: async (caller) => {
      const username = `matrix-patched-by-${caller}`
      await newUser(username)
      return { path: `/api/users/${username}`, json: { role: 'ciso' } }
    },
  },
  {
    method: 'DELETE',
    route: '/api/users/:username',
    access: 'users:manage',
    success: 204,
    prepare: async (caller) => {
      const username = `matrix-deleted-by-${caller}`
      await newUser(username)
      return { path: `/api/users/${username}` }
    },
  },
  {
    method: 'GET',
    route: '/api/vendors',
    access: 'vendors:read',
    success: 200,
    prepare: () => ({ path: '/api/vendors' }),
  },
  {
    method: 'GET',
    route: '/api/vendors/facets',
    access: 'vendors:read',
    success: 200,
    prepare: () => ({ path: '/api/vendors/facets' }),
  },
  {
    method: 'GET',
    route: '/api/reviews',
    access: 'vendors:read',
    success: 200,
    prepare: () => ({ path: '/api/reviews?due=30&limit=5' }),
  },
  {
    method: 'POST',
    route: '/api/vendors',
    access: 'vendors:write',
    success: 201,
    prepare: (caller) => ({ path: '/api/vendors', json: vendorInput(`Matrix vendor created by ${caller}`) }),
  },
  {
    method: 'GET',
    route: '/api/vendors/:id',
    access: 'vendors:read',
    success: 200,
    prepare: () => ({ path: `/api/vendors/${target}` }),
  },
  {
    method: 'PATCH',
    route: '/api/vendors/:id',
    access: 'vendors:write',
    success: 200,
    prepare: async (caller) => {
      const { etag } = await fetchVendor(admin(), target)
      return {
        path: `/api/vendors/${target}`,
        json: { owner: `Owner set by ${caller}` },
        headers: { 'if-match': etag },
      }
    },
  },
  {
    method: 'DELETE',
    route: '/api/vendors/:id',
    access: 'vendors:write',
    success: 200,
    prepare: async (caller) => {
      const { vendor } = await createVendor(admin(), `Matrix vendor archived by ${caller}`)
      return { path: `/api/vendors/${vendor.id}` }
    },
  },
  {
    method: 'POST',
    route: '/api/vendors/:id/incidents',
    access: 'incidents:write',
    success: 201,
    prepare: () => ({
      path: `/api/vendors/${target}/incidents`,
      json: incidentInput({ severity: 'low', kind: 'outage', status: 'resolved' }),
    }),
  },
  {
    method: 'PATCH',
    route: '/api/vendors/:id/incidents/:incidentId',
    access: 'incidents:write',
    success: 200,
    prepare: async () => ({
      path: `/api/vendors/${target}/incidents/${await newIncident()}`,
      json: { status: 'resolved' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/vendors/:id/incidents/:incidentId',
    access: 'incidents:write',
    success: 200,
    prepare: async () => ({ path: `/api/vendors/${target}/incidents/${await newIncident()}` }),
  },
  {
    method: 'GET',
    route: '/api/vendors/:id/reviews',
    access: 'vendors:read',
    success: 200,
    prepare: () => ({ path: `/api/vendors/${target}/reviews` }),
  },
  {
    method: 'POST',
    route: '/api/vendors/:id/reviews',
    access: 'reviews:write',
    success: 201,
    prepare: (caller) => ({
      path: `/api/vendors/${target}/reviews`,
      json: { completedAt: today(), notes: `Reviewed by ${caller}` },
    }),
  },
  {
    method: 'PUT',
    route: '/api/vendors/:id/risk-acceptance',
    access: 'risk:accept',
    success: 200,
    prepare: (caller) => ({
      path: `/api/vendors/${target}/risk-acceptance`,
      json: { note: `Accepted by ${caller} pending remediation`, until: daysFromToday(30) },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/vendors/:id/risk-acceptance',
    access: 'risk:accept',
    success: 200,
    prepare: () => ({ path: `/api/vendors/${target}/risk-acceptance` }),
  },
  {
    method: 'POST',
    route: '/api/vendors/:id/score-preview',
    access: 'vendors:read',
    success: 200,
    prepare: () => ({
      path: `/api/vendors/${target}/score-preview`,
      json: { access: { dataLocation: 'our_environment' } },
    }),
  },
  {
    method: 'GET',
    route: '/api/vendors/:id/history',
    access: 'vendors:read',
    success: 200,
    prepare: () => ({ path: `/api/vendors/${target}/history` }),
  },
  {
    method: 'GET',
    route: '/api/scoring/model',
    access: 'vendors:read',
    success: 200,
    prepare: () => ({ path: '/api/scoring/model' }),
  },
  {
    method: 'PUT',
    route: '/api/scoring/model',
    access: 'model:write',
    success: 200,
    // The current weights at the current revision: valid, and leaves every score as it was.
    prepare: async () => {
      const model = await admin().json<{ weights: ScoringWeights; revision: number }>('/api/scoring/model')
      return { path: '/api/scoring/model', json: { weights: model.weights, revision: model.revision } }
    },
  },
  {
    method: 'GET',
    route: '/api/imports/templates/:file',
    access: 'vendors:read',
    success: 200,
    prepare: () => ({ path: '/api/imports/templates/vendors.csv' }),
  },
  {
    method: 'POST',
    route: '/api/imports',
    access: 'imports:write',
    success: 400,
    successTitle: 'Empty file',
    prepare: () => ({ path: '/api/imports?dryRun=1', body: '', headers: { 'content-type': 'text/csv' } }),
  },
  {
    method: 'GET',
    route: '/api/audit-log',
    access: 'audit:read',
    success: 200,
    prepare: () => ({ path: '/api/audit-log' }),
  },
  {
    method: 'GET',
    route: '/api/audit-log/verify',
    access: 'audit:read',
    success: 200,
    prepare: () => ({ path: '/api/audit-log/verify' }),
  },
  {
    method: 'GET',
    route: '/api/audit-log/export',
    access: 'exports:read',
    success: 200,
    prepare: () => ({ path: '/api/audit-log/export?format=csv&entityType=vendor&entityId=no-such-vendor' }),
  },
  {
    method: 'POST',
    route: '/api/exports',
    access: 'exports:read',
    success: 201,
    prepare: () => ({ path: '/api/exports', json: { format: 'csv' } }),
  },
  {
    method: 'GET',
    route: '/api/exports',
    access: 'exports:read',
    success: 200,
    prepare: () => ({ path: '/api/exports' }),
  },
  {
    method: 'GET',
    route: '/api/exports/:id',
    access: 'exports:read',
    success: 200,
    prepare: async () => ({ path: `/api/exports/${await newExport()}` }),
  },
  {
    method: 'GET',
    route: '/api/exports/:id/file',
    access: 'exports:read',
    success: 200,
    prepare: async () => ({ path: `/api/exports/${await newExport()}/file` }),
  },
  {
    method: 'POST',
    route: '/api/exports/restore',
    access: 'data:restore',
    // The admin gets through to the body check; a real restore needs an empty database (exports.test.ts).
    success: 400,
    successTitle: 'Empty file',
    prepare: () => ({
      path: '/api/exports/restore',
      body: '',
      headers: { 'content-type': 'application/json' },
    }),
  },
  ...(
    ['tiers', 'risk-map', 'trend', 'top-risks', 'exposure', 'incidents', 'fourth-parties', 'reviews'] as const
  ).map((chart): Row => ({
    method: 'GET',
    route: `/api/dashboard/${chart}`,
    access: 'vendors:read',
    success: 200,
    prepare: () => ({ path: `/api/dashboard/${chart}` }),
  })),
]

function expectedStatus(row: Row, caller: Caller): number {
  if (row.access === 'public') return row.success
  if (caller === 'anonymous') return 401
  if (row.access === 'signed-in') return row.success
  return ROLE_PERMISSIONS[caller].has(row.access) ? row.success : 403
}

const CELLS = ROWS.flatMap((row) =>
  CALLERS.map((caller) => {
    const status = expectedStatus(row, caller)
    const allowed = status !== 401 && status !== 403
    return {
      name: `${caller} ${allowed ? 'can' : 'cannot'} ${row.method} ${row.route} (${status})`,
      row,
      caller,
      status,
      allowed,
    }
  }),
)

describe('the role matrix', () => {
  it('grants each role exactly the documented permissions', () => {
    for (const role of ROLES) {
      const expected = Object.entries(EXPECTED_ROLES)
        .filter(([, roles]) => roles.includes(role))
        .map(([permission]) => permission)
      expect([...ROLE_PERMISSIONS[role]].sort(), role).toEqual(expected.sort())
    }
  })

  it('has a row for every route the app registers, and none for a route it does not', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vendor-risk-routes-'))
    const store = openSqliteStore(dir)
    try {
      const vendors = createVendorService(store)
      const app = createApp({
        store,
        vendors,
        users: createUserService(store),
        imports: createImportService(vendors),
        exports: createExportService({ store, vendors, dataDir: dir }),
        staticDir: dir,
      })
      const registered = new Set(
        app.routes
          .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.includes('*'))
          // `:file{(vendors|incidents)\.csv}` → `:file`
          .map((r) => `${r.method} ${r.path.replace(/(:\w+)\{[^/]*\}/g, '$1')}`),
      )
      const rows = ROWS.map((r) => `${r.method} ${r.route}`)
      expect(new Set(rows).size).toBe(rows.length)
      expect([...registered].sort()).toEqual([...rows].sort())
    } finally {
      store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it.each(CELLS.map((cell) => [cell.name, cell] as const))(
    '%s',
    async (_name, { row, caller, status, allowed }) => {
      const call = await row.prepare(caller, allowed)
      const client = call.client ?? clients[caller]
      const response = await client.request(row.method, call.path, {
        ...(call.json !== undefined && { json: call.json }),
        ...(call.body !== undefined && { body: call.body }),
        ...(call.headers && { headers: call.headers }),
      })
      if (status === 401) {
        await expectProblem(response, 401)
      } else if (status === 403) {
        const permission = row.access as Permission
        const problem = await expectProblem(response, 403, { title: 'Not allowed for your role' })
        expect(problem.detail).toContain(`Your role (${caller})`)
        for (const role of EXPECTED_ROLES[permission]) expect(problem.detail).toContain(role)
      } else if (row.successTitle !== undefined) {
        await expectProblem(response, status, { title: row.successTitle })
      } else {
        expect(response.status, await response.clone().text()).toBe(status)
        if (status !== 204)
          expect(response.headers.get('content-type')).toMatch(/^(application\/json|text\/csv)/)
      }
    },
  )
})

describe('sessions and cross-site request defences', () => {
  const procurement = () => clients.procurement

  it('refuses a signed-in POST without the CSRF token header with 403, and stores nothing', async () => {
    const name = 'CSRF probe without token'
    const response = await fetch(`${server.url}/api/vendors`, {
      method: 'POST',
      headers: { cookie: procurement().cookie!, 'content-type': 'application/json' },
      body: JSON.stringify(vendorInput(name)),
    })
    await expectProblem(response, 403, { title: 'Missing or wrong CSRF token' })
    const list = await procurement().json<{ total: number }>(`/api/vendors?q=${encodeURIComponent(name)}`)
    expect(list.total).toBe(0)
  })

  it('refuses a signed-in POST with a wrong CSRF token with 403', async () => {
    const response = await procurement().post('/api/vendors', vendorInput('CSRF probe wrong token'), {
      headers: { 'x-csrf-token': 'not-the-token' },
    })
    await expectProblem(response, 403, { title: 'Missing or wrong CSRF token' })
  })

  it('refuses a POST from a foreign Origin with 403 even with the right CSRF token', async () => {
    const name = 'CSRF probe from evil origin'
    const response = await procurement().post('/api/vendors', vendorInput(name), {
      headers: { origin: 'http://evil.example' },
    })
    await expectProblem(response, 403, { title: 'Cross-origin request refused' })
    const list = await procurement().json<{ total: number }>(`/api/vendors?q=${encodeURIComponent(name)}`)
    expect(list.total).toBe(0)
  })

  it('accepts a POST from its own Origin with the CSRF token', async () => {
    const response = await procurement().post('/api/vendors', vendorInput('Same-origin vendor'), {
      headers: { origin: server.url },
    })
    expect(response.status).toBe(201)
  })

  it('refuses a cross-site fetch (Sec-Fetch-Site: cross-site) with 403', async () => {
    const response = await procurement().post('/api/vendors', vendorInput('CSRF probe cross-site'), {
      headers: { 'sec-fetch-site': 'cross-site' },
    })
    await expectProblem(response, 403, { title: 'Cross-site request refused' })
  })

  it('refuses a sign-in from a foreign Origin with 403 and sets no cookie', async () => {
    const response = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ username: 'auditor', password: TEST_PASSWORDS.auditor }),
    })
    expect(response.headers.get('set-cookie')).toBeNull()
    await expectProblem(response, 403, { title: 'Cross-origin request refused' })
  })

  it('sets the session cookie HttpOnly and SameSite=Strict on sign-in', async () => {
    const response = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'auditor', password: TEST_PASSWORDS.auditor }),
    })
    expect(response.status).toBe(204)
    const cookie = response.headers.get('set-cookie')!
    expect(cookie).toMatch(/^vr_session=[\w-]{20,};/)
    const attributes = cookie.split(';').map((a) => a.trim().toLowerCase())
    expect(attributes).toContain('httponly')
    expect(attributes).toContain('samesite=strict')
    expect(attributes).toContain('path=/')
  })

  it('answers 429 with Retry-After on the 6th sign-in after 5 wrong passwords, even with the right one', async () => {
    const username = 'matrix-rate-limited'
    const password = 'the-right-password-1'
    await expectJson(await admin().post('/api/users', { username, password, role: 'auditor' }), 201)
    const attempt = (pw: string) =>
      fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: pw }),
      })
    for (let i = 0; i < 5; i++) {
      await expectProblem(await attempt(`wrong-password-${i}`), 401, { title: 'Wrong username or password' })
    }
    const blocked = await attempt(password)
    expect(blocked.headers.get('set-cookie')).toBeNull()
    const retryAfter = Number(blocked.headers.get('retry-after'))
    expect(Number.isInteger(retryAfter)).toBe(true)
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
    await expectProblem(blocked, 429, { title: 'Too many failed sign-ins' })
  })

  it('blocks only the guessed account: another user still signs in from the same address', async () => {
    const username = 'matrix-guessed'
    await newUser(username)
    for (let i = 0; i < 5; i++) {
      await expectProblem(
        await new ApiClient(server.url).post('/api/session', { username, password: `wrong-${i}` }),
        401,
      )
    }
    await expectProblem(
      await new ApiClient(server.url).post('/api/session', {
        username,
        password: 'a-long-password-for-tests',
      }),
      429,
    )
    const other = new ApiClient(server.url)
    expect((await other.signIn('auditor', TEST_PASSWORDS.auditor)).status).toBe(204)
  })

  it('does not let X-Forwarded-For reset the per-user limit', async () => {
    const username = 'matrix-spoofer'
    await newUser(username)
    const attempt = (password: string, i: number) =>
      fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` },
        body: JSON.stringify({ username, password }),
      })
    for (let i = 0; i < 5; i++) await expectProblem(await attempt('wrong-password', i), 401)
    await expectProblem(await attempt('a-long-password-for-tests', 99), 429)
  })

  it('ends a user’s existing session at once when an admin disables them', async () => {
    const username = 'matrix-disabled'
    await newUser(username)
    const victim = new ApiClient(server.url)
    expect((await victim.signIn(username, 'a-long-password-for-tests')).status).toBe(204)
    expect((await victim.get('/api/session')).status).toBe(200)

    const updated = await expectJson<{ disabled: boolean }>(
      await admin().patch(`/api/users/${username}`, { disabled: true }),
      200,
    )
    expect(updated.disabled).toBe(true)

    await expectProblem(await victim.get('/api/session'), 401)
    await expectProblem(await victim.get('/api/vendors'), 401)
    await expectProblem(
      await new ApiClient(server.url).post('/api/session', {
        username,
        password: 'a-long-password-for-tests',
      }),
      401,
    )
  })

  it('ends a user’s existing sessions at once when an admin resets their password', async () => {
    const username = 'matrix-password-reset'
    await newUser(username)
    const victim = new ApiClient(server.url)
    expect((await victim.signIn(username, 'a-long-password-for-tests')).status).toBe(204)
    await expectJson(await admin().patch(`/api/users/${username}`, { password: 'a-brand-new-password' }), 200)
    await expectProblem(await victim.get('/api/session'), 401)
    expect((await new ApiClient(server.url).signIn(username, 'a-brand-new-password')).status).toBe(204)
  })

  it('applies a role change to the user’s existing session at once', async () => {
    const username = 'matrix-promoted'
    await newUser(username, 'auditor')
    const user = new ApiClient(server.url)
    expect((await user.signIn(username, 'a-long-password-for-tests')).status).toBe(204)
    const attempt = (name: string) => user.post('/api/vendors', vendorInput(name))
    await expectProblem(await attempt('Promoted user vendor, before'), 403)
    await expectJson(await admin().patch(`/api/users/${username}`, { role: 'procurement' }), 200)
    expect(await user.json('/api/session')).toMatchObject({ username, role: 'procurement' })
    expect((await attempt('Promoted user vendor, after')).status).toBe(201)
  })

  it('refuses a password shorter than 12 characters with 422 naming the password field', async () => {
    await expectProblem(
      await admin().post('/api/users', {
        username: 'matrix-short-pw',
        password: 'elevenchars',
        role: 'auditor',
      }),
      422,
      { paths: ['password'] },
    )
    await expectProblem(await admin().patch('/api/users/auditor', { password: 'short' }), 422, {
      paths: ['password'],
    })
    const users = await admin().json<{ items: { username: string }[] }>('/api/users')
    expect(users.items.map((u) => u.username)).not.toContain('matrix-short-pw')
  })

  it('signs out: the old cookie no longer authenticates', async () => {
    const client = await signedIn(server.url, 'ciso')
    expect((await client.delete('/api/session')).status).toBe(204)
    await expectProblem(await client.get('/api/session'), 401, { title: 'Not signed in' })
  })
})
