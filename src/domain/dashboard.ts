/**
 * The CISO dashboard's figures in two layers. `shape*` turns raw aggregates (counts per tier, per month, per
 * location…) into the response contract; the server feeds it aggregates computed in SQL. The other functions
 * compute the same aggregates in JS over an in-memory portfolio: the msw mock, the tests' independent check of
 * the SQL and the bench's baseline use them. The portfolio is every vendor that is not offboarded.
 */
import { addDays, daysBetween } from './dates'
import type { ScoreFactorDto, VendorSummary } from './schemas/api'
import { TIER_COMPARISON_DAYS } from './schemas/dashboard'
import type {
  ExposureResponse,
  FourthPartyResponse,
  IncidentTrendResponse,
  ReviewsByTierResponse,
  RiskMapResponse,
  TierCounts,
  TierDistributionResponse,
  TopRisksResponse,
  TrendInterval,
  TrendResponse,
} from './schemas/dashboard'
import {
  DATA_CLASSES,
  DATA_LOCATIONS,
  INCIDENT_KINDS,
  SEVERITIES,
  type DataClass,
  type DataLocation,
  type IncidentKind,
  type Severity,
  type Vendor,
  type VendorStatus,
} from './schemas/vendor'
import { REVIEW_CADENCE_DAYS, TIERS, type Tier } from './scoring/model'
import { byScoreThenName } from './vendor-list'

/** Offboarded vendors hold nothing of ours any more: they leave the portfolio (their history stays). */
export const inPortfolio = (v: { status: VendorStatus }) => v.status !== 'offboarded'

/** Our data in the vendor's own environment, where we can neither see nor defend it. */
export const isOutsidePerimeter = (location: DataLocation) =>
  location === 'vendor_environment' || location === 'both'

/** `part / whole` rounded to 4 decimals; 0 for an empty whole. */
export function shareOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0
}

export const emptyTierCounts = (): TierCounts => ({ critical: 0, high: 0, medium: 0, low: 0 })

export function countTiers(tiers: Iterable<Tier>): TierCounts {
  const counts = emptyTierCounts()
  for (const tier of tiers) counts[tier] += 1
  return counts
}

const countsOf = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>

/**
 * Nearest-rank percentile `num/den` (median 1/2, 90th 9/10) of scores sorted ascending: the smallest score with at
 * least that share of the scores at or below it. Always one of the scores; null when there are none.
 */
export function nearestRank(sortedAsc: readonly number[], num: number, den: number): number | null {
  if (sortedAsc.length === 0) return null
  const rank = Math.max(1, Math.ceil((sortedAsc.length * num) / den))
  return sortedAsc[rank - 1]!
}

// ---------------------------------------------------------------------------------------------------------
// Tier distribution and its change, from score snapshots

/** One recorded score of a vendor (a score snapshot), in a history ordered oldest first. */
export interface ScoredAt {
  asOf: string
  score: number
  tier: Tier
}

/**
 * A vendor's history as the portfolio counts it: its recorded scores, and the day it left the portfolio
 * (offboarded) if it did. A vendor counts from its first score until the day it leaves.
 */
export interface VendorHistory {
  scores: readonly ScoredAt[]
  leftOn?: string | undefined
}

/** The portfolio as it was on an earlier day: its vendors by their tier then. */
export interface TierComparisonRow {
  days: number
  asOf: string
  counts: TierCounts
}

export function shapeTierDistribution(
  asOf: string,
  now: TierCounts,
  comparisons: readonly TierComparisonRow[],
): TierDistributionResponse {
  const vendors = TIERS.reduce((sum, t) => sum + now[t], 0)
  return {
    asOf,
    vendors,
    tiers: TIERS.map((tier) => ({ tier, count: now[tier], share: shareOf(now[tier], vendors) })),
    comparisons: comparisons.map((c) => ({
      days: c.days,
      asOf: c.asOf,
      vendors: TIERS.reduce((sum, t) => sum + c.counts[t], 0),
      tiers: TIERS.map((tier) => ({ tier, count: c.counts[tier], change: now[tier] - c.counts[tier] })),
    })),
  }
}

/** The entry of a history with the latest day on or before `day`; of several that day, the last one. */
export function scoredOn<S extends { asOf: string }>(history: readonly S[], day: string): S | undefined {
  let found: S | undefined
  for (const entry of history)
    if (entry.asOf <= day && (found === undefined || entry.asOf >= found.asOf)) found = entry
  return found
}

/** What the vendor counts with in the portfolio on `day`: undefined before its first score and once it left. */
export function countedOn(history: VendorHistory, day: string): ScoredAt | undefined {
  if (history.leftOn !== undefined && history.leftOn <= day) return undefined
  return scoredOn(history.scores, day)
}

export function tierComparison(
  histories: readonly VendorHistory[],
  asOf: string,
  days: number,
): TierComparisonRow {
  const day = addDays(asOf, -days)
  const counts = emptyTierCounts()
  for (const history of histories) {
    const then = countedOn(history, day)
    if (then) counts[then.tier] += 1
  }
  return { days, asOf: day, counts }
}

// ---------------------------------------------------------------------------------------------------------
// Risk map

export interface RiskPoint {
  id: string
  name: string
  tier: Tier
  score: number
  exposure: number
  likelihood: number
  records: number
}

/** Lowest score first (the riskiest are drawn last, on top), ties by id. */
export function compareRiskPoints(a: Pick<RiskPoint, 'score' | 'id'>, b: Pick<RiskPoint, 'score' | 'id'>) {
  return a.score - b.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** Points as columns, in the order of `compareRiskPoints`. */
export function riskMapColumns(points: readonly RiskPoint[]): RiskMapResponse['points'] {
  const sorted = [...points].sort(compareRiskPoints)
  return {
    id: sorted.map((p) => p.id),
    name: sorted.map((p) => p.name),
    tier: sorted.map((p) => p.tier),
    score: sorted.map((p) => p.score),
    exposure: sorted.map((p) => p.exposure),
    likelihood: sorted.map((p) => p.likelihood),
    records: sorted.map((p) => p.records),
  }
}

export function shapeRiskMap(asOf: string, points: RiskMapResponse['points']): RiskMapResponse {
  return { asOf, vendors: points.id.length, points }
}

// ---------------------------------------------------------------------------------------------------------
// Score trend

export const TREND_STEP_DAYS: Record<TrendInterval, number> = { day: 1, week: 7 }

/** The trend's days, oldest first: `periods` of them, one `interval` apart, the last on `asOf`. */
export function trendDays(asOf: string, interval: TrendInterval, periods: number): string[] {
  const step = TREND_STEP_DAYS[interval]
  return Array.from({ length: periods }, (_, i) => addDays(asOf, -(periods - 1 - i) * step))
}

export interface TrendRow {
  vendors: number
  median: number | null
  p90: number | null
  tiers: TierCounts
}

export function trendRow(states: readonly { score: number; tier: Tier }[]): TrendRow {
  const scores = states.map((s) => s.score).sort((a, b) => a - b)
  return {
    vendors: states.length,
    median: nearestRank(scores, 1, 2),
    p90: nearestRank(scores, 9, 10),
    tiers: countTiers(states.map((s) => s.tier)),
  }
}

/** Each day's row from the vendors' histories: the portfolio then, each vendor with its latest score by then. */
export function trendFromHistories(histories: readonly VendorHistory[], days: readonly string[]) {
  return days.map((day) =>
    trendRow(histories.map((h) => countedOn(h, day)).filter((s): s is ScoredAt => s !== undefined)),
  )
}

export function shapeTrend(
  asOf: string,
  interval: TrendInterval,
  days: readonly string[],
  rows: readonly TrendRow[],
): TrendResponse {
  return { asOf, interval, points: days.map((day, i) => ({ asOf: day, ...rows[i]! })) }
}

// ---------------------------------------------------------------------------------------------------------
// Top risks

type TopRisk = TopRisksResponse['items'][number]

/** The `n` factors that add the most points, largest first; factors that add nothing or lower the score are left out. */
export function topFactors(factors: readonly ScoreFactorDto[], n = 2): TopRisk['topFactors'] {
  return factors
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.points > 0)
    .sort((a, b) => b.f.points - a.f.points || a.i - b.i)
    .slice(0, n)
    .map(({ f }) => ({ id: f.id, group: f.group, label: f.label, points: f.points, sentence: f.sentence }))
}

export function topRiskItem(summary: VendorSummary, factors: readonly ScoreFactorDto[]): TopRisk {
  return {
    id: summary.id,
    name: summary.name,
    category: summary.category,
    score: summary.score,
    tier: summary.tier,
    exposure: summary.exposure,
    likelihood: summary.likelihood,
    records: summary.records,
    dataLocation: summary.dataLocation,
    openIncidents: summary.openIncidents,
    topFactors: topFactors(factors),
  }
}

// ---------------------------------------------------------------------------------------------------------
// Exposure outside our perimeter

export interface LocationRow {
  dataLocation: DataLocation
  vendors: number
  records: number
}

export interface DataClassRow {
  dataClass: DataClass
  vendors: number
  records: number
  outsideVendors: number
  outsideRecords: number
}

export function shapeExposure(
  asOf: string,
  locations: readonly LocationRow[],
  classes: readonly DataClassRow[],
): ExposureResponse {
  const byLocation = DATA_LOCATIONS.map((dataLocation) => {
    const row = locations.find((r) => r.dataLocation === dataLocation)
    return { dataLocation, vendors: row?.vendors ?? 0, records: row?.records ?? 0 }
  })
  const vendors = byLocation.reduce((sum, r) => sum + r.vendors, 0)
  const records = byLocation.reduce((sum, r) => sum + r.records, 0)
  const outside = byLocation.filter((r) => isOutsidePerimeter(r.dataLocation))
  const outsideVendors = outside.reduce((sum, r) => sum + r.vendors, 0)
  const outsideRecords = outside.reduce((sum, r) => sum + r.records, 0)
  return {
    asOf,
    vendors,
    records,
    outsidePerimeter: {
      vendors: outsideVendors,
      records: outsideRecords,
      vendorShare: shareOf(outsideVendors, vendors),
      recordShare: shareOf(outsideRecords, records),
    },
    byLocation: byLocation.map((r) => ({
      ...r,
      outsidePerimeter: isOutsidePerimeter(r.dataLocation),
      recordShare: shareOf(r.records, records),
    })),
    byDataClass: DATA_CLASSES.map((dataClass) => {
      const row = classes.find((r) => r.dataClass === dataClass)
      const classRecords = row?.records ?? 0
      return {
        dataClass,
        vendors: row?.vendors ?? 0,
        records: classRecords,
        outsideVendors: row?.outsideVendors ?? 0,
        outsideRecords: row?.outsideRecords ?? 0,
        outsideRecordShare: shareOf(row?.outsideRecords ?? 0, classRecords),
      }
    }),
  }
}

type ExposureFields = Pick<VendorSummary, 'status' | 'dataLocation' | 'records' | 'dataClasses'>

export function exposureRows(vendors: readonly ExposureFields[]): {
  locations: LocationRow[]
  classes: DataClassRow[]
} {
  const locations = new Map<DataLocation, LocationRow>()
  const classes = new Map<DataClass, DataClassRow>()
  for (const v of vendors) {
    if (!inPortfolio(v)) continue
    const location = locations.get(v.dataLocation) ?? { dataLocation: v.dataLocation, vendors: 0, records: 0 }
    location.vendors += 1
    location.records += v.records
    locations.set(v.dataLocation, location)
    const outside = isOutsidePerimeter(v.dataLocation)
    for (const dataClass of v.dataClasses) {
      const row = classes.get(dataClass) ?? {
        dataClass,
        vendors: 0,
        records: 0,
        outsideVendors: 0,
        outsideRecords: 0,
      }
      row.vendors += 1
      row.records += v.records
      if (outside) {
        row.outsideVendors += 1
        row.outsideRecords += v.records
      }
      classes.set(dataClass, row)
    }
  }
  return { locations: [...locations.values()], classes: [...classes.values()] }
}

// ---------------------------------------------------------------------------------------------------------
// Incidents per month

export interface IncidentCell {
  /** `YYYY-MM` */
  month: string
  kind: IncidentKind
  severity: Severity
  count: number
  /** Of these, still open. */
  open: number
}

export interface OpenIncidentCell {
  kind: IncidentKind
  severity: Severity
  count: number
}

/** The `months` calendar months ending with the month of `asOf`, oldest first, as `YYYY-MM`. */
export function incidentMonths(asOf: string, months: number): string[] {
  const year = Number(asOf.slice(0, 4))
  const month = Number(asOf.slice(5, 7)) - 1
  return Array.from({ length: months }, (_, i) => {
    const index = year * 12 + month - (months - 1 - i)
    return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
  })
}

export function shapeIncidents(
  asOf: string,
  months: readonly string[],
  cells: readonly IncidentCell[],
  openCells: readonly OpenIncidentCell[],
): IncidentTrendResponse {
  const open = { total: 0, byKind: countsOf(INCIDENT_KINDS), bySeverity: countsOf(SEVERITIES) }
  for (const c of openCells) {
    open.total += c.count
    open.byKind[c.kind] += c.count
    open.bySeverity[c.severity] += c.count
  }
  const byMonth = new Map(
    months.map((month) => [
      month,
      { month, total: 0, open: 0, byKind: countsOf(INCIDENT_KINDS), bySeverity: countsOf(SEVERITIES) },
    ]),
  )
  for (const c of cells) {
    const row = byMonth.get(c.month)
    if (!row) continue
    row.total += c.count
    row.open += c.open
    row.byKind[c.kind] += c.count
    row.bySeverity[c.severity] += c.count
  }
  return { asOf, months: [...byMonth.values()], open }
}

/** Incidents of portfolio vendors known on `asOf`: per month from `months[0]`, and every open one. */
export function incidentCells(
  vendors: readonly Pick<Vendor, 'status' | 'incidents'>[],
  asOf: string,
  months: readonly string[],
): { cells: IncidentCell[]; open: OpenIncidentCell[] } {
  const from = `${months[0] ?? asOf.slice(0, 7)}-01`
  const cells = new Map<string, IncidentCell>()
  const open = new Map<string, OpenIncidentCell>()
  for (const vendor of vendors) {
    if (!inPortfolio(vendor)) continue
    for (const i of vendor.incidents) {
      if (i.occurredAt > asOf) continue
      const isOpen = i.status === 'open'
      if (isOpen) {
        const key = `${i.kind}|${i.severity}`
        const cell = open.get(key) ?? { kind: i.kind, severity: i.severity, count: 0 }
        cell.count += 1
        open.set(key, cell)
      }
      if (i.occurredAt < from) continue
      const month = i.occurredAt.slice(0, 7)
      const key = `${month}|${i.kind}|${i.severity}`
      const cell = cells.get(key) ?? { month, kind: i.kind, severity: i.severity, count: 0, open: 0 }
      cell.count += 1
      if (isOpen) cell.open += 1
      cells.set(key, cell)
    }
  }
  return { cells: [...cells.values()], open: [...open.values()] }
}

// ---------------------------------------------------------------------------------------------------------
// Fourth-party concentration

export type FourthPartyRow = FourthPartyResponse['items'][number]

export interface FourthPartyTotals {
  subProcessors: number
  vendorsWithSubProcessors: number
}

/** Most vendors first, then most records, then by name compared case-insensitively. */
export function compareFourthParties(
  a: FourthPartyRow & { key: string },
  b: FourthPartyRow & { key: string },
): number {
  return b.vendors - a.vendors || b.records - a.records || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
}

/**
 * Sub-processors by how many portfolio vendors use them. Names are grouped case-insensitively and shown in their
 * first spelling in code-unit order.
 */
export function fourthPartyRows(
  vendors: readonly {
    vendor: Pick<Vendor, 'status' | 'access'>
    tier: Tier
  }[],
  limit: number,
): FourthPartyTotals & { items: FourthPartyRow[] } {
  const groups = new Map<string, FourthPartyRow & { key: string }>()
  let vendorsWithSubProcessors = 0
  for (const { vendor, tier } of vendors) {
    if (!inPortfolio(vendor) || vendor.access.fourthParties.length === 0) continue
    vendorsWithSubProcessors += 1
    const outside = isOutsidePerimeter(vendor.access.dataLocation)
    const seen = new Set<string>()
    for (const raw of vendor.access.fourthParties) {
      const name = raw.trim()
      const key = name.toLowerCase()
      if (seen.has(key)) continue
      seen.add(key)
      const row = groups.get(key) ?? {
        key,
        name,
        vendors: 0,
        records: 0,
        outsideRecords: 0,
        tiers: emptyTierCounts(),
      }
      if (name < row.name) row.name = name
      row.vendors += 1
      row.records += vendor.access.records
      if (outside) row.outsideRecords += vendor.access.records
      row.tiers[tier] += 1
      groups.set(key, row)
    }
  }
  const items = [...groups.values()]
    .sort(compareFourthParties)
    .slice(0, limit)
    .map(({ key: _key, ...row }) => row)
  return { subProcessors: groups.size, vendorsWithSubProcessors, items }
}

export function shapeFourthParties(
  asOf: string,
  totals: FourthPartyTotals,
  items: readonly FourthPartyRow[],
): FourthPartyResponse {
  return { asOf, ...totals, items: [...items] }
}

// ---------------------------------------------------------------------------------------------------------
// Overdue reviews by tier

export interface ReviewTierRow {
  tier: Tier
  vendors: number
  overdue: number
  neverAssessed: number
  dueWithin30: number
}

export function shapeReviews(
  asOf: string,
  rows: readonly ReviewTierRow[],
  cadence: Readonly<Record<Tier, number>> = REVIEW_CADENCE_DAYS,
): ReviewsByTierResponse {
  const byTier = TIERS.map((tier) => {
    const row = rows.find((r) => r.tier === tier)
    return {
      tier,
      cadenceDays: cadence[tier],
      vendors: row?.vendors ?? 0,
      overdue: row?.overdue ?? 0,
      neverAssessed: row?.neverAssessed ?? 0,
      dueWithin30: row?.dueWithin30 ?? 0,
    }
  })
  return {
    asOf,
    vendors: byTier.reduce((sum, r) => sum + r.vendors, 0),
    overdue: byTier.reduce((sum, r) => sum + r.overdue, 0),
    byTier,
  }
}

/** From summaries as of `asOf` (their `nextReviewDue` and `reviewOverdue` are computed for that day). */
export function reviewRows(
  summaries: readonly Pick<VendorSummary, 'status' | 'tier' | 'nextReviewDue' | 'reviewOverdue'>[],
  asOf: string,
): ReviewTierRow[] {
  const rows = new Map<Tier, ReviewTierRow>()
  for (const s of summaries) {
    if (!inPortfolio(s)) continue
    const row = rows.get(s.tier) ?? { tier: s.tier, vendors: 0, overdue: 0, neverAssessed: 0, dueWithin30: 0 }
    row.vendors += 1
    if (s.reviewOverdue) row.overdue += 1
    if (s.nextReviewDue === null) row.neverAssessed += 1
    else if (!s.reviewOverdue && daysBetween(asOf, s.nextReviewDue) <= 30) row.dueWithin30 += 1
    rows.set(s.tier, row)
  }
  return [...rows.values()]
}

// ---------------------------------------------------------------------------------------------------------
// Whole responses from an in-memory portfolio (the msw mock; the tests' and the bench's reference)

/** A vendor with its summary as of the dashboard's day. */
export interface PortfolioEntry {
  vendor: Vendor
  summary: VendorSummary
}

const current = (entries: readonly PortfolioEntry[]) => entries.filter((e) => inPortfolio(e.vendor))

/**
 * `historyOf` gives each vendor's history (its score snapshots, and when it left the portfolio); every vendor of
 * the inventory, offboarded ones too, since they counted until they left.
 */
export function tierDistributionOf(
  entries: readonly PortfolioEntry[],
  asOf: string,
  historyOf: (vendor: Vendor) => VendorHistory,
): TierDistributionResponse {
  const histories = entries.map((e) => historyOf(e.vendor))
  return shapeTierDistribution(
    asOf,
    countTiers(current(entries).map((e) => e.summary.tier)),
    TIER_COMPARISON_DAYS.map((days) => tierComparison(histories, asOf, days)),
  )
}

export function riskMapOf(entries: readonly PortfolioEntry[], asOf: string): RiskMapResponse {
  return shapeRiskMap(
    asOf,
    riskMapColumns(
      current(entries).map(({ summary: s }) => ({
        id: s.id,
        name: s.name,
        tier: s.tier,
        score: s.score,
        exposure: s.exposure,
        likelihood: s.likelihood,
        records: s.records,
      })),
    ),
  )
}

export function trendOf(
  entries: readonly PortfolioEntry[],
  asOf: string,
  interval: TrendInterval,
  periods: number,
  historyOf: (vendor: Vendor) => VendorHistory,
): TrendResponse {
  const days = trendDays(asOf, interval, periods)
  const histories = entries.map((e) => historyOf(e.vendor))
  return shapeTrend(asOf, interval, days, trendFromHistories(histories, days))
}

/** `explain` gives the vendor's score factors as of the day (`scoreVendor(...).factors`). */
export function topRisksOf(
  entries: readonly PortfolioEntry[],
  asOf: string,
  limit: number,
  explain: (vendor: Vendor) => readonly ScoreFactorDto[],
): TopRisksResponse {
  const top = current(entries)
    .sort((a, b) => byScoreThenName(a.summary, b.summary))
    .slice(0, limit)
  return { asOf, items: top.map((e) => topRiskItem(e.summary, explain(e.vendor))) }
}

export function exposureOf(entries: readonly PortfolioEntry[], asOf: string): ExposureResponse {
  const { locations, classes } = exposureRows(entries.map((e) => e.summary))
  return shapeExposure(asOf, locations, classes)
}

export function incidentTrendOf(
  entries: readonly PortfolioEntry[],
  asOf: string,
  months: number,
): IncidentTrendResponse {
  const list = incidentMonths(asOf, months)
  const { cells, open } = incidentCells(
    entries.map((e) => e.vendor),
    asOf,
    list,
  )
  return shapeIncidents(asOf, list, cells, open)
}

export function fourthPartiesOf(
  entries: readonly PortfolioEntry[],
  asOf: string,
  limit: number,
): FourthPartyResponse {
  const { items, ...totals } = fourthPartyRows(
    entries.map((e) => ({ vendor: e.vendor, tier: e.summary.tier })),
    limit,
  )
  return shapeFourthParties(asOf, totals, items)
}

export function reviewsOf(entries: readonly PortfolioEntry[], asOf: string): ReviewsByTierResponse {
  return shapeReviews(
    asOf,
    reviewRows(
      entries.map((e) => e.summary),
      asOf,
    ),
  )
}
