/**
 * The register as it stood at the end of a past day, replayed from the audit log: every change to a vendor, its
 * incidents, its reviews, its risk acceptance and the scoring model is logged with its before and after, so
 * applying the entries up to that day in order rebuilds each vendor's document, its acceptance and the weights in
 * force. Pure: the caller reads the entries (oldest first) and scores the result.
 */
import { addDays } from './dates'
import { DEFAULT_WEIGHTS, type ScoringWeights } from './scoring/model'
import type { StoredRiskAcceptance } from './schemas/export'
import type { Incident, Vendor } from './schemas/vendor'

/** The fields of an audit entry the replay reads. */
export interface ReplayEntry {
  seq: number
  /** ISO timestamp (UTC) of the commit. */
  at: string
  action: string
  entityType: string
  entityId: string
  before: unknown
  after: unknown
}

/** The actions that change what the register shows; a store may read only these. */
export const REPLAY_ACTIONS = [
  'vendor.create',
  'vendor.update',
  'vendor.archive',
  'incident.create',
  'incident.update',
  'incident.delete',
  'review.create',
  'risk.accept',
  'risk.revoke',
  'model.update',
] as const

export interface RegisterState {
  /** Every vendor that existed, by id, in the order they were created. */
  vendors: Map<string, Vendor>
  acceptances: Map<string, StoredRiskAcceptance>
  weights: ScoringWeights
  /** How many times the model was changed: the revision of `weights` (0: the defaults). */
  modelRevision: number
  /** The last entry applied (0: none). */
  seq: number
}

/** Entries committed before this timestamp belong to `asOf` or earlier: the day ends at midnight UTC. */
export const endOfDay = (asOf: string) => addDays(asOf, 1)

export function emptyRegisterState(): RegisterState {
  return { vendors: new Map(), acceptances: new Map(), weights: DEFAULT_WEIGHTS, modelRevision: 0, seq: 0 }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** An incident entry's `after`/`before` is the incident with its vendor's id beside it. */
function incidentOf(value: unknown): { vendorId: string; incident: Incident } | null {
  if (!isObject(value) || typeof value.vendorId !== 'string' || typeof value.id !== 'string') return null
  const { vendorId, ...incident } = value
  return { vendorId, incident: incident as unknown as Incident }
}

/**
 * Applies one entry to the state, in place. Vendor documents are replaced, never mutated, so a copy of the maps
 * taken earlier keeps its vendors. Entries the register does not depend on are ignored.
 */
export function applyAuditEntry(state: RegisterState, entry: ReplayEntry): void {
  state.seq = entry.seq
  const { vendors } = state
  switch (entry.action) {
    case 'vendor.create':
    case 'vendor.update':
    case 'vendor.archive': {
      if (isObject(entry.after) && typeof entry.after.id === 'string') {
        vendors.set(entry.after.id, entry.after as unknown as Vendor)
      }
      return
    }
    case 'incident.create':
    case 'incident.update': {
      const found = incidentOf(entry.after)
      const vendor = found && vendors.get(found.vendorId)
      if (!found || !vendor) return
      const at = vendor.incidents.findIndex((i) => i.id === found.incident.id)
      // An import logs the vendor with its new incidents and then each incident: the second is already there.
      const incidents =
        at === -1
          ? [...vendor.incidents, found.incident]
          : vendor.incidents.map((i, n) => (n === at ? found.incident : i))
      vendors.set(vendor.id, { ...vendor, incidents })
      return
    }
    case 'incident.delete': {
      const found = incidentOf(entry.before)
      const vendor = found && vendors.get(found.vendorId)
      if (!found || !vendor) return
      vendors.set(vendor.id, {
        ...vendor,
        incidents: vendor.incidents.filter((i) => i.id !== found.incident.id),
      })
      return
    }
    case 'review.create': {
      // A review moves the last assessment forward (never back); the service logs only the review for it.
      const vendor = vendors.get(entry.entityId)
      const completedAt = isObject(entry.after) ? entry.after.completedAt : undefined
      if (!vendor || typeof completedAt !== 'string') return
      const last = vendor.controls.lastAssessedAt
      if (last !== undefined && last >= completedAt) return
      vendors.set(vendor.id, { ...vendor, controls: { ...vendor.controls, lastAssessedAt: completedAt } })
      return
    }
    case 'risk.accept':
      if (isObject(entry.after)) {
        state.acceptances.set(entry.entityId, entry.after as unknown as StoredRiskAcceptance)
      }
      return
    case 'risk.revoke':
      state.acceptances.delete(entry.entityId)
      return
    case 'model.update':
      if (isObject(entry.after)) {
        state.weights = entry.after as unknown as ScoringWeights
        state.modelRevision += 1
      }
      return
    default:
      return
  }
}

/** A copy that later entries applied to the original do not change. */
export function copyRegisterState(state: RegisterState): RegisterState {
  return { ...state, vendors: new Map(state.vendors), acceptances: new Map(state.acceptances) }
}

/**
 * The register at the end of each of `days` (ascending), from entries in commit order. Entries after the last day
 * are not read past: the caller may stream an unbounded log.
 */
export function replayAuditLog(entries: Iterable<ReplayEntry>, days: readonly string[]): RegisterState[] {
  const states: RegisterState[] = []
  const state = emptyRegisterState()
  let next = 0
  for (const entry of entries) {
    while (next < days.length && entry.at >= endOfDay(days[next]!)) {
      states.push(copyRegisterState(state))
      next += 1
    }
    if (next === days.length) break
    applyAuditEntry(state, entry)
  }
  while (states.length < days.length) states.push(copyRegisterState(state))
  return states
}
