/**
 * The dashboard on SQLite: keeps the vendor facts (migration 002) in step with vendor writes, inside the commit's
 * transaction, and answers the dashboard's aggregations from them in SQL.
 */
import type { Database } from 'better-sqlite3'
import {
  DATA_LOCATIONS,
  emptyTierCounts,
  isOutsidePerimeter,
  TIERS,
  type DataClass,
  type DataLocation,
  type IncidentKind,
  type RiskMapResponse,
  type Severity,
  type StoredRiskAcceptance,
  type Tier,
  type TierCounts,
  type TrendRow,
  type Vendor,
} from '../../src/domain'
import type { DashboardQueries, FactScore, ScoreOverride } from './dashboard-store'

/** `IN (...)` list of the locations outside our perimeter, from the domain's definition (enum values only). */
const OUTSIDE = `(${DATA_LOCATIONS.filter(isOutsidePerimeter)
  .map((l) => `'${l}'`)
  .join(', ')})`

/**
 * The portfolio with its scores: the stored facts, or the same facts with scores given as JSON
 * (`[[id, score, tier, exposure, likelihood], ...]`). CROSS JOIN keeps json_each as the outer loop, so each
 * given score costs one primary-key lookup.
 */
const PORTFOLIO = {
  stored: `SELECT vendor_id, name, status, records, data_location, last_assessed_at, score, tier, exposure, likelihood
    FROM vendor_facts WHERE status <> 'offboarded' AND score IS NOT NULL`,
  given: `SELECT f.vendor_id, f.name, f.status, f.records, f.data_location, f.last_assessed_at,
      j.value ->> 1 AS score, j.value ->> 2 AS tier, j.value ->> 3 AS exposure, j.value ->> 4 AS likelihood
    FROM json_each(@scores) j CROSS JOIN vendor_facts f ON f.vendor_id = j.value ->> 0
    WHERE f.status <> 'offboarded'`,
} as const
type Variant = keyof typeof PORTFOLIO

const TIER_SUMS = TIERS.map((t) => `sum(p.tier = '${t}') AS ${t}`).join(', ')

/**
 * How many times this connection has written the facts. The dashboard keeps its answers until the facts change:
 * counting all writes instead (SQLite's total_changes) dropped them at every sign-in, session or export, so the
 * first dashboard after signing in recomputed every figure. A write rolled back after counting only costs a cache.
 */
const factWrites = new WeakMap<Database, { n: number }>()
function factWritesOf(db: Database) {
  let writes = factWrites.get(db)
  if (writes === undefined) factWrites.set(db, (writes = { n: 0 }))
  return writes
}

export function sqliteVendorFacts(db: Database) {
  const writes = factWritesOf(db)
  const q = {
    upsert: db.prepare(
      `INSERT INTO vendor_facts (vendor_id, vendor_version, name, status, category, records, data_location,
         last_assessed_at, scored_as_of, score, tier, exposure, likelihood, counted_score, counted_tier)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (vendor_id) DO UPDATE SET vendor_version = excluded.vendor_version, name = excluded.name,
         status = excluded.status, category = excluded.category, records = excluded.records,
         data_location = excluded.data_location, last_assessed_at = excluded.last_assessed_at,
         scored_as_of = excluded.scored_as_of, score = excluded.score, tier = excluded.tier,
         exposure = excluded.exposure, likelihood = excluded.likelihood`,
    ),
    deleteClasses: db.prepare('DELETE FROM vendor_data_classes WHERE vendor_id = ?'),
    insertClass: db.prepare(
      'INSERT OR IGNORE INTO vendor_data_classes (vendor_id, data_class) VALUES (?, ?)',
    ),
    deleteParties: db.prepare('DELETE FROM vendor_fourth_parties WHERE vendor_id = ?'),
    // The key is computed by SQL, as in the migration's backfill, so both group names alike.
    insertParty: db.prepare(
      'INSERT OR IGNORE INTO vendor_fourth_parties (vendor_id, name_key, name) VALUES (?, lower(?), ?)',
    ),
    deleteIncidents: db.prepare('DELETE FROM vendor_incidents WHERE vendor_id = ?'),
    insertIncident: db.prepare(
      `INSERT INTO vendor_incidents (vendor_id, incident_id, occurred_at, kind, severity, status)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    rescore: db.prepare(
      `UPDATE vendor_facts SET scored_as_of = @asOf, score = @score, tier = @tier, exposure = @exposure,
         likelihood = @likelihood WHERE vendor_id = @vendorId AND vendor_version = @version`,
    ),
    counted: db.prepare(
      'SELECT status, counted_score AS score, counted_tier AS tier FROM vendor_facts WHERE vendor_id = ?',
    ),
    setCounted: db.prepare(
      'UPDATE vendor_facts SET counted_score = @score, counted_tier = @tier WHERE vendor_id = @vendorId',
    ),
    change: db.prepare(
      `INSERT INTO portfolio_score_changes (as_of, score, tier, change) VALUES (@asOf, @score, @tier, @change)
       ON CONFLICT (as_of, score, tier) DO UPDATE SET change = change + excluded.change`,
    ),
  }

  /** The vendor's row as the portfolio history sees it; score and tier are both null while it does not count. */
  type Counted = { status: string; score: number | null; tier: Tier | null }
  const counting = (c: Counted | undefined): c is Counted & { score: number; tier: Tier } =>
    c !== undefined && c.score !== null && c.tier !== null

  // Within one commit: the portfolio history's changes, summed per day, score and tier and written once at the end
  // (a 50,000-vendor import added 1 to the same row 50,000 times), and the counted state of each vendor written,
  // so its snapshot need not read it back. Both start empty with each commit: a rolled-back one leaves nothing.
  const changes = new Map<string, { asOf: string; score: number; tier: Tier; change: number }>()
  const written = new Map<string, Counted>()
  function change(asOf: string, score: number, tier: Tier, by: number) {
    const key = `${asOf}\n${score}\n${tier}`
    const pending = changes.get(key)
    if (pending === undefined) changes.set(key, { asOf, score, tier, change: by })
    else pending.change += by
  }
  const countedOf = (vendorId: string) =>
    written.get(vendorId) ?? (q.counted.get(vendorId) as Counted | undefined)

  /** Moves the vendor's count in the portfolio history from what it counted with to `to` (null: out). */
  function recount(
    vendorId: string,
    status: string,
    asOf: string,
    from: Counted | undefined,
    to: { score: number; tier: Tier } | null,
  ) {
    if (counting(from)) change(asOf, from.score, from.tier, -1)
    if (to !== null) change(asOf, to.score, to.tier, 1)
    q.setCounted.run({ vendorId, score: to?.score ?? null, tier: to?.tier ?? null })
    written.set(vendorId, { status, score: to?.score ?? null, tier: to?.tier ?? null })
  }

  return {
    /** A commit starts: forget what an earlier one (committed or rolled back) left pending. */
    begin() {
      changes.clear()
      written.clear()
    },
    /** The facts of a vendor just written at `version`; call inside the commit's transaction. */
    write(vendor: Vendor, version: number, score: FactScore, created: boolean) {
      writes.n += 1
      const { id, access } = vendor
      const before = created ? undefined : countedOf(id)
      // Joining the portfolio (created, or back from offboarded) counts with today's score; leaving stops counting.
      const joins = vendor.status !== 'offboarded' && !counting(before)
      const leaves = vendor.status === 'offboarded' && counting(before)
      // A new row takes its counted score as it is inserted; an existing row keeps it until recount moves it.
      const countedScore = created && joins ? score.score : null
      const countedTier = created && joins ? score.tier : null
      q.upsert.run(
        id,
        version,
        vendor.name,
        vendor.status,
        vendor.category,
        access.records,
        access.dataLocation,
        vendor.controls.lastAssessedAt ?? null,
        score.asOf,
        score.score,
        score.tier,
        score.exposure,
        score.likelihood,
        countedScore,
        countedTier,
      )
      if (!created) {
        q.deleteClasses.run(id)
        q.deleteParties.run(id)
        q.deleteIncidents.run(id)
      }
      for (const dataClass of access.dataClasses) q.insertClass.run(id, dataClass)
      for (const name of access.fourthParties) q.insertParty.run(id, name.trim(), name.trim())
      for (const i of vendor.incidents) {
        q.insertIncident.run(id, i.id, i.occurredAt, i.kind, i.severity, i.status)
      }
      if (leaves) recount(id, vendor.status, score.asOf, before, null)
      else if (joins && created) {
        change(score.asOf, score.score, score.tier, 1)
        written.set(id, { status: vendor.status, score: countedScore, tier: countedTier })
      } else if (joins) recount(id, vendor.status, score.asOf, before, score)
      else if (before !== undefined) written.set(id, { ...before, status: vendor.status })
    },
    /** A snapshot just recorded: a portfolio vendor now counts with its score and tier from that day on. */
    snapshot({ vendorId, asOf, score, tier }: { vendorId: string; asOf: string; score: number; tier: Tier }) {
      const counted = countedOf(vendorId)
      if (counted === undefined || counted.status === 'offboarded') return
      if (counted.score === score && counted.tier === tier) return
      writes.n += 1
      recount(vendorId, counted.status, asOf, counted, { score, tier })
    },
    /** New scores for an unchanged document; skipped when the vendor moved past `version` meanwhile. */
    rescore(vendorId: string, version: number, score: FactScore) {
      writes.n += 1
      q.rescore.run({ vendorId, version, ...score })
    },
    /** Writes the commit's summed portfolio changes; call last inside the commit's transaction. */
    flush() {
      if (changes.size > 0) writes.n += 1
      for (const c of changes.values()) q.change.run(c)
      changes.clear()
      written.clear()
    },
  }
}

interface FourthPartySqlRow extends TierCounts {
  subProcessors: number
  name: string
  vendors: number
  records: number
  outsideRecords: number
}

/** Makes a shared answer read-only, so a caller that changes it fails loudly rather than changing it for all. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    // Columns of numbers and strings hold nothing to freeze; objects and arrays of objects do.
    for (const member of Object.values(value) as unknown[]) {
      if (typeof member === 'object' && member !== null) {
        if (!Array.isArray(member) || typeof member[0] === 'object') deepFreeze(member)
        else Object.freeze(member)
      }
    }
  }
  return value
}

/** Vendor documents read per page by `currentRegister`. */
const DOCUMENT_PAGE = 2000

export function sqliteDashboardQueries(db: Database): DashboardQueries {
  /** The same query over the stored scores and over given ones; `p` is the portfolio. */
  const both = (sql: (portfolio: string) => string) => ({
    stored: db.prepare(sql(`(${PORTFOLIO.stored})`)),
    given: db.prepare(sql(`(${PORTFOLIO.given})`)),
  })
  const run = (
    statements: ReturnType<typeof both>,
    scores: readonly ScoreOverride[] | undefined,
    params: Record<string, unknown> = {},
  ) => {
    const variant: Variant = scores === undefined ? 'stored' : 'given'
    const statement = statements[variant]
    const bound =
      scores === undefined
        ? params
        : {
            ...params,
            scores: JSON.stringify(
              scores.map((s) => [s.vendorId, s.score, s.tier, s.exposure, s.likelihood]),
            ),
          }
    return { statement, bound }
  }

  const q = {
    // Both parts read a few rows by primary key: the entries after the export's head, and the head's own time.
    registerChanged: db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM audit_log
             WHERE seq > @afterSeq AND action IN (SELECT value FROM json_each(@actions)))
           OR coalesce((SELECT at FROM audit_log WHERE seq <= @afterSeq ORDER BY seq DESC LIMIT 1) >= @before, 0)`,
      )
      .pluck(),
    registerModel: db.prepare('SELECT weights, revision FROM scoring_model WHERE id = 1'),
    registerAcceptances: db
      .prepare('SELECT vendor_id, note, until, accepted_by, accepted_at FROM risk_acceptances')
      .raw(),
    registerDocuments: db
      .prepare('SELECT rowid, doc FROM vendors WHERE rowid > ? ORDER BY rowid LIMIT ?')
      .raw(),
    unscored: db.prepare(
      `SELECT vendor_id FROM vendor_facts WHERE scored_as_of IS NULL OR scored_as_of <> ? ORDER BY vendor_id`,
    ),
    tierCounts: both((p) => `SELECT p.tier, count(*) AS n FROM ${p} p GROUP BY p.tier`),
    tierCountsOn: db.prepare(
      `SELECT tier, sum(change) AS n FROM portfolio_score_changes WHERE as_of <= @day GROUP BY tier`,
    ),
    riskMap: both(
      (p) =>
        `SELECT p.vendor_id, p.name, p.tier, p.score, p.exposure, p.likelihood, p.records FROM ${p} p
         ORDER BY p.score, p.vendor_id`,
    ),
    // The same columns built as JSON arrays by SQLite: one string rather than a JS value per vendor and column, at
    // half the cost. The ordered subquery feeds json_group_array in its order (SQLite keeps the ORDER BY of a
    // subquery under an order-sensitive aggregate).
    riskMapJson: both(
      (p) =>
        `SELECT count(*) AS vendors, json_object('id', json_group_array(vendor_id), 'name', json_group_array(name),
           'tier', json_group_array(tier), 'score', json_group_array(score), 'exposure', json_group_array(exposure),
           'likelihood', json_group_array(likelihood), 'records', json_group_array(records)) AS points
         FROM (SELECT p.vendor_id, p.name, p.tier, p.score, p.exposure, p.likelihood, p.records FROM ${p} p
           ORDER BY p.score, p.vendor_id)`,
    ),
    topCandidates: both(
      (p) =>
        `WITH p AS (SELECT * FROM ${p})
         SELECT vendor_id AS id, name, score FROM p
         WHERE score >= coalesce((SELECT score FROM p ORDER BY score DESC LIMIT 1 OFFSET @offset), -1)
         ORDER BY score DESC`,
    ),
    locations: db.prepare(
      `SELECT data_location AS dataLocation, count(*) AS vendors, total(records) AS records
       FROM vendor_facts WHERE status <> 'offboarded' GROUP BY data_location`,
    ),
    classes: db.prepare(
      `SELECT c.data_class AS dataClass, count(*) AS vendors, total(f.records) AS records,
         sum(f.data_location IN ${OUTSIDE}) AS outsideVendors,
         total(CASE WHEN f.data_location IN ${OUTSIDE} THEN f.records END) AS outsideRecords
       FROM vendor_facts f CROSS JOIN vendor_data_classes c ON c.vendor_id = f.vendor_id
       WHERE f.status <> 'offboarded'
       GROUP BY c.data_class`,
    ),
    incidentCells: db.prepare(
      `SELECT substr(i.occurred_at, 1, 7) AS month, i.kind, i.severity, count(*) AS count,
         sum(i.status = 'open') AS open
       FROM vendor_incidents i JOIN vendor_facts f ON f.vendor_id = i.vendor_id
       WHERE f.status <> 'offboarded' AND i.occurred_at >= @from AND i.occurred_at <= @asOf
       GROUP BY month, i.kind, i.severity`,
    ),
    openIncidents: db.prepare(
      `SELECT i.kind, i.severity, count(*) AS count
       FROM vendor_incidents i JOIN vendor_facts f ON f.vendor_id = i.vendor_id
       WHERE f.status <> 'offboarded' AND i.status = 'open' AND i.occurred_at <= @asOf
       GROUP BY i.kind, i.severity`,
    ),
    vendorsWithSubProcessors: db
      .prepare(
        `SELECT count(*) FROM vendor_facts f WHERE f.status <> 'offboarded'
         AND EXISTS (SELECT 1 FROM vendor_fourth_parties fp WHERE fp.vendor_id = f.vendor_id)`,
      )
      .pluck(),
    // Vendors outer, their sub-processors by primary key; the window counts the groups before LIMIT cuts them.
    fourthParties: both(
      (p) =>
        `SELECT min(fp.name) AS name, count(*) AS vendors, total(p.records) AS records,
           total(CASE WHEN p.data_location IN ${OUTSIDE} THEN p.records END) AS outsideRecords, ${TIER_SUMS},
           count(*) OVER () AS subProcessors
         FROM ${p} p CROSS JOIN vendor_fourth_parties fp ON fp.vendor_id = p.vendor_id
         GROUP BY fp.name_key
         ORDER BY vendors DESC, records DESC, fp.name_key
         LIMIT @limit`,
    ),
    reviews: both(
      (p) =>
        `SELECT tier, count(*) AS vendors, sum(last_assessed_at IS NULL) AS neverAssessed,
           sum(last_assessed_at IS NULL OR due < @asOf) AS overdue,
           coalesce(sum(due >= @asOf AND due <= @soon), 0) AS dueWithin30
         FROM (
           SELECT p.tier, p.last_assessed_at, date(p.last_assessed_at, '+' || CASE p.tier
             WHEN 'critical' THEN @critical WHEN 'high' THEN @high WHEN 'medium' THEN @medium ELSE @low
             END || ' days') AS due
           FROM ${p} p)
         GROUP BY tier`,
    ),
    // Each change lands on the first trend day on or after it; what SQL answers is at most days × scores rows.
    trendChanges: db
      .prepare(
        `SELECT max(0, CAST(ceil((julianday(as_of) - julianday(@first)) / @step) AS INTEGER)) AS b, score, tier,
           sum(change) AS change
         FROM portfolio_score_changes WHERE as_of <= @last
         GROUP BY b, score, tier HAVING sum(change) <> 0
         ORDER BY b`,
      )
      .raw(),
  }

  /**
   * Answers over the stored facts are kept until the facts change: a fact written on this connection (counted
   * above) or any write on another (data_version), such as a repair by hand.
   */
  const writes = factWritesOf(db)
  const dataVersion = db.prepare('SELECT data_version FROM pragma_data_version').pluck()
  function untilChanged<T>(compute: (key: string) => T): (key: string) => T {
    let kept: { key: string; value: T } | undefined
    return (key) => {
      const current = `${writes.n}:${dataVersion.get() as number}#${key}`
      if (kept?.key !== current) kept = { key: current, value: compute(key) }
      return kept.value
    }
  }

  const riskMap = (scores: readonly ScoreOverride[] | undefined) => {
    const { statement, bound } = run(q.riskMap, scores)
    const columns: RiskMapResponse['points'] = {
      id: [],
      name: [],
      tier: [],
      score: [],
      exposure: [],
      likelihood: [],
      records: [],
    }
    // Raw rows (arrays) straight into columns: no object per vendor.
    for (const row of statement.raw().iterate(bound) as Iterable<
      [string, string, Tier, number, number, number, number]
    >) {
      columns.id.push(row[0])
      columns.name.push(row[1])
      columns.tier.push(row[2])
      columns.score.push(row[3])
      columns.exposure.push(row[4])
      columns.likelihood.push(row[5])
      columns.records.push(row[6])
    }
    return columns
  }
  const storedRiskMap = untilChanged(() => deepFreeze(riskMap(undefined)))

  const riskMapJson = (scores: readonly ScoreOverride[] | undefined) => {
    const { statement, bound } = run(q.riskMapJson, scores)
    return statement.get(bound) as { vendors: number; points: string }
  }
  const storedRiskMapJson = untilChanged(() => riskMapJson(undefined))

  const fourthParties = (limit: number, scores: readonly ScoreOverride[] | undefined) => {
    const { statement, bound } = run(q.fourthParties, scores, { limit })
    const rows = statement.all(bound) as FourthPartySqlRow[]
    const totals = {
      subProcessors: rows[0]?.subProcessors ?? 0,
      vendorsWithSubProcessors: q.vendorsWithSubProcessors.get() as number,
    }
    const items = rows.map((r) => ({
      name: r.name,
      vendors: r.vendors,
      records: r.records,
      outsideRecords: r.outsideRecords,
      tiers: { critical: r.critical, high: r.high, medium: r.medium, low: r.low },
    }))
    return { ...totals, items }
  }
  const storedFourthPartiesCache = untilChanged((limit) =>
    deepFreeze(fourthParties(Number(limit), undefined)),
  )
  const storedFourthParties = (limit: number) => storedFourthPartiesCache(String(limit))

  // The first screen's figures over the stored facts, kept like the risk map's: at 50,000 vendors each took the
  // single-threaded server 50–100 ms per request, and the dashboard asks for all of them at once, so the card
  // that answers last (and the headline figures) waited for the sum.
  const storedExposure = untilChanged(() =>
    deepFreeze({
      locations: q.locations.all() as { dataLocation: DataLocation; vendors: number; records: number }[],
      classes: q.classes.all() as {
        dataClass: DataClass
        vendors: number
        records: number
        outsideVendors: number
        outsideRecords: number
      }[],
    }),
  )
  const storedIncidents = untilChanged((key) => {
    const [asOf, from] = JSON.parse(key) as [string, string]
    return deepFreeze({
      cells: q.incidentCells.all({ asOf, from }) as {
        month: string
        kind: IncidentKind
        severity: Severity
        count: number
        open: number
      }[],
      open: q.openIncidents.all({ asOf }) as { kind: IncidentKind; severity: Severity; count: number }[],
    })
  })
  const reviews = (
    asOf: string,
    cadence: Record<Tier, number>,
    scores: readonly ScoreOverride[] | undefined,
  ) => {
    const soon = new Date(Date.parse(`${asOf}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10)
    const { statement, bound } = run(q.reviews, scores, { asOf, soon, ...cadence })
    return statement.all(bound) as {
      tier: Tier
      vendors: number
      overdue: number
      neverAssessed: number
      dueWithin30: number
    }[]
  }
  const storedReviews = untilChanged((key) => {
    const [asOf, cadence] = JSON.parse(key) as [string, Record<Tier, number>]
    return deepFreeze(reviews(asOf, cadence, undefined))
  })

  const tierCountsFrom = (rows: { tier: Tier; n: number }[]) => {
    const counts = emptyTierCounts()
    for (const r of rows) counts[r.tier] += r.n
    return counts
  }

  /** Pages of stored documents by rowid; each page is read whole, so no statement stays open between pages. */
  async function* documentPages(): AsyncIterable<string[]> {
    let after = 0
    for (;;) {
      const rows = q.registerDocuments.all(after, DOCUMENT_PAGE) as [number, string][]
      if (rows.length > 0) yield rows.map((r) => r[1])
      if (rows.length < DOCUMENT_PAGE) return
      after = rows[rows.length - 1]![0]
    }
  }

  return {
    registerChanged: async ({ afterSeq, before, actions }) =>
      q.registerChanged.get({ afterSeq, before, actions: JSON.stringify(actions) }) !== 0,

    currentRegister: async () => {
      const model = q.registerModel.get() as { weights: string; revision: number } | undefined
      const acceptances = new Map<string, StoredRiskAcceptance>()
      for (const row of q.registerAcceptances.all() as [string, string, string, string, string][]) {
        const [vendorId, note, until, acceptedBy, acceptedAt] = row
        acceptances.set(vendorId, { note, until, acceptedBy, acceptedAt })
      }
      return { model: model ?? null, acceptances, documents: documentPages() }
    },

    unscoredFacts: async (asOf) => q.unscored.pluck().all(asOf) as string[],

    tierCounts: async (scores) => {
      const { statement, bound } = run(q.tierCounts, scores)
      return tierCountsFrom(statement.all(bound) as { tier: Tier; n: number }[])
    },

    tierCountsOn: async (day) => tierCountsFrom(q.tierCountsOn.all({ day }) as { tier: Tier; n: number }[]),

    riskMap: async (scores) => (scores === undefined ? storedRiskMap('') : riskMap(scores)),

    riskMapJson: async (scores) => (scores === undefined ? storedRiskMapJson('') : riskMapJson(scores)),

    // The portfolio on a trend day is the running sum of the changes up to it. Walking the days in order with one
    // histogram of scores is linear in days × distinct scores; the same running sums and cumulative counts as
    // window functions in SQL took several times longer.
    trend: async (first, stepDays, periods) => {
      const last = new Date(Date.parse(`${first}T00:00:00Z`) + (periods - 1) * stepDays * 86_400_000)
        .toISOString()
        .slice(0, 10)
      const changes = q.trendChanges.all({ first, last, step: stepDays }) as [number, number, Tier, number][]
      const scores = [...new Set(changes.map((c) => c[1]))].sort((a, b) => a - b)
      const at = new Map(scores.map((score, i) => [score, i]))
      const histogram = new Array<number>(scores.length).fill(0)
      const tiers = emptyTierCounts()
      const rows: TrendRow[] = []
      let next = 0
      for (let b = 0; b < periods; b++) {
        for (; next < changes.length && changes[next]![0] === b; next++) {
          const [, score, tier, change] = changes[next]!
          histogram[at.get(score)!]! += change
          tiers[tier] += change
        }
        const vendors = TIERS.reduce((sum, t) => sum + tiers[t], 0)
        // Nearest rank, as the domain's nearestRank: the smallest score with at least k scores at or below it.
        const rank = (num: number, den: number) => Math.max(1, Math.ceil((vendors * num) / den))
        const [k50, k90] = [rank(1, 2), rank(9, 10)]
        let median: number | null = null
        let p90: number | null = null
        let cumulative = 0
        for (let i = 0; i < scores.length && vendors > 0 && p90 === null; i++) {
          cumulative += histogram[i]!
          if (median === null && cumulative >= k50) median = scores[i]!
          if (cumulative >= k90) p90 = scores[i]!
        }
        rows.push({ vendors, median, p90, tiers: { ...tiers } })
      }
      return rows
    },

    topCandidates: async (limit, scores) => {
      const { statement, bound } = run(q.topCandidates, scores, { offset: limit - 1 })
      return statement.all(bound) as { id: string; name: string; score: number }[]
    },

    exposure: async () => storedExposure(''),

    incidents: async (asOf, from) => storedIncidents(JSON.stringify([asOf, from])),

    fourthParties: async (limit, scores) =>
      scores === undefined ? storedFourthParties(limit) : fourthParties(limit, scores),

    reviews: async (asOf, cadence, scores) =>
      scores === undefined ? storedReviews(JSON.stringify([asOf, cadence])) : reviews(asOf, cadence, scores),
  }
}
