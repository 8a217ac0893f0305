/** The Store on an embedded SQLite file (better-sqlite3): WAL, synchronous=FULL, foreign keys on. */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { ScoringWeights, Vendor, type Tier } from '../../src/domain'
import { GENESIS_HASH, hashEntry, verifyChain, type AuditEntry } from '../audit/hash-chain'
import { migrate } from './migrate'
import {
  UniqueConflictError,
  VersionConflictError,
  type AuditQuery,
  type PublicUser,
  type Review,
  type Role,
  type ScoreSnapshot,
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

export const nameKey = (name: string) => name.trim().toLowerCase()

const VENDOR_SELECT = `SELECT v.id, v.doc, v.version, v.created_at, v.updated_at,
  ra.note AS ra_note, ra.until AS ra_until, ra.accepted_by AS ra_by, ra.accepted_at AS ra_at
  FROM vendors v LEFT JOIN risk_acceptances ra ON ra.vendor_id = v.id`

export interface SqliteStoreOptions {
  /** Clock for audit timestamps; tests may pin it. */
  now?: () => Date
}

export function openSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): Store {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, 'vendor-risk.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  const now = options.now ?? (() => new Date())

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
    insertVendor: db.prepare(
      `INSERT INTO vendors (id, name, name_key, status, doc, version, created_at, updated_at)
       VALUES (@id, @name, @nameKey, @status, @doc, 1, @at, @at)`,
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
       VALUES (@vendorId, @recordedAt, @asOf, @score, @tier, @exposure, @likelihood, @modelVersion, @reason)`,
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
       VALUES (@seq, @at, @actor, @action, @entityType, @entityId, @before, @after, @prevHash, @hash)`,
    ),
    allAudit: db.prepare('SELECT * FROM audit_log ORDER BY seq'),
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

  const apply = db.transaction((work: UnitOfWork) => {
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
    for (const { id, expectedVersion, next } of work.vendors ?? []) {
      const key = nameKey(next.name)
      const holder = q.vendorByNameKey.get(key) as { id: string } | undefined
      if (holder && holder.id !== id) throw new UniqueConflictError('name', next.name)
      const row = { id, name: next.name, nameKey: key, status: next.status, doc: JSON.stringify(next), at }
      if (expectedVersion === null) {
        if (q.vendorVersion.get(id)) throw new UniqueConflictError('id', id)
        q.insertVendor.run(row)
      } else if (q.updateVendor.run({ ...row, expectedVersion }).changes === 0) {
        const current = q.vendorVersion.get(id) as { version: number } | undefined
        throw new VersionConflictError('vendor', id, current?.version ?? null)
      }
    }
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
    for (const snapshot of work.snapshots ?? []) q.insertSnapshot.run(snapshot)

    const head = q.auditHead.get() as { seq: number; hash: string } | undefined
    let seq = head?.seq ?? 0
    let prevHash = head?.hash ?? GENESIS_HASH
    for (const entry of work.audit) {
      seq += 1
      const content = {
        seq,
        at,
        actor: work.actor,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: entry.before ?? null,
        after: entry.after ?? null,
      }
      const hash = hashEntry(content, prevHash)
      q.insertAudit.run({
        ...content,
        before: content.before === null ? null : JSON.stringify(content.before),
        after: content.after === null ? null : JSON.stringify(content.after),
        prevHash,
        hash,
      })
      prevHash = hash
    }
    return { at }
  })

  return {
    kind: 'sqlite',
    close: () => db.close(),

    countUsers: async () => (q.countUsers.get() as { n: number }).n,
    getUser: async (username) => {
      const row = q.getUser.get(username) as UserRow | undefined
      return row && toUser(row)
    },
    listUsers: async () => (q.listUsers.all() as UserRow[]).map((r) => toPublic(toUser(r))),

    createSession: async (session) => void q.insertSession.run(session),
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
    deleteSession: async (idHash) => void q.deleteSession.run(idHash),
    deleteExpiredSessions: async (nowIso) => q.deleteExpired.run(nowIso).changes,

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

    queryAudit: async (query: AuditQuery) => {
      const filters = {
        actor: 'actor',
        action: 'action',
        entityType: 'entity_type',
        entityId: 'entity_id',
      } as const
      const params: Record<string, unknown> = { limit: query.limit }
      const where: string[] = []
      for (const [field, column] of Object.entries(filters) as [keyof typeof filters, string][]) {
        if (query[field] === undefined) continue
        where.push(`${column} = @${field}`)
        params[field] = query[field]
      }
      if (query.beforeSeq !== undefined) {
        where.push('seq < @beforeSeq')
        params.beforeSeq = query.beforeSeq
      }
      const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT @limit`
      return (db.prepare(sql).all(params) as AuditRow[]).map(toAudit)
    },
    verifyAudit: async () =>
      verifyChain(
        (function* () {
          for (const row of q.allAudit.iterate() as Iterable<AuditRow>) yield toAudit(row)
        })(),
      ),

    commit: async (work) => apply(work),
  }
}
