/**
 * The dashboard's SQL against the domain's JS aggregations over the same vendors and snapshots, on a seeded
 * history; and the facts backfilled for a database written before migration 002.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIncident, createVendor, generateDemoVendors } from '../../mocks/data'
import {
  addDays,
  computeScore,
  incidentMonths,
  exposureOf,
  fourthPartiesOf,
  incidentTrendOf,
  reviewsOf,
  riskMapOf,
  scoreVendor,
  summarizeVendor,
  tierDistributionOf,
  todayIsoDate,
  topRisksOf,
  trendOf,
  type PortfolioEntry,
  type ScoredAt,
  type Vendor,
  type VendorHistory,
} from '../../src/domain'
import { createDashboardService, type DashboardService } from '../services/dashboard-service'
import { createVendorService, type VendorService } from '../services/vendor-service'
import { seedWithHistory } from '../testing/seed-history'
import { loadMigrations, migrate } from './migrate'
import { nameKey, openSqliteStore } from './sqlite-store'
import type { Store } from './store'

const today = todayIsoDate()
const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vendor-risk-dashboard-'))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/**
 * Everything the JS reference needs, read from the store and the service, not from the dashboard's tables.
 * `leftOn` says when an offboarded vendor left the portfolio.
 */
async function reference(
  store: Store,
  vendors: VendorService,
  asOf: string,
  leftOn: (vendor: Vendor) => string,
) {
  const records = await store.listVendors()
  const weights = vendors.weights
  const entries: PortfolioEntry[] = records.map((r) => ({
    vendor: r.vendor,
    summary: summarizeVendor(r.vendor, asOf, weights, undefined, r.riskAcceptance),
  }))
  const histories = new Map<string, ScoredAt[]>()
  for (const r of records) {
    histories.set(
      r.vendor.id,
      (await store.listSnapshots(r.vendor.id)).map((s) => ({ asOf: s.asOf, score: s.score, tier: s.tier })),
    )
  }
  const historyOf = (v: Vendor): VendorHistory => ({
    scores: histories.get(v.id) ?? [],
    leftOn: v.status === 'offboarded' ? leftOn(v) : undefined,
  })
  const explain = (v: Vendor) => scoreVendor(v, { asOf, weights }).factors
  return { entries, historyOf, explain }
}

async function expectSqlMatchesJs(
  store: Store,
  vendors: VendorService,
  dashboard: DashboardService,
  asOf: string,
  offboardedToday: ReadonlySet<string> = new Set(),
  /** Vendors offboarded today left today; the others were created offboarded and never counted. */
  leftOn = (v: Vendor) => (offboardedToday.has(v.id) ? today : '0000-01-01'),
) {
  const { entries, historyOf, explain } = await reference(store, vendors, asOf, leftOn)
  const query = asOf === today ? {} : { asOf }
  expect(await dashboard.tiers(query)).toEqual(tierDistributionOf(entries, asOf, historyOf))
  expect(await dashboard.riskMap(query)).toEqual(riskMapOf(entries, asOf))
  expect(JSON.parse(await dashboard.riskMapJson(query))).toEqual(riskMapOf(entries, asOf))
  for (const [interval, periods] of [
    ['week', 26],
    ['week', 3],
    ['day', 90],
  ] as const) {
    expect(await dashboard.trend({ ...query, interval, periods }), `${interval} × ${periods}`).toEqual(
      trendOf(entries, asOf, interval, periods, historyOf),
    )
  }
  expect(await dashboard.topRisks({ ...query, limit: 10 })).toEqual(topRisksOf(entries, asOf, 10, explain))
  expect(await dashboard.exposure(query)).toEqual(exposureOf(entries, asOf))
  expect(await dashboard.incidents({ ...query, months: 12 })).toEqual(incidentTrendOf(entries, asOf, 12))
  expect(await dashboard.incidents({ ...query, months: 60 })).toEqual(incidentTrendOf(entries, asOf, 60))
  expect(await dashboard.fourthParties({ ...query, limit: 100 })).toEqual(fourthPartiesOf(entries, asOf, 100))
  expect(await dashboard.reviews(query)).toEqual(reviewsOf(entries, asOf))
}

describe('the dashboard aggregations in SQL', () => {
  let dir: string
  let store: Store
  let vendors: VendorService
  let dashboard: DashboardService
  let offboardedToday: Set<string>

  beforeAll(async () => {
    dir = tempDir()
    const seeded = await seedWithHistory(dir, { count: 300, days: 200, stepDays: 5 })
    ;({ store, vendors } = seeded)
    offboardedToday = new Set(seeded.offboarded)
    dashboard = createDashboardService(store, vendors)
  }, 60_000)
  afterAll(() => store?.close())

  it('seeds a history worth checking: scores that moved, vendors added since, some offboarded', async () => {
    const records = await store.listVendors()
    const offboarded = records.filter((r) => r.vendor.status === 'offboarded').length
    expect(offboarded).toBeGreaterThan(offboardedToday.size)
    const tiers = await dashboard.tiers({})
    expect(tiers.vendors).toBe(records.length - offboarded)
    // 60 days ago a fifth of today's vendors were not there yet; yesterday the ones offboarded today still were.
    expect(tiers.comparisons.find((c) => c.days === 90)!.vendors).toBeLessThan(tiers.vendors)
    const days = await dashboard.trend({ interval: 'day', periods: 2 })
    expect(days.points[0]!.vendors - days.points[1]!.vendors).toBe(offboardedToday.size)
    const trend = await dashboard.trend({ interval: 'week', periods: 26 })
    expect(new Set(trend.points.map((p) => p.median)).size).toBeGreaterThan(1)
    expect(trend.points[0]!.vendors).toBeLessThan(trend.points.at(-1)!.vendors)
  })

  it('match the JS aggregations of the same vendors and snapshots, today', async () => {
    await expectSqlMatchesJs(store, vendors, dashboard, today, offboardedToday)
  })

  it('match them as of a past day, scored as the vendor list scores that day', async () => {
    await expectSqlMatchesJs(store, vendors, dashboard, addDays(today, -45), offboardedToday)
  })

  it('keep the risk map and the sub-processors read-only until a write, on this connection or another', async () => {
    const map = await dashboard.riskMap({})
    const parties = await dashboard.fourthParties({ limit: 10 })
    expect(await dashboard.riskMap({})).toEqual(map)
    expect((await dashboard.riskMap({})).points).toBe(map.points)
    expect(() => map.points.id.push('ven-not-there')).toThrow(TypeError)
    // A write that touches no fact (a sign-in, an export, this audit entry) keeps them.
    await store.commit({
      actor: 'test',
      audit: [{ action: 'export.create', entityType: 'export', entityId: 'exp-kept' }],
    })
    expect((await dashboard.riskMap({})).points).toBe(map.points)
    expect((await dashboard.fourthParties({ limit: 10 })).items[0]).toBe(parties.items[0])
    expect(() => {
      parties.items[0]!.tiers.critical += 1
    }).toThrow(TypeError)

    // Another connection (a repair by hand, say) changes a fact: the next answers read it.
    const id = map.points.id[0]!
    const records = map.points.records[0]!
    const other = new Database(path.join(dir, 'vendor-risk.sqlite'))
    try {
      const set = other.prepare('UPDATE vendor_facts SET records = ? WHERE vendor_id = ?')
      set.run(records + 1, id)
      expect((await dashboard.riskMap({})).points.records[0]).toBe(records + 1)
      expect(JSON.parse(await dashboard.riskMapJson({})).points.records[0]).toBe(records + 1)
      set.run(records, id)
    } finally {
      other.close()
    }
    expect((await dashboard.riskMap({})).points.records[0]).toBe(records)
  })

  it('count an offboarded vendor nowhere from the day it leaves', async () => {
    const [id] = (await dashboard.riskMap({})).points.id.slice(-1)
    await vendors.archive(id!, { username: 'test' })
    offboardedToday.add(id!)
    expect((await dashboard.riskMap({})).points.id).not.toContain(id)
    expect((await dashboard.topRisks({ limit: 10 })).items.map((i) => i.id)).not.toContain(id)
    await expectSqlMatchesJs(store, vendors, dashboard, today, offboardedToday)
  })

  it('re-tier the portfolio’s history from the day the model changes', async () => {
    const model = vendors.model()
    const changed = { ...model.weights, tierCutoffs: { critical: 50, high: 35, medium: 20 } }
    const { revision } = await vendors.putModel(changed, model.revision, { username: 'test' })
    await expectSqlMatchesJs(store, vendors, dashboard, today, offboardedToday)
    await vendors.putModel(model.weights, revision, { username: 'test' })
    await expectSqlMatchesJs(store, vendors, dashboard, today, offboardedToday)
  })

  it('count a vendor again when it comes back from offboarded', async () => {
    const id = [...offboardedToday].at(-1)!
    const before = await dashboard.trend({ interval: 'day', periods: 2 })
    await vendors.update(id, { status: 'active' }, '*', { username: 'test' })
    offboardedToday.delete(id)
    const after = await dashboard.trend({ interval: 'day', periods: 2 })
    expect(after.points[1]!.vendors).toBe(before.points[1]!.vendors + 1)
    expect((await dashboard.riskMap({})).points.id).toContain(id)
    await expectSqlMatchesJs(store, vendors, dashboard, today, offboardedToday)
  })

  it('keep nothing of a commit that was rolled back, and count an import of many once each', async () => {
    const before = await dashboard.trend({ interval: 'day', periods: 1 })
    const taken = (await store.listVendors())[0]!.vendor.name
    const fresh = (i: number) => createVendor({ id: `ven-rolled${i}`, name: `Rolled Back ${i}` })
    // The second vendor's name is taken: the whole commit is refused, the first vendor with it.
    await expect(
      vendors.createMany([fresh(1), { ...fresh(2), name: taken }], { username: 'test' }, 'import'),
    ).rejects.toThrow()
    expect((await dashboard.trend({ interval: 'day', periods: 1 })).points[0]!.vendors).toBe(
      before.points[0]!.vendors,
    )
    await vendors.createMany([fresh(3), fresh(4), fresh(5)], { username: 'test' }, 'import')
    expect((await dashboard.trend({ interval: 'day', periods: 1 })).points[0]!.vendors).toBe(
      before.points[0]!.vendors + 3,
    )
    await expectSqlMatchesJs(store, vendors, dashboard, today, offboardedToday)
  })
})

describe('the dashboard aggregations at their edges', () => {
  it('count the first day of the incident window, a review due today and the nearest-rank percentiles', async () => {
    const store = openSqliteStore(tempDir())
    try {
      const vendors = createVendorService(store)
      await vendors.init()
      const firstDay = `${incidentMonths(today, 12)[0]!}-01`
      const risky = {
        dataClasses: ['pii' as const, 'payment' as const],
        records: 50_000_000,
        dataLocation: 'vendor_environment' as const,
        networkAccess: 'privileged' as const,
        criticality: 'critical' as const,
      }
      const breach = createIncident({ occurredAt: addDays(today, -20), severity: 'critical', status: 'open' })
      // Critical vendors review every 90 days: one due today, one due in 30 days.
      const dueToday = createVendor({
        access: risky,
        controls: { mfa: false, lastAssessedAt: addDays(today, -90) },
        incidents: [breach],
      })
      const dueIn30 = createVendor({
        access: { ...risky, records: 3_000_000 },
        controls: { mfa: false, lastAssessedAt: addDays(today, -60) },
        incidents: [{ ...breach, id: 'inc-edge-2' }],
      })
      const atWindowStart = createVendor({
        incidents: [
          createIncident({ occurredAt: firstDay, kind: 'outage', severity: 'low' }),
          createIncident({ occurredAt: addDays(firstDay, -1), kind: 'outage', severity: 'low' }),
        ],
      })
      const others = [10, 1_000, 100_000, 1_000_000, 5_000_000, 20_000_000, 80_000_000].map((records) =>
        createVendor({ access: { dataClasses: ['pii'], records } }),
      )
      const offboarded = createVendor({
        status: 'offboarded',
        incidents: [createIncident({ occurredAt: firstDay, status: 'open' })],
      })
      const portfolio = [dueToday, dueIn30, atWindowStart, ...others]
      await vendors.createMany([...portfolio, offboarded], { username: 'test' }, 'test')
      const dashboard = createDashboardService(store, vendors)

      const scores = portfolio.map((v) => computeScore(v, { asOf: today }).score).sort((a, b) => a - b)
      expect(new Set(scores).size, 'ten different scores').toBe(10)
      expect(computeScore(dueToday, { asOf: today }).tier).toBe('critical')
      expect(computeScore(dueIn30, { asOf: today }).tier).toBe('critical')

      const trend = await dashboard.trend({ interval: 'day', periods: 2 })
      expect(trend.points.at(-1)).toMatchObject({ vendors: 10, median: scores[4], p90: scores[8] })
      expect(trend.points[0]).toEqual({
        asOf: addDays(today, -1),
        vendors: 0,
        median: null,
        p90: null,
        tiers: { critical: 0, high: 0, medium: 0, low: 0 },
      })

      const incidents = await dashboard.incidents({ months: 12 })
      expect(incidents.months[0]).toMatchObject({ total: 1, open: 0, byKind: { outage: 1 } })
      expect(incidents.open.total).toBe(2)

      const critical = (await dashboard.reviews({})).byTier.find((r) => r.tier === 'critical')!
      expect(critical).toMatchObject({ vendors: 2, overdue: 0, dueWithin30: 2 })
      await expectSqlMatchesJs(store, vendors, dashboard, today)
    } finally {
      store.close()
    }
  })
})

describe('migration 002 on a database written before it', () => {
  it('backfills the facts and the portfolio history, and the server scores the facts when it starts', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'vendor-risk.sqlite')
    const demo = generateDemoVendors({ count: 120, asOf: today })
    const old = new Database(file)
    migrate(
      old,
      loadMigrations().filter((m) => m.version === 1),
    )
    // Offboarded vendors were last updated 50 days ago; each vendor has snapshots before and after that day, and
    // every fifth one two snapshots on one day (the later one counts).
    const leftOn = addDays(today, -50)
    const insert = old.prepare(
      `INSERT INTO vendors (id, name, name_key, status, doc, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 3, '2025-01-01T00:00:00.000Z', ?)`,
    )
    const snapshot = old.prepare(
      `INSERT INTO score_snapshots (vendor_id, recorded_at, as_of, score, tier, exposure, likelihood, model_version, reason)
       VALUES (@vendorId, @asOf, @asOf, @score, @tier, @exposure, @likelihood, @modelVersion, 'daily rescore')`,
    )
    for (const v of demo) {
      const updated = v.status === 'offboarded' ? `${leftOn}T09:00:00.000Z` : '2026-01-01T00:00:00.000Z'
      insert.run(v.id, v.name, nameKey(v.name), v.status, JSON.stringify(v), updated)
    }
    for (const back of [100, 70, 40, 25, 10]) {
      for (const [i, v] of demo.entries()) {
        const asOf = addDays(today, -back)
        const s = computeScore(v, { asOf })
        // 25 days ago a model with other cut-offs held for a while: the same score in another tier.
        if (back === 25) {
          if (i % 7 === 0)
            snapshot.run({
              ...computeScore(v, { asOf: addDays(today, -40) }),
              asOf,
              vendorId: v.id,
              tier: 'critical',
            })
          continue
        }
        if (i % 5 === 0) snapshot.run({ ...s, vendorId: v.id, score: 1, tier: 'low' })
        snapshot.run({ ...s, vendorId: v.id })
      }
    }
    old.close()

    const store = openSqliteStore(dir)
    try {
      const db = new Database(file, { readonly: true })
      const count = (sql: string) => db.prepare(sql).pluck().get() as number
      expect(count('SELECT count(*) FROM schema_migrations WHERE version = 2')).toBe(1)
      expect(count('SELECT count(*) FROM vendor_facts WHERE vendor_version = 3')).toBe(demo.length)
      expect(count('SELECT count(*) FROM vendor_facts WHERE scored_as_of IS NULL')).toBe(demo.length)
      expect(count('SELECT count(*) FROM vendor_data_classes')).toBe(
        demo.reduce((n, v) => n + v.access.dataClasses.length, 0),
      )
      expect(count('SELECT count(*) FROM vendor_fourth_parties')).toBe(
        demo.reduce((n, v) => n + v.access.fourthParties.length, 0),
      )
      expect(count('SELECT count(*) FROM vendor_incidents')).toBe(
        demo.reduce((n, v) => n + v.incidents.length, 0),
      )
      const sample = demo[7]!
      expect(
        db
          .prepare(
            'SELECT name, status, category, records, data_location, last_assessed_at FROM vendor_facts WHERE vendor_id = ?',
          )
          .get(sample.id),
      ).toEqual({
        name: sample.name,
        status: sample.status,
        category: sample.category,
        records: sample.access.records,
        data_location: sample.access.dataLocation,
        last_assessed_at: sample.controls.lastAssessedAt ?? null,
      })

      // What the server does when it starts: load, then the daily rescore, which scores the backfilled facts.
      const vendors = createVendorService(store)
      await vendors.init()
      await vendors.recordDailySnapshots()
      expect(count(`SELECT count(*) FROM vendor_facts WHERE scored_as_of = '${today}'`)).toBe(demo.length)
      db.close()
      const dashboard = createDashboardService(store, vendors)
      const offboarded = demo.filter((v) => v.status === 'offboarded').length
      expect(offboarded).toBeGreaterThan(0)
      const trend = await dashboard.trend({ interval: 'day', periods: 90 })
      const on = (day: string) => trend.points.find((p) => p.asOf === day)!.vendors
      expect(on(addDays(leftOn, -1))).toBe(demo.length)
      expect(on(leftOn)).toBe(demo.length - offboarded)
      await expectSqlMatchesJs(store, vendors, dashboard, today, new Set(), () => leftOn)
    } finally {
      store.close()
    }
  })
})
