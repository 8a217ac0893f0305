/**
 * The one storage interface the routes and services talk to. Every write goes through `commit`, one atomic unit
 * of work that also appends its audit entries, so a change and its audit record land together or not at all.
 * Methods are async so a PostgreSQL store can implement the same interface.
 */
import type { ScoringWeights, Tier, Vendor } from '../../src/domain'
import type { AuditEntry, VerifyResult } from '../audit/hash-chain'

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

export interface AuditQuery {
  actor?: string
  action?: string
  entityType?: string
  entityId?: string
  /** Entries with seq below this (for paging backwards from the newest). */
  beforeSeq?: number
  limit: number
}

/** Everything one request changes, applied in one transaction. */
export interface UnitOfWork {
  actor: string
  /** `expectedVersion: null` creates the vendor; a number must match the stored version or nothing is applied. */
  vendors?: { id: string; expectedVersion: number | null; next: Vendor }[]
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

  queryAudit(query: AuditQuery): Promise<AuditEntry[]>
  verifyAudit(): Promise<VerifyResult>

  /**
   * Applies the unit of work atomically; throws VersionConflictError or UniqueConflictError and applies nothing.
   * Answers the commit's timestamp, which it wrote as `updatedAt` (and `createdAt` of new vendors).
   */
  commit(work: UnitOfWork): Promise<{ at: string }>
}
