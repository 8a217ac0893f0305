import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * CI's smoke run of `npm run bench`: every section at toy sizes, written to a temporary file, checked for
 * well-formed figures. It never asserts a speed: on a shared CI machine only the shape of the answer is stable.
 * Lighthouse is skipped (a run takes ~20 s); the rest takes about a minute on 2 cores.
 */
const root = path.resolve(import.meta.dirname, '..')
const dir = mkdtempSync(path.join(tmpdir(), 'vendor-risk-bench-smoke-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('npm run bench at toy sizes', () => {
  it('produces every section’s figures beside their baselines and goals', () => {
    const out = path.join(dir, 'results.json')
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', `--out=${out}`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 170_000,
      env: {
        ...process.env,
        BENCH_VENDORS: '500',
        BENCH_IMPORT_ROWS: '200',
        BENCH_DASHBOARD_VENDORS: '200',
        BENCH_EXPORT_VENDORS: '200',
        BENCH_API_VENDORS: '200',
        BENCH_API_SECONDS: '1',
        BENCH_API_CONNECTIONS: '4',
        BENCH_FRONTEND_VENDORS: '200',
        BENCH_FILTER_RUNS: '2',
        BENCH_LIGHTHOUSE: '0',
      },
    })
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0)
    expect(run.stdout).toContain('figures beside their baselines and goals')

    const r = JSON.parse(readFileSync(out, 'utf8')) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(r.sections).toEqual(['scoring', 'import', 'dashboard', 'exports', 'api', 'frontend'])
    const isPositive = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x > 0

    expect(isPositive(r.scoring.medianMs) && isPositive(r.scoring.baselineMs)).toBe(true)
    expect(isPositive(r.import.applyMs) && isPositive(r.import.rawInsertMs)).toBe(true)
    expect(r.dashboard.endpoints.length).toBeGreaterThan(5)
    for (const e of r.dashboard.endpoints) expect(isPositive(e.sqlP95Ms) && isPositive(e.jsMs)).toBe(true)
    expect(isPositive(r.exports.csv.medianMs) && isPositive(r.exports.pdf.bytes)).toBe(true)

    for (const side of [r.api.api, r.api.baseline]) {
      for (const key of ['p50', 'p95', 'p99', 'requestsPerSecond'])
        expect(isPositive(side[key]), key).toBe(true)
      expect(side.p50).toBeLessThanOrEqual(side.p95)
      expect(side.p95).toBeLessThanOrEqual(side.p99)
      expect(side.non2xx + side.errors).toBe(0)
    }

    const fe = r.frontend
    expect(fe.js.map((j: { route: string }) => j.route)).toEqual(['/vendors', '/dashboard', '/vendors/:id'])
    for (const j of fe.js) {
      expect(isPositive(j.entryGzipBytes)).toBe(true)
      expect(j.allGzipBytes).toBeGreaterThanOrEqual(j.entryGzipBytes)
    }
    // The detector works: the profile's factor chart is recharts; the dashboard draws its own charts.
    expect(fe.js[2].loadsRecharts).toBe(true)
    expect(fe.js[1].loadsRecharts).toBe(false)
    for (const f of fe.filter) expect(isPositive(f.medianMs)).toBe(true)
    expect(fe.rows.map((x: { vendors: number }) => x.vendors)).toEqual([100, 200])
    expect(fe.rows[0].domRows).toBeGreaterThan(1)
    expect(fe.rowsEqual).toBe(true)
    expect(fe.lighthouse).toEqual([])

    expect(r.goals.length).toBeGreaterThan(10)
    for (const g of r.goals) expect(Number.isFinite(g.value)).toBe(true)
  }, 180_000)
})
