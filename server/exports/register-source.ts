/**
 * The register behind every export: every vendor as it stood at the end of the as-of day (and no later than the
 * audit-log head the export started from), scored for that day with the weights in force then.
 *
 * Any day's register is the audit log replayed up to it (`loadRegister`). When the log holds no register change
 * after the export started nor after that day ended (an export as of today, the usual case), the replay could only
 * rebuild what the store holds now, so `loadCurrentRegister` reads the stored documents instead, at a fraction of
 * the cost. That rests on the store's promise that every change to a vendor, a risk acceptance or the model is
 * logged in the commit that makes it (a migration rewriting stored documents would have to log them too). Both
 * paths end in the same scoring and ordering; register-source.test.ts holds them to the same bytes.
 */
import {
  addDays,
  applyAuditEntry,
  byScoreThenName,
  computeScore,
  copyRegisterState,
  DEFAULT_WEIGHTS,
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

export interface RegisterOptions {
  asOf: string
  /** The audit-log head the export started from: nothing logged after it shows. */
  untilSeq: number
  compareDays?: number
}

/** Lets requests in flight run between slices of a long export. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

const SLICE = 2000

/**
 * The log replayed up to `untilSeq` and before `before`; with `stopAt`, only the entries committed before it
 * (the first entry at or after it ends the replay, as a day's end does). With `copyAt`, the state is also copied as
 * it stood before the first entry at or after that time: an earlier day's register from the same pass.
 */
async function replay(
  store: Store,
  {
    untilSeq,
    before,
    stopAt,
    copyAt,
  }: { untilSeq: number; before: string; stopAt?: string; copyAt?: string },
): Promise<{ state: RegisterState; copy: RegisterState | null }> {
  const state = emptyRegisterState()
  let copy: RegisterState | null = null
  let applied = 0
  for await (const entry of store.streamAudit({
    actions: REPLAY_ACTIONS,
    untilSeq,
    before,
    beforeOnlyFor: ['incident.delete'],
  })) {
    if (stopAt !== undefined && entry.at >= stopAt) break
    if (copyAt !== undefined && copy === null && entry.at >= copyAt) copy = copyRegisterState(state)
    applyAuditEntry(state, entry)
    if (++applied % SLICE === 0) await yieldToEventLoop()
  }
  if (copyAt !== undefined) copy ??= copyRegisterState(state)
  return { state, copy }
}

/** The state's vendors scored for `asOf` and put in the inventory's order; the earlier state scored for its day. */
async function snapshotOf(
  asOf: string,
  state: Pick<RegisterState, 'vendors' | 'acceptances' | 'weights' | 'modelRevision'>,
  earlier: { asOf: string; state: Pick<RegisterState, 'vendors' | 'weights'> } | null,
): Promise<RegisterSnapshot> {
  const { weights } = state
  const register: RegisterEntry[] = []
  let scored = 0
  for (const vendor of state.vendors.values()) {
    register.push({
      vendor,
      riskAcceptance: state.acceptances.get(vendor.id) ?? null,
      score: computeScore(vendor, { asOf, weights }),
    })
    if (++scored % SLICE === 0) await yieldToEventLoop()
  }
  // Sort keys built once, not two objects per comparison.
  const order = register
    .map((entry) => ({ score: entry.score.score, name: entry.vendor.name, id: entry.vendor.id, entry }))
    .sort(byScoreThenName)
    .map((keyed) => keyed.entry)

  let before: RegisterSnapshot['earlier'] = null
  if (earlier !== null) {
    const scores = new Map<string, ScoreNumbers>()
    for (const vendor of earlier.state.vendors.values()) {
      scores.set(vendor.id, computeScore(vendor, { asOf: earlier.asOf, weights: earlier.state.weights }))
    }
    before = { asOf: earlier.asOf, scores }
  }
  return {
    asOf,
    weights,
    modelRevision: state.modelRevision,
    entries: order,
    earlier: before,
    explain: (entry) => scoreVendor(entry.vendor, { asOf, weights }),
  }
}

/** The register of any day, replayed from the audit log. */
export async function loadRegister(store: Store, options: RegisterOptions): Promise<RegisterSnapshot> {
  const { asOf, untilSeq } = options
  const earlierDay = options.compareDays === undefined ? null : addDays(asOf, -options.compareDays)
  // One pass: the earlier day's state is copied as it stands when the first entry after that day comes by.
  const { state, copy: earlier } = await replay(store, {
    untilSeq,
    before: endOfDay(asOf),
    ...(earlierDay !== null && { copyAt: endOfDay(earlierDay) }),
  })
  return snapshotOf(asOf, state, earlierDay === null ? null : { asOf: earlierDay, state: earlier! })
}

/**
 * The same register as `loadRegister` gives, from the store's current documents rather than the log; null when
 * they may differ from it (a register change was logged after `untilSeq`, or on or after the end of `asOf`), and
 * the caller replays instead. The earlier register for `compareDays` is still replayed, up to its own day only.
 */
export async function loadCurrentRegister(
  store: Store,
  options: RegisterOptions,
): Promise<RegisterSnapshot | null> {
  const { asOf, untilSeq } = options
  const changed = () =>
    store.dashboard.registerChanged({ afterSeq: untilSeq, before: endOfDay(asOf), actions: REPLAY_ACTIONS })
  if (await changed()) return null
  const current = await store.dashboard.currentRegister()
  const vendors = new Map<string, Vendor>()
  for await (const page of current.documents) {
    // The replay reads the logged documents with JSON.parse alone, so the stored ones are read the same way.
    for (const doc of page) {
      const vendor = JSON.parse(doc) as Vendor
      vendors.set(vendor.id, vendor)
    }
    await yieldToEventLoop()
  }
  // Every change to a vendor, an acceptance or the model is logged with it: none logged since, none happened
  // while the pages were read.
  if (await changed()) return null
  const state = {
    vendors,
    acceptances: current.acceptances,
    weights: current.model === null ? DEFAULT_WEIGHTS : (JSON.parse(current.model.weights) as ScoringWeights),
    modelRevision: current.model?.revision ?? 0,
  }
  let earlier: { asOf: string; state: RegisterState } | null = null
  if (options.compareDays !== undefined) {
    const earlierDay = addDays(asOf, -options.compareDays)
    earlier = {
      asOf: earlierDay,
      state: (await replay(store, { untilSeq, before: endOfDay(asOf), stopAt: endOfDay(earlierDay) })).state,
    }
  }
  return snapshotOf(asOf, state, earlier)
}

/** The register for an export: from the current documents when they are the replay's, else replayed. */
export async function registerFor(store: Store, options: RegisterOptions): Promise<RegisterSnapshot> {
  return (await loadCurrentRegister(store, options)) ?? loadRegister(store, options)
}
