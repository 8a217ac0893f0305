/**
 * The front end's figures in headless Chromium (Debian's, through playwright-core), against the built SPA served
 * by the real server seeded with 100 and with 50,000 vendors: initial JS per route (gzip level 9), the time from
 * typing a search to the grid showing its result, the grid's DOM row count at both sizes, and Lighthouse's
 * performance score for the list and the dashboard. Part of `npm run bench`; run it alone with
 * `node --import tsx bench/frontend.ts` (BENCH_FRONTEND_VENDORS, BENCH_STATIC_DIR to reuse a build,
 * BENCH_LIGHTHOUSE=0 to skip Lighthouse).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { filterVendorSummaries, VendorListResponse, type VendorSummary } from '../src/domain'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium'
import { signedIn } from '../server/testing/api-client'
import { startServer, type ServerProcess } from '../server/testing/server-process'
import { measure } from './measure'

const VIEWPORT = { width: 1440, height: 900 }
const root = path.resolve(import.meta.dirname, '..')

/** Lighthouse runs per route and size; the median run is reported (BENCH_LIGHTHOUSE_RUNS). */
const LIGHTHOUSE_RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3))

export const GOALS = { listEntryJsGzipKb: 150, filterMs: 100, lighthouseScore: 95 } as const

export interface RouteJs {
  route: string
  /** The scripts index.html loads (entry + modulepreloads), before any lazy chunk. */
  entryGzipBytes: number
  /** Every script the route loaded until the network was quiet. */
  allGzipBytes: number
  rawBytes: number
  scripts: number
  /** Whether a loaded chunk carries recharts (recognised by its `recharts-wrapper` class name). */
  loadsRecharts: boolean
}

export interface FilterLatency {
  vendors: number
  queries: string[]
  runs: number
  medianMs: number
  minMs: number
  maxMs: number
}

export interface LighthouseScore {
  vendors: number
  route: string
  preset: 'desktop'
  /** The median run's score; its metrics below are that run's. */
  score: number
  /** Every run's score, in the order run. */
  scores: number[]
  /** Key metrics in ms (CLS unitless). */
  fcpMs: number
  lcpMs: number
  tbtMs: number
  cls: number
}

export interface FrontendBench {
  staticDir: string
  built: boolean
  buildMs: number | null
  sizes: number[]
  js: RouteJs[]
  filter: FilterLatency[]
  /**
   * The list endpoint's filter (filterVendorSummaries, which the server's index and the msw handlers run), in Node
   * over the largest size's list from scratch: what a search would cost the server without its caches.
   */
  filterInNode: { vendors: number; medianMs: number; minMs: number }
  rows: { vendors: number; domRows: number; ariaRowCount: number }[]
  rowsEqual: boolean
  lighthouse: LighthouseScore[]
  lighthouseSkipped?: string
  goals: typeof GOALS
  verdicts: {
    listEntryJs: boolean
    listLoadsNoRecharts: boolean
    filter: boolean
    rowsEqual: boolean
    lighthouse: boolean | null
  }
}

export interface FrontendBenchOptions {
  /** Vendor counts to seed; the first and the last are compared. Default [100, 50000]. */
  sizes?: number[]
  /** A built SPA to serve; without it the bench builds one into a temporary directory. */
  staticDir?: string
  filterRuns?: number
  lighthouse?: boolean
  log?: (line: string) => void
}

export async function benchFrontend({
  sizes = [100, 50_000],
  staticDir,
  filterRuns = 7,
  lighthouse = true,
  log = console.log,
}: FrontendBenchOptions = {}): Promise<FrontendBench> {
  let buildDir: string | undefined
  let buildMs: number | null = null
  if (staticDir === undefined) {
    buildDir = mkdtempSync(path.join(tmpdir(), 'vendor-risk-bench-spa-'))
    staticDir = buildDir
    log(`frontend: vite build into ${buildDir}…`)
    const started = performance.now()
    const build = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/vite/bin/vite.js'),
        'build',
        '--outDir',
        buildDir,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      { cwd: root, encoding: 'utf8' },
    )
    if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`)
    buildMs = Math.round(performance.now() - started)
  }
  const entryScripts = entryScriptsOf(readFileSync(path.join(staticDir, 'index.html'), 'utf8'))

  const servers: { size: number; server: ServerProcess }[] = []
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    const js: RouteJs[] = []
    const filter: FilterLatency[] = []
    const rows: FrontendBench['rows'] = []
    let largest: VendorSummary[] = []
    let queries: string[] = []
    for (const size of sizes) {
      log(`frontend: starting the server with ${size.toLocaleString('en')} vendors…`)
      const server = await startServer(
        { DEMO_SIZE: String(size), STATIC_DIR: staticDir },
        { startTimeoutMs: 300_000 },
      )
      servers.push({ size, server })
      const client = await signedIn(server.url, 'auditor')
      const items = VendorListResponse.parse(await client.json('/api/vendors?limit=50000')).items
      if (size === sizes.at(-1)) {
        largest = items
        queries = queriesFor(items, [], filterRuns + 1)
      }
      const context = await signedInContext(browser, client.cookie!, server.url)
      try {
        if (size === sizes.at(-1)) {
          // JS per route on the largest inventory (the bytes do not depend on it; the wait does).
          for (const route of ['/vendors', '/dashboard', `/vendors/${items[0]!.id}`]) {
            js.push(await routeJs(browser, client.cookie!, server.url, route, entryScripts))
          }
        }
        rows.push({ vendors: size, ...(await gridRows(context, server.url)) })
        if (queries.length === 0) queries = queriesFor(items, [], filterRuns + 1)
        filter.push(
          await filterLatency(
            context,
            server.url,
            size,
            queriesFor(items, queries, filterRuns + 1),
            filterRuns,
          ),
        )
      } finally {
        await context.close()
      }
    }
    await browser.close()

    const lighthouseScores: LighthouseScore[] = []
    let lighthouseSkipped: string | undefined
    if (lighthouse) {
      for (const { size, server } of servers) {
        const client = await signedIn(server.url, 'auditor')
        for (const route of ['/vendors', '/dashboard']) {
          log(
            `frontend: lighthouse ${route} at ${size.toLocaleString('en')} vendors (${LIGHTHOUSE_RUNS} runs)…`,
          )
          // One run swings by 5–10 points on a shared machine; Lighthouse's own advice is the median of several.
          const runs: LighthouseScore[] = []
          for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
            runs.push(await runLighthouse(`${server.url}${route}`, client.cookie!, size, route))
          }
          const median = [...runs].sort((a, b) => a.score - b.score)[Math.floor(runs.length / 2)]!
          lighthouseScores.push({ ...median, scores: runs.map((r) => r.score) })
        }
      }
    } else lighthouseSkipped = 'skipped (BENCH_LIGHTHOUSE=0 or lighthouse: false)'

    const q = queries[0] ?? 'a'
    const inNode = measure(() => filterVendorSummaries(largest, { q }).length, { runs: 15, warmup: 3 })
    const list = js.find((r) => r.route === '/vendors')
    const rowsEqual = rows.length > 1 && rows.every((r) => r.domRows === rows[0]!.domRows)
    const largestFilter = filter.at(-1)
    return {
      staticDir,
      built: buildDir !== undefined,
      buildMs,
      sizes,
      js,
      filter,
      filterInNode: { vendors: largest.length, medianMs: inNode.medianMs, minMs: inNode.minMs },
      rows,
      rowsEqual,
      lighthouse: lighthouseScores,
      ...(lighthouseSkipped !== undefined && { lighthouseSkipped }),
      goals: GOALS,
      verdicts: {
        listEntryJs: list !== undefined && list.entryGzipBytes <= GOALS.listEntryJsGzipKb * 1024,
        listLoadsNoRecharts: list !== undefined && !list.loadsRecharts,
        filter: largestFilter !== undefined && largestFilter.medianMs < GOALS.filterMs,
        rowsEqual,
        lighthouse:
          lighthouseScores.length === 0
            ? null
            : lighthouseScores.every((s) => s.score >= GOALS.lighthouseScore),
      },
    }
  } finally {
    if (browser.isConnected()) await browser.close()
    for (const { server } of servers) await server.stop()
    if (buildDir !== undefined) rmSync(buildDir, { recursive: true, force: true })
  }
}

/** The scripts index.html itself loads: its module script and its modulepreloads, as paths. */
function entryScriptsOf(html: string): Set<string> {
  const paths = new Set<string>()
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) paths.add(m[1]!)
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) paths.add(m[1]!)
  return paths
}

/** A first visit, in a fresh context (an empty cache), signed in. */
async function signedInContext(browser: Browser, cookie: string, base: string) {
  const context = await browser.newContext({ viewport: VIEWPORT })
  const [name, ...value] = cookie.split('=')
  await context.addCookies([{ name: name!, value: value.join('='), url: base }])
  return context
}

async function routeJs(browser: Browser, cookie: string, base: string, route: string, entry: Set<string>) {
  const context = await signedInContext(browser, cookie, base)
  const page = await context.newPage()
  const bodies: Promise<{ path: string; body: Buffer }>[] = []
  page.on('response', (response) => {
    const url = new URL(response.url())
    const type = response.headers()['content-type'] ?? ''
    if (response.request().resourceType() === 'script' || type.includes('javascript')) {
      bodies.push(response.body().then((body) => ({ path: url.pathname, body })))
    }
  })
  await page.goto(`${base}${route}`)
  // networkidle alone is not enough on a busy machine: parsing the entry can take longer than its 500 ms quiet
  // window before the route asks for anything. Wait for the route's content first, then for quiet.
  await page
    .locator(
      route === '/vendors'
        ? '[role=grid][aria-label=Vendors] .vendor-grid-body [role=row]'
        : route === '/dashboard'
          ? // A drawn chart: the dashboard's charts are plain SVG and HTML, each named as an image.
            'section.chart-card [role=img]'
          : // The profile's factor chart, which is recharts.
            '.recharts-wrapper',
    )
    .first()
    .waitFor({ timeout: 60_000 })
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(1000)
  const scripts = await Promise.all(bodies)
  await context.close()
  const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length
  let entryGzipBytes = 0
  let allGzipBytes = 0
  let rawBytes = 0
  let loadsRecharts = false
  for (const s of scripts) {
    const size = gz(s.body)
    allGzipBytes += size
    rawBytes += s.body.length
    if (entry.has(s.path)) entryGzipBytes += size
    if (s.body.includes('recharts-wrapper')) loadsRecharts = true
  }
  // The route key without the id, so runs compare.
  return {
    route: route.replace(/^\/vendors\/(?!import).+/, '/vendors/:id'),
    entryGzipBytes,
    allGzipBytes,
    rawBytes,
    scripts: scripts.length,
    loadsRecharts,
  } satisfies RouteJs
}

async function openList(context: BrowserContext, base: string) {
  const page = await context.newPage()
  await page.goto(`${base}/vendors`)
  await page.locator('[role=grid][aria-label=Vendors] .vendor-grid-body [role=row]').first().waitFor()
  return page
}

async function gridRows(context: BrowserContext, base: string) {
  const page = await openList(context, base)
  const counted = await page.evaluate(() => {
    const grid = document.querySelector('[role=grid][aria-label=Vendors]')!
    return {
      domRows: grid.querySelectorAll('[role=row]').length,
      ariaRowCount: Number(grid.getAttribute('aria-rowcount')),
    }
  })
  await page.close()
  return counted
}

/**
 * `count` searches whose result differs from the whole list (so the grid visibly changes), the preferred first.
 * Each run of the filter measurement needs its own: the list is filtered on the server, and a search typed again
 * would be answered from the SPA's query cache (or the server's result cache) instead.
 */
function queriesFor(items: readonly VendorSummary[], preferred: readonly string[], count: number): string[] {
  const candidates = [
    ...preferred,
    ...['cloud', 'pay', 'data', 'secure', 'net', 'ops', 'soft', 'log', 'health', 'tech', 'mail', 'link'],
    ...['care', 'serv', 'labs', 'ware', 'fin', 'shield', 'base', 'wise', 'wave', 'field', 'point', 'freight'],
  ]
  const all = filterVendorSummaries(items, {}).length
  return [...new Set(candidates)]
    .filter((q) => {
      const n = filterVendorSummaries(items, { q }).length
      return n > 0 && n < all
    })
    .slice(0, count)
}

/**
 * From the search box's input event to the animation frame after the grid's aria-rowcount changed (the frame that
 * paints the result), measured in the page: the request for the search's first page, the server's answer and the
 * render. Each run types a whole query at once (insertText: one input event), one not typed before on this page,
 * then clears the box and waits for the full list again.
 */
async function filterLatency(
  context: BrowserContext,
  base: string,
  vendors: number,
  queries: string[],
  runs: number,
): Promise<FilterLatency> {
  const page = await openList(context, base)
  const search = page.getByRole('searchbox', { name: 'Search vendors' })
  await search.focus()
  const rowCount = () =>
    document.querySelector('[role=grid][aria-label=Vendors]')?.getAttribute('aria-rowcount') ?? ''
  const full = await page.evaluate(rowCount)
  const times: number[] = []
  const one = async (q: string) => {
    // Armed (and awaited) before the keystroke, so the listener is in place when the input event comes.
    await page.evaluate(() => {
      const grid = document.querySelector('[role=grid][aria-label=Vendors]')!
      const w = window as unknown as { benchFilter?: Promise<number> }
      w.benchFilter = new Promise<number>((resolve, reject) => {
        let started = -1
        // Inline listeners only: tsx names const functions with a helper the page does not have.
        document.addEventListener('input', () => (started = performance.now()), { capture: true, once: true })
        const observer = new MutationObserver(() => {
          observer.disconnect()
          if (started < 0) reject(new Error('the grid changed before the input event'))
          requestAnimationFrame(() => resolve(performance.now() - started))
        })
        observer.observe(grid, { attributes: true, attributeFilter: ['aria-rowcount'] })
        setTimeout(() => reject(new Error('the grid did not change in 30 s')), 30_000)
      })
    })
    await page.keyboard.insertText(q)
    const ms = await page.evaluate(() => (window as unknown as { benchFilter: Promise<number> }).benchFilter)
    await search.fill('')
    await page.waitForFunction(
      (want) =>
        document.querySelector('[role=grid][aria-label=Vendors]')?.getAttribute('aria-rowcount') === want,
      full,
    )
    await page.waitForTimeout(100)
    return ms
  }
  if (queries.length < 2) throw new Error('too few searches narrow this list')
  await one(queries[0]!) // warm-up
  // A search typed again would come from a cache: run each once.
  runs = Math.min(runs, queries.length - 1)
  for (let i = 1; i <= runs; i++) times.push(await one(queries[i]!))
  await page.close()
  times.sort((a, b) => a - b)
  const round = (ms: number) => Math.round(ms * 10) / 10
  return {
    vendors,
    queries,
    runs,
    medianMs: round(times[Math.floor(times.length / 2)]!),
    minMs: round(times[0]!),
    maxMs: round(times.at(-1)!),
  }
}

async function runLighthouse(
  url: string,
  cookie: string,
  vendors: number,
  route: string,
): Promise<LighthouseScore> {
  const [{ default: lighthouse, desktopConfig }, { launch }] = await Promise.all([
    import('lighthouse'),
    import('chrome-launcher'),
  ])
  const chrome = await launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
    logLevel: 'silent',
  })
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
        extraHeaders: { Cookie: cookie },
      },
      desktopConfig,
    )
    if (result === undefined) throw new Error(`lighthouse gave no result for ${url}`)
    const lhr = result.lhr
    const score = lhr.categories.performance?.score
    if (typeof score !== 'number') {
      throw new Error(
        `lighthouse: no performance score for ${url}: ${lhr.runtimeError?.message ?? 'unknown'}`,
      )
    }
    const metric = (id: string) => Math.round((lhr.audits[id]?.numericValue ?? NaN) * 1000) / 1000
    return {
      vendors,
      route,
      preset: 'desktop',
      score: Math.round(score * 100),
      scores: [Math.round(score * 100)],
      fcpMs: Math.round(metric('first-contentful-paint')),
      lcpMs: Math.round(metric('largest-contentful-paint')),
      tbtMs: Math.round(metric('total-blocking-time')),
      cls: metric('cumulative-layout-shift'),
    }
  } finally {
    chrome.kill()
  }
}

export function printFrontend(r: FrontendBench, print: (line: string) => void = console.log) {
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`
  const verdict = (ok: boolean | null) => (ok === null ? 'not run' : ok ? 'met' : 'not met')
  print(
    `\nfront end (${r.built ? `built into ${r.staticDir}` : `served from ${r.staticDir}`}), headless Chromium:`,
  )
  for (const j of r.js) {
    print(
      `  JS ${j.route.padEnd(14)} entry ${kb(j.entryGzipBytes)} gz, all loaded ${kb(j.allGzipBytes)} gz ` +
        `(${j.scripts} scripts, ${kb(j.rawBytes)} raw)${j.loadsRecharts ? ', loads recharts' : ''}`,
    )
  }
  print(
    `  list entry JS goal ≤ ${GOALS.listEntryJsGzipKb} KB gz: ${verdict(r.verdicts.listEntryJs)}; ` +
      `list loads no recharts: ${verdict(r.verdicts.listLoadsNoRecharts)}`,
  )
  for (const f of r.filter) {
    print(
      `  filter → grid at ${f.vendors.toLocaleString('en')} vendors: median ${f.medianMs} ms ` +
        `(min ${f.minMs}, max ${f.maxMs}, ${f.runs} runs of ${f.queries.join(', ')})`,
    )
  }
  print(
    `  baseline: filterVendorSummaries over ${r.filterInNode.vendors.toLocaleString('en')} in Node: ${r.filterInNode.medianMs} ms; ` +
      `goal < ${GOALS.filterMs} ms: ${verdict(r.verdicts.filter)}`,
  )
  print(
    `  DOM rows: ${r.rows.map((x) => `${x.domRows} at ${x.vendors.toLocaleString('en')}`).join(', ')} — equal: ${verdict(r.rowsEqual)}`,
  )
  for (const l of r.lighthouse) {
    print(
      `  lighthouse ${l.route.padEnd(10)} at ${l.vendors.toLocaleString('en')}: ${l.score} ` +
        `[runs ${l.scores.join(', ')}] (median run: FCP ${l.fcpMs} ms, LCP ${l.lcpMs} ms, TBT ${l.tbtMs} ms, CLS ${l.cls}; ${l.preset})`,
    )
  }
  print(
    `  lighthouse goal ≥ ${GOALS.lighthouseScore}: ${r.lighthouseSkipped ?? verdict(r.verdicts.lighthouse)}`,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const size = Number(process.env.BENCH_FRONTEND_VENDORS ?? 50_000)
  const result = await benchFrontend({
    sizes: [100, size],
    ...(process.env.BENCH_STATIC_DIR !== undefined && {
      staticDir: path.resolve(process.env.BENCH_STATIC_DIR),
    }),
    lighthouse: process.env.BENCH_LIGHTHOUSE !== '0',
  })
  console.log(`\nnode ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`)
  printFrontend(result)
}
