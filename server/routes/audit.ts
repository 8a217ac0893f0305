import { Hono } from 'hono'
import { z } from 'zod'
import { requirePermission } from '../auth/session'
import type { Store } from '../db/store'
import type { AppEnv } from '../http/app-env'
import { readQuery } from '../http/validate'

const AuditListQuery = z.object({
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
})

export function auditRoutes(store: Store) {
  return new Hono<AppEnv>()
    .use(requirePermission('audit:read'))
    .get('/', async (c) => {
      const { before, limit, ...filters } = readQuery(c, AuditListQuery)
      const items = await store.queryAudit({
        ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
        ...(before !== undefined && { beforeSeq: before }),
        limit: limit + 1,
      })
      const page = items.slice(0, limit)
      return c.json({ items: page, nextBefore: items.length > limit ? page[page.length - 1]!.seq : null })
    })
    .get('/verify', async (c) => c.json(await store.verifyAudit()))
}
