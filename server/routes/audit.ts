import { Hono } from 'hono'
import { AuditLogExportQuery, AuditLogQuery } from '../../src/domain'
import { requirePermission } from '../auth/session'
import type { AuditFilter, Store } from '../db/store'
import type { AppEnv } from '../http/app-env'
import { readQuery } from '../http/validate'
import type { ExportService } from '../services/export-service'
import { sendExportFile } from './exports'

/** The filters that were given, without the undefined members `exactOptionalPropertyTypes` refuses. */
const given = (filters: Record<string, string | undefined>): AuditFilter =>
  Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined))

export function auditRoutes(store: Store, exports: ExportService) {
  return (
    new Hono<AppEnv>()
      .use(requirePermission('audit:read'))
      .get('/', async (c) => {
        const { before, limit, ...filters } = readQuery(c, AuditLogQuery)
        const items = await store.queryAudit({
          ...given(filters),
          ...(before !== undefined && { beforeSeq: before }),
          limit: limit + 1,
        })
        const page = items.slice(0, limit)
        return c.json({ items: page, nextBefore: items.length > limit ? page[page.length - 1]!.seq : null })
      })
      .get('/verify', async (c) => c.json(await store.verifyAudit()))
      // Reading the log is for every role; handing it out as a file is an export (procurement may not).
      .get('/export', requirePermission('exports:read'), async (c) => {
        const { format, ...filters } = readQuery(c, AuditLogExportQuery)
        const { manifest, bytes } = await exports.auditLog(given(filters), format, {
          username: c.get('user')!.username,
        })
        return sendExportFile(c, manifest, bytes)
      })
  )
}
