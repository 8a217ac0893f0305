/**
 * The register behind every export: the audit log replayed up to the end of the as-of day (and no further than
 * the head the export started from), each vendor scored for that day with the weights in force then. Today's
 * register comes the same way, so an export never depends on which path produced it.
 */
import {
  addDays,
  applyAuditEntry,
  byScoreThenName,
  computeScore,
  copyRegisterState,
  emptyRegisterState,
  endOfDay,
  REPLAY_ACTIONS,
  scoreVendor,
  type RegisterState,
  type ScoreNumbers,
  type ScoringWeights,
  type StoredRiskAcceptance,
  type Vendor,
  type VendorScore,
} from '../../src/domain'
import type { Store } from '../db/store'

export interface RegisterEntry {
  vendor: Vendor
  riskAcceptance: StoredRiskAcceptance | null
  /** The numbers only; `explain` adds the factors when a row is written. */
  score: ScoreNumbers
}

export interface RegisterSnapshot {
  asOf: string
  weights: ScoringWeights
  modelRevision: number
  /** Highest score first, then by name and id: the inventory's order. */
  entries: RegisterEntry[]
  /**
   * The entry's score with its factors (the same numbers, explained). Computed per row as it is written rather
   * than kept for every vendor: 50,000 explained scores held at once cost more in garbage collection than
   * scoring each one twice.
   */
  explain(entry: RegisterEntry): VendorScore
  /** Each vendor's score `compareDays` before `asOf` (vendors that existed then), for "biggest changes". */
  earlier: { asOf: string; scores: Map<string, ScoreNumbers> } | null
}

/** Lets requests in flight run between slices of a long export. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

const SLICE = 2000

export async function loadRegister(
  store: Store,
  options: { asOf: string; untilSeq: number; compareDays?: number },
): Promise<RegisterSnapshot> {
  const { asOf, untilSeq } = options
  const earlierDay = options.compareDays === undefined ? null : addDays(asOf, -options.compareDays)
  const state = emptyRegisterState()
  let earlier: RegisterState | null = null
  let applied = 0
  for await (const entry of store.streamAudit({
    actions: REPLAY_ACTIONS,
    untilSeq,
    before: endOfDay(asOf),
    beforeOnlyFor: ['incident.delete'],
  })) {
    if (earlierDay !== null && earlier === null && entry.at >= endOfDay(earlierDay)) {
      earlier = copyRegisterState(state)
    }
    applyAuditEntry(state, entry)
    if (++applied % SLICE === 0) await yieldToEventLoop()
  }
  if (earlierDay !== null && earlier === null) earlier = copyRegisterState(state)

  const register: RegisterEntry[] = []
  let scored = 0
  for (const vendor of state.vendors.values()) {
    register.push({
      vendor,
      riskAcceptance: state.acceptances.get(vendor.id) ?? null,
      score: computeScore(vendor, { asOf, weights: state.weights }),
    })
    if (++scored % SLICE === 0) await yieldToEventLoop()
  }
  // Sort keys built once, not two objects per comparison.
  const order = register
    .map((entry) => ({ score: entry.score.score, name: entry.vendor.name, id: entry.vendor.id, entry }))
    .sort(byScoreThenName)
    .map((keyed) => keyed.entry)

  let before: RegisterSnapshot['earlier'] = null
  if (earlier !== null && earlierDay !== null) {
    const scores = new Map<string, ScoreNumbers>()
    for (const vendor of earlier.vendors.values()) {
      scores.set(vendor.id, computeScore(vendor, { asOf: earlierDay, weights: earlier.weights }))
    }
    before = { asOf: earlierDay, scores }
  }
  const { weights } = state
  return {
    asOf,
    weights,
    modelRevision: state.modelRevision,
    entries: order,
    earlier: before,
    explain: (entry) => scoreVendor(entry.vendor, { asOf, weights }),
  }
}
