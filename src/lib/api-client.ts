/** fetch for the JSON API: parses responses with the shared zod schemas and turns problem details into ApiError. */
import type { z } from 'zod'
import { Problem } from '../domain'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title)
    this.name = 'ApiError'
  }
}

async function problemFrom(response: Response): Promise<Problem> {
  const fallback: Problem = { title: response.statusText || 'Request failed', status: response.status }
  try {
    const parsed = Problem.safeParse(await response.json())
    return parsed.success ? parsed.data : fallback
  } catch {
    return fallback
  }
}

export async function getJson<S extends z.ZodType>(
  url: string,
  schema: S,
  init?: RequestInit,
): Promise<z.infer<S>> {
  const response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init?.headers } })
  if (!response.ok) throw new ApiError(response.status, await problemFrom(response))
  const parsed = schema.safeParse(await response.json())
  if (!parsed.success) {
    throw new ApiError(response.status, {
      title: 'Unexpected response from the server',
      status: response.status,
      detail: `${url} answered in a shape this app does not understand: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
    })
  }
  return parsed.data
}

/** The session's CSRF token, sent on every state-changing request; set when the session is loaded. */
let csrfToken: string | null = null
export function setCsrfToken(token: string | null) {
  csrfToken = token
}

/** POST/PUT/PATCH/DELETE with a JSON body; parses the answer with `schema`, or expects no content when it is null. */
export async function sendJson<S extends z.ZodType>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body: unknown,
  schema: S | null,
  headers: Record<string, string> = {},
): Promise<S extends z.ZodType ? z.infer<S> : void> {
  const response = await fetch(url, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body !== undefined && { 'Content-Type': 'application/json' }),
      ...(csrfToken !== null && { 'X-CSRF-Token': csrfToken }),
      ...headers,
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  if (!response.ok) throw new ApiError(response.status, await problemFrom(response))
  if (schema === null) return undefined as never
  const parsed = schema.safeParse(await response.json())
  if (!parsed.success) {
    throw new ApiError(response.status, {
      title: 'Unexpected response from the server',
      status: response.status,
      detail: `${url} answered in a shape this app does not understand`,
    })
  }
  return parsed.data as never
}
