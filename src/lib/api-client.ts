/** fetch for the JSON API: parses responses with the shared zod schemas and turns problem details into ApiError. */
import type { z } from 'zod'
import { Problem } from '../domain'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    /** The problem's extension members (RFC 9457 §3.2), e.g. the report of an import that was not applied. */
    readonly extensions: Readonly<Record<string, unknown>> = {},
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

/** An ApiError from a problem document already read, keeping its extension members. */
function apiErrorFrom(status: number, statusText: string, body: unknown): ApiError {
  const parsed = Problem.safeParse(body)
  if (!parsed.success) return new ApiError(status, { title: statusText || 'Request failed', status })
  const standard = new Set(Object.keys(Problem.shape))
  const extensions = Object.fromEntries(
    Object.entries(body as Record<string, unknown>).filter(([name]) => !standard.has(name)),
  )
  return new ApiError(status, parsed.data, extensions)
}

export interface UploadOptions {
  /** Bytes sent so far, of `total`. */
  onProgress?: (progress: { loaded: number; total: number }) => void
  /** The last byte is sent: from here on the server is working on its answer. */
  onUploaded?: () => void
  signal?: AbortSignal
}

/**
 * POSTs a file as the raw request body (its name goes in the URL) with the CSRF token, and parses the answer with
 * `schema`. XMLHttpRequest rather than fetch, because fetch reports no upload progress and an upload may be 20 MB.
 * Problems become ApiError, as with sendJson; a network failure is a TypeError, as fetch's is.
 */
export function uploadFile<S extends z.ZodType>(
  url: string,
  file: File,
  schema: S,
  { onProgress, onUploaded, signal }: UploadOptions = {},
): Promise<z.infer<S>> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream')
    if (csrfToken !== null) xhr.setRequestHeader('X-CSRF-Token', csrfToken)
    // Upload listeners must be in place before send(), or browsers never fire them.
    xhr.upload.addEventListener('progress', (event) =>
      onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size }),
    )
    xhr.upload.addEventListener('load', () => onUploaded?.())
    xhr.addEventListener('load', () => {
      let body: unknown = null
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        // Not JSON (a proxy's error page): the status alone has to do.
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(apiErrorFrom(xhr.status, xhr.statusText, body))
        return
      }
      const parsed = schema.safeParse(body)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        reject(
          new ApiError(xhr.status, {
            title: 'Unexpected response from the server',
            status: xhr.status,
            detail: `${url} answered in a shape this app does not understand: ${issue?.path.join('.')} ${issue?.message}`,
          }),
        )
        return
      }
      resolve(parsed.data)
    })
    xhr.addEventListener('error', () =>
      reject(
        new TypeError('The upload stopped before the server answered. Check the connection and try again.'),
      ),
    )
    xhr.addEventListener('abort', () =>
      reject(signal?.reason ?? new DOMException('The upload was cancelled', 'AbortError')),
    )
    signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(file)
  })
}
