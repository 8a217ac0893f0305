/** The problem responses the mock handlers answer with, shaped as the server's (server/app.ts, its middleware). */
import { HttpResponse } from 'msw'
import type { z } from 'zod'
import { can, forbidden, issuesToErrors, type Permission, type Problem } from '../../src/domain'
import { currentMockUser, MOCK_CSRF_TOKEN } from './session'

/** An RFC 9457 problem about this request, as application/problem+json. */
export function problem(
  request: Request,
  status: number,
  title: string,
  detail: string,
  extra: Partial<Problem> = {},
) {
  return HttpResponse.json(
    {
      type: 'about:blank',
      title,
      status,
      detail,
      instance: new URL(request.url).pathname,
      ...extra,
    } satisfies Problem,
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  )
}

/** A query or body the schema refused, as the server words it: every issue in `errors`, and all of them in `detail`. */
export function invalid(request: Request, status: 400 | 422, title: string, error: z.ZodError) {
  const errors = issuesToErrors(error)
  return problem(request, status, title, errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors })
}

/** 401, the CSRF 403 for unsafe methods, or the role's 403, as the server's middleware answers; null to go on. */
export function refused(request: Request, permission: Permission): Response | null {
  const role = currentMockUser()
  if (role === null) return problem(request, 401, 'Sign in required', 'Sign in to use the API.')
  if (request.method !== 'GET' && request.headers.get('X-CSRF-Token') !== MOCK_CSRF_TOKEN) {
    return problem(
      request,
      403,
      'Missing or wrong CSRF token',
      'Send the csrfToken from GET /api/session in the X-CSRF-Token header.',
    )
  }
  if (can(role, permission)) return null
  const { title, detail } = forbidden(role, permission)
  return problem(request, 403, title, detail)
}
