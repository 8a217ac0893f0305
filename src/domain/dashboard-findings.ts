/**
 * What the CISO dashboard's charts say: each card's finding (its title, stated from the data), the rows it draws
 * and the inventory filter behind every element that stands for vendors. Pure, so the sentences are unit-tested.
 */
import { inPortfolio, shareOf, type RiskPoint } from './dashboard'
import { formatCompact, formatWhole, plural } from './format'
import { INCIDENT_KIND_LABELS, SEVERITY_LABELS } from './labels'
import type {
  ExposureResponse,
  FourthPartyResponse,
  IncidentTrendResponse,
  ReviewsByTierResponse,
  RiskMapResponse,
  TierDistributionResponse,
  TopRisksResponse,
  TrendResponse,
} from './schemas/dashboard'
import {
  INCIDENT_KINDS,
  SEVERITIES,
  VENDOR_STATUSES,
  type DataClass,
  type DataLocation,
  type IncidentKind,
  type Severity,
  type VendorStatus,
} from './schemas/vendor'
import { DEFAULT_WEIGHTS, TIERS, type ScoringWeights, type Tier } from './scoring/model'
import type { VendorFilter } from './vendor-list'

// ---------------------------------------------------------------------------------------------------------
// Shared wording

export const TIER_LABELS: Record<Tier, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
}

/**
 * A share for a sentence: "41 %", with a narrow no-break space so the sign never wraps alone. Never says 0 % or
 * 100 % of something that is neither none nor all.
 */
export function formatShare(share: number): string {
  const percent = Math.round(share * 100)
  if (share > 0 && percent === 0) return '<1\u202f%'
  if (share < 1 && percent === 100) return '>99\u202f%'
  return `${percent}\u202f%`
}

/** "+3", "−2", "±0": a change in a count, with a real minus sign. */
export function formatChange(change: number): string {
  if (change === 0) return '±0'
  return change > 0 ? `+${formatWhole(change)}` : `\u2212${formatWhole(-change)}`
}

const records = (n: number) => `${formatCompact(n)} ${n === 1 ? 'record' : 'records'}`
const score1 = (n: number) => n.toFixed(1)

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/** "2026-03" → "Mar 2026". */
export function monthLabel(month: string): string {
  const index = Number(month.slice(5, 7)) - 1
  return `${MONTHS[index] ?? month.slice(5, 7)} ${month.slice(0, 4)}`
}

/** "2026-03-07" → "7 Mar": the trend's axis, pinned to English like every other sentence here. */
export function dayLabel(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''}`.trim()
}

// ---------------------------------------------------------------------------------------------------------
// Links into the inventory

/** The dashboard counts the portfolio (every vendor not offboarded); its links narrow the list the same way. */
export const PORTFOLIO_STATUSES: readonly VendorStatus[] = VENDOR_STATUSES.filter((status) =>
  inPortfolio({ status }),
)

/** The inventory filter for a slice of the portfolio, so the list shows exactly the vendors a chart counted. */
export function portfolioFilter(filter: VendorFilter): VendorFilter {
  return { status: PORTFOLIO_STATUSES, ...filter }
}

// ---------------------------------------------------------------------------------------------------------
// 1. Tier distribution

export interface TierRow {
  tier: Tier
  count: number
  share: number
  /** Now minus then, per comparison (30 and 90 days); null when nothing was scored then. */
  changes: { days: number; change: number | null }[]
  filter: VendorFilter
}

export function tierRows(res: TierDistributionResponse): TierRow[] {
  return TIERS.map((tier) => {
    const now = res.tiers.find((t) => t.tier === tier)
    return {
      tier,
      count: now?.count ?? 0,
      share: now?.share ?? 0,
      changes: res.comparisons.map((c) => ({
        days: c.days,
        change: c.vendors === 0 ? null : (c.tiers.find((t) => t.tier === tier)?.change ?? null),
      })),
      filter: portfolioFilter({ tier: [tier] }),
    }
  })
}

export function tierFinding(res: TierDistributionResponse): string {
  if (res.vendors === 0) return 'No vendors in the portfolio yet'
  const rows = tierRows(res)
  const severe = rows.filter((r) => r.tier === 'critical' || r.tier === 'high')
  const count = severe.reduce((sum, r) => sum + r.count, 0)
  const head =
    count === 0
      ? `None of the ${plural(res.vendors, 'vendor')} is critical or high risk`
      : `${formatWhole(count)} of ${plural(res.vendors, 'vendor')} ${count === 1 ? 'is' : 'are'} critical or high risk (${formatShare(shareOf(count, res.vendors))})`
  const first = res.comparisons[0]
  if (!first || first.vendors === 0) return head
  const change = severe.reduce(
    (sum, r) => sum + (r.changes.find((c) => c.days === first.days)?.change ?? 0),
    0,
  )
  if (change === 0) return `${head}, as many as ${first.days} days ago`
  return `${head}, ${formatWhole(Math.abs(change))} ${change > 0 ? 'more' : 'fewer'} than ${first.days} days ago`
}

// ---------------------------------------------------------------------------------------------------------
// 2. Likelihood × impact (the risk map)

/** One vendor on the risk map, as the chart reads it. */
export type RiskMapPoint = RiskPoint

/** The response's columns as one object per vendor, lowest score first (the riskiest drawn last, on top). */
export function riskMapPoints(res: RiskMapResponse): RiskMapPoint[] {
  const p = res.points
  return p.id.map((id, i) => ({
    id,
    name: p.name[i]!,
    tier: p.tier[i]!,
    score: p.score[i]!,
    exposure: p.exposure[i]!,
    likelihood: p.likelihood[i]!,
    records: p.records[i]!,
  }))
}

export function riskMapFinding(res: RiskMapResponse): string {
  const points = riskMapPoints(res)
  if (points.length === 0) return 'No vendors on the risk map yet'
  const critical = points.filter((p) => p.tier === 'critical')
  if (critical.length === 0) {
    const top = points[points.length - 1]!
    return `No vendor is in the critical band; the riskiest, ${top.name}, scores ${score1(top.score)}`
  }
  const held = critical.reduce((sum, p) => sum + p.records, 0)
  const byIncidents = critical.filter((p) => p.likelihood > p.exposure).length
  const head = `${plural(critical.length, 'vendor')} ${critical.length === 1 ? 'sits' : 'sit'} in the critical band, holding ${records(held)}`
  // Say what drives the band when one side clearly does: the remedy differs (reduce access, or chase incidents).
  if (critical.length >= 2 && byIncidents * 3 >= critical.length * 2)
    return `${head}, most pushed there by incidents`
  if (critical.length >= 2 && byIncidents * 3 <= critical.length)
    return `${head}, most pushed there by access`
  return head
}

/** Above this many vendors the map draws density squares instead of one mark per vendor. */
export const RISK_MAP_POINT_LIMIT = 2000
/** In the density view, at most this many critical vendors keep a mark of their own. */
export const RISK_MAP_MARK_LIMIT = 500
/** Squares per axis in the density view: 5 score points each. */
export const RISK_MAP_BINS = 20

export interface RiskRegion {
  exposureMin: number
  exposureMax: number
  likelihoodMin: number
  likelihoodMax: number
}

export interface RiskMapCell extends RiskRegion {
  vendors: number
  records: number
  tiers: Record<Tier, number>
}

/** The index of `value`'s bin, with 100 in the top bin. */
const binOf = (value: number, bins: number) =>
  Math.min(bins - 1, Math.max(0, Math.floor((value / 100) * bins)))

/** Vendors counted into a `bins` × `bins` grid over exposure and likelihood; only squares holding any. */
export function binRiskMap(points: readonly RiskMapPoint[], bins = RISK_MAP_BINS): RiskMapCell[] {
  const size = 100 / bins
  const cells = new Map<number, RiskMapCell>()
  for (const p of points) {
    const x = binOf(p.exposure, bins)
    const y = binOf(p.likelihood, bins)
    const key = y * bins + x
    let cell = cells.get(key)
    if (!cell) {
      cell = {
        exposureMin: x * size,
        exposureMax: (x + 1) * size,
        likelihoodMin: y * size,
        likelihoodMax: (y + 1) * size,
        vendors: 0,
        records: 0,
        tiers: { critical: 0, high: 0, medium: 0, low: 0 },
      }
      cells.set(key, cell)
    }
    cell.vendors += 1
    cell.records += p.records
    cell.tiers[p.tier] += 1
  }
  return [...cells.entries()].sort(([a], [b]) => a - b).map(([, cell]) => cell)
}

export interface RiskMapLayers {
  mode: 'points' | 'density'
  /** Drawn one mark each: every vendor, or in the density view the riskiest critical ones. */
  points: RiskMapPoint[]
  /** The density view's squares (every vendor, the marked ones too); empty when every vendor is a point. */
  cells: RiskMapCell[]
}

/**
 * How to draw `points` and stay usable at 50,000 vendors: up to `limit` vendors get one SVG mark each. Above it
 * the map bins everyone into density squares (at most 400) and still marks the `marks` riskiest critical vendors,
 * the ones a reader is looking for. 50,000 SVG marks would take seconds to draw and could not be told apart,
 * hovered or clicked anyway; sampling would hide vendors without saying so; a canvas would lose the marks'
 * tooltips, links and theme colours. Marking every critical and high vendor was tried and buried the map under
 * a thousand overlapping marks at 5,000 vendors.
 */
export function riskMapLayers(
  points: readonly RiskMapPoint[],
  limit = RISK_MAP_POINT_LIMIT,
  marks = RISK_MAP_MARK_LIMIT,
): RiskMapLayers {
  if (points.length <= limit) return { mode: 'points', points: [...points], cells: [] }
  const critical = points.filter((p) => p.tier === 'critical')
  // Points arrive lowest score first: the riskiest are at the end.
  return { mode: 'density', points: critical.slice(-marks), cells: binRiskMap(points) }
}

/** The inventory filter for a region: lower bounds inclusive, upper exclusive, and no upper bound at 100. */
export function regionFilter(region: RiskRegion): VendorFilter {
  const upper = (max: number) => (max >= 100 ? undefined : max)
  return portfolioFilter({
    exposureMin: region.exposureMin,
    exposureMax: upper(region.exposureMax),
    likelihoodMin: region.likelihoodMin,
    likelihoodMax: upper(region.likelihoodMax),
  })
}

/** How many of `points` the region's filter keeps (the same bounds as the inventory's). */
export function countInRegion(points: readonly RiskMapPoint[], region: RiskRegion): number {
  const inside = (v: number, min: number, max: number) => v >= min && (max >= 100 || v < max)
  return points.filter(
    (p) =>
      inside(p.exposure, region.exposureMin, region.exposureMax) &&
      inside(p.likelihood, region.likelihoodMin, region.likelihoodMax),
  ).length
}

/** A region from two corners in any order, snapped outwards to whole score points and kept within 0–100. */
export function regionBetween(a: { x: number; y: number }, b: { x: number; y: number }): RiskRegion {
  const clamp = (v: number) => Math.min(100, Math.max(0, v))
  return {
    exposureMin: clamp(Math.floor(Math.min(a.x, b.x))),
    exposureMax: clamp(Math.ceil(Math.max(a.x, b.x))),
    likelihoodMin: clamp(Math.floor(Math.min(a.y, b.y))),
    likelihoodMax: clamp(Math.ceil(Math.max(a.y, b.y))),
  }
}

/**
 * The curve where √(exposure × likelihood) equals `score`, as [exposure, likelihood] pairs across the map: from
 * the top edge (likelihood 100) to the right edge (exposure 100). Empty for 0 (the axes) and above 100.
 */
export function isoScoreCurve(score: number, steps = 48): [number, number][] {
  if (score <= 0 || score > 100) return []
  const start = (score * score) / 100
  // Even steps in log space: the hyperbola bends sharply near the axes and runs straight further out.
  const ratio = Math.log(100 / start)
  return Array.from({ length: steps + 1 }, (_, i) => {
    const exposure = start * Math.exp((ratio * i) / steps)
    return [exposure, (score * score) / exposure]
  })
}

export interface TierBand {
  tier: Tier
  /** The score the band starts at; 0 for low. */
  from: number
  /** The region at or above `from`, as a closed polygon of [exposure, likelihood] pairs; paint low first. */
  polygon: [number, number][]
}

/** The tier bands behind the map, from the model's cut-offs: each is the region at or above its iso-score curve. */
export function tierBands(cutoffs: ScoringWeights['tierCutoffs'] = DEFAULT_WEIGHTS.tierCutoffs): TierBand[] {
  const square: [number, number][] = [
    [0, 0],
    [100, 0],
    [100, 100],
    [0, 100],
  ]
  const above = (score: number): [number, number][] => [...isoScoreCurve(score), [100, 100]]
  return [
    { tier: 'low', from: 0, polygon: square },
    { tier: 'medium', from: cutoffs.medium, polygon: above(cutoffs.medium) },
    { tier: 'high', from: cutoffs.high, polygon: above(cutoffs.high) },
    { tier: 'critical', from: cutoffs.critical, polygon: above(cutoffs.critical) },
  ]
}

/** The map's table view: vendors per 20-point band of exposure and likelihood, riskiest corner first. */
export function riskMapGrid(points: readonly RiskMapPoint[], bands = 5) {
  const size = 100 / bands
  const cells = binRiskMap(points, bands)
  const rows = Array.from({ length: bands }, (_, r) => {
    const y = bands - 1 - r
    return {
      likelihoodMin: y * size,
      likelihoodMax: (y + 1) * size,
      cells: Array.from({ length: bands }, (_, x) => {
        const region = {
          exposureMin: x * size,
          exposureMax: (x + 1) * size,
          likelihoodMin: y * size,
          likelihoodMax: (y + 1) * size,
        }
        const found = cells.find(
          (c) => c.exposureMin === region.exposureMin && c.likelihoodMin === region.likelihoodMin,
        )
        return { ...region, vendors: found?.vendors ?? 0, records: found?.records ?? 0 }
      }),
    }
  })
  return { columns: Array.from({ length: bands }, (_, x) => ({ min: x * size, max: (x + 1) * size })), rows }
}

// ---------------------------------------------------------------------------------------------------------
// 3. Risk trend

export interface TrendRowView {
  asOf: string
  label: string
  vendors: number
  median: number | null
  p90: number | null
  critical: number
  high: number
  medium: number
  low: number
}

export function trendRows(res: TrendResponse): TrendRowView[] {
  return res.points.map((p) => ({
    asOf: p.asOf,
    label: dayLabel(p.asOf),
    vendors: p.vendors,
    median: p.median,
    p90: p.p90,
    ...p.tiers,
  }))
}

export function trendFinding(res: TrendResponse): string {
  const scored = res.points.filter((p) => p.median !== null)
  const last = scored[scored.length - 1]
  if (!last) return 'No scores recorded yet'
  const first = scored[0]!
  const p90 = last.p90 === null ? '' : `; 90th percentile ${score1(last.p90)}`
  if (scored.length === 1) return `Median risk score ${score1(last.median!)}${p90}`
  const steps = res.points.length - 1 - res.points.indexOf(first)
  const span =
    res.interval === 'week'
      ? plural(steps, 'week')
      : steps % 7 === 0
        ? plural(steps / 7, 'week')
        : plural(steps, 'day')
  const from = score1(first.median!)
  const to = score1(last.median!)
  const move =
    from === to ? `held at ${to}` : `${last.median! > first.median! ? 'rose' : 'fell'} from ${from} to ${to}`
  return `Median risk score ${move} over ${span}${p90}`
}

// ---------------------------------------------------------------------------------------------------------
// 4. Top risks

export function topRisksFinding(res: TopRisksResponse): string {
  const n = res.items.length
  if (n === 0) return 'No vendors to rank yet'
  const outside = res.items.filter(
    (i) => i.dataLocation === 'vendor_environment' || i.dataLocation === 'both',
  )
  const open = res.items.filter((i) => i.openIncidents > 0).length
  if (n === 1) {
    const [only] = res.items
    return `${only!.name} is the only vendor ranked${outside.length === 1 ? '; it holds our data outside our perimeter' : ''}`
  }
  const head = `${formatWhole(outside.length)} of the ${formatWhole(n)} riskiest vendors hold our data outside our perimeter`
  if (open === 0) return `${head}; none has an open incident`
  return `${head}; ${formatWhole(open)} ${open === 1 ? 'has' : 'have'} an open incident`
}

// ---------------------------------------------------------------------------------------------------------
// 5. Exposure outside our perimeter

export const LOCATION_NAMES: Record<DataLocation, string> = {
  vendor_environment: 'Vendor environment',
  both: 'Both environments',
  our_environment: 'Our environment',
  none: 'Holds none of our data',
}

/** Outside our perimeter first: the slices the chart is about. */
const LOCATION_ORDER: readonly DataLocation[] = ['vendor_environment', 'both', 'our_environment', 'none']

export interface LocationSlice {
  dataLocation: DataLocation
  name: string
  outsidePerimeter: boolean
  vendors: number
  records: number
  recordShare: number
  /** "Vendor environment: 12 vendors, 3.4M records": the slice's link and table row say the same. */
  description: string
  filter: VendorFilter
}

export function locationSlices(res: ExposureResponse): LocationSlice[] {
  return LOCATION_ORDER.map((dataLocation) => {
    const row = res.byLocation.find((r) => r.dataLocation === dataLocation)
    const vendors = row?.vendors ?? 0
    const held = row?.records ?? 0
    return {
      dataLocation,
      name: LOCATION_NAMES[dataLocation],
      outsidePerimeter: row?.outsidePerimeter ?? false,
      vendors,
      records: held,
      recordShare: row?.recordShare ?? 0,
      description: `${LOCATION_NAMES[dataLocation]}: ${plural(vendors, 'vendor')}, ${records(held)}`,
      filter: portfolioFilter({ dataLocation: [dataLocation] }),
    }
  })
}

export interface DataClassBar {
  dataClass: DataClass
  vendors: number
  outsideVendors: number
  outsideRecords: number
  insideRecords: number
  outsideRecordShare: number
  outsideFilter: VendorFilter
  insideFilter: VendorFilter
  filter: VendorFilter
}

/** Data classes some vendor holds, the most records outside our perimeter first. */
export function dataClassBars(res: ExposureResponse): DataClassBar[] {
  return res.byDataClass
    .filter((c) => c.vendors > 0)
    .map((c) => ({
      dataClass: c.dataClass,
      vendors: c.vendors,
      outsideVendors: c.outsideVendors,
      outsideRecords: c.outsideRecords,
      insideRecords: c.records - c.outsideRecords,
      outsideRecordShare: c.outsideRecordShare,
      outsideFilter: portfolioFilter({ dataClass: [c.dataClass], outsidePerimeter: true }),
      insideFilter: portfolioFilter({ dataClass: [c.dataClass], outsidePerimeter: false }),
      filter: portfolioFilter({ dataClass: [c.dataClass] }),
    }))
    .sort((a, b) => b.outsideRecords - a.outsideRecords || b.outsideVendors - a.outsideVendors)
}

export function exposureFinding(res: ExposureResponse): string {
  if (res.vendors === 0) return 'No vendors in the portfolio yet'
  const out = res.outsidePerimeter
  if (res.records === 0) {
    return `${formatWhole(out.vendors)} of ${plural(res.vendors, 'vendor')} would hold our data outside our perimeter; none declares any records`
  }
  if (out.records === 0) return 'None of the records our vendors hold sits outside our perimeter'
  return `${formatShare(out.recordShare)} of the records our vendors hold sit outside our perimeter, at ${plural(out.vendors, 'vendor')}`
}

// ---------------------------------------------------------------------------------------------------------
// 6. Incidents per month

export type IncidentBreakdown = 'kind' | 'severity'

export interface IncidentSeries {
  key: IncidentKind | Severity
  label: string
}

export function incidentSeries(by: IncidentBreakdown): IncidentSeries[] {
  // Severities stack worst at the bottom, where bars start and the eye compares them.
  return by === 'kind'
    ? INCIDENT_KINDS.map((key) => ({ key, label: INCIDENT_KIND_LABELS[key] }))
    : [...SEVERITIES].reverse().map((key) => ({ key, label: SEVERITY_LABELS[key] }))
}

export type IncidentMonthRow = { month: string; label: string; total: number; open: number } & Partial<
  Record<IncidentKind | Severity, number>
>

export function incidentRows(res: IncidentTrendResponse, by: IncidentBreakdown): IncidentMonthRow[] {
  return res.months.map((m) => ({
    month: m.month,
    label: monthLabel(m.month),
    total: m.total,
    open: m.open,
    ...(by === 'kind' ? m.byKind : m.bySeverity),
  }))
}

export function incidentFinding(res: IncidentTrendResponse): string {
  const total = res.months.reduce((sum, m) => sum + m.total, 0)
  const months = plural(res.months.length, 'month')
  const open = res.open.total
  if (total === 0 && open === 0) return `No incidents in the last ${months}`
  const severe = res.open.bySeverity.critical + res.open.bySeverity.high
  const openText =
    open === 0
      ? 'none still open'
      : `${formatWhole(open)} still open${severe > 0 ? `, ${formatWhole(severe)} of them high or critical` : ''}`
  return `${plural(total, 'incident')} in ${months}; ${openText}`
}

/** The portfolio's vendors with an open incident: where the open-incident callout links. */
export const OPEN_INCIDENT_FILTER: VendorFilter = portfolioFilter({ openIncident: true })

// ---------------------------------------------------------------------------------------------------------
// 7. Fourth-party concentration

export function fourthPartyFinding(res: FourthPartyResponse): string {
  const top = res.items[0]
  if (!top) return 'No vendor lists a sub-processor yet'
  if (top.vendors < 2) {
    return `No sub-processor is shared between vendors; the largest, ${top.name}, stands behind ${records(top.records)}`
  }
  return `${formatWhole(top.vendors)} vendors share ${top.name}, holding ${records(top.records)}`
}

export const fourthPartyFilter = (name: string): VendorFilter => portfolioFilter({ fourthParty: name })

// ---------------------------------------------------------------------------------------------------------
// 8. Overdue reviews by tier

export interface ReviewBar {
  tier: Tier
  vendors: number
  cadenceDays: number
  overdue: number
  neverAssessed: number
  /** Overdue after an assessment (the rest of `overdue` were never assessed). */
  lapsed: number
  dueWithin30: number
  upToDate: number
  overdueFilter: VendorFilter
}

export function reviewBars(res: ReviewsByTierResponse): ReviewBar[] {
  return TIERS.map((tier) => {
    const row = res.byTier.find((r) => r.tier === tier)
    const vendors = row?.vendors ?? 0
    const overdue = row?.overdue ?? 0
    const neverAssessed = row?.neverAssessed ?? 0
    const dueWithin30 = row?.dueWithin30 ?? 0
    return {
      tier,
      vendors,
      cadenceDays: row?.cadenceDays ?? 0,
      overdue,
      neverAssessed,
      lapsed: overdue - neverAssessed,
      dueWithin30,
      upToDate: vendors - overdue - dueWithin30,
      overdueFilter: portfolioFilter({ tier: [tier], reviewOverdue: true }),
    }
  })
}

export function reviewsFinding(res: ReviewsByTierResponse): string {
  if (res.vendors === 0) return 'No vendors to review yet'
  if (res.overdue === 0) return `All ${plural(res.vendors, 'security review')} are up to date`
  const critical = res.byTier.find((r) => r.tier === 'critical')?.overdue ?? 0
  const head = `${formatWhole(res.overdue)} of ${plural(res.vendors, 'security review')} ${res.overdue === 1 ? 'is' : 'are'} overdue`
  if (critical === 0) return `${head}, none for a critical vendor`
  return `${head}, ${formatWhole(critical)} for ${critical === 1 ? 'a critical vendor' : 'critical vendors'}`
}

export const REVIEW_OVERDUE_FILTER: VendorFilter = portfolioFilter({ reviewOverdue: true })
