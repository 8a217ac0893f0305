/** The Store on an embedded SQLite file (better-sqlite3): WAL, synchronous=FULL, foreign keys on. */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { addDays, AuditLogFilters, hashedContent, ScoringWeights, Vendor, type Tier } from '../../src/domain'
import { GENESIS_HASH, hashEntry, verifyChain, type AuditEntry } from '../audit/hash-chain'
import { migrate } from './migrate'
import { sqliteDashboardQueries, sqliteVendorFacts } from './sqlite-dashboard'
import {
  StorageError,
  UniqueConflictError,
  VersionConflictError,
  type AuditFilter,
  type AuditQuery,
  type AuditStreamQuery,
  type ExportRecord,
  type PublicUser,
  type Review,
  type Role,
  type ScoreSnapshot,
  type SessionRecord,
  type Store,
  type StoredUser,
  type UnitOfWork,
  type VendorRecord,
} from './store'

interface UserRow {
  username: string
  password_hash: string
  role: Role
  disabled: number
  created_at: string
  updated_at: string
}
interface VendorRow {
  id: string
  doc: string
  version: number
  created_at: string
  updated_at: string
  ra_note: string | null
  ra_until: string | null
  ra_by: string | null
  ra_at: string | null
}
interface AuditRow {
  seq: number
  at: string
  actor: string
  action: string
  entity_type: string
  entity_id: string
  before: string | null
  after: string | null
  prev_hash: string
  hash: string
}
interface SnapshotRow {
  vendor_id: string
  recorded_at: string
  as_of: string
  score: number
  tier: Tier
  exposure: number
  likelihood: number
  model_version: string
  reason: string
}

const toUser = (r: UserRow): StoredUser => ({
  username: r.username,
  passwordHash: r.password_hash,
  role: r.role,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})
const toPublic = ({ passwordHash: _hash, ...user }: StoredUser): PublicUser => user

const toVendorRecord = (r: VendorRow): VendorRecord => ({
  // Stored documents were validated on the way in; parsing again guards against hand-edited databases.
  vendor: Vendor.parse(JSON.parse(r.doc)),
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  riskAcceptance:
    r.ra_note === null
      ? null
      : { note: r.ra_note, until: r.ra_until!, acceptedBy: r.ra_by!, acceptedAt: r.ra_at! },
})

const toAudit = (r: AuditRow): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  before: r.before === null ? null : JSON.parse(r.before),
  after: r.after === null ? null : JSON.parse(r.after),
  prevHash: r.prev_hash,
  hash: r.hash,
})

/** Every audit entry of an open database, oldest first, read row by row (the backup verifies its copy with it). */
export function* readAuditLog(db: Database.Database): Generator<AuditEntry> {
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<AuditRow>) {
    yield toAudit(row)
  }
}

interface ExportRow {
  id: string
  kind: ExportRecord['kind']
  format: ExportRecord['format']
  as_of: string
  filters: string | null
  created_by: string
  created_at: string
  finished_at: string | null
  status: ExportRecord['status']
  rows: number | null
  bytes: number | null
  sha256: string | null
  audit_head: string
  audit_seq: number
  model_version: string
  model_revision: number | null
  filename: string
  error: string | null
}

const toExport = (r: ExportRow): ExportRecord => ({
  id: r.id,
  kind: r.kind,
  format: r.format,
  asOf: r.as_of,
  filters: r.filters === null ? null : AuditLogFilters.parse(JSON.parse(r.filters)),
  createdBy: r.created_by,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
  status: r.status,
  rows: r.rows,
  bytes: r.bytes,
  sha256: r.sha256,
  auditHead: r.audit_head,
  auditSeq: r.audit_seq,
  modelVersion: r.model_version,
  modelRevision: r.model_revision,
  filename: r.filename,
  error: r.error,
})

const exportParams = (e: ExportRecord) => ({
  ...e,
  filters: e.filters === null ? null : JSON.stringify(e.filters),
})

/** SQL conditions for the audit log's filters; `to` is a day, so it ends where the next day begins. */
function auditConditions(filter: AuditFilter, params: Record<string, unknown>): string[] {
  const where: string[] = []
  const columns = {
    actor: 'actor',
    action: 'action',
    entityType: 'entity_type',
    entityId: 'entity_id',
  } as const
  for (const [field, column] of Object.entries(columns) as [keyof typeof columns, string][]) {
    if (filter[field] === undefined) continue
    where.push(`${column} = @${field}`)
    params[field] = filter[field]
  }
  if (filter.from !== undefined) {
    where.push('at >= @from')
    params.from = filter.from
  }
  if (filter.to !== undefined) {
    where.push('at < @toEnd')
    params.toEnd = addDays(filter.to, 1)
  }
  return where
}

const AUDIT_PAGE = 2000

const toSnapshot = (r: SnapshotRow): ScoreSnapshot => ({
  vendorId: r.vendor_id,
  recordedAt: r.recorded_at,
  asOf: r.as_of,
  score: r.score,
  tier: r.tier,
  exposure: r.exposure,
  likelihood: r.likelihood,
  modelVersion: r.model_version,
  reason: r.reason,
})

/** The database's file name inside DATA_DIR (the backup command copies it). */
export const DATABASE_FILE = 'vendor-risk.sqlite'
export const nameKey = (name: string) => name.trim().toLowerCase()

const VENDOR_SELECT = `SELECT v.id, v.doc, v.version, v.created_at, v.updated_at,
  ra.note AS ra_note, ra.until AS ra_until, ra.accepted_by AS ra_by, ra.accepted_at AS ra_at
  FROM vendors v LEFT JOIN risk_acceptances ra ON ra.vendor_id = v.id`

/**
 * SQLite's refusals to write, as the store's StorageError, so the API can answer 507 or 503 instead of 500.
 * SQLite rolls the transaction back first: nothing of the failed write is applied.
 */
function asStorageError(error: unknown): unknown {
  if (!(error instanceof Database.SqliteError)) return error
  if (error.code === 'SQLITE_FULL') {
    return new StorageError('full', `The disk holding the database is full: ${error.message}`)
  }
  if (/^SQLITE_(READONLY|IOERR|CANTOPEN)/.test(error.code)) {
    return new StorageError('unavailable', `The database cannot be written (${error.code}): ${error.message}`)
  }
  return error
}

function translatingStorageErrors<A extends unknown[], R>(write: (...args: A) => R) {
  return (...args: A): R => {
    try {
      return write(...args)
    } catch (error) {
      throw asStorageError(error)
    }
  }
}

/** Positions of `keys` in ascending order; equal keys keep theirs. */
function ascending(keys: readonly string[]): number[] {
  const order = Array.from(keys, (_, i) => i)
  return order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b))
}

/** Whether the unit's vendors may be written in id order: all are new (see writeOrder). */
const reorderable = (work: UnitOfWork) =>
  work.vendors !== undefined &&
  work.vendors.length > 1 &&
  work.vendors.every((v) => v.expectedVersion === null)

/**
 * The order to write a unit of work's vendors and snapshots in: by vendor id. Ids are random, so in the caller's
 * order every row lands on a random page of each index keyed by vendor id (vendors, facts, data classes,
 * sub-processors, snapshots); in id order they append. Vendors are reordered only when all are new: creates succeed
 * or fail alike in any order, while an update may free a name that a later create takes. Snapshots always may be:
 * each vendor's own keep their order, and nothing reads an order between vendors. Audit entries keep the caller's.
 */
function writeOrder(work: UnitOfWork, inIdOrder: boolean) {
  const vendors = work.vendors ?? []
  const snapshots = work.snapshots ?? []
  const vendorOrder = inIdOrder && reorderable(work) ? ascending(vendors.map((v) => v.id)) : null
  // Snapshots one for one with the vendors (an import of new vendors) take the vendors' order: one sort, not two.
  const aligned =
    vendorOrder !== null &&
    snapshots.length === vendors.length &&
    snapshots.every((s, i) => s.vendorId === vendors[i]!.id)
  const snapshotOrder = aligned
    ? vendorOrder
    : snapshots.length > 1
      ? ascending(snapshots.map((s) => s.vendorId))
      : null
  return {
    vendors: vendorOrder === null ? vendors : vendorOrder.map((i) => vendors[i]!),
    snapshots: snapshotOrder === null ? snapshots : snapshotOrder.map((i) => snapshots[i]!),
  }
}

export interface SqliteStoreOptions {
  /** Clock for audit timestamps; tests may pin it. */
  now?: () => Date
}

export function openSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): Store {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, DATABASE_FILE))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  const now = options.now ?? (() => new Date())
  const facts = sqliteVendorFacts(db)

  const q = {
    countUsers: db.prepare('SELECT count(*) AS n FROM users'),
    getUser: db.prepare('SELECT * FROM users WHERE username = ?'),
    listUsers: db.prepare('SELECT * FROM users ORDER BY username'),
    insertUser: db.prepare(
      `INSERT INTO users (username, password_hash, role, disabled, created_at, updated_at)
       VALUES (@username, @passwordHash, @role, @disabled, @createdAt, @updatedAt)`,
    ),
    deleteUser: db.prepare('DELETE FROM users WHERE username = ?'),
    deleteSessionsOf: db.prepare('DELETE FROM sessions WHERE username = ?'),
    insertSession: db.prepare(
      `INSERT INTO sessions (id_hash, username, csrf_token, created_at, expires_at)
       VALUES (@idHash, @username, @csrfToken, @createdAt, @expiresAt)`,
    ),
    getSession: db.prepare('SELECT * FROM sessions WHERE id_hash = ?'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE id_hash = ?'),
    deleteExpired: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    countVendors: db.prepare('SELECT count(*) AS n FROM vendors'),
    listVendors: db.prepare(`${VENDOR_SELECT} ORDER BY v.id`),
    getVendor: db.prepare(`${VENDOR_SELECT} WHERE v.id = ?`),
    vendorVersion: db.prepare('SELECT version FROM vendors WHERE id = ?'),
    vendorByNameKey: db.prepare('SELECT id FROM vendors WHERE name_key = ?'),
    // The statements a large import runs once per row take positional parameters, which bind faster than named.
    insertVendor: db.prepare(
      `INSERT INTO vendors (id, name, name_key, status, doc, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
    ),
    updateVendor: db.prepare(
      `UPDATE vendors SET name = @name, name_key = @nameKey, status = @status, doc = @doc,
       version = version + 1, updated_at = @at WHERE id = @id AND version = @expectedVersion`,
    ),
    listReviews: db.prepare('SELECT * FROM reviews WHERE vendor_id = ? ORDER BY completed_at DESC, id DESC'),
    insertReview: db.prepare(
      `INSERT INTO reviews (vendor_id, completed_at, notes, reviewer, recorded_at)
       VALUES (@vendorId, @completedAt, @notes, @reviewer, @recordedAt)`,
    ),
    upsertAcceptance: db.prepare(
      `INSERT INTO risk_acceptances (vendor_id, note, until, accepted_by, accepted_at)
       VALUES (@vendorId, @note, @until, @acceptedBy, @acceptedAt)
       ON CONFLICT (vendor_id) DO UPDATE SET note = excluded.note, until = excluded.until,
         accepted_by = excluded.accepted_by, accepted_at = excluded.accepted_at`,
    ),
    deleteAcceptance: db.prepare('DELETE FROM risk_acceptances WHERE vendor_id = ?'),
    listSnapshots: db.prepare('SELECT * FROM score_snapshots WHERE vendor_id = ? ORDER BY id'),
    latestSnapshots: db.prepare(
      `SELECT s.* FROM score_snapshots s
       JOIN (SELECT vendor_id, max(id) AS id FROM score_snapshots GROUP BY vendor_id) m ON m.id = s.id`,
    ),
    insertSnapshot: db.prepare(
      `INSERT INTO score_snapshots (vendor_id, recorded_at, as_of, score, tier, exposure, likelihood, model_version, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    getModel: db.prepare('SELECT * FROM scoring_model WHERE id = 1'),
    upsertModel: db.prepare(
      `INSERT INTO scoring_model (id, weights, revision, updated_by, updated_at) VALUES (1, @weights, 1, @by, @at)
       ON CONFLICT (id) DO UPDATE SET weights = excluded.weights, revision = revision + 1,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    ),
    auditHead: db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
    insertAudit: db.prepare(
      `INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, before, after, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    allAudit: db.prepare('SELECT * FROM audit_log ORDER BY seq'),
    upsertExport: db.prepare(
      `INSERT INTO exports (id, kind, format, as_of, filters, created_by, created_at, finished_at, status, rows, bytes,
         sha256, audit_head, audit_seq, model_version, model_revision, filename, error)
       VALUES (@id, @kind, @format, @asOf, @filters, @createdBy, @createdAt, @finishedAt, @status, @rows, @bytes,
         @sha256, @auditHead, @auditSeq, @modelVersion, @modelRevision, @filename, @error)
       ON CONFLICT (id) DO UPDATE SET finished_at = excluded.finished_at, status = excluded.status,
         rows = excluded.rows, bytes = excluded.bytes, sha256 = excluded.sha256,
         model_revision = excluded.model_revision, error = excluded.error`,
    ),
    getExport: db.prepare('SELECT * FROM exports WHERE id = ?'),
    listExports: db.prepare(
      `SELECT * FROM exports WHERE @all OR status IN ('pending', 'running')
       ORDER BY created_at DESC, id DESC LIMIT @limit`,
    ),
  }

  function updateUser(
    username: string,
    patch: Partial<Pick<StoredUser, 'role' | 'disabled' | 'passwordHash'>>,
    at: string,
  ) {
    const params: Record<string, unknown> = {
      username,
      at,
      role: patch.role ?? null,
      disabled: patch.disabled === undefined ? null : patch.disabled ? 1 : 0,
      hash: patch.passwordHash ?? null,
    }
    const sets = [
      patch.role !== undefined && 'role = @role',
      patch.disabled !== undefined && 'disabled = @disabled',
      patch.passwordHash !== undefined && 'password_hash = @hash',
    ].filter((x): x is string => x !== false)
    const result = db
      .prepare(`UPDATE users SET ${[...sets, 'updated_at = @at'].join(', ')} WHERE username = @username`)
      .run(params)
    if (result.changes === 0) throw new VersionConflictError('user', username, null)
    // A disabled user or a reset password ends every session of that user at once.
    if (patch.disabled === true || patch.passwordHash !== undefined) q.deleteSessionsOf.run(username)
  }

  /**
   * A new vendor's row. The primary key and the unique name_key refuse a taken id or name, so no lookup runs before
   * each insert (a 50,000-row import made 100,000 of them); when SQLite refuses, the lookups say which was taken.
   */
  function insertVendor(row: {
    id: string
    name: string
    nameKey: string
    status: string
    doc: string
    at: string
  }) {
    try {
      q.insertVendor.run(row.id, row.name, row.nameKey, row.status, row.doc, row.at, row.at)
    } catch (error) {
      if (!(error instanceof Database.SqliteError) || !error.code.startsWith('SQLITE_CONSTRAINT')) throw error
      const holder = q.vendorByNameKey.get(row.nameKey) as { id: string } | undefined
      if (holder && holder.id !== row.id) throw new UniqueConflictError('name', row.name)
      if (q.vendorVersion.get(row.id)) throw new UniqueConflictError('id', row.id)
      throw error
    }
  }

  const transaction = db.transaction((work: UnitOfWork, inIdOrder: boolean) => {
    const at = now().toISOString()
    for (const change of work.users ?? []) {
      if (change.op === 'create') {
        if (q.getUser.get(change.user.username))
          throw new UniqueConflictError('username', change.user.username)
        q.insertUser.run({ ...change.user, disabled: change.user.disabled ? 1 : 0 })
      } else if (change.op === 'update') updateUser(change.username, change.patch, at)
      else if (q.deleteUser.run(change.username).changes === 0)
        throw new VersionConflictError('user', change.username, null)
    }
    // Each vendor document's JSON, made once: its audit entry (the same object as before or after) reuses it.
    const docs = new Map<unknown, string>()
    facts.begin()
    const ordered = writeOrder(work, inIdOrder)
    for (const { id, expectedVersion, next, score } of ordered.vendors) {
      const key = nameKey(next.name)
      const doc = JSON.stringify(next)
      docs.set(next, doc)
      const row = { id, name: next.name, nameKey: key, status: next.status, doc, at }
      if (expectedVersion === null) {
        insertVendor(row)
      } else {
        const holder = q.vendorByNameKey.get(key) as { id: string } | undefined
        if (holder && holder.id !== id) throw new UniqueConflictError('name', next.name)
        if (q.updateVendor.run({ ...row, expectedVersion }).changes === 0) {
          const current = q.vendorVersion.get(id) as { version: number } | undefined
          throw new VersionConflictError('vendor', id, current?.version ?? null)
        }
      }
      facts.write(next, expectedVersion === null ? 1 : expectedVersion + 1, score, expectedVersion === null)
    }
    for (const { vendorId, version, score } of work.rescores ?? []) facts.rescore(vendorId, version, score)
    for (const review of work.reviews ?? []) q.insertReview.run(review)
    for (const { vendorId, acceptance } of work.riskAcceptances ?? []) {
      if (acceptance === null) q.deleteAcceptance.run(vendorId)
      else q.upsertAcceptance.run({ vendorId, ...acceptance })
    }
    if (work.scoringModel) {
      const current = q.getModel.get() as { revision: number } | undefined
      if ((current?.revision ?? 0) !== work.scoringModel.expectedRevision) {
        throw new VersionConflictError('scoring model', 'current', current?.revision ?? 0)
      }
      q.upsertModel.run({ weights: JSON.stringify(work.scoringModel.weights), by: work.actor, at })
    }
    for (const s of ordered.snapshots) {
      q.insertSnapshot.run(
        s.vendorId,
        s.recordedAt,
        s.asOf,
        s.score,
        s.tier,
        s.exposure,
        s.likelihood,
        s.modelVersion,
        s.reason,
      )
      facts.snapshot(s)
    }
    for (const record of work.exports ?? []) q.upsertExport.run(exportParams(record))
    facts.flush()

    const head = q.auditHead.get() as { seq: number; hash: string } | undefined
    let seq = head?.seq ?? 0
    let prevHash = head?.hash ?? GENESIS_HASH
    const stored = (value: unknown) => (value === null ? null : (docs.get(value) ?? JSON.stringify(value)))
    for (const entry of work.audit) {
      seq += 1
      const content = hashedContent({ ...entry, seq, at, actor: work.actor })
      const hash = hashEntry(content, prevHash)
      q.insertAudit.run(
        seq,
        at,
        content.actor,
        content.action,
        content.entityType,
        content.entityId,
        stored(content.before),
        stored(content.after),
        prevHash,
        hash,
      )
      prevHash = hash
    }
    return { at }
  })
  const apply = translatingStorageErrors((work: UnitOfWork) => {
    try {
      return transaction(work, true)
    } catch (error) {
      // Rolled back. Which of two new vendors with one name is refused depends on the order they are written in:
      // run the unit again in the caller's order, which fails as well, to refuse the one the caller put last.
      if (error instanceof UniqueConflictError && reorderable(work)) return transaction(work, false)
      throw error
    }
  })
  const insertSession = translatingStorageErrors((session: SessionRecord) => q.insertSession.run(session))
  const deleteSession = translatingStorageErrors((idHash: string) => q.deleteSession.run(idHash))
  const deleteExpired = translatingStorageErrors((nowIso: string) => q.deleteExpired.run(nowIso).changes)

  return {
    kind: 'sqlite',
    close: () => db.close(),

    countUsers: async () => (q.countUsers.get() as { n: number }).n,
    getUser: async (username) => {
      const row = q.getUser.get(username) as UserRow | undefined
      return row && toUser(row)
    },
    listUsers: async () => (q.listUsers.all() as UserRow[]).map((r) => toPublic(toUser(r))),

    createSession: async (session) => void insertSession(session),
    getSession: async (idHash) => {
      const r = q.getSession.get(idHash) as
        | { id_hash: string; username: string; csrf_token: string; created_at: string; expires_at: string }
        | undefined
      return (
        r && {
          idHash: r.id_hash,
          username: r.username,
          csrfToken: r.csrf_token,
          createdAt: r.created_at,
          expiresAt: r.expires_at,
        }
      )
    },
    deleteSession: async (idHash) => void deleteSession(idHash),
    deleteExpiredSessions: async (nowIso) => deleteExpired(nowIso),

    countVendors: async () => (q.countVendors.get() as { n: number }).n,
    listVendors: async () => (q.listVendors.all() as VendorRow[]).map(toVendorRecord),
    getVendor: async (id) => {
      const row = q.getVendor.get(id) as VendorRow | undefined
      return row && toVendorRecord(row)
    },
    listReviews: async (vendorId) =>
      (q.listReviews.all(vendorId) as Record<string, string | number>[]).map((r): Review => ({
        id: r.id as number,
        vendorId: r.vendor_id as string,
        completedAt: r.completed_at as string,
        notes: r.notes as string,
        reviewer: r.reviewer as string,
        recordedAt: r.recorded_at as string,
      })),
    listSnapshots: async (vendorId) => (q.listSnapshots.all(vendorId) as SnapshotRow[]).map(toSnapshot),
    latestSnapshots: async () =>
      new Map((q.latestSnapshots.all() as SnapshotRow[]).map((r) => [r.vendor_id, toSnapshot(r)])),
    getScoringModel: async () => {
      const r = q.getModel.get() as
        { weights: string; revision: number; updated_by: string; updated_at: string } | undefined
      return (
        r && {
          weights: ScoringWeights.parse(JSON.parse(r.weights)),
          revision: r.revision,
          updatedBy: r.updated_by,
          updatedAt: r.updated_at,
        }
      )
    },

    dashboard: sqliteDashboardQueries(db),

    queryAudit: async (query: AuditQuery) => {
      const params: Record<string, unknown> = { limit: query.limit }
      const where = auditConditions(query, params)
      if (query.beforeSeq !== undefined) {
        where.push('seq < @beforeSeq')
        params.beforeSeq = query.beforeSeq
      }
      const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT @limit`
      return (db.prepare(sql).all(params) as AuditRow[]).map(toAudit)
    },
    streamAudit: (query: AuditStreamQuery) => ({
      async *[Symbol.asyncIterator]() {
        const params: Record<string, unknown> = { limit: AUDIT_PAGE, after: 0 }
        const where = ['seq > @after', ...auditConditions(query, params)]
        if (query.actions !== undefined) {
          const names = query.actions.map((action, i) => {
            params[`a${i}`] = action
            return `@a${i}`
          })
          where.push(names.length > 0 ? `action IN (${names.join(', ')})` : '0')
        }
        if (query.untilSeq !== undefined) {
          where.push('seq <= @untilSeq')
          params.untilSeq = query.untilSeq
        }
        if (query.before !== undefined) {
          where.push('at < @before')
          params.before = query.before
        }
        let columns = '*'
        if (query.beforeOnlyFor !== undefined) {
          const names = query.beforeOnlyFor.map((action, i) => {
            params[`b${i}`] = action
            return `@b${i}`
          })
          columns = `seq, at, actor, action, entity_type, entity_id, after, prev_hash, hash,
            ${names.length > 0 ? `CASE WHEN action IN (${names.join(', ')}) THEN before END` : 'NULL'} AS before`
        }
        const page = db.prepare(
          `SELECT ${columns} FROM audit_log WHERE ${where.join(' AND ')} ORDER BY seq LIMIT @limit`,
        )
        for (;;) {
          const rows = page.all(params) as AuditRow[]
          for (const row of rows) yield toAudit(row)
          if (rows.length < AUDIT_PAGE) return
          params.after = rows[rows.length - 1]!.seq
        }
      },
    }),
    auditHead: async () => {
      const head = q.auditHead.get() as { seq: number; hash: string } | undefined
      return head ?? { seq: 0, hash: GENESIS_HASH }
    },
    verifyAudit: async () =>
      verifyChain(
        (function* () {
          for (const row of q.allAudit.iterate() as Iterable<AuditRow>) yield toAudit(row)
        })(),
      ),

    getExport: async (id) => {
      const row = q.getExport.get(id) as ExportRow | undefined
      return row && toExport(row)
    },
    listExports: async ({ limit, unfinished = false }) =>
      (q.listExports.all({ limit, all: unfinished ? 0 : 1 }) as ExportRow[]).map(toExport),

    commit: async (work) => apply(work),
  }
}
