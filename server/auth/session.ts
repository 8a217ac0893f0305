/**
 * Cookie sessions: an opaque random token in an HttpOnly, SameSite=Strict cookie; the database keeps only its
 * SHA-256. State-changing requests must come from our own origin and carry the session's CSRF token.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Store } from '../db/store'
import type { AppEnv } from '../http/app-env'
import { HttpProblem } from '../http/problem'
import { forbidden } from '../../src/domain'
import { can, type Permission } from './permissions'

export const SESSION_COOKIE = 'vr_session'
export const CSRF_HEADER = 'x-csrf-token'
export const SESSION_HOURS = 12
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
export const newToken = () => randomBytes(32).toString('base64url')

export function setSessionCookie(c: Context, token: string, secure: boolean) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure,
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  })
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
}

export function sessionMiddleware(store: Store, now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null)
    c.set('session', null)
    const token = getCookie(c, SESSION_COOKIE)
    if (token) {
      const session = await store.getSession(hashToken(token))
      if (session && session.expiresAt > now().toISOString()) {
        const user = await store.getUser(session.username)
        if (user && !user.disabled) {
          const { passwordHash: _hash, ...publicUser } = user
          c.set('user', publicUser)
          c.set('session', session)
        }
      }
    }
    await next()
  }
}

/**
 * Same-origin check for every unsafe request, plus the CSRF token for those that a session authenticates.
 * `secure` (COOKIE_SECURE=1) means browsers reach us over HTTPS through a TLS-terminating proxy: the request
 * arrives as http://host, but the browser's Origin is https://host, which is then our own origin too.
 */
export function csrfProtection({ secure = false } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header('origin')
      const url = new URL(c.req.url)
      const own = secure ? [url.origin, `https://${url.host}`] : [url.origin]
      if (origin !== undefined && !own.includes(origin)) {
        throw new HttpProblem(
          403,
          'Cross-origin request refused',
          `Requests from ${origin} may not change data here.`,
        )
      }
      if (c.req.header('sec-fetch-site') === 'cross-site') {
        throw new HttpProblem(403, 'Cross-site request refused', 'This request came from another site.')
      }
      const session = c.get('session')
      if (session && c.req.header(CSRF_HEADER) !== session.csrfToken) {
        throw new HttpProblem(
          403,
          'Missing or wrong CSRF token',
          `Send the csrfToken from GET /api/session in the ${CSRF_HEADER} header.`,
        )
      }
    }
    await next()
  }
}

/** 401 without a session; 403 saying which roles may, when the user's role may not. */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user')
    if (!user) throw new HttpProblem(401, 'Sign in required', 'Sign in to use the API.')
    if (!can(user.role, permission)) {
      const { title, detail } = forbidden(user.role, permission)
      throw new HttpProblem(403, title, detail)
    }
    await next()
  }
}
