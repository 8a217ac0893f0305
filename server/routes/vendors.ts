import { Hono, type Context } from 'hono'
import { z } from 'zod'
import {
  IncidentPatch,
  IsoDate,
  ReviewInput,
  RiskAcceptanceInput,
  VendorListQuery,
  VendorPatch,
  type VendorDetailResponse,
} from '../../src/domain'
import { requirePermission } from '../auth/session'
import type { AppEnv } from '../http/app-env'
import { readJson, readQuery } from '../http/validate'
import { listPageJson } from '../services/vendor-index'
import type { VendorService } from '../services/vendor-service'

const AsOfQuery = z.object({ asOf: IsoDate.optional() })
const PreviewInput = VendorPatch.safeExtend({ incidents: z.array(z.unknown()).optional() })

const actor = (c: Context<AppEnv>) => ({ username: c.get('user')!.username })

/** The vendor with its ETag, so a client can send it back in If-Match. */
function withEtag(c: Context<AppEnv>, body: VendorDetailResponse, status: 200 | 201 = 200) {
  c.header('ETag', `"${body.version}"`)
  return c.json(body, status)
}

export function vendorRoutes(vendors: VendorService) {
  const read = requirePermission('vendors:read')
  return (
    new Hono<AppEnv>()
      .get('/', read, (c) =>
        c.body(listPageJson(vendors.list(readQuery(c, VendorListQuery))), 200, {
          'Content-Type': 'application/json',
        }),
      )
      // Before '/:id', which would otherwise take "facets" for a vendor id.
      .get('/facets', read, (c) => c.json(vendors.facets()))
      .post('/', requirePermission('vendors:write'), async (c) =>
        withEtag(c, await vendors.create(await readJson(c, z.unknown()), actor(c)), 201),
      )
      .get('/:id', read, (c) => withEtag(c, vendors.get(c.req.param('id'), readQuery(c, AsOfQuery).asOf)))
      .patch('/:id', requirePermission('vendors:write'), async (c) =>
        withEtag(
          c,
          await vendors.update(
            c.req.param('id'),
            await readJson(c, VendorPatch),
            c.req.header('if-match'),
            actor(c),
          ),
        ),
      )
      .delete('/:id', requirePermission('vendors:write'), async (c) =>
        withEtag(c, await vendors.archive(c.req.param('id'), actor(c))),
      )
      .post('/:id/incidents', requirePermission('incidents:write'), async (c) => {
        const { incident, vendor } = await vendors.addIncident(
          c.req.param('id'),
          await readJson(c, z.unknown()),
          actor(c),
        )
        c.header('ETag', `"${vendor.version}"`)
        return c.json({ incident, vendor }, 201)
      })
      .patch('/:id/incidents/:incidentId', requirePermission('incidents:write'), async (c) => {
        const body = await readJson(c, IncidentPatch)
        const { incident, vendor } = await vendors.updateIncident(
          c.req.param('id'),
          c.req.param('incidentId'),
          body,
          actor(c),
        )
        c.header('ETag', `"${vendor.version}"`)
        return c.json({ incident, vendor })
      })
      .delete('/:id/incidents/:incidentId', requirePermission('incidents:write'), async (c) =>
        withEtag(c, await vendors.deleteIncident(c.req.param('id'), c.req.param('incidentId'), actor(c))),
      )
      .get('/:id/reviews', read, async (c) => c.json({ items: await vendors.listReviews(c.req.param('id')) }))
      .post('/:id/reviews', requirePermission('reviews:write'), async (c) =>
        c.json(await vendors.addReview(c.req.param('id'), await readJson(c, ReviewInput), actor(c)), 201),
      )
      .put('/:id/risk-acceptance', requirePermission('risk:accept'), async (c) =>
        withEtag(
          c,
          await vendors.acceptRisk(c.req.param('id'), await readJson(c, RiskAcceptanceInput), actor(c)),
        ),
      )
      .delete('/:id/risk-acceptance', requirePermission('risk:accept'), async (c) =>
        withEtag(c, await vendors.revokeRisk(c.req.param('id'), actor(c))),
      )
      .post('/:id/score-preview', read, async (c) =>
        c.json(
          vendors.preview(c.req.param('id'), await readJson(c, PreviewInput), readQuery(c, AsOfQuery).asOf),
        ),
      )
      .get('/:id/history', read, async (c) => c.json(await vendors.history(c.req.param('id'))))
  )
}
