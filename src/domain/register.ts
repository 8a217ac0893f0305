/**
 * The vendor register as auditors receive it: one row per vendor with its score and why, its access scope, its
 * controls, its incidents and its review dates. The CSV, the XLSX, the PDF and the offline demo shape rows here.
 */
import type { CellValue } from './csv'
import { formatPoints } from './format'
import type { VendorScore } from './scoring/score-vendor'
import type { Vendor } from './schemas/vendor'
import type { Tier } from './scoring/model'
import { summarizeVendor } from './summary'

/** How many factors the register names as the reasons for a score. */
export const TOP_FACTOR_COUNT = 3

export interface RegisterRow {
  vendorId: string
  name: string
  category: string
  owner: string
  status: Vendor['status']
  score: number
  tier: Tier
  exposure: number
  likelihood: number
  /** "Incident: Claimed leak +16.0; Data location +7.1; Records held +7.0". */
  topFactors: string
  dataClasses: string
  records: number
  dataLocation: Vendor['access']['dataLocation']
  outsidePerimeter: boolean
  networkAccess: Vendor['access']['networkAccess']
  criticality: Vendor['access']['criticality']
  fourthParties: string
  certifications: string
  mfa: boolean
  encryptionAtRest: boolean
  openIncidents: number
  lastIncidentAt: string | null
  lastAssessedAt: string | null
  nextReviewDue: string | null
  reviewOverdue: boolean
  riskAcceptedUntil: string | null
}

/**
 * The columns in file order. Headers use the import's names where a column is the same field (`fourth_parties`,
 * `last_assessed_at`), so people meet one vocabulary.
 */
export const REGISTER_COLUMNS: readonly { key: keyof RegisterRow; header: string; label: string }[] = [
  { key: 'vendorId', header: 'vendor_id', label: 'Vendor id' },
  { key: 'name', header: 'name', label: 'Name' },
  { key: 'category', header: 'category', label: 'Category' },
  { key: 'owner', header: 'owner', label: 'Owner' },
  { key: 'status', header: 'status', label: 'Status' },
  { key: 'score', header: 'score', label: 'Score' },
  { key: 'tier', header: 'tier', label: 'Tier' },
  { key: 'exposure', header: 'exposure', label: 'Exposure' },
  { key: 'likelihood', header: 'likelihood', label: 'Likelihood' },
  { key: 'topFactors', header: 'top_factors', label: 'Top factors' },
  { key: 'dataClasses', header: 'data_classes', label: 'Data classes' },
  { key: 'records', header: 'records', label: 'Records' },
  { key: 'dataLocation', header: 'data_location', label: 'Data location' },
  { key: 'outsidePerimeter', header: 'outside_perimeter', label: 'Outside our perimeter' },
  { key: 'networkAccess', header: 'network_access', label: 'Network access' },
  { key: 'criticality', header: 'criticality', label: 'Criticality' },
  { key: 'fourthParties', header: 'fourth_parties', label: 'Sub-processors' },
  { key: 'certifications', header: 'certifications', label: 'Certifications' },
  { key: 'mfa', header: 'mfa', label: 'MFA' },
  { key: 'encryptionAtRest', header: 'encryption_at_rest', label: 'Encryption at rest' },
  { key: 'openIncidents', header: 'open_incidents', label: 'Open incidents' },
  { key: 'lastIncidentAt', header: 'last_incident_at', label: 'Last incident' },
  { key: 'lastAssessedAt', header: 'last_assessed_at', label: 'Last review' },
  { key: 'nextReviewDue', header: 'next_review_due', label: 'Next review due' },
  { key: 'reviewOverdue', header: 'review_overdue', label: 'Review overdue' },
  { key: 'riskAcceptedUntil', header: 'risk_accepted_until', label: 'Risk accepted until' },
]

export const REGISTER_HEADERS: readonly string[] = REGISTER_COLUMNS.map((c) => c.header)

/** The factors adding the most points, largest first; factors adding nothing are left out. */
export function topFactorText(
  factors: VendorScore['factors'],
  count = TOP_FACTOR_COUNT,
): { id: string; label: string; points: number }[] {
  // Picked in one pass (ties keep the factors' order) rather than by sorting every factor: exports call this for
  // every row.
  const top: VendorScore['factors'] = []
  for (const f of factors) {
    if (!(f.points > 0)) continue
    let at = top.length
    while (at > 0 && top[at - 1]!.points < f.points) at -= 1
    if (at >= count) continue
    top.splice(at, 0, f)
    if (top.length > count) top.pop()
  }
  return top.map((f) => ({ id: f.id, label: f.label, points: f.points }))
}

/** One register row from the vendor as it stood on `asOf` and its score that day. */
export function registerRow(
  vendor: Vendor,
  score: VendorScore,
  asOf: string,
  riskAcceptance: { until: string } | null = null,
): RegisterRow {
  const summary = summarizeVendor(vendor, asOf, undefined, score, riskAcceptance)
  return {
    vendorId: vendor.id,
    name: vendor.name,
    category: vendor.category,
    owner: vendor.owner,
    status: vendor.status,
    score: score.score,
    tier: score.tier,
    exposure: score.exposure,
    likelihood: score.likelihood,
    topFactors: topFactorText(score.factors)
      .map((f) => `${f.label} ${formatPoints(f.points)}`)
      .join('; '),
    dataClasses: vendor.access.dataClasses.join('; '),
    records: vendor.access.records,
    dataLocation: vendor.access.dataLocation,
    outsidePerimeter: summary.outsidePerimeter,
    networkAccess: vendor.access.networkAccess,
    criticality: vendor.access.criticality,
    fourthParties: vendor.access.fourthParties.join('; '),
    certifications: vendor.controls.certifications.join('; '),
    mfa: vendor.controls.mfa,
    encryptionAtRest: vendor.controls.encryptionAtRest,
    openIncidents: summary.openIncidents,
    lastIncidentAt: summary.lastIncidentAt,
    lastAssessedAt: vendor.controls.lastAssessedAt ?? null,
    nextReviewDue: summary.nextReviewDue,
    reviewOverdue: summary.reviewOverdue,
    riskAcceptedUntil: summary.riskAcceptedUntil,
  }
}

/** The row's values in column order, for CSV and XLSX writers. */
export function registerCells(row: RegisterRow): CellValue[] {
  return REGISTER_COLUMNS.map((c) => row[c.key])
}
