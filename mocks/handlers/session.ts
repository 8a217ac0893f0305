/** msw handlers for sign-in, mirroring POST/GET/DELETE /api/session of the real server. */
import { http, HttpResponse } from 'msw'
import { ROLE_NAMES, type Problem, type RoleName, type SessionResponse } from '../../src/domain'

/** Every mocked account has this password (the offline demo says so on its sign-in page). */
export const MOCK_PASSWORD = 'demo-password-123'

/** The session's CSRF token; handlers of state-changing requests may check it, as the server does. */
export const MOCK_CSRF_TOKEN = 'mock-csrf-token'

let current: RoleName | null = 'procurement'

/** Who is signed in to the mock, for handlers that record who did something. */
export const currentMockUser = () => current

/** Sets who is signed in for the next requests; null signs everybody out. */
export function setMockSession(role: RoleName | null) {
  current = role
}

const unauthorized = (detail: string) =>
  HttpResponse.json({ title: 'Not signed in', status: 401, detail } satisfies Problem, {
    status: 401,
    headers: { 'Content-Type': 'application/problem+json' },
  })

export const sessionHandlers = [
  http.get('/api/session', () =>
    current === null
      ? unauthorized('Sign in with POST /api/session.')
      : HttpResponse.json({
          username: current,
          role: current,
          csrfToken: MOCK_CSRF_TOKEN,
          expiresAt: '2099-01-01T00:00:00.000Z',
        } satisfies SessionResponse),
  ),
  http.post('/api/session', async ({ request }) => {
    const body = (await request.json()) as { username?: string; password?: string }
    const role = ROLE_NAMES.find((r) => r === body.username)
    if (!role || body.password !== MOCK_PASSWORD) {
      return HttpResponse.json(
        {
          title: 'Wrong username or password',
          status: 401,
          detail: 'Check both and try again.',
        } satisfies Problem,
        { status: 401, headers: { 'Content-Type': 'application/problem+json' } },
      )
    }
    current = role
    return new HttpResponse(null, { status: 204 })
  }),
  http.delete('/api/session', () => {
    current = null
    return new HttpResponse(null, { status: 204 })
  }),
]
