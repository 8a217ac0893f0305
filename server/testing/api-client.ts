/** A small HTTP client for API tests: keeps the session cookie and sends the CSRF token like the SPA does. */
import { TEST_PASSWORDS, type TestRole } from './server-process'

export interface RequestOptions {
  json?: unknown
  body?: BodyInit
  headers?: Record<string, string>
}

export class ApiClient {
  cookie: string | null = null
  csrfToken: string | null = null

  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers }
    if (this.cookie) headers.cookie = this.cookie
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken
    let body = options.body
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json'
      body = JSON.stringify(options.json)
    }
    return fetch(`${this.baseUrl}${path}`, { method, headers, ...(body !== undefined && { body }) })
  }

  get = (path: string, options?: RequestOptions) => this.request('GET', path, options)
  post = (path: string, json?: unknown, options?: RequestOptions) =>
    this.request('POST', path, { ...options, json })
  put = (path: string, json?: unknown, options?: RequestOptions) =>
    this.request('PUT', path, { ...options, json })
  patch = (path: string, json?: unknown, options?: RequestOptions) =>
    this.request('PATCH', path, { ...options, json })
  delete = (path: string, options?: RequestOptions) => this.request('DELETE', path, options)

  /** GET and parse JSON, failing loudly on anything but 2xx. */
  async json<T = unknown>(path: string): Promise<T> {
    const response = await this.get(path)
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as T
  }

  async signIn(username: string, password: string): Promise<Response> {
    const response = await this.post('/api/session', { username, password })
    const cookie = response.headers.get('set-cookie')
    if (response.status === 204 && cookie) {
      this.cookie = cookie.split(';')[0]!
      const session = (await (await this.get('/api/session')).json()) as { csrfToken: string }
      this.csrfToken = session.csrfToken
    }
    return response
  }
}

/** A client signed in as one of the seeded accounts. */
export async function signedIn(baseUrl: string, role: TestRole): Promise<ApiClient> {
  const client = new ApiClient(baseUrl)
  const response = await client.signIn(role, TEST_PASSWORDS[role])
  if (response.status !== 204)
    throw new Error(`sign-in as ${role} answered ${response.status}: ${await response.text()}`)
  return client
}

/** Clients signed in as each of these seeded accounts, in parallel, in the order given. */
export function signedInAs<const Roles extends readonly TestRole[]>(
  baseUrl: string,
  ...roles: Roles
): Promise<{ -readonly [K in keyof Roles]: ApiClient }> {
  return Promise.all(roles.map((role) => signedIn(baseUrl, role))) as Promise<{
    -readonly [K in keyof Roles]: ApiClient
  }>
}
