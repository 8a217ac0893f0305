/**
 * GET /api/dashboard/...: the CISO dashboard's portfolio figures, aggregated in SQL. Reading vendors is enough. The
 * risk map (3 MB of JSON at 50,000 vendors) is sent as the JSON text the service answers with, not serialised
 * again per request, and gzipped for clients that accept it (about 0.7 MB at 50,000 vendors: the difference
 * between a dashboard whose map arrives in half a second on a 10 Mbit/s link and one where it takes 2.5 s).
 */
import { gzipSync } from 'node:zlib'
import type { Context } from 'hono'
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

/** Smaller answers gain too little from compression to be worth the CPU. */
const GZIP_MIN_BYTES = 32 * 1024
/** zlib's level 4: nearly level 6's size (within 5 %) in about a third of the time. */
const GZIP_LEVEL = 4

/** Whether the request's Accept-Encoding allows gzip (by name or `*`, with a weight above 0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false
  return header.split(',').some((entry) => {
    const [coding = '', ...params] = entry.trim().toLowerCase().split(';')
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    return q === undefined || Number(q.slice(2)) > 0
  })
}

/**
 * Sends a JSON text, gzipped when it is large and the client accepts gzip. The last text compressed is kept with
 * its bytes: the risk map's text changes only when the vendor facts do, and compressing 3 MB takes tens of ms.
 */
function jsonTextSender() {
  let last: { json: string; gzip: Uint8Array<ArrayBuffer> } | null = null
  return (c: Context<AppEnv>, json: string) => {
    const headers = { 'Content-Type': 'application/json', Vary: 'Accept-Encoding' }
    if (json.length < GZIP_MIN_BYTES || !acceptsGzip(c.req.header('Accept-Encoding'))) {
      return c.body(json, 200, headers)
    }
    // Copied once into a plain ArrayBuffer-backed array, which is what a response body may be.
    if (last?.json !== json) last = { json, gzip: new Uint8Array(gzipSync(json, { level: GZIP_LEVEL })) }
    return c.body(last.gzip, 200, { ...headers, 'Content-Encoding': 'gzip' })
  }
}

export function dashboardRoutes(dashboard: DashboardService) {
  const read = requirePermission('vendors:read')
  const sendJsonText = jsonTextSender()
  return new Hono<AppEnv>()
    .get('/tiers', read, async (c) => c.json(await dashboard.tiers(readQuery(c, DashboardQuery))))
    .get('/risk-map', read, async (c) =>
      sendJsonText(c, await dashboard.riskMapJson(readQuery(c, DashboardQuery))),
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
