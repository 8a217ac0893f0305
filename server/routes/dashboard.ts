/**
 * GET /api/dashboard/...: the CISO dashboard's portfolio figures, aggregated in SQL. Reading vendors is enough. The
 * risk map (3 MB of JSON at 50,000 vendors) is sent as the JSON text the service answers with, not serialised
 * again per request.
 */
import { Hono } from 'hono'
import {
  DashboardQuery,
  FourthPartyQuery,
  IncidentTrendQuery,
  TopRisksQuery,
  TrendQuery,
} from '../../src/domain'
import { requirePermission } from '../auth/session'
import type { AppEnv } from '../http/app-env'
import { readQuery } from '../http/validate'
import type { DashboardService } from '../services/dashboard-service'

export function dashboardRoutes(dashboard: DashboardService) {
  const read = requirePermission('vendors:read')
  return new Hono<AppEnv>()
    .get('/tiers', read, async (c) => c.json(await dashboard.tiers(readQuery(c, DashboardQuery))))
    .get('/risk-map', read, async (c) =>
      c.body(await dashboard.riskMapJson(readQuery(c, DashboardQuery)), 200, {
        'Content-Type': 'application/json',
      }),
    )
    .get('/trend', read, async (c) => c.json(await dashboard.trend(readQuery(c, TrendQuery))))
    .get('/top-risks', read, async (c) => c.json(await dashboard.topRisks(readQuery(c, TopRisksQuery))))
    .get('/exposure', read, async (c) => c.json(await dashboard.exposure(readQuery(c, DashboardQuery))))
    .get('/incidents', read, async (c) => c.json(await dashboard.incidents(readQuery(c, IncidentTrendQuery))))
    .get('/fourth-parties', read, async (c) =>
      c.json(await dashboard.fourthParties(readQuery(c, FourthPartyQuery))),
    )
    .get('/reviews', read, async (c) => c.json(await dashboard.reviews(readQuery(c, DashboardQuery))))
}
