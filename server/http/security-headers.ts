/** Headers that keep the SPA and API from being framed, sniffed or leaking referrers. */
import type { MiddlewareHandler } from 'hono'

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** A year, without includeSubDomains or preload: other hosts under the same domain are not ours to commit. */
const HSTS = 'max-age=31536000'

/**
 * `hsts`: browsers reach the app over HTTPS only (COOKIE_SECURE=1, behind a TLS terminator). Strict-Transport-
 * Security on a plain-HTTP deployment would lock browsers out of it, so it is sent only then.
 */
export function securityHeaders({ hsts = false } = {}): MiddlewareHandler {
  return async (c, next) => {
    await next()
    c.header('Content-Security-Policy', CSP)
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
    c.header('X-Frame-Options', 'DENY')
    c.header('Cross-Origin-Opener-Policy', 'same-origin')
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
    if (hsts) c.header('Strict-Transport-Security', HSTS)
  }
}
