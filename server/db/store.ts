/**
 * The one storage interface the routes and services talk to. Every write goes through `commit`, one atomic unit
 * of work that also appends its audit entries, so a change and its audit record land together or not at all.
 * Methods are async so a PostgreSQL store can implement the same interface.
 */
import type { ExportManifest, ScoringWeights, Tier, Vendor } from '../../src/domain'
import type { AuditEntry, VerifyResult } from '../audit/hash-chain'
import type { DashboardQueries, FactScore } from './dashboard-store'

export type { DashboardQueries, FactScore, ScoreOverride } from './dashboard-store'

export const ROLES = ['admin', 'procurement', 'ciso', 'auditor'] as const
export type Role = (typeof ROLES)[number]

export interface PublicUser {
  username: string
  role: Role
  disabled: boolean
  createdAt: string
  updatedAt: string
}

export interface StoredUser extends PublicUser {
  passwordHash: string
}

export interface SessionRecord {
  idHash: string
  username: string
  csrfToken: string
  createdAt: string
  expiresAt: string
}

export interface RiskAcceptance {
  note: string
  until: string
  acceptedBy: string
  acceptedAt: string
}

export interface VendorRecord {
  vendor: Vendor
  /** Bumped on every change to the vendor or its incidents; the ETag is derived from it. */
  version: number
  createdAt: string
  updatedAt: string
  riskAcceptance: RiskAcceptance | null
}

export interface Review {
  id: number
  vendorId: string
  completedAt: string
  notes: string
  reviewer: string
  recordedAt: string
}

export interface ScoreSnapshot {
  vendorId: string
  recordedAt: string
  asOf: string
  score: number
  tier: Tier
  exposure: number
  likelihood: number
  modelVersion: string
  reason: string
}

export interface ScoringModelRecord {
  weights: ScoringWeights
  revision: number
  updatedBy: string
  updatedAt: string
}

export interface AuditInput {
  action: string
  entityType: string
  entityId: string
  before?: unknown
  after?: unknown
}

export interface AuditFilter {
  actor?: string
  action?: string
  entityType?: string
  entityId?: string
  /** First UTC day (YYYY-MM-DD) included. */
  from?: string
  /** Last UTC day (YYYY-MM-DD) included. */
  to?: string
}

/** Every matching entry, oldest first: for exports and the point-in-time replay. */
export interface AuditStreamQuery extends AuditFilter {
  /** Only these actions. */
  actions?: readonly string[]
  /** Only entries up to this one (the head an export started from). */
  untilSeq?: number
  /** Only entries committed before this ISO timestamp (or day: the day before it is the last). */
  before?: string
  /**
   * Read `before` only for these actions (the others answer null): a replay needs the before of a deletion only,
   * and parsing every updated document twice doubles its cost. Such entries no longer verify against their hash.
   */
  beforeOnlyFor?: readonly string[]
}

/** An export's manifest as stored; the file is DATA_DIR/exports/<id>.<format>. */
export type ExportRecord = ExportManifest

export interface AuditQuery extends AuditFilter {
  /** Entries with seq below this (for paging backwards from the newest). */
  beforeSeq?: number
  limit: number
}

/** Everything one request changes, applied in one transaction. */
export interface UnitOfWork {
  actor: string
  /**
   * `expectedVersion: null` creates the vendor; a number must match the stored version or nothing is applied.
   * `score` is the vendor's score today: the store keeps the dashboard's facts in step with every vendor write.
   */
  vendors?: { id: string; expectedVersion: number | null; next: Vendor; score: FactScore }[]
  /** New score numbers for vendors whose document did not change (model change, daily decay). */
  rescores?: { vendorId: string; version: number; score: FactScore }[]
  reviews?: Omit<Review, 'id'>[]
  riskAcceptances?: { vendorId: string; acceptance: RiskAcceptance | null }[]
  scoringModel?: { expectedRevision: number; weights: ScoringWeights }
  snapshots?: ScoreSnapshot[]
  users?: (
    | { op: 'create'; user: StoredUser }
    | {
        op: 'update'
        username: string
        patch: Partial<Pick<StoredUser, 'role' | 'disabled' | 'passwordHash'>>
      }
    | { op: 'delete'; username: string }
  )[]
  /** Export manifests, inserted or (by id) updated; a finished one cannot change. */
  exports?: ExportRecord[]
  audit: AuditInput[]
}

export class VersionConflictError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly currentVersion: number | null,
  ) {
    super(`${entity} ${id} changed meanwhile (now version ${currentVersion ?? 'deleted'})`)
  }
}

export class UniqueConflictError extends Error {
  constructor(
    readonly field: string,
    readonly value: string,
  ) {
    super(`${field} ${value} is already taken`)
  }
}

/**
 * The database could not take a write: its disk is full (`full`), or it cannot be written at all (`unavailable`:
 * a read-only or failing disk). The write was rolled back whole; what was stored before is untouched.
 */
export class StorageError extends Error {
  constructor(
    readonly reason: 'full' | 'unavailable',
    message: string,
  ) {
    super(message)
  }
}

export interface Store {
  readonly kind: string
  close(): void

  countUsers(): Promise<number>
  getUser(username: string): Promise<StoredUser | undefined>
  listUsers(): Promise<PublicUser[]>

  createSession(session: SessionRecord): Promise<void>
  getSession(idHash: string): Promise<SessionRecord | undefined>
  deleteSession(idHash: string): Promise<void>
  deleteExpiredSessions(now: string): Promise<number>

  countVendors(): Promise<number>
  listVendors(): Promise<VendorRecord[]>
  getVendor(id: string): Promise<VendorRecord | undefined>
  listReviews(vendorId: string): Promise<Review[]>
  listSnapshots(vendorId: string): Promise<ScoreSnapshot[]>
  latestSnapshots(): Promise<Map<string, ScoreSnapshot>>
  getScoringModel(): Promise<ScoringModelRecord | undefined>

  /** Aggregations for the dashboard, over facts the commits keep in step with the vendors. */
  readonly dashboard: DashboardQueries

  queryAudit(query: AuditQuery): Promise<AuditEntry[]>
  /** The matching entries oldest first, read page by page so the whole log never sits in memory. */
  streamAudit(query: AuditStreamQuery): AsyncIterable<AuditEntry>
  /** The newest entry's sequence number and hash (0 and the genesis hash for an empty log). */
  auditHead(): Promise<{ seq: number; hash: string }>
  verifyAudit(): Promise<VerifyResult>

  getExport(id: string): Promise<ExportRecord | undefined>
  /** Newest first; `unfinished` keeps only those still pending or running. */
  listExports(query: { limit: number; unfinished?: boolean }): Promise<ExportRecord[]>

  /**
   * Applies the unit of work atomically; throws VersionConflictError or UniqueConflictError and applies nothing.
   * Answers the commit's timestamp, which it wrote as `updatedAt` (and `createdAt` of new vendors).
   */
  commit(work: UnitOfWork): Promise<{ at: string }>
}
