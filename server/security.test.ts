/**
 * The security sweep (docs/security.md) against the real server: headers on every kind of response, cookie flags
 * and HSTS with and without COOKIE_SECURE, session expiry and sign-out, path traversal on the static files, ids of
 * other objects, method confusion, prototype-pollution payloads, oversized requests, zip bombs, and formula
 * injection in the CSV and XLSX exports. Role checks, CSRF and sign-in limits live in routes/role-matrix.test.ts;
 * malformed bodies in malformed-input.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createDeflateRaw, deflateRawSync } from 'node:zlib'
import Database from 'better-sqlite3'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExportManifest, IMPORT_COLUMNS, VendorDetailResponse } from '../src/domain'
import { hashToken, SESSION_COOKIE, SESSION_HOURS } from './auth/session'
import { MAX_XLSX_UNPACKED_BYTES } from './import/xlsx-guard'
import { ApiClient, signedIn, signedInAs } from './testing/api-client'
import {
  createVendor,
  expectJson,
  expectProblem,
  fetchVendor,
  incidentInput,
  today,
  vendorInput,
} from './testing/api-fixtures'
import { startServer, TEST_PASSWORDS, type ServerProcess } from './testing/server-process'
import { zipOf } from './testing/zip-archive'

/** A built SPA of our own, so the test does not depend on (or race with) `npm run build` writing dist/. */
const site = mkdtempSync(path.join(tmpdir(), 'vendor-risk-security-'))
const STATIC_DIR = path.join(site, 'static')
const SPA_MARKER = '<!-- spa shell for security.test.ts -->'
const ASSET = '/assets/app-3f9a1c.js'
const ASSET_BODY = 'console.log("asset for security.test.ts")\n'
/** Beside STATIC_DIR, never inside it: no request may ever answer with this. */
const SECRET = 'secret-outside-static-dir-7c1e'

let server: ServerProcess
let anonymous: ApiClient
let procurement: ApiClient
let ciso: ApiClient
let auditor: ApiClient
let admin: ApiClient

beforeAll(async () => {
  mkdirSync(path.join(STATIC_DIR, 'assets'), { recursive: true })
  writeFileSync(path.join(STATIC_DIR, 'index.html'), `<!doctype html><title>Vendor Risk</title>${SPA_MARKER}`)
  writeFileSync(path.join(STATIC_DIR, ASSET), ASSET_BODY)
  writeFileSync(path.join(site, 'secret.txt'), SECRET)
  writeFileSync(path.join(site, 'package.json'), `{"name": "${SECRET}"}`)
  server = await startServer({ STATIC_DIR })
  anonymous = new ApiClient(server.url)
  ;[procurement, ciso, auditor, admin] = await signedInAs(
    server.url,
    'procurement',
    'ciso',
    'auditor',
    'admin',
  )
}, 60_000)

afterAll(async () => {
  await server?.stop()
  rmSync(site, { recursive: true, force: true })
})

interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** A request with the path sent byte for byte: fetch would normalise `..` and `%2e%2e` away before sending. */
function raw(
  base: string,
  rawPath: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: rawPath,
        method: init.method ?? 'GET',
        headers: init.headers,
        agent: false,
      },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }))
      },
    )
    request.on('error', reject)
    request.end(init.body)
  })
}

const header = (headers: Headers | http.IncomingHttpHeaders, name: string): string | null => {
  if (headers instanceof Headers) return headers.get(name)
  const value = headers[name]
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
}

/** The CSP as directive → sources. */
function parseCsp(value: string | null): Map<string, string[]> {
  expect(value, 'Content-Security-Policy').toBeTruthy()
  return new Map(
    value!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  )
}

function expectSecurityHeaders(headers: Headers | http.IncomingHttpHeaders, what: string) {
  const csp = parseCsp(header(headers, 'content-security-policy'))
  const scripts = csp.get('script-src') ?? csp.get('default-src')
  expect(scripts, `${what}: script-src`).toBeDefined()
  for (const unsafe of [
    "'unsafe-inline'",
    "'unsafe-eval'",
    "'unsafe-hashes'",
    '*',
    'data:',
    'blob:',
    'http:',
  ]) {
    expect(scripts, `${what}: script-src allows ${unsafe}`).not.toContain(unsafe)
  }
  expect(csp.get('default-src'), what).toEqual(["'self'"])
  expect(["'none'", "'self'"], `${what}: frame-ancestors`).toContain(csp.get('frame-ancestors')?.join(' '))
  expect(csp.get('object-src'), `${what}: object-src`).toEqual(["'none'"])
  expect(["'none'", "'self'"], `${what}: base-uri`).toContain(csp.get('base-uri')?.join(' '))
  expect(csp.get('form-action'), `${what}: form-action`).toEqual(["'self'"])
  expect(header(headers, 'x-content-type-options'), what).toBe('nosniff')
  expect(header(headers, 'referrer-policy'), what).toBe('no-referrer')
  expect(header(headers, 'x-frame-options'), what).toBe('DENY')
  // Nothing here is meant to be read by another origin.
  expect(header(headers, 'access-control-allow-origin'), what).toBeNull()
  expect(header(headers, 'access-control-allow-credentials'), what).toBeNull()
}

describe('security headers', () => {
  it.each<[string, () => Promise<Response>]>([
    ['the SPA shell at /', () => fetch(`${server.url}/`)],
    ['the SPA shell for a client route', () => fetch(`${server.url}/vendors/ven-000000000000`)],
    ['a static asset', () => fetch(`${server.url}${ASSET}`)],
    ['a JSON answer', () => fetch(`${server.url}/api/health`)],
    ['a 401 problem', () => fetch(`${server.url}/api/vendors`)],
    ['a 404 problem', () => fetch(`${server.url}/api/no-such-route`)],
    ['a signed-in JSON answer', () => procurement.get('/api/vendors?limit=1')],
    ['a CSV download', () => procurement.get('/api/imports/templates/vendors.csv')],
    [
      'an export file download',
      async () => {
        const manifest = ExportManifest.parse(
          await expectJson(await ciso.post('/api/exports', { format: 'csv' }), 201),
        )
        return ciso.get(`/api/exports/${manifest.id}/file`)
      },
    ],
    ['a HEAD of the SPA', () => fetch(`${server.url}/`, { method: 'HEAD' })],
    ['a HEAD of the API', () => fetch(`${server.url}/api/health`, { method: 'HEAD' })],
  ])('are on %s', async (what, send) => {
    const response = await send()
    await response.arrayBuffer()
    expect(response.status, what).toBeLessThan(500)
    expectSecurityHeaders(response.headers, what)
  })

  it('are on a 413 problem for an oversized body', async () => {
    // On a connection of its own: the server closes it without reading the rest of the body.
    const response = await raw(server.url, '/api/vendors', {
      method: 'POST',
      headers: {
        cookie: procurement.cookie!,
        'x-csrf-token': procurement.csrfToken!,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) }),
    })
    expect(response.status).toBe(413)
    expectSecurityHeaders(response.headers, '413')
  })

  it('are on answers to a method nothing routes (TRACE) and to a bare 404 outside the API', async () => {
    for (const [method, target] of [
      ['TRACE', '/'],
      ['TRACE', '/api/vendors'],
      ['DELETE', '/vendors'],
    ] as const) {
      const response = await raw(server.url, target, { method })
      expect(response.status, `${method} ${target}`).toBe(404)
      expectSecurityHeaders(response.headers, `${method} ${target}`)
    }
  })

  it('marks downloads as attachments and API answers as never cached', async () => {
    const template = await procurement.get('/api/imports/templates/vendors.csv')
    expect(template.headers.get('content-disposition')).toMatch(/^attachment; filename="[\w.-]+"$/)
    expect(template.headers.get('cache-control')).toBe('no-store')
    expect((await procurement.get('/api/vendors?limit=1')).headers.get('cache-control')).toBe('no-store')
  })

  it('sends no Strict-Transport-Security while the app is served over plain HTTP (COOKIE_SECURE unset)', async () => {
    expect((await fetch(`${server.url}/`)).headers.get('strict-transport-security')).toBeNull()
    expect((await fetch(`${server.url}/api/health`)).headers.get('strict-transport-security')).toBeNull()
  })
})

describe('the session cookie and the session', () => {
  async function signIn(url: string, headers: Record<string, string> = {}) {
    return fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ username: 'auditor', password: TEST_PASSWORDS.auditor }),
    })
  }
  const attributes = (cookie: string) => cookie.split(';').map((a) => a.trim().toLowerCase())

  it('is HttpOnly, SameSite=Strict, Path=/, lives as long as the session, and is not Secure by default', async () => {
    const response = await signIn(server.url)
    expect(response.status).toBe(204)
    const cookie = response.headers.get('set-cookie')!
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]{40,};`))
    const flags = attributes(cookie)
    expect(flags).toEqual(
      expect.arrayContaining(['httponly', 'samesite=strict', 'path=/', `max-age=${SESSION_HOURS * 3600}`]),
    )
    expect(flags).not.toContain('secure')
    expect(flags.some((f) => f.startsWith('domain='))).toBe(false)
  })

  it('expires on the server after SESSION_HOURS, whatever the browser keeps', async () => {
    const client = await signedIn(server.url, 'auditor')
    const session = await client.json<{ expiresAt: string }>('/api/session')
    const hours = (Date.parse(session.expiresAt) - Date.now()) / 3600_000
    expect(hours).toBeGreaterThan(SESSION_HOURS - 0.1)
    expect(hours).toBeLessThanOrEqual(SESSION_HOURS)
  })

  it('refuses a session past its expiresAt, for reading and for writing', async () => {
    const client = await signedIn(server.url, 'procurement')
    expect((await client.get('/api/session')).status).toBe(200)
    const token = client.cookie!.slice(`${SESSION_COOKIE}=`.length)
    const db = new Database(path.join(server.dataDir, 'vendor-risk.sqlite'))
    try {
      db.pragma('busy_timeout = 5000')
      const past = new Date(Date.now() - 1000).toISOString()
      const changed = db
        .prepare('UPDATE sessions SET expires_at = ? WHERE id_hash = ?')
        .run(past, hashToken(token))
      expect(changed.changes).toBe(1)
    } finally {
      db.close()
    }
    await expectProblem(await client.get('/api/session'), 401)
    await expectProblem(await client.get('/api/vendors?limit=1'), 401)
    const name = 'Written with an expired session'
    await expectProblem(await client.post('/api/vendors', vendorInput(name)), 401)
    const found = await admin.json<{ total: number }>(`/api/vendors?q=${encodeURIComponent(name)}`)
    expect(found.total).toBe(0)
  })

  it('signs out for good: the old cookie can neither read nor write, and a new sign-in gets a new token', async () => {
    const client = await signedIn(server.url, 'procurement')
    const { cookie, csrfToken } = client
    const response = await client.delete('/api/session')
    expect(response.status).toBe(204)
    expect(attributes(response.headers.get('set-cookie')!)).toEqual(
      expect.arrayContaining([`${SESSION_COOKIE}=`, 'max-age=0', 'path=/']),
    )
    const replay = new ApiClient(server.url)
    replay.cookie = cookie
    replay.csrfToken = csrfToken
    await expectProblem(await replay.get('/api/vendors?limit=1'), 401)
    await expectProblem(await replay.post('/api/vendors', vendorInput('Written after sign-out')), 401)
    const again = await signedIn(server.url, 'procurement')
    expect(again.cookie).not.toBe(cookie)
    expect(again.csrfToken).not.toBe(csrfToken)
  })

  it('ends the sessions of a deleted user, and a new user of the same name does not inherit them', async () => {
    const username = 'security-deleted'
    const password = 'a-long-password-for-tests'
    await expectJson(await admin.post('/api/users', { username, password, role: 'procurement' }), 201)
    const victim = new ApiClient(server.url)
    expect((await victim.signIn(username, password)).status).toBe(204)
    expect((await admin.delete(`/api/users/${username}`)).status).toBe(204)
    await expectProblem(await victim.get('/api/session'), 401)
    await expectJson(await admin.post('/api/users', { username, password, role: 'auditor' }), 201)
    await expectProblem(await victim.get('/api/session'), 401)
  })

  it('ignores a forged or malformed session cookie', async () => {
    for (const cookie of [
      `${SESSION_COOKIE}=`,
      `${SESSION_COOKIE}=not-a-token`,
      `${SESSION_COOKIE}=${'A'.repeat(43)}`,
      `${SESSION_COOKIE}=%00%ff; ${SESSION_COOKIE}=x`,
      `${SESSION_COOKIE}="'; DROP TABLE sessions; --"`,
    ]) {
      const response = await fetch(`${server.url}/api/session`, { headers: { cookie } })
      await expectProblem(response, 401)
    }
    expect((await auditor.get('/api/session')).status).toBe(200)
  })

  it('never hands out password hashes: not in the user list, not in the audit log', async () => {
    const users = await admin.get('/api/users')
    const text = await users.text()
    expect(users.status).toBe(200)
    expect(text).not.toMatch(/passwordHash|password_hash|scrypt\$/)
    const log = await auditor.get('/api/audit-log?limit=500')
    expect(await log.text()).not.toMatch(/passwordHash|password_hash|scrypt\$/)
  })

  describe('with COOKIE_SECURE=1 (behind a TLS-terminating proxy)', () => {
    let secure: ServerProcess
    beforeAll(async () => {
      secure = await startServer({ STATIC_DIR, COOKIE_SECURE: '1' })
    }, 60_000)
    afterAll(async () => {
      await secure?.stop()
    })

    it('marks the cookie Secure and sends Strict-Transport-Security on pages, assets and the API', async () => {
      const response = await signIn(secure.url)
      expect(response.status).toBe(204)
      expect(attributes(response.headers.get('set-cookie')!)).toEqual(
        expect.arrayContaining(['secure', 'httponly', 'samesite=strict', 'path=/']),
      )
      for (const target of ['/', ASSET, '/api/health', '/api/vendors']) {
        const answer = await fetch(`${secure.url}${target}`)
        expect(answer.headers.get('strict-transport-security'), target).toMatch(/^max-age=\d{7,}/)
        expectSecurityHeaders(answer.headers, target)
      }
    })

    it('takes the browser’s https:// Origin for its own host as same-origin, and still refuses others', async () => {
      const host = new URL(secure.url).host
      expect((await signIn(secure.url, { origin: `https://${host}` })).status).toBe(204)
      for (const origin of ['https://evil.example', `http://evil.example`, `https://${host}.evil.example`]) {
        await expectProblem(await signIn(secure.url, { origin }), 403, {
          title: 'Cross-origin request refused',
        })
      }
    })
  })

  it('without COOKIE_SECURE, refuses an https:// Origin: the app does not claim to be served over TLS', async () => {
    const host = new URL(server.url).host
    await expectProblem(await signIn(server.url, { origin: `https://${host}` }), 403, {
      title: 'Cross-origin request refused',
    })
  })
})

describe('static files', () => {
  const forbiddenContent = [
    SECRET,
    'root:x:0:0',
    '"name": "vendor-risk-dashboard"',
    'export function loadConfig',
  ]

  it.each([
    '/../secret.txt',
    '/../package.json',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%2E%2E/%2E%2E/secret.txt',
    '/assets/../../secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/..%2f..%2fpackage.json',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/%252e%252e/secret.txt',
    '/..%252fsecret.txt',
    '/%c0%ae%c0%ae/secret.txt',
    '/%c0%af..%c0%afsecret.txt',
    '/secret.txt%00',
    '/index.html%00.js',
    `${ASSET}%00.html`,
    '//secret.txt',
    '/assets//..//..//secret.txt',
    `/${'../'.repeat(12)}etc/passwd`,
    `/assets/${'..%2f'.repeat(12)}etc%2fpasswd`,
    `/${'%2e%2e/'.repeat(12)}etc/passwd`,
    '/../server/config.ts',
    '/%2e%2e/server/config.ts',
    '/server/config.ts',
    '/%',
    '/%zz',
    '/assets/%E0%A4%A',
  ])('never serve a file outside STATIC_DIR for %s, and never fail', async (target) => {
    const response = await raw(server.url, target)
    expect(response.status, target).toBeLessThan(500)
    for (const content of forbiddenContent) expect(response.body, target).not.toContain(content)
    // What is served is the SPA shell (the client renders its own 404) or a refusal, never some other file.
    if (response.status === 200) expect(response.body, target).toContain(SPA_MARKER)
  })

  it('serves real assets with their type, and answers odd ranges without failing', async () => {
    const asset = await raw(server.url, ASSET)
    expect(asset.status).toBe(200)
    expect(asset.body).toBe(ASSET_BODY)
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/)
    for (const range of [
      'bytes=0-5',
      'bytes=99999-',
      'bytes=5-1',
      'bytes=-0',
      'chars=0-1',
      'bytes=0-1,3-4',
    ]) {
      const answer = await raw(server.url, ASSET, { headers: { range } })
      expect(answer.status, range).toBeLessThan(500)
    }
  })
})

describe('ids of other objects', () => {
  let a: VendorDetailResponse
  let b: VendorDetailResponse
  let incidentOfA: string

  beforeAll(async () => {
    a = await createVendor(procurement, 'Security IDOR vendor A')
    b = await createVendor(procurement, 'Security IDOR vendor B')
    const added = await expectJson<{ incident: { id: string } }>(
      await procurement.post(`/api/vendors/${a.vendor.id}/incidents`, incidentInput({ summary: 'A only' })),
      201,
    )
    incidentOfA = added.incident.id
  })

  it('answers 404 to an incident of vendor A addressed under vendor B, and changes neither vendor', async () => {
    const beforeA = await fetchVendor(procurement, a.vendor.id)
    const beforeB = await fetchVendor(procurement, b.vendor.id)
    await expectProblem(
      await procurement.patch(`/api/vendors/${b.vendor.id}/incidents/${incidentOfA}`, { status: 'resolved' }),
      404,
      { title: 'Incident not found' },
    )
    await expectProblem(
      await procurement.delete(`/api/vendors/${b.vendor.id}/incidents/${incidentOfA}`),
      404,
      {
        title: 'Incident not found',
      },
    )
    const afterA = await fetchVendor(procurement, a.vendor.id)
    const afterB = await fetchVendor(procurement, b.vendor.id)
    expect(afterA.etag).toBe(beforeA.etag)
    expect(afterA.detail.vendor.incidents).toEqual(beforeA.detail.vendor.incidents)
    expect(afterA.detail.vendor.incidents.find((i) => i.id === incidentOfA)?.status).toBe('open')
    expect(afterB.etag).toBe(beforeB.etag)
  })

  it('keeps reviews with the vendor they were recorded for', async () => {
    await expectJson(
      await procurement.post(`/api/vendors/${b.vendor.id}/reviews`, {
        completedAt: today(),
        notes: 'B only',
      }),
      201,
    )
    const ofA = await procurement.json<{ items: { notes: string }[] }>(`/api/vendors/${a.vendor.id}/reviews`)
    expect(ofA.items.map((r) => r.notes)).not.toContain('B only')
  })

  it.each([
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'ven-000000000000',
    '..%2f..%2fvendor-risk.sqlite',
    '%00',
    'x'.repeat(5000),
  ])('answers 404, not 500, to the vendor id %s on every vendor route', async (id) => {
    const base = `/api/vendors/${id}`
    await expectProblem(await procurement.get(base), 404)
    await expectProblem(await procurement.get(`${base}/history`), 404)
    await expectProblem(await procurement.get(`${base}/reviews`), 404)
    await expectProblem(
      await procurement.patch(base, { owner: 'x' }, { headers: { 'if-match': '"1"' } }),
      404,
    )
    await expectProblem(await procurement.post(`${base}/incidents`, incidentInput()), 404)
    await expectProblem(await procurement.delete(`${base}/incidents/${incidentOfA}`), 404)
    await expectProblem(await procurement.post(`${base}/score-preview`, {}), 404)
  })

  it('lets only exports:read roles fetch an export by id, and answers 404 to guessed or crafted ids', async () => {
    const manifest = ExportManifest.parse(
      await expectJson(await ciso.post('/api/exports', { format: 'csv' }), 201),
    )
    for (const target of [`/api/exports/${manifest.id}`, `/api/exports/${manifest.id}/file`]) {
      await expectProblem(await anonymous.get(target), 401)
      await expectProblem(await procurement.get(target), 403, { title: 'Not allowed for your role' })
      expect((await auditor.get(target)).status).toBe(200)
    }
    for (const id of [
      'exp-0000000000000000',
      // one hex digit off the real id (never the real id itself)
      `${manifest.id.slice(0, -1)}${manifest.id.endsWith('0') ? '1' : '0'}`,
      '..%2f..%2fvendor-risk.sqlite',
      '..%2fexports%2f' + manifest.id,
      '__proto__',
    ]) {
      await expectProblem(await auditor.get(`/api/exports/${id}`), 404)
      await expectProblem(await auditor.get(`/api/exports/${id}/file`), 404)
    }
  })

  it('keeps user management to admins, including a user changing their own role', async () => {
    await expectProblem(await procurement.get('/api/users'), 403)
    await expectProblem(await procurement.patch('/api/users/procurement', { role: 'admin' }), 403)
    await expectProblem(await ciso.patch('/api/users/admin', { password: 'taken-over-password' }), 403)
    await expectProblem(await auditor.delete('/api/users/admin'), 403)
    expect(await procurement.json('/api/session')).toMatchObject({ role: 'procurement' })
    await expectProblem(await admin.patch('/api/users/__proto__', { role: 'admin' }), 404)
  })
})

describe('method confusion', () => {
  it('answers HEAD without a body and with the same access rules as GET', async () => {
    const anon = await raw(server.url, '/api/vendors', { method: 'HEAD' })
    expect(anon.status).toBe(401)
    expect(anon.body).toBe('')
    const manifest = ExportManifest.parse(
      await expectJson(await ciso.post('/api/exports', { format: 'csv' }), 201),
    )
    const head = await procurement.request('HEAD', `/api/exports/${manifest.id}/file`)
    expect(head.status).toBe(403)
    expect(await head.text()).toBe('')
  })

  it('answers OPTIONS with no CORS grant and TRACE without echoing the request', async () => {
    const cookie = procurement.cookie!
    for (const method of ['OPTIONS', 'TRACE']) {
      const response = await raw(server.url, '/api/vendors', {
        method,
        headers: {
          cookie,
          origin: 'http://evil.example',
          'access-control-request-method': 'DELETE',
          'x-echo-probe': 'echo-probe-value',
        },
      })
      expect(response.status, method).toBe(404)
      expect(response.headers['access-control-allow-origin'], method).toBeUndefined()
      expect(response.headers['access-control-allow-methods'], method).toBeUndefined()
      expect(response.body, method).not.toContain('echo-probe-value')
      expect(response.body, method).not.toContain(cookie.split('=')[1]!)
    }
  })

  it('ignores method-override headers and parameters: a POST never becomes a DELETE', async () => {
    const { vendor } = await createVendor(procurement, 'Security method override target')
    const response = await procurement.post(`/api/vendors/${vendor.id}?_method=DELETE`, undefined, {
      headers: {
        'x-http-method-override': 'DELETE',
        'x-http-method': 'DELETE',
        'x-method-override': 'DELETE',
      },
    })
    expect(response.status).toBe(404)
    expect((await fetchVendor(procurement, vendor.id)).detail.vendor.status).toBe('active')
  })

  it('answers unknown methods on any path without failing', async () => {
    for (const method of ['PROPFIND', 'MKCOL', 'LOCK', 'PURGE']) {
      for (const target of ['/', '/api/vendors', ASSET]) {
        const response = await raw(server.url, target, { method })
        expect(response.status, `${method} ${target}`).toBeGreaterThanOrEqual(400)
        expect(response.status, `${method} ${target}`).toBeLessThan(500)
      }
    }
  })
})

describe('prototype pollution payloads', () => {
  /** Optional fields a polluted Object.prototype would fill in on every vendor the server reads afterwards. */
  const POLLUTION = {
    description: 'polluted description',
    website: 'https://polluted.example',
    contractEnd: '2031-01-01',
    lastAssessedAt: '2020-01-01',
    isAdmin: true,
    role: 'admin',
  }
  const payload = JSON.stringify(POLLUTION)
  const post = (client: ApiClient, target: string, body: string, headers: Record<string, string> = {}) =>
    client.request('POST', target, { body, headers: { 'content-type': 'application/json', ...headers } })

  it('creates a vendor carrying __proto__ and constructor.prototype keys without any of their content', async () => {
    const body = JSON.stringify(vendorInput('Security proto vendor'))
      .replace('{', `{"__proto__":${payload},"constructor":{"prototype":${payload}},`)
      .replace('"access":{', `"access":{"__proto__":{"records":999999999},`)
      .replace('"controls":{', `"controls":{"__proto__":${payload},`)
    const created = VendorDetailResponse.parse(
      await expectJson(await post(procurement, '/api/vendors', body), 201),
    )
    expect(created.vendor).not.toHaveProperty('isAdmin')
    expect(created.vendor.description).toBe('Created by an API test.')
    expect(created.vendor.access.records).toBe(250_000)
    expect(created.vendor.controls).not.toHaveProperty('role')
  })

  it('refuses __proto__ as a top-level patch field, and ignores it inside access', async () => {
    const { vendor } = await createVendor(procurement, 'Security proto patch target')
    const before = await fetchVendor(procurement, vendor.id)
    const send = (body: string) =>
      procurement.request('PATCH', `/api/vendors/${vendor.id}`, {
        body,
        headers: { 'content-type': 'application/json', 'if-match': before.etag },
      })
    await expectProblem(await send(`{"__proto__":{"owner":"polluted"}}`), 422, { paths: ['__proto__'] })
    for (const body of [
      `{"access":{"__proto__":{"records":777}}}`,
      `{"access":{"constructor":{"prototype":{"records":777}}}}`,
      `{"controls":{"__proto__":{"mfa":false}}}`,
    ]) {
      const response = await send(body)
      expect(response.status, body).toBeLessThan(500)
      await response.arrayBuffer()
    }
    const after = await fetchVendor(procurement, vendor.id)
    expect(after.detail.vendor).toEqual(before.detail.vendor)
  })

  const newVendorPath = async (label: string, route: string) =>
    `/api/vendors/${(await createVendor(procurement, `Security proto ${label}`)).vendor.id}/${route}`

  it.each<[string, () => ApiClient, () => Promise<string> | string, string]>([
    [
      'a new user',
      () => admin,
      () => '/api/users',
      '{"username":"security-proto","password":"a-long-password-1","role":"auditor","__proto__":{"role":"admin"}}',
    ],
    [
      'a sign-in',
      () => anonymous,
      () => '/api/session',
      '{"username":"auditor","password":"x","__proto__":{"username":"admin"}}',
    ],
    [
      'a review',
      () => procurement,
      () => newVendorPath('review', 'reviews'),
      `{"completedAt":"${today()}","__proto__":{"notes":"polluted"}}`,
    ],
  ])('refuses __proto__ in %s with 422 naming it', async (_label, client, target, body) => {
    await expectProblem(await post(client(), await target(), body), 422, { paths: ['__proto__'] })
  })

  it('drops __proto__ from a new incident, keeping what was sent', async () => {
    const target = await newVendorPath('incident', 'incidents')
    const body = JSON.stringify(incidentInput()).replace(
      '{',
      `{"__proto__":{"severity":"low","id":"inc-chosen"},`,
    )
    const { incident } = await expectJson<{ incident: { id: string; severity: string } }>(
      await post(procurement, target, body),
      201,
    )
    expect(incident.severity).toBe('critical')
    expect(incident.id).not.toBe('inc-chosen')
  })

  it('leaves no trace on Object.prototype: a vendor created afterwards has none of the polluted fields', async () => {
    const { description: _d, website: _w, ...bare } = vendorInput('Security after pollution')
    const created = await expectJson<VendorDetailResponse>(await procurement.post('/api/vendors', bare), 201)
    const body = await procurement.json<VendorDetailResponse>(`/api/vendors/${created.vendor.id}`)
    for (const field of ['description', 'website', 'contractEnd', 'isAdmin', 'role']) {
      expect(body.vendor, field).not.toHaveProperty(field)
    }
    expect(body.vendor.controls.lastAssessedAt).not.toBe(POLLUTION.lastAssessedAt)
    expect(await auditor.json('/api/session')).toMatchObject({ role: 'auditor' })
    const users = await admin.json<{ items: { username: string }[] }>('/api/users')
    expect(users.items.map((u) => u.username)).not.toContain('security-proto')
  })
})

describe('oversized requests', () => {
  it('answers 431 to a request line or headers beyond 16 KB, and stays up', async () => {
    const long = 'a'.repeat(20_000)
    expect(
      (await fetch(`${server.url}/api/vendors?q=${long}`, { headers: { cookie: auditor.cookie! } })).status,
    ).toBe(431)
    expect((await fetch(`${server.url}/api/health`, { headers: { 'x-padding': long } })).status).toBe(431)
    expect((await fetch(`${server.url}/api/health`, { headers: { cookie: `x=${long}` } })).status).toBe(431)
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  })

  it('answers 400 naming the parameter to a query value over its limit, and to a thousand repeated parameters', async () => {
    await expectProblem(await auditor.get(`/api/vendors?q=${'a'.repeat(10_000)}`), 400, { paths: ['q'] })
    const repeated = Array.from({ length: 1000 }, () => 'tier=high').join('&')
    const response = await auditor.get(`/api/vendors?${repeated}`)
    expect(response.status).toBeLessThan(500)
    await response.arrayBuffer()
  })

  it('refuses an import body over 20 MB with 413 before reading it', async () => {
    const response = await procurement.request('POST', '/api/imports?dryRun=1&filename=big.csv', {
      body: new Uint8Array(21 * 1024 * 1024),
      headers: { 'content-type': 'text/csv' },
    })
    await expectProblem(response, 413, { title: 'Request body too large' })
  })
})

/** `size` bytes of spaces, deflated without ever holding them in memory at once. */
async function deflatedBlanks(size: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 })
  const chunks: Buffer[] = []
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise((resolve) => deflate.on('end', resolve))
  const block = Buffer.alloc(1024 * 1024, 0x20)
  for (let written = 0; written < size; written += block.length) {
    if (!deflate.write(block.subarray(0, Math.min(block.length, size - written)))) {
      await new Promise((resolve) => deflate.once('drain', resolve))
    }
  }
  deflate.end()
  await done
  return Buffer.concat(chunks)
}

describe('zip bombs sent as XLSX imports', () => {
  const upload = (bytes: Buffer) =>
    procurement.request('POST', '/api/imports?dryRun=1&filename=bomb.xlsx', {
      body: new Uint8Array(bytes),
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    })
  const sheet = 'xl/worksheets/sheet1.xml'

  it('refuses a workbook that unpacks past the limit, whether its directory tells the truth or lies', async () => {
    const size = MAX_XLSX_UNPACKED_BYTES + 1024 * 1024
    const packed = await deflatedBlanks(size)
    expect(packed.length).toBeLessThan(1024 * 1024)
    const tenMb = await deflatedBlanks(10 * 1024 * 1024)
    for (const [label, bomb] of [
      ['honest sizes', zipOf([{ name: sheet, packed, size }])],
      ['sizes that lie', zipOf([{ name: sheet, packed, size: 1000 }])],
      [
        'bytes prepended',
        zipOf([{ name: sheet, packed, size: 1000 }], Buffer.from('junk before the archive')),
      ],
      [
        'many parts that each stay under the limit',
        zipOf(Array.from({ length: 20 }, (_, i) => ({ name: `xl/part${i}.xml`, packed: tenMb, size: 1000 }))),
      ],
    ] as const) {
      const started = Date.now()
      await expectProblem(await upload(bomb), 422, { title: 'Cannot import this file', paths: ['file'] })
      expect(Date.now() - started, label).toBeLessThan(10_000)
    }
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  })

  it('refuses a ZIP64 workbook, which the guard does not walk', async () => {
    const bomb = zipOf([{ name: sheet, packed: deflateRawSync(Buffer.from('<x/>')), size: 0xffffffff }])
    await expectProblem(await upload(bomb), 422, { paths: ['file'] })
  })
})

describe('formula injection in exports', () => {
  /** Each payload once as a vendor name, and in the category, owner and sub-processor columns of its row. */
  const PAYLOADS = [
    '=HYPERLINK("http://evil","x")',
    '+1',
    '-1',
    '@SUM(1)',
    '\t=1 tab',
    '\r=1 cr',
    "=cmd|' /C calc'!A0",
  ]
  const ids = new Map<string, string>()

  beforeAll(async () => {
    for (const [i, payload] of PAYLOADS.entries()) {
      const { vendor } = await createVendor(procurement, payload, {
        category: `=${i}+category`,
        owner: `@owner${i}`,
        access: { ...vendorInput('x').access, fourthParties: [`+sub${i}`, `-sub${i}`] },
      })
      // Names are trimmed on the way in: a leading tab or carriage return never reaches an export.
      expect(vendor.name).toBe(payload.trim())
      ids.set(vendor.id, vendor.name)
    }
  })

  async function exportFile(format: 'csv' | 'xlsx') {
    const manifest = ExportManifest.parse(
      await expectJson(await auditor.post('/api/exports', { format }), 201),
    )
    expect(manifest.status).toBe('done')
    const response = await auditor.get(`/api/exports/${manifest.id}/file`)
    expect(response.status).toBe(200)
    expectSecurityHeaders(response.headers, `${format} export`)
    return Buffer.from(await response.arrayBuffer())
  }

  it('starts every such CSV cell with an apostrophe', async () => {
    const text = (await exportFile('csv')).toString('utf8').replace(/^\uFEFF/, '')
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data
    let seen = 0
    for (const row of rows) {
      const name = ids.get(row.vendor_id!)
      if (name === undefined) continue
      seen += 1
      expect(row.name).toBe(`'${name}`)
      expect(row.category).toMatch(/^'=\d\+category$/)
      expect(row.owner).toMatch(/^'@owner\d$/)
      expect(row.fourth_parties).toMatch(/^'/)
    }
    expect(seen).toBe(PAYLOADS.length)
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (/^-?\d+(\.\d+)?$/.test(value)) continue
        expect(value, `${row.vendor_id} ${column}`).not.toMatch(/^\s*[=+\-@\t\r]/)
      }
    }
  })

  it('writes every such XLSX cell as a string with an apostrophe, never as a formula', async () => {
    const { default: ExcelJS } = await import('exceljs')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(
      (await exportFile('xlsx')) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    )
    let seen = 0
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula)
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^\s*[=+\-@\t\r]/)
        })
        const name = ids.get(String(row.getCell(1).value))
        if (sheet.name !== 'Register' || name === undefined) return
        seen += 1
        expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String)
        expect(row.getCell(2).value).toBe(`'${name}`)
      }),
    )
    expect(seen).toBe(PAYLOADS.length)
  })

  it('neutralises the same text in the audit-log CSV export', async () => {
    const [id] = [...ids.keys()]
    const response = await auditor.get(`/api/audit-log/export?format=csv&entityType=vendor&entityId=${id}`)
    expect(response.status).toBe(200)
    const text = Buffer.from(await response.arrayBuffer())
      .toString('utf8')
      .replace(/^\uFEFF/, '')
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data
    expect(rows.length).toBeGreaterThan(1)
    for (const row of rows) {
      for (const value of row) {
        if (/^-?\d+(\.\d+)?$/.test(value)) continue
        expect(value).not.toMatch(/^\s*[=+\-@\t\r]/)
      }
    }
  })

  it('refuses formulas in an imported CSV rather than storing them', async () => {
    const header = IMPORT_COLUMNS.vendors.required
    const cells: Record<string, string> = {
      name: '=HYPERLINK("http://evil","x")',
      category: '@SUM(1)',
      owner: '+1',
      status: 'active',
      data_classes: 'pii',
      records: '10',
      data_location: 'none',
      network_access: 'none',
      criticality: 'low',
      fourth_parties: '-1',
      certifications: '',
      mfa: 'yes',
      encryption_at_rest: 'yes',
      last_assessed_at: '',
    }
    const quoted = (v: string) => `"${v.replaceAll('"', '""')}"`
    const csv = `${header.join(',')}\n${header.map((c) => quoted(cells[c] ?? '')).join(',')}\n`
    const response = await procurement.request('POST', '/api/imports?dryRun=1&filename=formula.csv', {
      body: csv,
      headers: { 'content-type': 'text/csv' },
    })
    const report = await expectJson<{ counts: { error: number }; rows: { errors: { column: string }[] }[] }>(
      response,
      200,
    )
    expect(report.counts.error).toBe(1)
    expect(report.rows[0]!.errors.map((e) => e.column)).toEqual(
      expect.arrayContaining(['name', 'category', 'owner', 'fourth_parties']),
    )
  })
})

describe('after the sweep', () => {
  it('still verifies its audit chain', async () => {
    expect(await auditor.json('/api/audit-log/verify')).toMatchObject({ ok: true })
  })

  it('never answered with a 5xx: the server logged no error', () => {
    expect(server.output()).not.toContain('[error]')
  })
})
