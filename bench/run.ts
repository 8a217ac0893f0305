/**
 * `npm run bench`: performance figures, printed as a table and written to bench/results.json.
 * Figures are medians of several runs in one process, beside a baseline measured in the same run on the same
 * machine, so the ratio means something on a shared, noisy machine. Never assert these in unit tests.
 *
 * `npm run bench` runs every section; `npm run bench -- api frontend` runs only those (sections: scoring, import,
 * dashboard, exports, api, frontend) and merges them into results.json, keeping the others and `load`.
 * `--out=<file>` writes another file instead (the smoke test does); `--no-write` writes nothing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import { performance } from 'node:perf_hooks'
import path from 'node:path'
import Database from 'better-sqlite3'
import { generateDemoVendors } from '../mocks/data'
import { openSqliteStore } from '../server/db/sqlite-store'
import { parseImportFile, VENDOR_COLUMNS } from '../server/import/parse-import'
import { createImportService } from '../server/services/import-service'
import { createVendorService } from '../server/services/vendor-service'
import { computeScore, scoreVendor, type Vendor } from '../src/domain'
import { benchApi, printApi } from './api'
import { benchDashboard, DASHBOARD_GOAL_MS } from './dashboard'
import { benchExports, CSV_GOAL_MS } from './exports'
import { benchFrontend, GOALS as FRONTEND_GOALS, printFrontend } from './frontend'
import { measure, printFigures, type Figure } from './measure'

const SECTIONS = ['scoring', 'import', 'dashboard', 'exports', 'api', 'frontend'] as const
type Section = (typeof SECTIONS)[number]
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'))
for (const a of asked) {
  if (!(SECTIONS as readonly string[]).includes(a)) {
    console.error(`unknown section "${a}": choose from ${SECTIONS.join(', ')}`)
    process.exit(2)
  }
}
const sections = new Set<Section>(asked.length === 0 ? SECTIONS : (asked as Section[]))
const want = (s: Section) => sections.has(s)
const n = (x: number) => x.toLocaleString('en')
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback)

const asOf = '2026-11-26'
const SIZE = env('BENCH_VENDORS', 100_000)
const SCORING_GOAL_MS = 200
const IMPORT_GOAL_MS = 5000

/** One line of the goals table: a figure beside its baseline and its goal. */
interface Goal {
  section: Section
  figure: string
  value: number
  baseline: number | null
  baselineLabel: string
  unit: string
  goal: string
  met: boolean | null
}
const figures: (Figure & { section: Section })[] = []
const goals: Goal[] = []
const results: Record<string, unknown> = {}
const push = (section: Section, ...fs: Figure[]) => figures.push(...fs.map((f) => ({ ...f, section })))
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits

if (want('scoring')) {
  let vendors: Vendor[] = []
  push('scoring', {
    name: `generate ${n(SIZE)} demo vendors`,
    timing: measure(() => (vendors = generateDemoVendors({ count: SIZE, asOf })), { runs: 3, warmup: 1 }),
    note: 'seeded generator shared with the demo seed and msw',
  })

  // The baseline touches every vendor and does a comparable amount of arithmetic, without the model:
  // it is what "as fast as this machine loops over the data" means today.
  const baseline = measure(() => {
    let sum = 0
    for (const v of vendors) {
      const a = v.access
      sum +=
        Math.sqrt(Math.log10(1 + a.records) * (a.dataClasses.length + 1)) +
        Math.exp(-a.fourthParties.length / 3)
      for (const i of v.incidents) sum += Math.pow(0.5, i.recordsExposed / 1e9)
    }
    return sum
  })
  push('scoring', {
    name: `raw loop baseline over ${n(SIZE)} vendors`,
    timing: baseline,
    note: 'same data, a few Math calls per vendor, no model',
  })
  const scoring = measure(() => {
    let sum = 0
    for (const v of vendors) sum += computeScore(v, { asOf }).score
    return sum
  })
  push('scoring', {
    name: `score ${n(SIZE)} vendors`,
    timing: scoring,
    goalMs: SCORING_GOAL_MS,
    note: 'computeScore: score, tier, exposure, likelihood (what lists, rescoring and charts need)',
  })
  const explained = measure(
    () => {
      let sum = 0
      for (const v of vendors) sum += scoreVendor(v, { asOf }).factors.length
      return sum
    },
    { runs: 3, warmup: 1 },
  )
  push('scoring', {
    name: `score ${n(SIZE)} vendors with explanations`,
    timing: explained,
    note: 'scoreVendor: the same numbers plus every factor, its points and its sentence',
  })
  const ratio = round(scoring.medianMs / baseline.medianMs)
  const perVendorUs = round((scoring.medianMs * 1000) / SIZE, 2)
  results.vendors = SIZE
  results.scoring = {
    medianMs: scoring.medianMs,
    baselineMs: baseline.medianMs,
    ratioToBaseline: ratio,
    perVendorUs,
    goalMs: SCORING_GOAL_MS,
  }
  goals.push({
    section: 'scoring',
    figure: `score ${n(SIZE)} vendors (median)`,
    value: scoring.medianMs,
    baseline: baseline.medianMs,
    baselineLabel: 'plain loop',
    unit: 'ms',
    goal: `≤ ${SCORING_GOAL_MS} ms`,
    met: scoring.medianMs <= SCORING_GOAL_MS,
  })
}

if (want('import')) {
  // A 50,000-row vendors CSV parsed and validated (the dry run's work), then applied in one transaction to a
  // fresh SQLite database in a temporary directory. Each is one run: the apply changes the database. Baseline:
  // the same rows, split on commas, inserted raw with better-sqlite3 in one transaction, same pragmas.
  const IMPORT_ROWS = env('BENCH_IMPORT_ROWS', 50_000)
  const columns = VENDOR_COLUMNS.slice(0, 14)
  const csvLines = [columns.join(',')]
  for (let i = 0; i < IMPORT_ROWS; i++) {
    csvLines.push(
      `Bench Vendor ${i},IT services,Operations,active,pii;credentials,${1000 + i},vendor_environment,remote,high,` +
        'Amazon Web Services;Okta,iso27001,no,yes,2025-06-01',
    )
  }
  const csvBytes = new TextEncoder().encode(`${csvLines.join('\n')}\n`)
  const parseStarted = performance.now()
  await parseImportFile({ name: 'bench.csv', bytes: csvBytes })
  const parseMs = round(performance.now() - parseStarted, 2)
  push('import', {
    name: `parse and validate a ${n(IMPORT_ROWS)}-row CSV`,
    timing: { medianMs: parseMs, minMs: parseMs, runs: 1 },
    note: 'papaparse + zod per row: the work of a dry run (one run)',
  })
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vendor-risk-bench-'))
  try {
    const store = openSqliteStore(dataDir)
    const service = createVendorService(store)
    await service.init()
    const imports = createImportService(service)
    const started = performance.now()
    const report = await imports.run({ name: 'bench.csv', bytes: csvBytes }, false, { username: 'bench' })
    const applyMs = round(performance.now() - started, 2)
    store.close()

    const db = new Database(path.join(dataDir, 'raw-baseline.sqlite'))
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.exec(`CREATE TABLE rows (${columns.map((_, i) => `c${i} TEXT`).join(', ')}) STRICT`)
    const insert = db.prepare(`INSERT INTO rows VALUES (${columns.map(() => '?').join(', ')})`)
    const rawStarted = performance.now()
    const text = new TextDecoder().decode(csvBytes)
    db.transaction(() => {
      for (const line of text.split('\n').slice(1)) if (line !== '') insert.run(line.split(','))
    })()
    const rawMs = round(performance.now() - rawStarted, 2)
    db.close()

    push(
      'import',
      {
        name: `import ${n(report.counts.create)} vendors in one transaction`,
        timing: { medianMs: applyMs, minMs: applyMs, runs: 1 },
        goalMs: IMPORT_GOAL_MS,
        note: 'parse, plan, snapshots, vendors + hash-chained audit entries, WAL + synchronous=FULL',
      },
      {
        name: `baseline: raw better-sqlite3 insert of the same rows`,
        timing: { medianMs: rawMs, minMs: rawMs, runs: 1 },
        note: 'split on commas, 14 TEXT columns, one prepared INSERT in one transaction, same pragmas',
      },
    )
    results.import = {
      rows: IMPORT_ROWS,
      parseMs,
      applyMs,
      rawInsertMs: rawMs,
      ratioToRaw: round(applyMs / rawMs),
      goalMs: IMPORT_GOAL_MS,
    }
    goals.push({
      section: 'import',
      figure: `import a ${n(IMPORT_ROWS)}-row CSV (one run)`,
      value: applyMs,
      baseline: rawMs,
      baselineLabel: 'raw bulk insert',
      unit: 'ms',
      goal: `≤ ${IMPORT_GOAL_MS} ms`,
      met: applyMs <= IMPORT_GOAL_MS,
    })
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (want('dashboard')) {
  // The dashboard at 50,000 vendors (bench/dashboard.ts; run it alone with `node --import tsx bench/dashboard.ts`).
  const dashboard = await benchDashboard(env('BENCH_DASHBOARD_VENDORS', 50_000))
  push('dashboard', ...dashboard.figures)
  results.dashboard = {
    vendors: dashboard.vendors,
    snapshots: dashboard.snapshots,
    riskMapBytes: dashboard.riskMapBytes,
    goalMs: DASHBOARD_GOAL_MS,
    endpoints: dashboard.endpoints,
  }
  for (const e of dashboard.endpoints) {
    goals.push({
      section: 'dashboard',
      figure: `dashboard ${e.endpoint} at ${n(dashboard.vendors)} (p95 of 7)`,
      value: e.sqlP95Ms,
      baseline: e.jsMs,
      baselineLabel: 'JS loop (median)',
      unit: 'ms',
      goal: `≤ ${DASHBOARD_GOAL_MS} ms`,
      met: e.sqlP95Ms <= DASHBOARD_GOAL_MS,
    })
  }
}

if (want('exports')) {
  // Exports at 50,000 vendors (bench/exports.ts; run it alone with `node --import tsx bench/exports.ts`).
  const exportBench = await benchExports(env('BENCH_EXPORT_VENDORS', 50_000))
  push('exports', ...exportBench.figures)
  results.exports = {
    vendors: exportBench.vendors,
    csv: { ...exportBench.csv, goalMs: CSV_GOAL_MS },
    pdf: exportBench.pdf,
  }
  goals.push(
    {
      section: 'exports',
      figure: `export ${n(exportBench.vendors)} vendors as CSV`,
      value: exportBench.csv.medianMs,
      baseline: exportBench.csv.baselineMs,
      baselineLabel: 'plain join',
      unit: 'ms',
      goal: `≤ ${CSV_GOAL_MS} ms`,
      met: exportBench.csv.medianMs <= CSV_GOAL_MS,
    },
    {
      section: 'exports',
      figure: `export ${n(exportBench.vendors)} vendors as PDF summary`,
      value: exportBench.pdf.medianMs,
      baseline: exportBench.pdf.baselineMs,
      baselineLabel: 'JSON.stringify',
      unit: 'ms',
      goal: 'none set',
      met: null,
    },
  )
}

if (want('api')) {
  // bench/api.ts; alone: `node --import tsx bench/api.ts`.
  const api = await benchApi({
    vendors: env('BENCH_API_VENDORS', 50_000),
    seconds: env('BENCH_API_SECONDS', 10),
    connections: env('BENCH_API_CONNECTIONS', 16),
  })
  printApi(api)
  results.api = api
  for (const [label, key] of [
    ['p50', 'p50'],
    ['p95', 'p95'],
    ['p99', 'p99'],
  ] as const) {
    goals.push({
      section: 'api',
      figure: `GET /api/vendors first page at ${n(api.vendors)}, ${api.connections} conns: ${label}`,
      value: api.api[key],
      baseline: api.baseline[key],
      baselineLabel: 'bare Hono',
      unit: 'ms',
      goal: key === 'p95' ? `≤ ${api.goalP95Ms} ms` : '',
      met: key === 'p95' ? api.met : null,
    })
  }
  goals.push({
    section: 'api',
    figure: `GET /api/vendors first page: requests/s`,
    value: api.api.requestsPerSecond,
    baseline: api.baseline.requestsPerSecond,
    baselineLabel: 'bare Hono',
    unit: 'req/s',
    goal: '',
    met: null,
  })
}

if (want('frontend')) {
  // bench/frontend.ts; alone: `node --import tsx bench/frontend.ts`.
  const size = env('BENCH_FRONTEND_VENDORS', 50_000)
  const fe = await benchFrontend({
    sizes: [100, size],
    ...(process.env.BENCH_STATIC_DIR !== undefined && {
      staticDir: path.resolve(process.env.BENCH_STATIC_DIR),
    }),
    lighthouse: process.env.BENCH_LIGHTHOUSE !== '0',
    filterRuns: env('BENCH_FILTER_RUNS', 7),
  })
  printFrontend(fe)
  results.frontend = fe
  const kb = (b: number) => round(b / 1024)
  for (const j of fe.js) {
    goals.push({
      section: 'frontend',
      figure: `JS gz on first load of ${j.route}: entry`,
      value: kb(j.entryGzipBytes),
      baseline: kb(j.allGzipBytes),
      baselineLabel: 'all loaded',
      unit: 'KB',
      goal: j.route === '/vendors' ? `≤ ${FRONTEND_GOALS.listEntryJsGzipKb} KB` : '',
      met: j.route === '/vendors' ? fe.verdicts.listEntryJs : null,
    })
  }
  const list = fe.js.find((j) => j.route === '/vendors')
  goals.push({
    section: 'frontend',
    figure: '/vendors loads no recharts chunk',
    value: list?.loadsRecharts === false ? 0 : 1,
    baseline: null,
    baselineLabel: '',
    unit: 'recharts chunks',
    goal: 'none',
    met: fe.verdicts.listLoadsNoRecharts,
  })
  const [small, large] = [fe.filter[0], fe.filter.at(-1)]
  if (small !== undefined && large !== undefined) {
    goals.push({
      section: 'frontend',
      figure: `search → grid updated at ${n(large.vendors)} (median of ${large.runs})`,
      value: large.medianMs,
      baseline: small.medianMs,
      baselineLabel: `same at ${n(small.vendors)}`,
      unit: 'ms',
      goal: `< ${FRONTEND_GOALS.filterMs} ms`,
      met: fe.verdicts.filter,
    })
  }
  const [rowsSmall, rowsLarge] = [fe.rows[0], fe.rows.at(-1)]
  if (rowsSmall !== undefined && rowsLarge !== undefined) {
    goals.push({
      section: 'frontend',
      figure: `grid DOM rows at ${n(rowsLarge.vendors)}`,
      value: rowsLarge.domRows,
      baseline: rowsSmall.domRows,
      baselineLabel: `at ${n(rowsSmall.vendors)}`,
      unit: 'rows',
      goal: 'equal',
      met: fe.rowsEqual,
    })
  }
  for (const l of fe.lighthouse) {
    goals.push({
      section: 'frontend',
      figure: `Lighthouse ${l.route} at ${n(l.vendors)} (${l.preset}, median of ${l.scores.length})`,
      value: l.score,
      baseline: null,
      baselineLabel: '',
      unit: 'score',
      goal: `≥ ${FRONTEND_GOALS.lighthouseScore}`,
      met: l.score >= FRONTEND_GOALS.lighthouseScore,
    })
  }
}

console.log(`\nnode ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}\n`)
if (figures.length > 0) printFigures(figures)
printGoals(goals)

const out = process.argv.find((a) => a.startsWith('--out='))?.slice('--out='.length)
const file = out !== undefined ? path.resolve(out) : path.join(import.meta.dirname, 'results.json')
// A partial run keeps the other sections' results; `npm run load` keeps its figures under `load`.
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {}
const kept = <T extends { section?: string }>(list: unknown): T[] =>
  Array.isArray(list)
    ? (list as T[]).filter((x) => x.section !== undefined && !want(x.section as Section))
    : []
if (!process.argv.includes('--no-write')) writeResults()

function writeResults() {
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        ...previous,
        generatedAt: new Date().toISOString(),
        sections: [...sections],
        machine: {
          node: process.version,
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model ?? null,
          platform: process.platform,
          loadAverage: os.loadavg().map((l) => round(l, 2)),
        },
        ...results,
        goals: [...kept<Goal>(previous.goals), ...goals],
        figures: [
          ...kept<{ section?: string }>(previous.figures),
          ...figures.map((f) => ({
            section: f.section,
            name: f.name,
            ...f.timing,
            goalMs: f.goalMs ?? null,
            note: f.note,
          })),
        ],
      },
      null,
      2,
    )}\n`,
  )
  console.log(`wrote ${path.relative(process.cwd(), file)}`)
}

function printGoals(list: readonly Goal[]) {
  if (list.length === 0) return
  console.log('\nfigures beside their baselines and goals')
  console.log(
    `${'figure'.padEnd(62)} ${'value'.padStart(10)} ${'baseline'.padStart(10)}  ${'of'.padEnd(18)} ${'goal'.padEnd(10)} verdict`,
  )
  for (const g of list) {
    const verdict = g.met === null ? '' : g.met ? 'met' : 'NOT MET'
    console.log(
      `${g.figure.padEnd(62)} ${`${g.value} ${g.unit === 'ms' ? '' : g.unit}`.trim().padStart(10)} ${(g.baseline === null ? '' : String(g.baseline)).padStart(10)}  ${g.baselineLabel.padEnd(18)} ${g.goal.padEnd(10)} ${verdict}`,
    )
  }
}
