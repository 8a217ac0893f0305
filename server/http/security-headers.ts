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
  const headers: Record<string, string> = {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    ...(hsts && { 'Strict-Transport-Security': HSTS }),
  }
  return withHeaders(headers)
}

/**
 * Sets `headers` on every response. They are set before the handler runs, so `c.json()` and friends build the
 * response with them at no cost; a handler that returns a Response of its own (or an error handler) drops
 * them, and only then are they set again afterwards, which copies that response once per header.
 */
export function withHeaders(headers: Record<string, string>): MiddlewareHandler {
  const entries = Object.entries(headers)
  const [probeName, probeValue] = entries[0]!
  return async (c, next) => {
    for (const [name, value] of entries) c.header(name, value)
    await next()
    if (c.res.headers.get(probeName) !== probeValue)
      for (const [name, value] of entries) c.header(name, value)
  }
}
