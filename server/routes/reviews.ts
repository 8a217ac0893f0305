/** GET /api/reviews: procurement's review work list, computed here so the SPA fetches a page, not the inventory. */
import { Hono } from 'hono'
import { ReviewQueueQuery } from '../../src/domain'
import { requirePermission } from '../auth/session'
import type { AppEnv } from '../http/app-env'
import { readQuery } from '../http/validate'
import type { VendorService } from '../services/vendor-service'

export function reviewRoutes(vendors: VendorService) {
  // Whoever may read the inventory may read which of its reviews are due.
  return new Hono<AppEnv>().get('/', requirePermission('vendors:read'), (c) =>
    c.json(vendors.reviews(readQuery(c, ReviewQueueQuery))),
  )
}
