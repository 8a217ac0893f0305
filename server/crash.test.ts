/**
 * Kills the server with SIGKILL in the middle of a 50,000-row import, of a scoring-model change that rescores
 * 20,000 vendors, and of a burst of concurrent edits, and proves after each restart that the database passes its
 * integrity check, every acknowledged write is there, nothing is half-applied and the audit chain still verifies.
 */
import { statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import {
  computeScore,
  DEFAULT_WEIGHTS,
  ScoringWeights,
  VendorDetailResponse,
  VendorListResponse,
  type Vendor,
} from '../src/domain'
import { verifyChain, type AuditEntry } from './audit/hash-chain'
import { VENDOR_COLUMNS } from './import/parse-import'
import { signedIn, type ApiClient } from './testing/api-client'
import { fetchVendor, incidentInput, today } from './testing/api-fixtures'
import { startServer, type ServerProcess } from './testing/server-process'

const ROWS = 50_000

function bigCsv(): string {
  const header = VENDOR_COLUMNS.slice(0, 14).join(',')
  const lines = [header]
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      `Crash Test Vendor ${String(i).padStart(5, '0')},IT services,Operations,active,pii;credentials,${1000 + i},` +
        `vendor_environment,remote,high,Amazon Web Services;Okta,iso27001,no,yes,2025-06-01`,
    )
  }
  return `${lines.join('\n')}\n`
}

const running: ServerProcess[] = []
afterAll(async () => {
  for (const s of running.reverse()) await s.stop('SIGKILL')
})

describe('a crash during a large import', () => {
  it('leaves no trace of the import after restart, with an intact database and audit chain', async () => {
    const first = await startServer()
    running.push(first)
    const procurement = await signedIn(first.url, 'procurement')
    const before = VendorListResponse.parse(await procurement.json('/api/vendors?limit=1')).total
    const auditBefore = (await procurement.json('/api/audit-log/verify')) as { entries: number; head: string }

    const wal = path.join(first.dataDir, 'vendor-risk.sqlite-wal')
    const walBefore = statSync(wal)
    const upload = procurement
      .request('POST', '/api/imports?dryRun=0&filename=crash.csv', {
        body: bigCsv(),
        headers: { 'content-type': 'text/csv' },
      })
      .catch((error: unknown) => error)

    // The server logs this line just before the one transaction starts; kill it while the transaction writes.
    await expect
      .poll(() => /applying 50000 rows/.test(first.output()), { timeout: 60_000, interval: 20 })
      .toBe(true)
    // Wait until the transaction's pages reach the WAL file, so the kill lands mid-write, not before it.
    await expect
      .poll(() => statSync(wal).mtimeMs > walBefore.mtimeMs, { timeout: 30_000, interval: 5 })
      .toBe(true)
    first.child.kill('SIGKILL')
    await upload
    expect(first.output()).not.toMatch(/import crash\.csv: committed/)

    const db = new Database(path.join(first.dataDir, 'vendor-risk.sqlite'))
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(
      (
        db.prepare("SELECT count(*) AS n FROM vendors WHERE name LIKE 'Crash Test Vendor %'").get() as {
          n: number
        }
      ).n,
    ).toBe(0)
    db.close()

    const second = await startServer({ DATA_DIR: first.dataDir })
    running.push(second)
    const again = await signedIn(second.url, 'procurement')
    expect(VendorListResponse.parse(await again.json('/api/vendors?limit=1')).total).toBe(before)
    expect(VendorListResponse.parse(await again.json('/api/vendors?q=Crash%20Test')).total).toBe(0)
    const verify = (await again.json('/api/audit-log/verify')) as {
      ok: boolean
      entries: number
      head: string
    }
    // The restart's own sign-in adds entries; what matters is that the chain is whole and the import left none.
    expect(verify.ok).toBe(true)
    const imports = (await again.json('/api/audit-log?action=import.apply')) as { items: unknown[] }
    expect(imports.items).toEqual([])
    // Exactly one more entry: the second sign-in. The demo seed did not run again, so this is the same database.
    expect(verify.entries).toBe(auditBefore.entries + 1)
    expect(second.output()).not.toContain('Seeded')
  }, 120_000)
})

const dbFile = (dataDir: string) => path.join(dataDir, 'vendor-risk.sqlite')
type Db = Database.Database

const count = (db: Db, sql: string, ...params: unknown[]) =>
  (db.prepare(sql).get(...params) as { n: number }).n

/** The audit chain as the killed server left it on disk, verified before anything starts on it again. */
function verifyStoredChain(db: Db) {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<
    string,
    string | number | null
  >[]
  return verifyChain(
    rows.map((r): AuditEntry => ({
      seq: r.seq as number,
      at: r.at as string,
      actor: r.actor as string,
      action: r.action as string,
      entityType: r.entity_type as string,
      entityId: r.entity_id as string,
      before: r.before === null ? null : JSON.parse(r.before as string),
      after: r.after === null ? null : JSON.parse(r.after as string),
      prevHash: r.prev_hash as string,
      hash: r.hash as string,
    })),
  )
}

/**
 * Opens the database a killed server left behind, recovering its WAL as the next start would, checks its
 * integrity and the invariants every commit keeps (each vendor's dashboard facts are of its current version, and
 * hold exactly its incidents), and reads what the test needs.
 */
function inspect<T>(dataDir: string, read: (db: Db) => T): T {
  const db = new Database(dbFile(dataDir))
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(verifyStoredChain(db)).toMatchObject({ ok: true })
    expect(
      count(
        db,
        `SELECT count(*) AS n FROM vendors v LEFT JOIN vendor_facts f ON f.vendor_id = v.id
         WHERE f.vendor_version IS NOT v.version`,
      ),
    ).toBe(0)
    expect(count(db, "SELECT count(*) AS n FROM vendors, json_each(vendors.doc, '$.incidents')")).toBe(
      count(db, 'SELECT count(*) AS n FROM vendor_incidents'),
    )
    return read(db)
  } finally {
    db.close()
  }
}

const MODEL_VENDORS = 20_000
const MODEL_CHANGED = 'scoring model changed'

describe('a crash during a scoring-model change', () => {
  it('leaves the old model or the new one, with every vendor scored and snapshotted by it, never a mix', async () => {
    // Seeding 20,000 vendors takes a while on a loaded 2-core machine.
    const first = await startServer({ DEMO_SIZE: String(MODEL_VENDORS) }, { startTimeoutMs: 120_000 })
    running.push(first)
    const ciso = await signedIn(first.url, 'ciso')
    const model = await ciso.json<{ weights: ScoringWeights; revision: number }>('/api/scoring/model')
    // A heavier baseline likelihood and lower cut-offs: nearly every score moves, and many tiers.
    const next: ScoringWeights = {
      ...model.weights,
      likelihood: { ...model.weights.likelihood, baseline: model.weights.likelihood.baseline + 25 },
      tierCutoffs: { critical: 60, high: 40, medium: 20 },
    }

    const wal = path.join(first.dataDir, 'vendor-risk.sqlite-wal')
    const walBefore = statSync(wal).mtimeMs
    const put = ciso.put('/api/scoring/model', { weights: next, revision: model.revision }).then(
      (r) => r.status,
      () => 'no answer' as const,
    )
    // The server scores every vendor in memory, then writes the model, 20,000 snapshots and 20,000 fact rows in
    // one transaction: kill it as that transaction's pages reach the WAL.
    await expect.poll(() => statSync(wal).mtimeMs > walBefore, { timeout: 60_000, interval: 2 }).toBe(true)
    first.child.kill('SIGKILL')
    const answered = await put

    const stored = inspect(first.dataDir, (db) => {
      const row = db.prepare('SELECT weights, revision FROM scoring_model WHERE id = 1').get() as
        { weights: string; revision: number } | undefined
      const weights = row ? ScoringWeights.parse(JSON.parse(row.weights)) : DEFAULT_WEIGHTS
      const facts = db
        .prepare(
          `SELECT v.doc, f.scored_as_of AS asOf, f.score, f.tier FROM vendors v
           JOIN vendor_facts f ON f.vendor_id = v.id`,
        )
        .all() as { doc: string; asOf: string; score: number; tier: string }[]
      return {
        revision: row?.revision ?? 0,
        weights,
        vendors: facts.length,
        // Every vendor's dashboard score is the one the stored model gives it: none kept the other model's.
        otherModel: facts.filter((f) => {
          const s = computeScore(JSON.parse(f.doc) as Vendor, { asOf: f.asOf, weights })
          return s.score !== f.score || s.tier !== f.tier
        }).length,
        // And every vendor's latest snapshot says the same.
        snapshotDisagrees: count(
          db,
          `SELECT count(*) AS n FROM vendor_facts f JOIN score_snapshots s
             ON s.id = (SELECT max(id) FROM score_snapshots WHERE vendor_id = f.vendor_id)
           WHERE s.score != f.score OR s.tier != f.tier`,
        ),
        modelSnapshots: count(
          db,
          'SELECT count(*) AS n FROM score_snapshots WHERE reason = ?',
          MODEL_CHANGED,
        ),
        modelEntries: count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'model.update'"),
      }
    })
    const applied = stored.revision === model.revision + 1
    console.log(
      `scoring-model change: SIGKILL left ${applied ? 'the new model (committed)' : 'the old model (rolled back)'}; ` +
        `the client saw ${answered}`,
    )
    expect(stored.vendors).toBe(MODEL_VENDORS)
    expect([model.revision, model.revision + 1]).toContain(stored.revision)
    if (answered === 200) expect(applied).toBe(true)
    expect(stored.weights).toEqual(applied ? next : model.weights)
    expect(stored.otherModel).toBe(0)
    expect(stored.snapshotDisagrees).toBe(0)
    expect(stored.modelSnapshots).toBe(applied ? MODEL_VENDORS : 0)
    expect(stored.modelEntries).toBe(applied ? 1 : 0)

    const second = await startServer({ DATA_DIR: first.dataDir }, { startTimeoutMs: 120_000 })
    running.push(second)
    const again = await signedIn(second.url, 'ciso')
    expect(await again.json('/api/scoring/model')).toMatchObject({
      revision: stored.revision,
      weights: stored.weights,
    })
    expect(await again.json('/api/audit-log/verify')).toMatchObject({ ok: true })
  }, 300_000)
})

/** One write of the burst, with how to find its change and its audit entry afterwards. */
interface BurstWrite {
  send: () => Promise<Response>
  /** How many times its change is in the database (0 or 1). */
  stored: (db: Db) => number
  /** How many audit entries record it (0 or 1). */
  audited: (db: Db) => number
  /** Whether the restarted server serves the change. */
  served: (client: ApiClient) => Promise<boolean>
  /** The status the client received, or 'no answer' when the kill came first. */
  outcome?: number | 'no answer'
}

describe('a crash during a burst of edits', () => {
  it('keeps every acknowledged write and applies each unanswered one wholly or not at all', async () => {
    const first = await startServer()
    running.push(first)
    const procurement = await signedIn(first.url, 'procurement')
    const ids = VendorListResponse.parse(
      await procurement.json('/api/vendors?status=active,onboarding&sort=name&limit=1000'),
    ).items.map((v) => v.id)
    // Each vendor gets one kind of write, so no write of the burst can conflict with another (no 412s).
    const third = Math.floor(ids.length / 3)
    const patched = ids.slice(0, third)
    const etags = await Promise.all(patched.map(async (id) => (await fetchVendor(procurement, id)).etag))
    const patches: BurstWrite[] = patched.map((id, i) => {
      const owner = `Burst owner ${i}`
      return {
        send: () =>
          procurement.patch(`/api/vendors/${id}`, { owner }, { headers: { 'if-match': etags[i]! } }),
        stored: (db) =>
          count(db, "SELECT count(*) AS n FROM vendors WHERE id = ? AND doc ->> '$.owner' = ?", id, owner),
        audited: (db) =>
          count(
            db,
            "SELECT count(*) AS n FROM audit_log WHERE action = 'vendor.update' AND after ->> '$.owner' = ?",
            owner,
          ),
        served: async (client) => (await fetchVendor(client, id)).detail.vendor.owner === owner,
      }
    })
    const incidents: BurstWrite[] = ids.slice(third, 2 * third).flatMap((id, v) =>
      [0, 1, 2, 3].map((k) => {
        const summary = `Burst incident ${v}.${k}`
        return {
          send: () => procurement.post(`/api/vendors/${id}/incidents`, incidentInput({ summary })),
          stored: (db: Db) =>
            count(
              db,
              `SELECT count(*) AS n FROM vendors, json_each(vendors.doc, '$.incidents') i
               WHERE vendors.id = ? AND i.value ->> '$.summary' = ?`,
              id,
              summary,
            ),
          audited: (db: Db) =>
            count(
              db,
              "SELECT count(*) AS n FROM audit_log WHERE action = 'incident.create' AND after ->> '$.summary' = ?",
              summary,
            ),
          served: async (client: ApiClient) =>
            (await fetchVendor(client, id)).detail.vendor.incidents.some((i) => i.summary === summary),
        }
      }),
    )
    const reviews: BurstWrite[] = ids.slice(2 * third, 3 * third).flatMap((id, v) =>
      [0, 1, 2].map((k) => {
        const notes = `Burst review ${v}.${k}`
        return {
          send: () => procurement.post(`/api/vendors/${id}/reviews`, { completedAt: today(), notes }),
          stored: (db: Db) =>
            count(db, 'SELECT count(*) AS n FROM reviews WHERE vendor_id = ? AND notes = ?', id, notes),
          audited: (db: Db) =>
            count(
              db,
              "SELECT count(*) AS n FROM audit_log WHERE action = 'review.create' AND after ->> '$.notes' = ?",
              notes,
            ),
          served: async (client: ApiClient) =>
            (await client.json<{ items: { notes: string }[] }>(`/api/vendors/${id}/reviews`)).items.some(
              (r) => r.notes === notes,
            ),
        }
      }),
    )
    // Interleave the kinds, so the kill lands among all three.
    const writes: BurstWrite[] = []
    for (let i = 0; i < Math.max(patches.length, incidents.length, reviews.length); i++) {
      for (const kind of [patches, incidents, reviews]) if (kind[i]) writes.push(kind[i]!)
    }

    const answered = () => writes.filter((w) => typeof w.outcome === 'number').length
    const pending = writes.map((w) =>
      w
        .send()
        .then((response) => {
          w.outcome = response.status
          return response.arrayBuffer()
        })
        .catch(() => {
          w.outcome ??= 'no answer'
        }),
    )
    await expect
      .poll(answered, { timeout: 30_000, interval: 1 })
      .toBeGreaterThanOrEqual(Math.ceil(writes.length / 3))
    first.child.kill('SIGKILL')
    await Promise.all(pending)

    const acknowledged = writes.filter((w) => w.outcome === 200 || w.outcome === 201)
    const unanswered = writes.filter((w) => w.outcome === 'no answer')
    // Every answer the burst got was a success: the writes were built not to conflict.
    expect(acknowledged.length + unanswered.length).toBe(writes.length)

    const found = inspect(first.dataDir, (db) =>
      writes.map((w) => ({ stored: w.stored(db), audited: w.audited(db) })),
    )
    writes.forEach((w, i) => {
      const { stored, audited } = found[i]!
      // Wholly there or wholly absent: the change and its audit entry together, once at most.
      expect({ stored, audited }).toEqual(
        w.outcome === 'no answer' ? { stored: audited, audited: stored } : { stored: 1, audited: 1 },
      )
      expect(stored).toBeLessThanOrEqual(1)
    })
    const committedUnanswered = unanswered.filter((w) => found[writes.indexOf(w)]!.stored === 1).length
    console.log(
      `burst of ${writes.length} writes: ${acknowledged.length} acknowledged before SIGKILL, ` +
        `${unanswered.length} unanswered (${committedUnanswered} of them committed, the rest absent)`,
    )

    const second = await startServer({ DATA_DIR: first.dataDir })
    running.push(second)
    const again = await signedIn(second.url, 'procurement')
    for (const [i, w] of writes.entries()) expect(await w.served(again)).toBe(found[i]!.stored === 1)
    expect(await again.json('/api/audit-log/verify')).toMatchObject({ ok: true })
    // Every vendor still parses with the shared schema.
    for (const id of ids) VendorDetailResponse.parse((await fetchVendor(again, id)).detail)
  }, 120_000)
})
