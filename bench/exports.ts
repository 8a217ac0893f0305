/**
 * Exports at 50,000 vendors, end to end through the export service as `POST /api/exports` runs them (replay of
 * the audit log, scoring, writing, hashing, fsync), each beside a baseline measured in the same run on the same
 * rows: a plain join for the CSV, `JSON.stringify` of the register for the PDF. Part of `npm run bench`; run it
 * alone with `node --import tsx bench/exports.ts` (BENCH_EXPORT_VENDORS sets the size).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { generateDemoVendors } from '../mocks/data'
import { openSqliteStore } from '../server/db/sqlite-store'
import { loadRegister } from '../server/exports/register-source'
import { createExportService } from '../server/services/export-service'
import { createVendorService } from '../server/services/vendor-service'
import { registerCells, registerRow, todayIsoDate, type ExportManifest } from '../src/domain'
import { measure, measureAsync, once, printFigures, type Figure } from './measure'

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

    // Where the time goes: rebuilding the register from the audit log and scoring it, before any writing.
    const replay = await measureAsync(
      () => loadRegister(store, { asOf: todayIsoDate(), untilSeq: head.seq }),
      {
        runs: 3,
        warmup: 1,
      },
    )
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
        name: `replay + score ${label} vendors (register)`,
        timing: replay,
        note: 'audit log → documents as of today → scoreVendor with explanations',
      },
      {
        name: `export ${label} vendors as CSV`,
        timing: csvTiming,
        goalMs: CSV_GOAL_MS,
        note: 'POST /api/exports csv end to end: replay, score, escape, stream, SHA-256, fsync, manifest + audit',
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
