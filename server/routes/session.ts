import { getConnInfo } from '@hono/node-server/conninfo'
import { Hono } from 'hono'
import type { RateLimiter } from '../auth/rate-limit'
import { clearSessionCookie, setSessionCookie } from '../auth/session'
import type { AppEnv } from '../http/app-env'
import { HttpProblem } from '../http/problem'
import { readJson } from '../http/validate'
import { SignInInput, type UserService } from '../services/user-service'

export interface SignInLimits {
  /** Failed sign-ins per username: a password guesser is stopped after a few tries. */
  perUser: RateLimiter
  /** Failed sign-ins per client address, looser, so one client cannot lock every account out. */
  perClient: RateLimiter
}

export function sessionRoutes(users: UserService, limits: SignInLimits, options: { secureCookies: boolean }) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const input = await readJson(c, SignInInput)
      // The socket's address, not X-Forwarded-For, which any client can set.
      const client = getConnInfo(c).remote.address ?? 'unknown'
      const checks = [
        { limiter: limits.perUser, key: input.username.toLowerCase() },
        { limiter: limits.perClient, key: client },
      ]
      const wait = Math.max(...checks.map(({ limiter, key }) => limiter.blockedFor(key)))
      if (wait > 0) {
        c.header('Retry-After', String(wait))
        throw new HttpProblem(
          429,
          'Too many failed sign-ins',
          `Try again in ${Math.ceil(wait / 60)} minutes.`,
        )
      }
      const result = await users.signIn(input.username, input.password)
      if (!result) {
        checks.forEach(({ limiter, key }) => limiter.fail(key))
        throw new HttpProblem(401, 'Wrong username or password', 'Check both and try again.')
      }
      limits.perUser.succeed(input.username.toLowerCase())
      setSessionCookie(c, result.token, options.secureCookies)
      return c.body(null, 204)
    })
    .get('/', (c) => {
      const user = c.get('user')
      const session = c.get('session')
      if (!user || !session) throw new HttpProblem(401, 'Not signed in', 'Sign in with POST /api/session.')
      return c.json({
        username: user.username,
        role: user.role,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
      })
    })
    .delete('/', async (c) => {
      const session = c.get('session')
      if (session) await users.signOut(session.idHash)
      clearSessionCookie(c)
      return c.body(null, 204)
    })
}
