/**
 * The dashboard's figures at 50,000 vendors: each endpoint's aggregation in SQL (through the dashboard service,
 * as the route calls it), beside the same aggregation done by the domain in a plain JS loop over the vendors
 * and snapshots already in memory, measured in the same run. The risk map and the sub-processors are kept until
 * the facts change, so their figures are cold (each run just after an edit), with the kept answer beside them.
 * Part of `npm run bench`; run it alone with `node --import tsx bench/dashboard.ts` (BENCH_DASHBOARD_VENDORS sets
 * the size).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { createDashboardService } from '../server/services/dashboard-service'
import { seedWithHistory } from '../server/testing/seed-history'
import {
  addDays,
  exposureOf,
  fourthPartiesOf,
  incidentTrendOf,
  reviewsOf,
  riskMapOf,
  scoreVendor,
  summarizeVendor,
  tierDistributionOf,
  topRisksOf,
  trendOf,
  type PortfolioEntry,
  type ScoredAt,
  type Tier,
  type Vendor,
  type VendorHistory,
} from '../src/domain'
import { measure, measureAsync, once, printFigures, summarize, type Figure, type Timing } from './measure'

/** What an interactive chart may take to answer on the server. */
export const DASHBOARD_GOAL_MS = 200

export interface DashboardBench {
  vendors: number
  snapshots: number
  seedMs: number
  riskMapBytes: number
  /** sqlMs is the median of 7 runs, sqlP95Ms their 95th percentile (with 7 runs, the slowest). */
  endpoints: { endpoint: string; sqlMs: number; sqlP95Ms: number; jsMs: number; ratioToJs: number }[]
  figures: Figure[]
}

export async function benchDashboard(size = 50_000): Promise<DashboardBench> {
  const dir = mkdtempSync(path.join(tmpdir(), 'vendor-risk-bench-dashboard-'))
  const figures: Figure[] = []
  const label = size.toLocaleString('en')
  try {
    let seeded!: Awaited<ReturnType<typeof seedWithHistory>>
    const seed = await once(async () => {
      seeded = await seedWithHistory(dir, { count: size, days: 182, stepDays: 7, offboard: 50 })
    })
    const { store, vendors, setClock, offboarded } = seeded
    const dashboard = createDashboardService(store, vendors)
    const today = vendors.today()

    // The baseline's inputs, loaded once: the vendors with today's summaries (the vendor service caches these) and
    // every vendor's snapshots, as the SQL reads them.
    const records = await store.listVendors()
    const entries: PortfolioEntry[] = records.map((r) => ({
      vendor: r.vendor,
      summary: summarizeVendor(r.vendor, today, vendors.weights, undefined, r.riskAcceptance),
    }))
    const db = new Database(path.join(dir, 'vendor-risk.sqlite'), { readonly: true })
    const histories = new Map<string, ScoredAt[]>()
    const rows = db
      .prepare('SELECT vendor_id, as_of, score, tier FROM score_snapshots ORDER BY id')
      .raw()
      .iterate() as Iterable<[string, string, number, Tier]>
    let snapshots = 0
    for (const [id, asOf, score, tier] of rows) {
      snapshots += 1
      const history = histories.get(id) ?? []
      history.push({ asOf, score, tier })
      histories.set(id, history)
    }
    db.close()
    // The seed offboards some vendors today; the demo's other offboarded vendors never were in the portfolio.
    const leftToday = new Set(offboarded)
    const historyOf = (v: Vendor): VendorHistory => ({
      scores: histories.get(v.id) ?? [],
      leftOn: v.status !== 'offboarded' ? undefined : leftToday.has(v.id) ? today : '0000-01-01',
    })
    const explain = (v: Vendor) => scoreVendor(v, { asOf: today, weights: vendors.weights }).factors

    figures.push({
      name: `seed ${label} vendors, 26 weeks of rescoring`,
      timing: seed,
      note: `demo vendors, a weekly rescore for 26 weeks (facts + snapshots): ${snapshots.toLocaleString('en')} snapshots`,
    })

    // Answers kept until the facts change are timed cold: each run follows an edit (not timed) that changes them.
    const edited = records.filter((r) => r.vendor.status !== 'offboarded').slice(0, 20)
    let edits = 0
    const afterEdit = async (answer: () => Promise<unknown>, runs = 7, warmup = 2): Promise<Timing> => {
      const times: number[] = []
      for (let i = 0; i < warmup + runs; i++) {
        const { vendor } = edited[edits++ % edited.length]!
        await vendors.update(vendor.id, { owner: `Bench owner ${edits}` }, '*', { username: 'bench' })
        const started = performance.now()
        await answer()
        if (i >= warmup) times.push(performance.now() - started)
      }
      return summarize(times, runs)
    }

    const endpoints: DashboardBench['endpoints'] = []
    const pair = async (
      endpoint: string,
      sql: () => Promise<unknown>,
      js: () => unknown,
      note: string,
      { jsRuns = 7, kept = false } = {},
    ) => {
      const sqlTiming = kept ? await afterEdit(sql) : await measureAsync(sql, { runs: 7, warmup: 2 })
      const jsTiming = measure(js, { runs: jsRuns, warmup: jsRuns > 3 ? 2 : 1 })
      figures.push({
        name: `dashboard ${endpoint}${kept ? ' after an edit' : ''} (SQL, ${label})`,
        timing: sqlTiming,
        goalMs: DASHBOARD_GOAL_MS,
        note,
      })
      if (kept) {
        figures.push({
          name: `  same again, facts unchanged`,
          timing: await measureAsync(sql, { runs: 7, warmup: 2 }),
          goalMs: DASHBOARD_GOAL_MS,
          note: 'the answer kept since the facts last changed',
        })
      }
      figures.push({
        name: `  same in a JS loop over memory`,
        timing: jsTiming,
        note: 'baseline: the domain’s in-memory aggregation of the same vendors and snapshots',
      })
      endpoints.push({
        endpoint,
        sqlMs: sqlTiming.medianMs,
        sqlP95Ms: sqlTiming.p95Ms ?? sqlTiming.medianMs,
        jsMs: jsTiming.medianMs,
        ratioToJs: Math.round((sqlTiming.medianMs / jsTiming.medianMs) * 100) / 100,
      })
    }

    await pair(
      'tiers',
      () => dashboard.tiers({}),
      () => tierDistributionOf(entries, today, historyOf),
      'counts per tier from the facts; 30 and 90 days ago from the snapshots',
    )
    const riskMapBytes = (await dashboard.riskMapJson({})).length
    await pair(
      'risk-map',
      () => dashboard.riskMapJson({}),
      () => riskMapOf(entries, today),
      `every vendor as columns: the ${(riskMapBytes / 1e6).toFixed(1)} MB of JSON the route sends, built by SQL`,
      { kept: true },
    )
    await pair(
      'trend (26 weeks)',
      () => dashboard.trend({ interval: 'week' }),
      () => trendOf(entries, today, 'week', 26, historyOf),
      'median, p90 and tiers per week from the snapshots',
      { jsRuns: 3 },
    )
    await pair(
      'trend (90 days)',
      () => dashboard.trend({ interval: 'day' }),
      () => trendOf(entries, today, 'day', 90, historyOf),
      'the same per day',
      { jsRuns: 3 },
    )
    await pair(
      'top-risks',
      () => dashboard.topRisks({ limit: 10 }),
      () => topRisksOf(entries, today, 10, explain),
      'top 10 in SQL, their factors from scoreVendor in JS',
    )
    await pair(
      'exposure',
      () => dashboard.exposure({}),
      () => exposureOf(entries, today),
      'records and vendors by data location and by data class',
    )
    await pair(
      'incidents (12 months)',
      () => dashboard.incidents({ months: 12 }),
      () => incidentTrendOf(entries, today, 12),
      'per month, kind and severity, and the open ones',
    )
    await pair(
      'fourth-parties',
      () => dashboard.fourthParties({ limit: 10 }),
      () => fourthPartiesOf(entries, today, 10),
      'sub-processors by vendors sharing them, with records and tiers',
      { kept: true },
    )
    await pair(
      'reviews',
      () => dashboard.reviews({}),
      () => reviewsOf(entries, today),
      'overdue, never assessed and due within 30 days, per tier',
    )

    // Another day than today: the service scores every vendor for it, as the vendor list does, and SQL aggregates.
    const pastDay = addDays(today, -30)
    figures.push({
      name: `dashboard tiers as of 30 days ago (SQL, ${label})`,
      timing: await measureAsync(() => dashboard.tiers({ asOf: pastDay }), { runs: 5, warmup: 1 }),
      goalMs: DASHBOARD_GOAL_MS * 2,
      note: 'scores every vendor for that day in JS, then aggregates those scores in SQL',
    })

    // The facts' upkeep: the first rescore of a new day rewrites every vendor's score columns.
    setClock(addDays(today, 1))
    figures.push({
      name: `daily rescore of ${label} vendors`,
      timing: await once(() => vendors.recordDailySnapshots()),
      note: 'a new day: every vendor rescored, changed ones snapshotted, all facts updated, one transaction',
    })

    store.close()
    return { vendors: size, snapshots, seedMs: seed.medianMs, riskMapBytes, endpoints, figures }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchDashboard(Number(process.env.BENCH_DASHBOARD_VENDORS ?? 50_000))
  console.log(`\nnode ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}\n`)
  printFigures(result.figures)
}
