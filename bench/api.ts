/**
 * The API figure: `GET /api/vendors` first page, filtered and sorted, against the real server (a child process on
 * 127.0.0.1, seeded with 50,000 demo vendors through DEMO_SIZE, as `npm run load` starts it), 16 connections for
 * 10 s with autocannon, signed in with the session cookie. Baseline in the same run: a bare Hono app in its own
 * process answering the same bytes from memory (bench/bare-server.ts). Part of `npm run bench`; run it alone with
 * `node --import tsx bench/api.ts` (BENCH_API_VENDORS, BENCH_API_SECONDS, BENCH_API_CONNECTIONS).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import autocannon, { type Result } from 'autocannon'
import { signedIn } from '../server/testing/api-client'
import { startServer } from '../server/testing/server-process'

/** The promise for the list's first page under 16 connections. */
export const API_P95_GOAL_MS = 50
export const API_PATH = '/api/vendors?tier=critical,high&sort=score&order=desc&limit=50'

export interface Cannonade {
  p50: number
  p95: number
  p99: number
  max: number
  requestsPerSecond: number
  requests: number
  non2xx: number
  errors: number
}

export interface ApiBench {
  vendors: number
  connections: number
  seconds: number
  path: string
  bodyBytes: number
  seedMs: number
  api: Cannonade
  baseline: Cannonade
  /** api p95 / baseline p95 */
  ratioP95: number
  goalP95Ms: number
  met: boolean
}

export interface ApiBenchOptions {
  vendors?: number
  seconds?: number
  connections?: number
  log?: (line: string) => void
}

/** autocannon's histogram has p97_5 and p99 but no p95: it is computed from the per-request latencies. */
async function cannonade(url: string, connections: number, seconds: number, cookie?: string) {
  const latencies: number[] = []
  const result: Result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [{ method: 'GET', ...(cookie !== undefined && { headers: { cookie } }) }],
    setupClient: (client) => client.on('response', (_status, _bytes, ms) => latencies.push(ms)),
  })
  latencies.sort((a, b) => a - b)
  const at = (q: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0)
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: round(latencies.at(-1) ?? 0),
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  } satisfies Cannonade
}

const round = (ms: number) => Math.round(ms * 100) / 100

export async function benchApi({
  vendors = 50_000,
  seconds = 10,
  connections = 16,
  log = console.log,
}: ApiBenchOptions = {}): Promise<ApiBench> {
  log(`api: starting the server with ${vendors.toLocaleString('en')} vendors…`)
  const seedStarted = performance.now()
  const server = await startServer({ DEMO_SIZE: String(vendors) }, { startTimeoutMs: 300_000 })
  const seedMs = Math.round(performance.now() - seedStarted)
  const dir = mkdtempSync(path.join(tmpdir(), 'vendor-risk-bench-api-'))
  try {
    const client = await signedIn(server.url, 'auditor')
    const response = await client.get(API_PATH)
    if (response.status !== 200) throw new Error(`GET ${API_PATH} answered ${response.status}`)
    const body = await response.text()
    log(`api: ${connections} connections × ${seconds} s on ${API_PATH} (${body.length} bytes)…`)
    const api = await cannonade(`${server.url}${API_PATH}`, connections, seconds, client.cookie!)

    const bodyFile = path.join(dir, 'body.json')
    writeFileSync(bodyFile, body)
    const bare = await startBare(bodyFile)
    try {
      log(`api: the same against a bare Hono endpoint…`)
      const baseline = await cannonade(`${bare.url}/api/vendors`, connections, seconds)
      return {
        vendors,
        connections,
        seconds,
        path: API_PATH,
        bodyBytes: body.length,
        seedMs,
        api,
        baseline,
        ratioP95: round(api.p95 / Math.max(baseline.p95, 0.01)),
        goalP95Ms: API_P95_GOAL_MS,
        met: api.p95 <= API_P95_GOAL_MS && api.non2xx === 0 && api.errors === 0,
      }
    } finally {
      await bare.stop()
    }
  } finally {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function startBare(bodyFile: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'bare-server.ts')],
    {
      env: { ...process.env, BARE_BODY_FILE: bodyFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      output += d
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) resolve(match[1]!)
    })
    child.stderr.on('data', (d) => (output += d))
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}:\n${output}`)))
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

export function printApi(r: ApiBench, print: (line: string) => void = console.log) {
  const line = (label: string, c: Cannonade) =>
    `  ${label.padEnd(22)} p50 ${c.p50} ms  p95 ${c.p95} ms  p99 ${c.p99} ms  ${c.requestsPerSecond.toLocaleString('en')} req/s` +
    (c.non2xx + c.errors > 0 ? `  (${c.non2xx} non-2xx, ${c.errors} errors)` : '')
  print(
    `\nAPI ${r.path} at ${r.vendors.toLocaleString('en')} vendors, ${r.connections} connections × ${r.seconds} s:`,
  )
  print(line('the server', r.api))
  print(line('baseline: bare Hono', r.baseline))
  print(`  p95 goal ≤ ${r.goalP95Ms} ms: ${r.met ? 'met' : 'not met'} (p95 ${r.ratioP95}× the bare endpoint)`)
}

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback)

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchApi({
    vendors: env('BENCH_API_VENDORS', 50_000),
    seconds: env('BENCH_API_SECONDS', 10),
    connections: env('BENCH_API_CONNECTIONS', 16),
  })
  console.log(`\nnode ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`)
  printApi(result)
}
