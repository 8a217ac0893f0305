/**
 * The dashboard API against the real server, on a database with a score history: every figure equals the same
 * figure computed independently, in JS, from what the vendor API answers (list, details, histories); every kind
 * of write shows at once; an offboarded vendor leaves the portfolio; a bad query is a 400 problem.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  addDays,
  ExposureResponse,
  exposureOf,
  FourthPartyResponse,
  fourthPartiesOf,
  IncidentTrendResponse,
  incidentMonths,
  incidentTrendOf,
  ReviewsByTierResponse,
  reviewsOf,
  RiskMapResponse,
  riskMapOf,
  ScoreHistoryResponse,
  type ScoringWeights,
  TierDistributionResponse,
  tierDistributionOf,
  TopRisksResponse,
  topRisksOf,
  TrendResponse,
  trendOf,
  VendorDetailResponse,
  VendorListResponse,
  type PortfolioEntry,
  type ScoreFactorDto,
  type ScoredAt,
  type Vendor,
  type VendorHistory,
} from '../../src/domain'
import type { AuditEntry } from '../audit/hash-chain'
import { signedInAs, type ApiClient } from '../testing/api-client'
import {
  createVendor,
  expectJson,
  expectProblem,
  fetchVendor,
  incidentInput,
  today,
} from '../testing/api-fixtures'
import { seedWithHistory } from '../testing/seed-history'
import { startServer, type ServerProcess } from '../testing/server-process'

let server: ServerProcess
let dataDir: string
let procurement: ApiClient
let ciso: ApiClient
let auditor: ApiClient

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'vendor-risk-dashboard-api-'))
  // 150 demo vendors with 120 days of weekly rescoring behind them, written before the server starts.
  const { store } = await seedWithHistory(dataDir, { count: 150, days: 120, stepDays: 7 })
  store.close()
  server = await startServer({ DATA_DIR: dataDir })
  ;[procurement, ciso, auditor] = await signedInAs(server.url, 'procurement', 'ciso', 'auditor')
}, 60_000)
afterAll(async () => {
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

const ENDPOINTS = [
  'tiers',
  'risk-map',
  'trend',
  'top-risks',
  'exposure',
  'incidents',
  'fourth-parties',
  'reviews',
] as const

async function get<S extends z.ZodType>(schema: S, endpoint: string, query = ''): Promise<z.output<S>> {
  const body = await expectJson(
    await auditor.get(`/api/dashboard/${endpoint}${query ? `?${query}` : ''}`),
    200,
  )
  return schema.parse(body) as z.output<S>
}

/** Runs `fn` over `items` a few at a time. */
async function inBatches<T, R>(items: readonly T[], fn: (item: T) => Promise<R>, size = 16): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map(fn))))
  return out
}

/**
 * When an offboarded vendor left the portfolio, from the audit log: the day of the change that offboarded it, or
 * never in it when it was created offboarded.
 */
async function leftOn(vendor: Vendor): Promise<string | undefined> {
  if (vendor.status !== 'offboarded') return undefined
  const { items } = await auditor.json<{ items: AuditEntry[] }>(
    `/api/audit-log?entityType=vendor&entityId=${vendor.id}&limit=1000`,
  )
  const status = (doc: unknown) => (doc as Vendor | null)?.status
  // Newest first: the latest change into offboarded.
  const left = items.find((e) => status(e.after) === 'offboarded' && status(e.before) !== 'offboarded')
  return left === undefined || left.action === 'vendor.create' ? '0000-01-01' : left.at.slice(0, 10)
}

/** The whole inventory as the vendor API answers it for `asOf`: summaries, documents, factors and histories. */
async function portfolioFromApi(asOf: string) {
  const list = VendorListResponse.parse(await auditor.json(`/api/vendors?limit=50000&asOf=${asOf}`))
  const details = await inBatches(list.items, async (s) => ({
    detail: VendorDetailResponse.parse(await auditor.json(`/api/vendors/${s.id}?asOf=${asOf}`)),
    history: ScoreHistoryResponse.parse(await auditor.json(`/api/vendors/${s.id}/history`)).items,
  }))
  const entries: PortfolioEntry[] = list.items.map((summary, i) => ({
    vendor: details[i]!.detail.vendor,
    summary,
  }))
  const factors = new Map<string, ScoreFactorDto[]>(
    details.map((d) => [d.detail.vendor.id, d.detail.score.factors]),
  )
  const histories = new Map<string, VendorHistory>(
    await inBatches(details, async (d) => [
      d.detail.vendor.id,
      {
        scores: d.history.map((h): ScoredAt => ({ asOf: h.asOf, score: h.score, tier: h.tier })),
        leftOn: await leftOn(d.detail.vendor),
      },
    ]),
  )
  return {
    list,
    entries,
    explain: (v: Vendor) => factors.get(v.id) ?? [],
    historyOf: (v: Vendor): VendorHistory => histories.get(v.id) ?? { scores: [] },
  }
}

/** Every endpoint's answer equals the independent computation; returns the API's answers for more checks. */
async function expectDashboardMatchesVendorApi(asOf = today()) {
  const { list, entries, explain, historyOf } = await portfolioFromApi(asOf)
  const q = asOf === today() ? '' : `asOf=${asOf}`
  const and = (extra: string) => [q, extra].filter(Boolean).join('&')

  const tiers = await get(TierDistributionResponse, 'tiers', q)
  expect(tiers).toEqual(tierDistributionOf(entries, asOf, historyOf))
  const riskMap = await get(RiskMapResponse, 'risk-map', q)
  expect(riskMap).toEqual(riskMapOf(entries, asOf))
  expect(await get(TrendResponse, 'trend', q)).toEqual(trendOf(entries, asOf, 'week', 26, historyOf))
  expect(await get(TrendResponse, 'trend', and('interval=day&periods=60'))).toEqual(
    trendOf(entries, asOf, 'day', 60, historyOf),
  )
  const top = await get(TopRisksResponse, 'top-risks', q)
  expect(top).toEqual(topRisksOf(entries, asOf, 10, explain))
  const exposure = await get(ExposureResponse, 'exposure', q)
  expect(exposure).toEqual(exposureOf(entries, asOf))
  const incidents = await get(IncidentTrendResponse, 'incidents', q)
  expect(incidents).toEqual(incidentTrendOf(entries, asOf, 12))
  const fourthParties = await get(FourthPartyResponse, 'fourth-parties', and('limit=100'))
  expect(fourthParties).toEqual(fourthPartiesOf(entries, asOf, 100))
  const reviews = await get(ReviewsByTierResponse, 'reviews', q)
  expect(reviews).toEqual(reviewsOf(entries, asOf))

  // The same figures read straight off the list, without the domain's aggregations.
  const portfolio = list.items.filter((v) => v.status !== 'offboarded')
  expect(tiers.vendors).toBe(portfolio.length)
  for (const { tier, count } of tiers.tiers)
    expect(count).toBe(portfolio.filter((v) => v.tier === tier).length)
  expect(new Set(riskMap.points.id)).toEqual(new Set(portfolio.map((v) => v.id)))
  // The list's default order is score first: its first ten portfolio vendors are the top ten.
  expect(top.items.map((i) => i.id)).toEqual(portfolio.slice(0, 10).map((v) => v.id))
  expect(exposure.outsidePerimeter.records).toBe(
    portfolio.filter((v) => v.outsidePerimeter).reduce((sum, v) => sum + v.records, 0),
  )
  expect(reviews.overdue).toBe(portfolio.filter((v) => v.reviewOverdue).length)
  return { list, tiers, riskMap, top, exposure, incidents, fourthParties, reviews }
}

describe('the dashboard figures', () => {
  it('match an independent computation from the vendor API on the seeded history', async () => {
    const { tiers } = await expectDashboardMatchesVendorApi()
    // The seeded history makes the comparisons mean something: vendors added since 90 days ago, tiers that moved.
    const ninety = tiers.comparisons.find((c) => c.days === 90)!
    expect(ninety.vendors).toBeLessThan(tiers.vendors)
    expect(ninety.tiers.some((t) => t.change !== 0)).toBe(true)
    const trend = await get(TrendResponse, 'trend')
    expect(trend.points).toHaveLength(26)
    expect(trend.points.at(-1)!.asOf).toBe(today())
    expect(new Set(trend.points.map((p) => p.median)).size).toBeGreaterThan(1)
  })

  it('match it as of a past day, as the vendor list scores that day', async () => {
    const asOf = addDays(today(), -40)
    const { riskMap } = await expectDashboardMatchesVendorApi(asOf)
    expect(riskMap.asOf).toBe(asOf)
  })
})

describe('writes show on the dashboard at once', () => {
  it('an edit moves the exposure figures and the vendor’s point', async () => {
    const before = await get(ExposureResponse, 'exposure')
    const { vendor } = await createVendor(procurement, 'Dashboard Edited Co', {})
    const { etag } = await fetchVendor(procurement, vendor.id)
    await expectJson(
      await procurement.patch(
        `/api/vendors/${vendor.id}`,
        { access: { records: 7_000_000, dataLocation: 'both' } },
        { headers: { 'if-match': etag } },
      ),
      200,
    )
    const after = await get(ExposureResponse, 'exposure')
    expect(after.records - before.records).toBe(7_000_000)
    expect(after.outsidePerimeter.vendors - before.outsidePerimeter.vendors).toBe(1)
    const both = (r: typeof after) => r.byLocation.find((l) => l.dataLocation === 'both')!
    expect(both(after).records - both(before).records).toBe(7_000_000)
    const map = await get(RiskMapResponse, 'risk-map')
    expect(map.points.records[map.points.id.indexOf(vendor.id)]).toBe(7_000_000)
    await expectDashboardMatchesVendorApi()
  })

  it('a new incident counts in its month and among the open ones, and raises the vendor into the top risks', async () => {
    const before = await get(IncidentTrendResponse, 'incidents')
    const { vendor } = await createVendor(procurement, 'Dashboard Incident Co', {
      access: {
        dataClasses: ['pii', 'payment', 'credentials'],
        records: 90_000_000,
        dataLocation: 'both',
        networkAccess: 'privileged',
        criticality: 'critical',
        fourthParties: ['Amazon Web Services'],
      },
      controls: { certifications: [], mfa: false, encryptionAtRest: false },
    })
    await expectJson(
      await procurement.post(
        `/api/vendors/${vendor.id}/incidents`,
        incidentInput({ kind: 'ransomware', severity: 'critical' }),
      ),
      201,
    )
    const after = await get(IncidentTrendResponse, 'incidents')
    const month = incidentMonths(today(), 12).at(-1)!
    const row = (r: typeof after) => r.months.find((m) => m.month === month)!
    expect(row(after).total - row(before).total).toBe(1)
    expect(row(after).open - row(before).open).toBe(1)
    expect(row(after).byKind.ransomware - row(before).byKind.ransomware).toBe(1)
    expect(after.open.bySeverity.critical - before.open.bySeverity.critical).toBe(1)
    const top = await get(TopRisksResponse, 'top-risks')
    const item = top.items.find((i) => i.id === vendor.id)
    expect(item, 'the vendor is among the top risks').toBeDefined()
    expect(item!.topFactors).toHaveLength(2)
    expect(item!.topFactors[0]!.points).toBeGreaterThanOrEqual(item!.topFactors[1]!.points)
    await expectDashboardMatchesVendorApi()
  })

  it('an import adds its vendors and their sub-processors', async () => {
    const subProcessor = 'Dashboard Import Subprocessor'
    const header =
      'name,category,owner,status,data_classes,records,data_location,network_access,criticality,' +
      'fourth_parties,certifications,mfa,encryption_at_rest,last_assessed_at'
    const rows = [1, 2].map(
      (n) =>
        `Dashboard Imported ${n},Payroll,Finance,active,pii,${n * 1000},vendor_environment,api,high,` +
        `${subProcessor};Amazon Web Services,soc2_type2,yes,yes,${addDays(today(), -10)}`,
    )
    const before = await get(TierDistributionResponse, 'tiers')
    const report = await expectJson<{ applied: boolean }>(
      await procurement.request('POST', '/api/imports?dryRun=0&filename=dashboard.csv', {
        body: `${[header, ...rows].join('\n')}\n`,
        headers: { 'content-type': 'text/csv' },
      }),
      200,
    )
    expect(report.applied).toBe(true)
    expect((await get(TierDistributionResponse, 'tiers')).vendors).toBe(before.vendors + 2)
    const parties = await get(FourthPartyResponse, 'fourth-parties', 'limit=100')
    expect(parties.items.find((p) => p.name === subProcessor)).toMatchObject({
      vendors: 2,
      records: 3000,
      outsideRecords: 3000,
    })
    await expectDashboardMatchesVendorApi()
  })

  it('a scoring model change re-tiers the portfolio as the list does', async () => {
    const model = await ciso.json<{ weights: ScoringWeights; revision: number }>('/api/scoring/model')
    const before = await get(TierDistributionResponse, 'tiers')
    const weights: ScoringWeights = { ...model.weights, tierCutoffs: { critical: 50, high: 35, medium: 20 } }
    const changed = await expectJson<{ revision: number }>(
      await ciso.put('/api/scoring/model', { weights, revision: model.revision }),
      200,
    )
    try {
      const after = await get(TierDistributionResponse, 'tiers')
      const critical = (r: typeof after) => r.tiers.find((t) => t.tier === 'critical')!.count
      expect(critical(after)).toBeGreaterThan(critical(before))
      await expectDashboardMatchesVendorApi()
    } finally {
      expect(
        (await ciso.put('/api/scoring/model', { weights: model.weights, revision: changed.revision })).status,
      ).toBe(200)
    }
    expect(await get(TierDistributionResponse, 'tiers')).toEqual(before)
  })

  it('a recorded review takes the vendor off the overdue count', async () => {
    const list = VendorListResponse.parse(
      await auditor.json('/api/vendors?limit=50000&reviewOverdue=true&status=active'),
    )
    const target = list.items[0]!
    const before = await get(ReviewsByTierResponse, 'reviews')
    await expectJson(
      await procurement.post(`/api/vendors/${target.id}/reviews`, { completedAt: today(), notes: 'Done' }),
      201,
    )
    const after = await get(ReviewsByTierResponse, 'reviews')
    const overdue = (r: typeof after) => r.byTier.find((t) => t.tier === target.tier)!.overdue
    expect(overdue(before) - overdue(after)).toBe(1)
    await expectDashboardMatchesVendorApi()
  })

  it('an offboarded vendor drops out of every figure from today, and stays in the history before', async () => {
    const { top, riskMap, fourthParties } = await expectDashboardMatchesVendorApi()
    const days = await get(TrendResponse, 'trend', 'interval=day&periods=2')
    const riskiest = top.items[0]!
    await expectJson(await procurement.delete(`/api/vendors/${riskiest.id}`), 200)
    const after = await expectDashboardMatchesVendorApi()
    const daysAfter = await get(TrendResponse, 'trend', 'interval=day&periods=2')
    expect(daysAfter.points[0]).toEqual(days.points[0])
    expect(daysAfter.points[1]!.vendors).toBe(days.points[1]!.vendors - 1)
    expect(after.riskMap.vendors).toBe(riskMap.vendors - 1)
    expect(after.riskMap.points.id).not.toContain(riskiest.id)
    expect(after.top.items.map((i) => i.id)).not.toContain(riskiest.id)
    expect(after.tiers.vendors).toBe(riskMap.vendors - 1)
    const vendorsOf = (r: typeof fourthParties) => r.items.reduce((sum, p) => sum + p.vendors, 0)
    expect(vendorsOf(after.fourthParties)).toBeLessThanOrEqual(vendorsOf(fourthParties))
  })
})

describe('dashboard queries', () => {
  it.each(ENDPOINTS)(
    'refuses a malformed asOf on /api/dashboard/%s with a 400 problem naming asOf',
    async (endpoint) => {
      await expectProblem(await auditor.get(`/api/dashboard/${endpoint}?asOf=2026-02-30`), 400, {
        title: 'Invalid query parameter',
        paths: ['asOf'],
      })
    },
  )

  it.each([
    ['trend', 'interval=month', 'interval'],
    ['trend', 'periods=1', 'periods'],
    ['top-risks', 'limit=0', 'limit'],
    ['incidents', 'months=61', 'months'],
    ['fourth-parties', 'limit=many', 'limit'],
  ])('refuses /api/dashboard/%s?%s with a 400 problem naming %s', async (endpoint, query, field) => {
    await expectProblem(await auditor.get(`/api/dashboard/${endpoint}?${query}`), 400, { paths: [field] })
  })

  it('answers only signed-in users', async () => {
    const anonymous = await fetch(`${server.url}/api/dashboard/tiers`)
    await expectProblem(anonymous, 401)
  })
})
