/**
 * Exports at 50,000 vendors, end to end through the export service as `POST /api/exports` runs them (the register
 * as of today from the stored documents, scoring, writing, hashing, fsync), each beside a baseline measured in the
 * same run on the same rows: a plain join for the CSV, `JSON.stringify` of the register for the PDF. The register's
 * two sources are timed alone as well: the stored documents (today) and the audit log's replay (any past day).
 * Part of `npm run bench`; run it alone with `node --import tsx bench/exports.ts` (BENCH_EXPORT_VENDORS sets the
 * size).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { generateDemoVendors } from '../mocks/data'
import { openSqliteStore } from '../server/db/sqlite-store'
import { loadCurrentRegister, loadRegister } from '../server/exports/register-source'
import { createExportService } from '../server/services/export-service'
import { createVendorService } from '../server/services/vendor-service'
import { registerCells, registerRow, todayIsoDate, type ExportManifest } from '../src/domain'
import { measure, measureAsync, once, printFigures, type Figure, type Timing } from './measure'

/** Median, best and slowest of runs timed here, as `measure` reports them. */
function timingOf(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b)
  const round = (ms: number) => Math.round(ms * 100) / 100
  return {
    medianMs: round(sorted[Math.floor(sorted.length / 2)]!),
    minMs: round(sorted[0]!),
    p95Ms: round(sorted[Math.ceil(sorted.length * 0.95) - 1]!),
    runs: sorted.length,
  }
}

/** The promise: a 50,000-vendor register as CSV in at most 2 s. */
export const CSV_GOAL_MS = 2000

export interface ExportBench {
  vendors: number
  seedMs: number
  csv: { medianMs: number; baselineMs: number; bytes: number }
  pdf: { medianMs: number; baselineMs: number; bytes: number }
  figures: Figure[]
}

export async function benchExports(size = 50_000): Promise<ExportBench> {
  const dir = mkdtempSync(path.join(tmpdir(), 'vendor-risk-bench-exports-'))
  const label = size.toLocaleString('en')
  const figures: Figure[] = []
  try {
    const store = openSqliteStore(dir)
    const vendors = createVendorService(store)
    await vendors.init()
    const seed = await once(async () => {
      const demo = generateDemoVendors({ count: size, asOf: todayIsoDate() })
      await vendors.createMany(demo, { username: 'bench' }, 'bench')
    })
    const exportsService = createExportService({
      store,
      vendors,
      dataDir: dir,
      syncVendors: Number.MAX_SAFE_INTEGER,
    })
    const actor = { username: 'bench' }
    const head = await store.auditHead()

    // Where the time goes: the register and its scores, before any writing. Today's comes from the stored
    // documents; a past day's from replaying the audit log, which gives the same register for today. The two
    // alternate, so neither pays alone for the garbage the seed left.
    const options = { asOf: todayIsoDate(), untilSeq: head.seq }
    const times = { current: [] as number[], replay: [] as number[] }
    for (let i = 0; i < 4; i++) {
      let started = performance.now()
      if (!(await loadCurrentRegister(store, options)))
        throw new Error('today’s register did not come from the stored documents')
      if (i > 0) times.current.push(performance.now() - started)
      started = performance.now()
      await loadRegister(store, options)
      if (i > 0) times.replay.push(performance.now() - started)
    }
    const current = timingOf(times.current)
    const replay = timingOf(times.replay)
    const register = await loadRegister(store, { asOf: todayIsoDate(), untilSeq: head.seq })
    const rows = register.entries.map((e) =>
      registerCells(registerRow(e.vendor, register.explain(e), register.asOf, e.riskAcceptance)),
    )

    let csv: ExportManifest | undefined
    const csvTiming = await measureAsync(
      async () => {
        csv = await exportsService.create({ format: 'csv' }, actor)
        if (csv.status !== 'done') throw new Error(`CSV export ${csv.status}: ${csv.error}`)
      },
      { runs: 5, warmup: 1 },
    )
    // The same rows, joined with commas and newlines: no escaping, no file, no hash.
    const joinBaseline = measure(() => rows.map((cells) => cells.join(',')).join('\n').length, {
      runs: 5,
      warmup: 1,
    })

    let pdf: ExportManifest | undefined
    const pdfTiming = await measureAsync(
      async () => {
        pdf = await exportsService.create({ format: 'pdf' }, actor)
        if (pdf.status !== 'done') throw new Error(`PDF export ${pdf.status}: ${pdf.error}`)
      },
      { runs: 3, warmup: 1 },
    )
    const stringifyBaseline = measure(
      () => JSON.stringify(register.entries.map((e) => ({ vendor: e.vendor, score: e.score }))).length,
      { runs: 3, warmup: 1 },
    )
    store.close()

    figures.push(
      {
        name: `seed ${label} vendors for the export bench`,
        timing: seed,
        note: 'createMany: one transaction',
      },
      {
        name: `read + score ${label} vendors (register today)`,
        timing: current,
        note: 'stored documents → computeScore, in the inventory order: what a CSV as of today starts from',
      },
      {
        name: `replay + score ${label} vendors (register)`,
        timing: replay,
        note: 'audit log → documents as of the day → computeScore: what a past day’s export starts from',
      },
      {
        name: `export ${label} vendors as CSV`,
        timing: csvTiming,
        goalMs: CSV_GOAL_MS,
        note: 'POST /api/exports csv end to end: read, score, explain, escape, stream, SHA-256, fsync, manifest + audit',
      },
      {
        name: `baseline: plain join of the same ${label} rows`,
        timing: joinBaseline,
        note: 'rows already shaped; no escaping, file or hash',
      },
      {
        name: `export ${label} vendors as PDF report`,
        timing: pdfTiming,
        note: 'cover, summary, 3 charts (binned map), top 20, methodology, appendix of the top 200',
      },
      {
        name: `baseline: JSON.stringify of the ${label} entries`,
        timing: stringifyBaseline,
        note: 'the same register (documents and explained scores) as one JSON string',
      },
    )
    return {
      vendors: size,
      seedMs: seed.medianMs,
      csv: { medianMs: csvTiming.medianMs, baselineMs: joinBaseline.medianMs, bytes: csv?.bytes ?? 0 },
      pdf: { medianMs: pdfTiming.medianMs, baselineMs: stringifyBaseline.medianMs, bytes: pdf?.bytes ?? 0 },
      figures,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchExports(Number(process.env.BENCH_EXPORT_VENDORS ?? 50_000))
  console.log(`\nnode ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}\n`)
  printFigures(result.figures)
  console.log(
    `\nCSV: ${(result.csv.bytes / 1e6).toFixed(1)} MB, ${Math.round(result.csv.medianMs / result.csv.baselineMs)}× the plain join; ` +
      `PDF: ${(result.pdf.bytes / 1e6).toFixed(1)} MB, ${Math.round(result.pdf.medianMs / result.pdf.baselineMs)}× JSON.stringify`,
  )
}
