/**
 * `npm run bench`: performance figures, printed as a table and written to bench/results.json.
 * Figures are medians of several runs in one process, beside a raw-loop baseline measured in the same run,
 * so the ratio means something on a shared, noisy machine. Never assert these in unit tests.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import { performance } from 'node:perf_hooks'
import path from 'node:path'
import { generateDemoVendors } from '../mocks/data'
import { openSqliteStore } from '../server/db/sqlite-store'
import { parseImportFile, VENDOR_COLUMNS } from '../server/import/parse-import'
import { createImportService } from '../server/services/import-service'
import { createVendorService } from '../server/services/vendor-service'
import { computeScore, scoreVendor, type Vendor } from '../src/domain'
import { benchDashboard } from './dashboard'
import { benchExports } from './exports'
import { measure, printFigures, type Figure } from './measure'

const asOf = '2026-11-26'
const SIZE = Number(process.env.BENCH_VENDORS ?? 100_000)

const figures: Figure[] = []

let vendors: Vendor[] = []
figures.push({
  name: `generate ${SIZE.toLocaleString('en')} demo vendors`,
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
figures.push({
  name: `raw loop baseline over ${SIZE.toLocaleString('en')} vendors`,
  timing: baseline,
  note: 'same data, a few Math calls per vendor, no model',
})

const scoring = measure(() => {
  let sum = 0
  for (const v of vendors) sum += computeScore(v, { asOf }).score
  return sum
})
figures.push({
  name: `score ${SIZE.toLocaleString('en')} vendors`,
  timing: scoring,
  goalMs: 200,
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
figures.push({
  name: `score ${SIZE.toLocaleString('en')} vendors with explanations`,
  timing: explained,
  note: 'scoreVendor: the same numbers plus every factor, its points and its sentence',
})

// Imports: a 50,000-row vendors CSV parsed and validated (the dry run's work), then applied in one transaction
// to a fresh SQLite database in a temporary directory. Each is one run: the apply changes the database.
const IMPORT_ROWS = 50_000
const header = VENDOR_COLUMNS.slice(0, 14).join(',')
const csvLines = [header]
for (let i = 0; i < IMPORT_ROWS; i++) {
  csvLines.push(
    `Bench Vendor ${i},IT services,Operations,active,pii;credentials,${1000 + i},vendor_environment,remote,high,` +
      'Amazon Web Services;Okta,iso27001,no,yes,2025-06-01',
  )
}
const csvBytes = new TextEncoder().encode(`${csvLines.join('\n')}\n`)
const parseStarted = performance.now()
await parseImportFile({ name: 'bench.csv', bytes: csvBytes })
const parseMs = Math.round((performance.now() - parseStarted) * 100) / 100
figures.push({
  name: `parse and validate a ${IMPORT_ROWS.toLocaleString('en')}-row CSV`,
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
  const applyMs = Math.round((performance.now() - started) * 100) / 100
  figures.push({
    name: `import ${report.counts.create.toLocaleString('en')} vendors in one transaction`,
    timing: { medianMs: applyMs, minMs: applyMs, runs: 1 },
    note: 'parse, plan, snapshots, 50,000 vendors + 50,001 hash-chained audit entries, WAL + synchronous=FULL',
  })
  store.close()
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}

// The dashboard at 50,000 vendors (bench/dashboard.ts; run it alone with `node --import tsx bench/dashboard.ts`).
const dashboard = await benchDashboard(Number(process.env.BENCH_DASHBOARD_VENDORS ?? 50_000))
figures.push(...dashboard.figures)

// Exports at 50,000 vendors (bench/exports.ts; run it alone with `node --import tsx bench/exports.ts`).
const exportBench = await benchExports(Number(process.env.BENCH_EXPORT_VENDORS ?? 50_000))
figures.push(...exportBench.figures)

console.log(`\nnode ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}\n`)
printFigures(figures)
const ratio = Math.round((scoring.medianMs / baseline.medianMs) * 10) / 10
const perVendorUs = Math.round((scoring.medianMs * 1000 * 100) / SIZE) / 100
console.log(`\nscoring / baseline: ${ratio}×   per vendor: ${perVendorUs} µs`)
console.log(
  `dashboard SQL / JS loop: ${dashboard.endpoints.map((e) => `${e.endpoint} ${e.ratioToJs}×`).join(', ')}`,
)
console.log(
  `exports: CSV ${Math.round((exportBench.csv.medianMs / exportBench.csv.baselineMs) * 10) / 10}× the plain join, ` +
    `PDF ${Math.round((exportBench.pdf.medianMs / exportBench.pdf.baselineMs) * 10) / 10}× JSON.stringify`,
)

const results = {
  generatedAt: new Date().toISOString(),
  machine: {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    platform: process.platform,
  },
  vendors: SIZE,
  figures: figures.map((f) => ({ name: f.name, ...f.timing, goalMs: f.goalMs ?? null, note: f.note })),
  scoring: {
    medianMs: scoring.medianMs,
    baselineMs: baseline.medianMs,
    ratioToBaseline: ratio,
    perVendorUs,
    goalMs: 200,
  },
  dashboard: {
    vendors: dashboard.vendors,
    snapshots: dashboard.snapshots,
    riskMapBytes: dashboard.riskMapBytes,
    endpoints: dashboard.endpoints,
  },
  exports: { vendors: exportBench.vendors, csv: exportBench.csv, pdf: exportBench.pdf },
}
const file = path.join(import.meta.dirname, 'results.json')
// `npm run load` keeps its figures under `load` in the same file: carry them over.
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { load?: unknown }) : {}
writeFileSync(
  file,
  `${JSON.stringify({ ...results, ...(previous.load !== undefined && { load: previous.load }) }, null, 2)}\n`,
)
console.log(`wrote ${path.relative(process.cwd(), file)}`)
