/** RFC 9457 problem details: every error the API returns says what went wrong and where. */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Problem } from '../../src/domain'

export class HttpProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: Problem['errors'],
    /** Extension members (RFC 9457 §3.2), e.g. the current version on a 412. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title)
  }
}

export function problemResponse(
  c: Context,
  problem: Omit<Problem, 'instance'> & Record<string, unknown>,
): Response {
  const body: Problem = { type: 'about:blank', instance: c.req.path, ...problem }
  return c.body(JSON.stringify(body), problem.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json',
  })
}

/** zod issues as `{path, message}` with dotted paths (`access.records`, `incidents.0.kind`). */
export { issuesToErrors } from '../../src/domain'
