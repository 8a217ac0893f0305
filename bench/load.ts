/**
 * `npm run load`: 50 connections of mixed reads and writes for 30 s against a real server on 127.0.0.1
 * (autocannon), then proof that nothing was lost: every acknowledged write is stored and served, each write left
 * unanswered when the run stopped is there whole or not at all, the audit log grew by exactly the writes that
 * committed, and its chain verifies. Prints a table and writes the figures under `load` in bench/results.json,
 * keeping the other keys. Shorter runs: LOAD_SECONDS, LOAD_CONNECTIONS, LOAD_VENDORS (or --seconds=N,
 * --connections=N, --vendors=N); --no-write leaves results.json alone. server/load.test.ts runs the same harness
 * for 3 s as a smoke test.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import autocannon, { type Context, type RequestSpec, type Result } from 'autocannon'
import Database from 'better-sqlite3'
import { todayIsoDate, VendorDetailResponse, VendorListResponse, type IncidentInput } from '../src/domain'
import { signedIn, type ApiClient } from '../server/testing/api-client'
import { startServer } from '../server/testing/server-process'

export interface LoadOptions {
  seconds: number
  connections: number
  /** Demo vendors the server is seeded with. */
  vendors: number
  log?: (line: string) => void
}

type WriteKind = 'patch' | 'incident' | 'review'

/** A write the run sent, and what became of it. */
interface Write {
  kind: WriteKind
  vendorId: string
  /** Unique text the write stores (owner, incident summary, review notes), to find it afterwards. */
  marker: string
  /** The answer's status; undefined when the run stopped (or the socket failed) before it came. */
  status?: number
  /** A PATCH's new version, from its ETag. */
  version?: number
}

export interface LoadResult {
  ok: boolean
  problems: string[]
  connections: number
  seconds: number
  vendors: number
  requests: { total: number; perSecond: number }
  latencyMs: { p50: number; p90: number; p99: number; max: number }
  /** Answers per request kind and status. */
  statuses: Record<string, Record<string, number>>
  /** Answers outside what each request may answer (reads 200, PATCH 200 or 412, POSTs 201). */
  unexpected: number
  socketErrors: number
  timeouts: number
  writes: {
    acknowledged: Record<WriteKind, number>
    /** PATCHes answered 412: another connection saved the vendor first, as the API promises to say. */
    conflicts: number
    /** Acknowledged writes missing from the database or the API afterwards. */
    lost: number
    /** Sent but unanswered when the run stopped: each committed whole, or absent with its audit entry. */
    unanswered: { total: number; committed: number; absent: number; halfApplied: number }
  }
  audit: { before: number; after: number; added: number; expectedAdded: number; chainOk: boolean }
}

const LIST_QUERIES = [
  'tier=critical,high&sort=score',
  'outsidePerimeter=true&sort=records&order=desc',
  'openIncident=true&sort=lastIncidentAt',
  'dataLocation=vendor_environment,both&networkAccess=remote,privileged',
  'reviewOverdue=true&sort=nextReviewDue',
  'q=cloud&sort=name',
  'dataClass=pii,payment&sort=exposure',
  'status=onboarding&sort=owner',
]
const DASHBOARD = [
  'tiers',
  'risk-map',
  'trend?interval=week',
  'top-risks?limit=10',
  'exposure',
  'incidents?months=12',
  'fourth-parties?limit=10',
  'reviews',
]
const ACCEPTED: Record<string, number[]> = { read: [200], patch: [200, 412], incident: [201], review: [201] }

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!

function incidentBody(summary: string): IncidentInput {
  return {
    occurredAt: todayIsoDate(),
    kind: pick(['breach', 'outage', 'vulnerability'] as const),
    severity: pick(['low', 'medium', 'high'] as const),
    recordsExposed: Math.floor(Math.random() * 10_000),
    status: 'open',
    notifiedAfterDays: 2,
    summary,
  }
}

export async function runLoad({
  seconds,
  connections,
  vendors,
  log = console.log,
}: LoadOptions): Promise<LoadResult> {
  const server = await startServer({ DEMO_SIZE: String(vendors) }, { startTimeoutMs: 120_000 })
  try {
    const [writer, reader] = await Promise.all([
      signedIn(server.url, 'procurement'),
      signedIn(server.url, 'auditor'),
    ])
    const ids = VendorListResponse.parse(
      await reader.json('/api/vendors?status=active,onboarding&limit=50000'),
    ).items.map((v) => v.id)
    const auditBefore = await verify(reader)
    const seqBefore = auditBefore.entries

    const run = Date.now().toString(36)
    let next = 0
    const writes: Write[] = []
    const statuses: Record<string, Record<string, number>> = {}
    let unexpected = 0
    const samples: string[] = []
    const tally = (label: string, kind: keyof typeof ACCEPTED, status: number, body: string) => {
      const byStatus = (statuses[label] ??= {})
      byStatus[status] = (byStatus[status] ?? 0) + 1
      if (!ACCEPTED[kind]!.includes(status)) {
        unexpected += 1
        if (samples.length < 5) samples.push(`${label} → ${status}: ${body.slice(0, 300)}`)
      }
    }

    const readHeaders = () => ({ cookie: reader.cookie! })
    const writeHeaders = (extra: Record<string, string> = {}) => ({
      cookie: writer.cookie!,
      'x-csrf-token': writer.csrfToken!,
      'content-type': 'application/json',
      ...extra,
    })
    const read = (label: string, pathOf: (context: Context) => string, onOk?: OnResponse): RequestSpec => ({
      setupRequest: (request, context) => ({
        ...request,
        method: 'GET',
        path: pathOf(context),
        headers: readHeaders(),
      }),
      onResponse: (status, body, context, headers) => {
        tally(label, 'read', status, body)
        if (status === 200) onOk?.(status, body, context, headers)
      },
    })
    /** A write: `body` builds it and records it as sent; the answer settles it. */
    const write = (
      kind: WriteKind,
      label: string,
      build: (
        context: Context,
        marker: string,
      ) => {
        vendorId: string
        path: string
        method: string
        body: unknown
        headers?: Record<string, string>
      },
    ): RequestSpec => ({
      setupRequest: (request, context) => {
        const marker = `load ${run} ${kind} ${next++}`
        const spec = build(context, marker)
        const sent: Write = { kind, vendorId: spec.vendorId, marker }
        writes.push(sent)
        context.write = sent
        return {
          ...request,
          method: spec.method,
          path: spec.path,
          headers: writeHeaders(spec.headers),
          body: JSON.stringify(spec.body),
        }
      },
      onResponse: (status, body, context, headers) => {
        tally(label, kind, status, body)
        const sent = context.write as Write
        sent.status = status
        const etag = headers.etag ?? headers.ETag
        if (typeof etag === 'string') sent.version = Number(/"(\d+)"/.exec(etag)?.[1])
      },
    })

    // One cycle per connection: seven reads and three writes (an edit with If-Match, an incident, a review).
    const requests: RequestSpec[] = [
      read('GET /api/vendors (filters)', () => `/api/vendors?limit=50&${pick(LIST_QUERIES)}`),
      read(
        'GET /api/vendors/:id',
        (context) => {
          // The vendor the cycle's PATCH edits, with the ETag this read returns.
          context.vendorId = pick(ids)
          return `/api/vendors/${context.vendorId as string}`
        },
        (_status, _body, context, headers) => {
          context.etag = headers.etag ?? headers.ETag
        },
      ),
      write('patch', 'PATCH /api/vendors/:id', (context, marker) => ({
        vendorId: context.vendorId as string,
        method: 'PATCH',
        path: `/api/vendors/${context.vendorId as string}`,
        body: { owner: marker },
        headers: { 'if-match': (context.etag as string | undefined) ?? '"0"' },
      })),
      read('GET /api/dashboard/*', () => `/api/dashboard/${pick(DASHBOARD)}`),
      write('incident', 'POST /api/vendors/:id/incidents', (_context, marker) => {
        const vendorId = pick(ids)
        return {
          vendorId,
          method: 'POST',
          path: `/api/vendors/${vendorId}/incidents`,
          body: incidentBody(marker),
        }
      }),
      read('GET /api/audit-log', () => '/api/audit-log?limit=50'),
      read(
        'GET /api/vendors (search)',
        () => `/api/vendors?q=${pick(['a', 'se', 'cloud', 'pay'])}&sort=name`,
      ),
      write('review', 'POST /api/vendors/:id/reviews', (_context, marker) => {
        const vendorId = pick(ids)
        return {
          vendorId,
          method: 'POST',
          path: `/api/vendors/${vendorId}/reviews`,
          body: { completedAt: todayIsoDate(), notes: marker },
        }
      }),
      read('GET /api/dashboard/*', () => `/api/dashboard/${pick(DASHBOARD)}`),
      read('GET /api/vendors/:id/history', () => `/api/vendors/${pick(ids)}/history`),
    ]

    log(`load: ${connections} connections for ${seconds} s against ${vendors.toLocaleString('en')} vendors…`)
    const result: Result = await autocannon({
      url: server.url,
      connections,
      duration: seconds,
      timeout: 30,
      requests,
    })
    // Requests the run cut off may still be running in the server: let them finish before counting.
    await new Promise((resolve) => setTimeout(resolve, 500))

    const found = inspectDatabase(server.dataDir, run, seqBefore)
    const problems: string[] = [...samples]
    let lost = 0
    const unanswered = { total: 0, committed: 0, absent: 0, halfApplied: 0 }
    const acknowledged: Record<WriteKind, number> = { patch: 0, incident: 0, review: 0 }
    let conflicts = 0
    for (const w of writes) {
      const stored =
        w.kind === 'patch' ? (found.audited.get(w.marker) ?? 0) : (found.stored.get(w.marker) ?? 0)
      const audited = found.audited.get(w.marker) ?? 0
      if (w.status === undefined) {
        unanswered.total += 1
        if (stored !== audited || stored > 1) {
          unanswered.halfApplied += 1
          problems.push(`unanswered ${w.kind} ${w.marker}: stored ${stored}×, audited ${audited}×`)
        } else if (stored === 1) unanswered.committed += 1
        else unanswered.absent += 1
      } else if (w.kind === 'patch' && w.status === 412) {
        conflicts += 1
        if (audited !== 0) problems.push(`PATCH ${w.marker} answered 412 but was applied`)
      } else if (w.status === 200 || w.status === 201) {
        acknowledged[w.kind] += 1
        const version = found.versions.get(w.vendorId) ?? 0
        if (stored !== 1 || audited !== 1 || (w.version !== undefined && version < w.version)) {
          lost += 1
          if (problems.length < 20)
            problems.push(`acknowledged ${w.kind} ${w.marker}: stored ${stored}×, audited ${audited}×`)
        }
      }
    }
    if (found.ownerDisagrees > 0)
      problems.push(`${found.ownerDisagrees} vendors' owner is not their last audited edit`)
    if (found.foreignEntries > 0)
      problems.push(`${found.foreignEntries} audit entries the load did not write`)
    if (found.integrity !== 'ok') problems.push(`integrity_check: ${found.integrity}`)

    // What the server serves: the chain, and every vendor an acknowledged incident went to, with that incident.
    const auditAfter = await verify(reader)
    const expectedAdded =
      writes.filter((w) => w.status === 200 || w.status === 201).length + unanswered.committed
    if (!auditAfter.ok) problems.push('GET /api/audit-log/verify is not ok')
    if (auditAfter.entries - auditBefore.entries !== expectedAdded) {
      problems.push(
        `the audit log grew by ${auditAfter.entries - auditBefore.entries}, expected ${expectedAdded}`,
      )
    }
    const incidentsByVendor = new Map<string, string[]>()
    for (const w of writes) {
      if (w.kind === 'incident' && w.status === 201)
        incidentsByVendor.set(w.vendorId, [...(incidentsByVendor.get(w.vendorId) ?? []), w.marker])
    }
    for (const [vendorId, markers] of incidentsByVendor) {
      const detail = VendorDetailResponse.parse(await reader.json(`/api/vendors/${vendorId}`))
      const served = new Set(detail.vendor.incidents.map((i) => i.summary))
      const missing = markers.filter((m) => !served.has(m))
      if (missing.length > 0)
        problems.push(`GET /api/vendors/${vendorId} lacks ${missing.length} acknowledged incidents`)
    }
    if (unexpected > 0) problems.push(`${unexpected} unexpected statuses`)
    if (result.errors > 0) problems.push(`${result.errors} socket errors (${result.timeouts} timeouts)`)
    if (lost > 0) problems.push(`${lost} acknowledged writes lost`)
    if (server.output().includes('[error]')) problems.push('the server logged an [error]')

    return {
      ok: problems.length === 0,
      problems,
      connections,
      seconds,
      vendors,
      requests: {
        total: result.requests.total,
        perSecond: Math.round(result.requests.total / result.duration),
      },
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      statuses,
      unexpected,
      socketErrors: result.errors,
      timeouts: result.timeouts,
      writes: { acknowledged, conflicts, lost, unanswered },
      audit: {
        before: auditBefore.entries,
        after: auditAfter.entries,
        added: auditAfter.entries - auditBefore.entries,
        expectedAdded,
        chainOk: auditAfter.ok,
      },
    }
  } finally {
    await server.stop()
  }
}

type OnResponse = NonNullable<RequestSpec['onResponse']>

const verify = (client: ApiClient) => client.json<{ ok: boolean; entries: number }>('/api/audit-log/verify')

/**
 * Reads what the run left in the database, through a read-only connection beside the running server: for every
 * marker how often its change is stored and how often the audit log records it, in one pass over each table.
 */
function inspectDatabase(dataDir: string, run: string, seqBefore: number) {
  const db = new Database(path.join(dataDir, 'vendor-risk.sqlite'), { readonly: true, fileMustExist: true })
  try {
    const prefix = `load ${run} %`
    const bump = (map: Map<string, number>, key: string | null) => {
      if (key !== null) map.set(key, (map.get(key) ?? 0) + 1)
    }
    const stored = new Map<string, number>()
    const incidents = db
      .prepare(
        `SELECT i.value ->> '$.summary' AS marker FROM vendors, json_each(vendors.doc, '$.incidents') i
         WHERE i.value ->> '$.summary' LIKE ?`,
      )
      .all(prefix) as { marker: string }[]
    for (const r of incidents) bump(stored, r.marker)
    for (const r of db.prepare('SELECT notes AS marker FROM reviews WHERE notes LIKE ?').all(prefix) as {
      marker: string
    }[]) {
      bump(stored, r.marker)
    }

    const audited = new Map<string, number>()
    const lastOwner = new Map<string, string>()
    let foreignEntries = 0
    const entries = db
      .prepare(
        `SELECT action, entity_id AS entityId, CASE action WHEN 'vendor.update' THEN after ->> '$.owner'
           WHEN 'incident.create' THEN after ->> '$.summary' WHEN 'review.create' THEN after ->> '$.notes' END AS marker
         FROM audit_log WHERE seq > ? ORDER BY seq`,
      )
      .all(seqBefore) as { action: string; entityId: string; marker: string | null }[]
    for (const e of entries) {
      if (e.marker === null || !e.marker.startsWith(`load ${run} `)) foreignEntries += 1
      bump(audited, e.marker)
      if (e.action === 'vendor.update' && e.marker !== null) lastOwner.set(e.entityId, e.marker)
    }

    const versions = new Map<string, number>()
    let ownerDisagrees = 0
    for (const r of db.prepare("SELECT id, version, doc ->> '$.owner' AS owner FROM vendors").all() as {
      id: string
      version: number
      owner: string
    }[]) {
      versions.set(r.id, r.version)
      const last = lastOwner.get(r.id)
      if (last !== undefined && last !== r.owner) ownerDisagrees += 1
    }
    const integrity = String(db.pragma('integrity_check', { simple: true }))
    return { stored, audited, versions, ownerDisagrees, foreignEntries, integrity }
  } finally {
    db.close()
  }
}

export function printLoad(r: LoadResult, print: (line: string) => void = console.log) {
  const n = (x: number) => x.toLocaleString('en')
  const rows: [string, string][] = [
    ['requests', `${n(r.requests.total)} in ${r.seconds} s (${n(r.requests.perSecond)}/s)`],
    [
      'latency',
      `p50 ${r.latencyMs.p50} ms, p90 ${r.latencyMs.p90} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms`,
    ],
    ...Object.entries(r.statuses).map(([label, byStatus]): [string, string] => [
      label,
      Object.entries(byStatus)
        .map(([status, count]) => `${n(count)} × ${status}`)
        .join(', '),
    ]),
    [
      'errors',
      `${r.unexpected} unexpected statuses, ${r.socketErrors} socket errors, ${r.timeouts} timeouts`,
    ],
    [
      'writes acknowledged',
      `${n(r.writes.acknowledged.patch)} edits, ${n(r.writes.acknowledged.incident)} incidents, ` +
        `${n(r.writes.acknowledged.review)} reviews; ${r.writes.lost} lost`,
    ],
    ['edit conflicts (412)', `${n(r.writes.conflicts)}, none applied`],
    [
      'cut off by the stop',
      `${r.writes.unanswered.total}: ${r.writes.unanswered.committed} committed whole, ` +
        `${r.writes.unanswered.absent} absent, ${r.writes.unanswered.halfApplied} half-applied`,
    ],
    [
      'audit log',
      `${n(r.audit.before)} → ${n(r.audit.after)} entries (+${n(r.audit.added)}, expected +${n(r.audit.expectedAdded)}), ` +
        `chain ${r.audit.chainOk ? 'verifies' : 'BROKEN'}`,
    ],
  ]
  const width = Math.max(...rows.map(([k]) => k.length))
  print(
    `\nload: ${r.connections} connections × ${r.seconds} s, ${n(r.vendors)} vendors, node ${process.version}, ${os.cpus().length} cpus`,
  )
  for (const [k, v] of rows) print(`  ${k.padEnd(width)}  ${v}`)
  print(
    r.ok ? '  verdict: OK — no errors, nothing lost' : `  verdict: FAILED\n    ${r.problems.join('\n    ')}`,
  )
}

/** Merges `load` into bench/results.json, keeping what `npm run bench` wrote. */
function writeResults(r: LoadResult) {
  const file = path.join(import.meta.dirname, 'results.json')
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {}
  const load = {
    generatedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null },
    ...r,
  }
  writeFileSync(file, `${JSON.stringify({ ...previous, load }, null, 2)}\n`)
  return file
}

function setting(name: string, env: string, fallback: number): number {
  const flag = process.argv.find((a) => a.startsWith(`--${name}=`))
  const value = Number(flag?.slice(name.length + 3) ?? process.env[env] ?? fallback)
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} / ${env} must be a whole number above 0`)
  return value
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runLoad({
    seconds: setting('seconds', 'LOAD_SECONDS', 30),
    connections: setting('connections', 'LOAD_CONNECTIONS', 50),
    vendors: setting('vendors', 'LOAD_VENDORS', 1000),
  })
  printLoad(result)
  if (!process.argv.includes('--no-write')) {
    console.log(`wrote ${path.relative(process.cwd(), writeResults(result))}`)
  }
  process.exitCode = result.ok ? 0 : 1
}
