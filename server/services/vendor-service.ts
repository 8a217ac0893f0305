/**
 * Vendors, incidents, reviews, risk acceptance, previews, history and the scoring model. Keeps the vendors and the
 * model in memory (the database is the source of truth; this process is its only writer) so lists of 50,000
 * vendors filter, sort and score without a round trip per vendor.
 */
import { isDeepStrictEqual } from 'node:util'
import {
  computeScore,
  futureDateErrors,
  incidentDateErrors,
  type IncidentPatch,
  DEFAULT_WEIGHTS,
  Incident,
  IncidentInput,
  MODEL_VERSION,
  REVIEW_CADENCE_DAYS,
  reviewOwners,
  reviewQueue,
  reviewQueuePage,
  applyVendorPatch,
  filterVendorSummaries,
  mergePatch,
  previewScore,
  sortVendorSummaries,
  summarizeVendor,
  todayIsoDate,
  Vendor,
  VendorInput,
  vendorDetail,
  type ReviewInput,
  type ReviewQueue,
  type ReviewQueueQuery,
  type ReviewWindow,
  type RiskAcceptanceInput,
  type ScoreNumbers,
  type ScoringWeights,
  type VendorListQuery,
  type VendorPatch,
  type VendorSummary,
} from '../../src/domain'
import type { z } from 'zod'
import type {
  FactScore,
  RiskAcceptance,
  ScoreOverride,
  ScoreSnapshot,
  Store,
  UnitOfWork,
  VendorRecord,
} from '../db/store'
import { HttpProblem } from '../http/problem'
import { parseWith } from '../http/validate'
import { newId } from './ids'
import { createVendorListIndex, type VendorListIndex } from './vendor-index'

type ListQuery = z.output<typeof VendorListQuery>

/** Review queues kept between requests: one per window and owner a user pages through. */
const REVIEW_QUEUES_KEPT = 16

export interface Actor {
  username: string
}

/** Cursors are opaque to clients: an offset bound to the query it came from. */
function encodeCursor(offset: number, fingerprint: string) {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint })).toString('base64url')
}
function decodeCursor(cursor: string, fingerprint: string): number {
  try {
    const { o, f } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      o: unknown
      f: unknown
    }
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0 && f === fingerprint) return o
  } catch {
    // fall through to the problem below
  }
  throw new HttpProblem(400, 'Invalid cursor', 'cursor: use the nextCursor of the same query', [
    { path: 'cursor', message: 'Not a cursor of this query' },
  ])
}

export function createVendorService(store: Store, now: () => Date = () => new Date()) {
  const records = new Map<string, VendorRecord>()
  const latest = new Map<string, ScoreSnapshot>()
  let weights: ScoringWeights = DEFAULT_WEIGHTS
  let modelRevision = 0
  const index = createVendorListIndex()
  /** The day and model revision the index holds summaries for. */
  let indexKey = ''
  /** The day every vendor's dashboard facts are known to be scored for (null until checked). */
  let factsAsOf: string | null = null
  let dailyRun: Promise<number> | undefined
  /**
   * Review queues made from the index at `revision`: the work list pages through one queue, and sorting tens of
   * thousands of overdue vendors again for every page would cost more than the page. Owners are the caller's
   * strings, so only the most recently used queues are kept.
   */
  const reviewCache = { revision: -1, queues: new Map<string, ReviewQueue<VendorSummary>>() }
  /**
   * How many vendors each owner has, kept as vendors change: the review list names every owner on each page, and
   * at 50,000 vendors (tens of thousands of owners) collecting and sorting them per change cost as much as the queue.
   */
  const ownerCounts = new Map<string, number>()
  let owners: string[] | null = null

  function countOwner(owner: string, by: 1 | -1) {
    const count = (ownerCounts.get(owner) ?? 0) + by
    if (count === 0) ownerCounts.delete(owner)
    else ownerCounts.set(owner, count)
    // Only a first or a last vendor changes who the owners are.
    if (count === 0 || (count === 1 && by === 1)) owners = null
  }

  const today = () => todayIsoDate(now())

  async function init() {
    for (const record of await store.listVendors()) {
      records.set(record.vendor.id, record)
      countOwner(record.vendor.owner, 1)
    }
    for (const [id, snapshot] of await store.latestSnapshots()) latest.set(id, snapshot)
    const model = await store.getScoringModel()
    if (model) {
      weights = model.weights
      modelRevision = model.revision
    }
  }

  function summaryOf(record: VendorRecord, asOf: string): VendorSummary {
    return summarizeVendor(
      record.vendor,
      asOf,
      weights,
      computeScore(record.vendor, { asOf, weights }),
      record.riskAcceptance,
    )
  }

  /** Summaries for today are indexed and refreshed per changed vendor; other days are computed on demand. */
  function todayIndex(): VendorListIndex {
    const asOf = today()
    const key = `${asOf}#${modelRevision}`
    if (indexKey !== key) {
      index.reset([...records.values()].map((r) => summaryOf(r, asOf)))
      indexKey = key
    }
    return index
  }

  function remember(record: VendorRecord) {
    const before = records.get(record.vendor.id)
    if (before) countOwner(before.vendor.owner, -1)
    countOwner(record.vendor.owner, 1)
    records.set(record.vendor.id, record)
    if (indexKey === `${today()}#${modelRevision}`) index.upsert(summaryOf(record, today()))
  }

  /** Reloads vendors whose stored state the service cannot derive (a risk acceptance changed). */
  async function refresh(ids: Iterable<string>) {
    for (const id of ids) {
      const record = await store.getVendor(id)
      if (record) remember(record)
    }
  }

  /** Each vendor's score today, with these weights: for its snapshot and its dashboard facts alike. */
  function scoresToday(vendors: Vendor[], w: ScoringWeights = weights) {
    const asOf = today()
    return vendors.map((vendor) => ({ vendor, score: computeScore(vendor, { asOf, weights: w }) }))
  }

  const factScore = (s: ScoreNumbers): FactScore => ({
    asOf: s.asOf,
    score: s.score,
    tier: s.tier,
    exposure: s.exposure,
    likelihood: s.likelihood,
  })

  /** Snapshots for the vendors whose score, tier or model version differ from their last one (or all, `always`). */
  function snapshotsFor(
    scored: { vendor: Vendor; score: ScoreNumbers }[],
    reason: string,
    { always = false } = {},
  ): ScoreSnapshot[] {
    const asOf = today()
    const recordedAt = now().toISOString()
    const out: ScoreSnapshot[] = []
    for (const { vendor, score: s } of scored) {
      const last = latest.get(vendor.id)
      const unchanged =
        last?.score === s.score && last.tier === s.tier && last.modelVersion === s.modelVersion
      if (unchanged && !always) continue
      out.push({
        vendorId: vendor.id,
        recordedAt,
        asOf,
        score: s.score,
        tier: s.tier,
        exposure: s.exposure,
        likelihood: s.likelihood,
        modelVersion: s.modelVersion,
        reason,
      })
    }
    return out
  }

  async function commitVendors(
    actor: Actor,
    changes: { id: string; expectedVersion: number | null; next: Vendor }[],
    audit: UnitOfWork['audit'],
    reason: string,
    extra: Partial<UnitOfWork> = {},
  ) {
    const scored = scoresToday(changes.map((c) => c.next))
    const snapshots = snapshotsFor(scored, reason)
    // Written out, not spread: `{ ...c, score }` costs several times more, and an import makes 50,000 of them.
    const vendors = changes.map(({ id, expectedVersion, next }, i) => ({
      id,
      expectedVersion,
      next,
      score: factScore(scored[i]!.score),
    }))
    const { at } = await store.commit({ actor: actor.username, vendors, snapshots, audit, ...extra })
    for (const s of snapshots) latest.set(s.vendorId, s)
    // The commit wrote exactly these documents: keep them rather than reading back and re-validating each one.
    for (const { id, expectedVersion, next } of changes) {
      const before = records.get(id)
      remember({
        vendor: next,
        version: expectedVersion === null ? 1 : expectedVersion + 1,
        createdAt: before?.createdAt ?? at,
        updatedAt: at,
        riskAcceptance: before?.riskAcceptance ?? null,
      })
    }
  }

  /** One run at a time: the hourly timer and a dashboard request at midnight must not both rescore. */
  function recordDailySnapshots(): Promise<number> {
    dailyRun ??= (async () => {
      const asOf = today()
      const stale = new Set(factsAsOf === asOf ? [] : await store.dashboard.unscoredFacts(asOf))
      const all = [...records.values()]
      const scored = scoresToday(all.map((r) => r.vendor))
      const snapshots = snapshotsFor(scored, 'daily rescore')
      const rescores = all.flatMap((r, i) =>
        stale.has(r.vendor.id)
          ? [{ vendorId: r.vendor.id, version: r.version, score: factScore(scored[i]!.score) }]
          : [],
      )
      if (snapshots.length > 0 || rescores.length > 0) {
        await store.commit({ actor: 'system', snapshots, rescores, audit: [] })
      }
      for (const s of snapshots) latest.set(s.vendorId, s)
      factsAsOf = asOf
      return snapshots.length
    })().finally(() => {
      dailyRun = undefined
    })
    return dailyRun
  }

  /** Today's review queue for `window`, of `owner`'s vendors or everyone's, with every owner's name. */
  function reviewsToday(window: ReviewWindow, owner: string | undefined) {
    const index = todayIndex()
    if (reviewCache.revision !== index.revision) {
      reviewCache.revision = index.revision
      reviewCache.queues.clear()
    }
    const key = JSON.stringify([window, owner ?? null])
    let queue = reviewCache.queues.get(key)
    if (queue) reviewCache.queues.delete(key)
    else {
      // The inventory in its default order, as the work list used to fetch it: reviewQueue's sort is stable, so
      // vendors tied on every key it compares stay in that order.
      const all = index.query({}, 'score', undefined)
      queue = reviewQueue(owner === undefined ? all : all.filter((v) => v.owner === owner), today(), window)
      if (reviewCache.queues.size >= REVIEW_QUEUES_KEPT) {
        reviewCache.queues.delete(reviewCache.queues.keys().next().value!)
      }
    }
    reviewCache.queues.set(key, queue)
    owners ??= reviewOwners(ownerCounts.keys())
    return { queue, owners }
  }

  function requireRecord(id: string): VendorRecord {
    const record = records.get(id)
    if (!record) throw new HttpProblem(404, 'Vendor not found', `No vendor has id ${id}`)
    return record
  }

  function refuseFutureIncident(incident: Incident) {
    const errors = incidentDateErrors(incident, today())
    if (errors.length > 0) {
      throw new HttpProblem(
        422,
        'Invalid incident',
        errors.map((e) => `${e.path}: ${e.message[0]!.toLowerCase()}${e.message.slice(1)}`).join('; '),
        errors,
      )
    }
  }

  function requireIncident(record: VendorRecord, incidentId: string): Incident {
    const incident = record.vendor.incidents.find((i) => i.id === incidentId)
    if (!incident) {
      throw new HttpProblem(
        404,
        'Incident not found',
        `Vendor ${record.vendor.id} has no incident ${incidentId}`,
      )
    }
    return incident
  }

  function requireVersion(record: VendorRecord, ifMatch: string | undefined): number {
    if (ifMatch === undefined) {
      throw new HttpProblem(428, 'If-Match required', 'Send the ETag of the vendor you edited in If-Match.')
    }
    // `*` matches any current version (RFC 9110): the client knowingly overwrites.
    if (ifMatch.trim() === '*') return record.version
    const expected = Number(/^(?:W\/)?"(\d+)"$/.exec(ifMatch.trim())?.[1])
    if (!Number.isInteger(expected)) {
      throw new HttpProblem(400, 'Malformed If-Match', 'If-Match must be the ETag from GET, like "3".')
    }
    return expected
  }

  const detail = (record: VendorRecord, asOf = today()) =>
    vendorDetail(record.vendor, asOf, {
      weights,
      version: record.version,
      riskAcceptance: record.riskAcceptance,
    })

  /** A vendor as stored: schema-valid, and with no assessment or incident dated after today. */
  const validVendor = (value: unknown) => {
    const vendor = parseWith(Vendor, value, 'Invalid vendor')
    const errors = futureDateErrors(vendor, today())
    if (errors.length > 0) {
      throw new HttpProblem(
        422,
        'Invalid vendor',
        errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        errors,
      )
    }
    return vendor
  }

  return {
    init,
    today,
    get weights() {
      return weights
    },

    list(query: ListQuery) {
      const asOf = query.asOf ?? today()
      const { cursor, offset: start, limit, sort, order, asOf: _asOf, ...filter } = query
      const items =
        asOf === today()
          ? todayIndex().query(filter, sort, order)
          : sortVendorSummaries(
              filterVendorSummaries(
                [...records.values()].map((r) => summaryOf(r, asOf)),
                filter,
              ),
              sort,
              order,
            )
      const fingerprint = JSON.stringify({ ...filter, sort, order, asOf })
      const offset = cursor ? decodeCursor(cursor, fingerprint) : (start ?? 0)
      const page = items.slice(offset, offset + limit)
      const nextOffset = offset + page.length
      return {
        items: page,
        total: items.length,
        nextCursor: nextOffset < items.length ? encodeCursor(nextOffset, fingerprint) : null,
        asOf,
      }
    },

    facets: () => todayIndex().facets(today()),

    /** GET /api/reviews: a page of today's review work list, from the summaries the list index keeps. */
    reviews(query: z.output<typeof ReviewQueueQuery>) {
      const { due, owner, offset, limit } = query
      const { queue, owners } = reviewsToday(due, owner)
      return reviewQueuePage(queue, { asOf: today(), window: due, owner, owners, offset, limit })
    },

    get: (id: string, asOf?: string) => detail(requireRecord(id), asOf),

    async create(input: unknown, actor: Actor) {
      const parsed = parseWith(VendorInput, input, 'Invalid vendor')
      const id = newId('ven')
      const vendor = validVendor({
        ...parsed,
        id,
        incidents: parsed.incidents.map((i) => ({ ...i, id: newId('inc') })),
      })
      await commitVendors(
        actor,
        [{ id, expectedVersion: null, next: vendor }],
        [{ action: 'vendor.create', entityType: 'vendor', entityId: id, after: vendor }],
        'vendor created',
      )
      return detail(requireRecord(id))
    },

    async update(id: string, patch: VendorPatch, ifMatch: string | undefined, actor: Actor) {
      const record = requireRecord(id)
      const expected = requireVersion(record, ifMatch)
      const next = validVendor(applyVendorPatch(record.vendor, patch))
      // Nothing changes (an empty patch, or the values it already has): no new version, no audit entry.
      if (isDeepStrictEqual(next, record.vendor)) return detail(record)
      await commitVendors(
        actor,
        [{ id, expectedVersion: expected, next }],
        [{ action: 'vendor.update', entityType: 'vendor', entityId: id, before: record.vendor, after: next }],
        'vendor edited',
      )
      return detail(requireRecord(id))
    },

    /** DELETE archives: the vendor is offboarded, its history and audit trail stay. */
    async archive(id: string, actor: Actor) {
      const record = requireRecord(id)
      if (record.vendor.status === 'offboarded') return detail(record)
      const next = { ...record.vendor, status: 'offboarded' as const }
      await commitVendors(
        actor,
        [{ id, expectedVersion: record.version, next }],
        [
          {
            action: 'vendor.archive',
            entityType: 'vendor',
            entityId: id,
            before: record.vendor,
            after: next,
          },
        ],
        'vendor offboarded',
      )
      return detail(requireRecord(id))
    },

    async addIncident(vendorId: string, input: unknown, actor: Actor) {
      const record = requireRecord(vendorId)
      const incident = parseWith(
        Incident,
        { ...parseWith(IncidentInput, input, 'Invalid incident'), id: newId('inc') },
        'Invalid incident',
      )
      refuseFutureIncident(incident)
      const next = validVendor({ ...record.vendor, incidents: [...record.vendor.incidents, incident] })
      await commitVendors(
        actor,
        [{ id: vendorId, expectedVersion: record.version, next }],
        [
          {
            action: 'incident.create',
            entityType: 'incident',
            entityId: incident.id,
            after: { vendorId, ...incident },
          },
        ],
        'incident recorded',
      )
      return { incident, vendor: detail(requireRecord(vendorId)) }
    },

    async updateIncident(vendorId: string, incidentId: string, patch: IncidentPatch, actor: Actor) {
      const record = requireRecord(vendorId)
      const before = requireIncident(record, incidentId)
      const incident = parseWith(
        Incident,
        { ...mergePatch(patch, before), id: incidentId },
        'Invalid incident',
      )
      refuseFutureIncident(incident)
      const next = validVendor({
        ...record.vendor,
        incidents: record.vendor.incidents.map((i) => (i.id === incidentId ? incident : i)),
      })
      await commitVendors(
        actor,
        [{ id: vendorId, expectedVersion: record.version, next }],
        [
          {
            action: 'incident.update',
            entityType: 'incident',
            entityId: incidentId,
            before: { vendorId, ...before },
            after: { vendorId, ...incident },
          },
        ],
        'incident updated',
      )
      return { incident, vendor: detail(requireRecord(vendorId)) }
    },

    async deleteIncident(vendorId: string, incidentId: string, actor: Actor) {
      const record = requireRecord(vendorId)
      const before = requireIncident(record, incidentId)
      const next = { ...record.vendor, incidents: record.vendor.incidents.filter((i) => i.id !== incidentId) }
      await commitVendors(
        actor,
        [{ id: vendorId, expectedVersion: record.version, next }],
        [
          {
            action: 'incident.delete',
            entityType: 'incident',
            entityId: incidentId,
            before: { vendorId, ...before },
          },
        ],
        'incident deleted',
      )
      return detail(requireRecord(vendorId))
    },

    async addReview(vendorId: string, input: z.output<typeof ReviewInput>, actor: Actor) {
      const record = requireRecord(vendorId)
      if (input.completedAt > today()) {
        throw new HttpProblem(
          422,
          'Invalid review',
          'completedAt: a review cannot be completed in the future',
          [{ path: 'completedAt', message: 'Cannot be in the future' }],
        )
      }
      const last = record.vendor.controls.lastAssessedAt
      const next: Vendor =
        last !== undefined && last >= input.completedAt
          ? record.vendor
          : { ...record.vendor, controls: { ...record.vendor.controls, lastAssessedAt: input.completedAt } }
      const review = {
        vendorId,
        completedAt: input.completedAt,
        notes: input.notes,
        reviewer: actor.username,
        recordedAt: now().toISOString(),
      }
      await commitVendors(
        actor,
        next === record.vendor ? [] : [{ id: vendorId, expectedVersion: record.version, next }],
        [{ action: 'review.create', entityType: 'vendor', entityId: vendorId, after: review }],
        'review recorded',
        { reviews: [review] },
      )
      const updated = detail(requireRecord(vendorId))
      const tier = updated.score.tier
      return {
        review,
        nextReviewDue: updated.summary.nextReviewDue,
        cadenceDays: REVIEW_CADENCE_DAYS[tier],
        vendor: updated,
      }
    },

    listReviews: (vendorId: string) => (requireRecord(vendorId), store.listReviews(vendorId)),

    async acceptRisk(vendorId: string, input: RiskAcceptanceInput, actor: Actor) {
      const record = requireRecord(vendorId)
      if (input.until <= today()) {
        throw new HttpProblem(422, 'Invalid risk acceptance', 'until: must be a future date', [
          { path: 'until', message: 'Must be after today' },
        ])
      }
      const acceptance = {
        note: input.note,
        until: input.until,
        acceptedBy: actor.username,
        acceptedAt: now().toISOString(),
      }
      await store.commit({
        actor: actor.username,
        riskAcceptances: [{ vendorId, acceptance }],
        audit: [
          {
            action: 'risk.accept',
            entityType: 'vendor',
            entityId: vendorId,
            before: record.riskAcceptance,
            after: acceptance,
          },
        ],
      })
      await refresh([vendorId])
      return detail(requireRecord(vendorId))
    },

    async revokeRisk(vendorId: string, actor: Actor) {
      const record = requireRecord(vendorId)
      if (record.riskAcceptance === null) return detail(record)
      await store.commit({
        actor: actor.username,
        riskAcceptances: [{ vendorId, acceptance: null }],
        audit: [
          { action: 'risk.revoke', entityType: 'vendor', entityId: vendorId, before: record.riskAcceptance },
        ],
      })
      await refresh([vendorId])
      return detail(requireRecord(vendorId))
    },

    /** The score the vendor would have with `patch` applied, and each factor's difference; nothing is saved. */
    preview(vendorId: string, patch: VendorPatch & { incidents?: unknown }, asOf = today()) {
      const record = requireRecord(vendorId)
      return previewScore(record.vendor, validVendor(applyVendorPatch(record.vendor, patch)), {
        asOf,
        weights,
      })
    },

    async history(vendorId: string) {
      requireRecord(vendorId)
      return { items: (await store.listSnapshots(vendorId)).map(({ vendorId: _id, ...s }) => s) }
    },

    model: () => ({
      weights,
      revision: modelRevision,
      modelVersion: MODEL_VERSION,
      defaults: DEFAULT_WEIGHTS,
    }),

    /** Replaces the weights and rescoring every vendor, with a snapshot for each, in one transaction. */
    async putModel(next: ScoringWeights, expectedRevision: number, actor: Actor) {
      const all = [...records.values()]
      const scored = scoresToday(
        all.map((r) => r.vendor),
        next,
      )
      // Every vendor gets a snapshot on a model change, even where the score did not move, to mark the new model.
      const snapshots = snapshotsFor(scored, 'scoring model changed', { always: true })
      await store.commit({
        actor: actor.username,
        scoringModel: { expectedRevision, weights: next },
        snapshots,
        rescores: all.map((r, i) => ({
          vendorId: r.vendor.id,
          version: r.version,
          score: factScore(scored[i]!.score),
        })),
        audit: [
          {
            action: 'model.update',
            entityType: 'scoring_model',
            entityId: 'current',
            before: weights,
            after: next,
          },
        ],
      })
      weights = next
      modelRevision = expectedRevision + 1
      for (const s of snapshots) latest.set(s.vendorId, s)
      return { weights, revision: modelRevision, modelVersion: MODEL_VERSION, rescored: all.length }
    },

    /**
     * Records a snapshot for every vendor whose score moved since its last one (decay, lapsed acceptance), and
     * rescores the dashboard facts of every vendor not yet scored for today, in one transaction.
     */
    recordDailySnapshots,

    /** Makes sure the dashboard's facts are scored for today (a day may have begun since the last rescore). */
    async ensureFactsScored() {
      if (factsAsOf !== today()) await recordDailySnapshots()
    },

    /** Every vendor's score numbers as of `asOf`, for the dashboard on a day the facts are not scored for. */
    scoresAsOf: (asOf: string): ScoreOverride[] =>
      [...records.values()].map(({ vendor }) => {
        const s = computeScore(vendor, { asOf, weights })
        return {
          vendorId: vendor.id,
          score: s.score,
          tier: s.tier,
          exposure: s.exposure,
          likelihood: s.likelihood,
        }
      }),

    /** Seeds vendors (demo data, imports) in one transaction. */
    async createMany(vendors: Vendor[], actor: Actor, reason: string) {
      await commitVendors(
        actor,
        vendors.map((v) => ({ id: v.id, expectedVersion: null, next: v })),
        vendors.map((v) => ({ action: 'vendor.create', entityType: 'vendor', entityId: v.id, after: v })),
        reason,
      )
    },

    /**
     * Loads a full export into an empty database in one transaction: the weights (when they differ from those in
     * force), the vendors with their ids, and their risk acceptances as recorded, each with its audit entry, so the
     * restored log replays to the same register. `audit` adds the restore's own entries.
     */
    async restore(
      input: {
        vendors: Vendor[]
        weights: ScoringWeights
        acceptances: { vendorId: string; acceptance: RiskAcceptance }[]
      },
      audit: UnitOfWork['audit'],
      actor: Actor,
    ) {
      if (records.size > 0 || (await store.countVendors()) > 0) {
        throw new HttpProblem(
          409,
          'Database not empty',
          'A restore only loads into a database without vendors; start a new one with DEMO_DATA=0.',
        )
      }
      const vendorsIn = input.vendors.map((v) => validVendor(v))
      const changeModel = !isDeepStrictEqual(input.weights, weights)
      const scored = scoresToday(vendorsIn, input.weights)
      const snapshots = snapshotsFor(scored, 'restored from an export')
      const { at } = await store.commit({
        actor: actor.username,
        ...(changeModel && { scoringModel: { expectedRevision: modelRevision, weights: input.weights } }),
        vendors: scored.map(({ vendor, score }) => ({
          id: vendor.id,
          expectedVersion: null,
          next: vendor,
          score: factScore(score),
        })),
        riskAcceptances: input.acceptances,
        snapshots,
        audit: [
          ...(changeModel
            ? [
                {
                  action: 'model.update',
                  entityType: 'scoring_model',
                  entityId: 'current',
                  before: weights,
                  after: input.weights,
                },
              ]
            : []),
          ...vendorsIn.map((v) => ({
            action: 'vendor.create',
            entityType: 'vendor',
            entityId: v.id,
            after: v,
          })),
          ...input.acceptances.map(({ vendorId, acceptance }) => ({
            action: 'risk.accept',
            entityType: 'vendor',
            entityId: vendorId,
            before: null,
            after: acceptance,
          })),
          ...audit,
        ],
      })
      if (changeModel) {
        weights = input.weights
        modelRevision += 1
      }
      for (const s of snapshots) latest.set(s.vendorId, s)
      const accepted = new Map(input.acceptances.map((a) => [a.vendorId, a.acceptance]))
      for (const vendor of vendorsIn) {
        remember({
          vendor,
          version: 1,
          createdAt: at,
          updatedAt: at,
          riskAcceptance: accepted.get(vendor.id) ?? null,
        })
      }
      return { modelRevision }
    },

    findByName: (name: string) => {
      const key = name.trim().toLowerCase()
      for (const record of records.values())
        if (record.vendor.name.trim().toLowerCase() === key) return record
      return undefined
    },
    /**
     * findByName for many names in one pass over the inventory, keyed by the trimmed lower-case name: an import of
     * 50,000 rows asking one name at a time walked the whole inventory 50,000 times.
     */
    findByNames: (names: Iterable<string>) => {
      const wanted = new Set<string>()
      for (const name of names) wanted.add(name.trim().toLowerCase())
      const found = new Map<string, VendorRecord>()
      for (const record of records.values()) {
        const key = record.vendor.name.trim().toLowerCase()
        if (wanted.has(key) && !found.has(key)) found.set(key, record)
      }
      return found
    },
    commitVendors,
  }
}

export type VendorService = ReturnType<typeof createVendorService>
