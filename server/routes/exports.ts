/**
 * POST /api/exports and friends: auditor exports with integrity manifests, and the restore of a full JSON export
 * into an empty database. Files are sent with `Content-Disposition` and an RFC 9530 `Repr-Digest`.
 */
import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { EXPORT_MEDIA_TYPES, ExportListQuery, ExportRequest, type ExportManifest } from '../../src/domain'
import { requirePermission } from '../auth/session'
import { reprDigest } from '../exports/export-file'
import type { AppEnv } from '../http/app-env'
import { HttpProblem } from '../http/problem'
import { readJson, readQuery } from '../http/validate'
import type { ExportService } from '../services/export-service'

const RestoreQuery = z.object({
  /** The SHA-256 (hex) from the export's manifest: the restore refuses a file that hashes otherwise. */
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'A SHA-256 in hex (64 characters)')
    .optional(),
})

/** The file with its name, type and digest; `no-store` comes from the API's middleware. */
export function sendExportFile(c: Context<AppEnv>, manifest: ExportManifest, bytes: Buffer) {
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': EXPORT_MEDIA_TYPES[manifest.format],
    'Content-Disposition': `attachment; filename="${manifest.filename}"`,
    'Content-Length': String(bytes.length),
    'Repr-Digest': reprDigest(manifest.sha256!),
    'X-Export-Id': manifest.id,
    'X-Content-Type-Options': 'nosniff',
  })
}

export function exportRoutes(exports: ExportService) {
  const read = requirePermission('exports:read')
  const actor = (c: Context<AppEnv>) => ({ username: c.get('user')!.username })
  return new Hono<AppEnv>()
    .post('/', read, async (c) => {
      const input = await readJson(c, ExportRequest)
      const manifest = await exports.create(input, actor(c))
      c.header('Location', `/api/exports/${manifest.id}`)
      return c.json(manifest, 201)
    })
    .get('/', read, async (c) => {
      const { limit } = readQuery(c, ExportListQuery)
      return c.json({ items: await exports.list(limit) })
    })
    .post('/restore', requirePermission('data:restore'), async (c) => {
      const { sha256 } = readQuery(c, RestoreQuery)
      const type = c.req.header('content-type') ?? ''
      if (!/^application\/json\b/i.test(type)) {
        throw new HttpProblem(415, 'Unsupported media type', 'Send the full JSON export as application/json.')
      }
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      if (bytes.length === 0) throw new HttpProblem(400, 'Empty file', 'The request body is empty.')
      return c.json(await exports.restore(bytes, sha256, actor(c)), 201)
    })
    .get('/:id', read, async (c) => c.json(await exports.get(c.req.param('id'))))
    .get('/:id/file', read, async (c) => {
      const { manifest, bytes } = await exports.file(c.req.param('id'), actor(c))
      return sendExportFile(c, manifest, bytes)
    })
}
