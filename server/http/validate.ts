/** Request parsing with the shared zod schemas: bad input becomes a 400/422 problem that names each field. */
import type { Context } from 'hono'
import type { z } from 'zod'
import { HttpProblem, issuesToErrors } from './problem'

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new HttpProblem(415, 'Unsupported media type', 'Send the body as application/json.')
  }
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw new HttpProblem(400, 'Malformed JSON', 'The request body is not valid JSON.')
  }
  return parseWith(schema, body, 'Invalid request body')
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  title: string,
  status: 400 | 422 = 422,
) {
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const errors = issuesToErrors(parsed.error)
    throw new HttpProblem(status, title, errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors)
  }
  return parsed.data as z.infer<S>
}

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return parseWith(schema, c.req.query(), 'Invalid query parameter', 400)
}
