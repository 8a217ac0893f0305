/** The one-line view of a vendor that lists, charts and exports share: scores, exposure markers, review state. */
import { reviewStatus } from './reviews'
import type { ScoringWeights } from './scoring/model'
import { computeScore, type ScoreNumbers } from './scoring/measure-vendor'
import { scoreVendor } from './scoring/score-vendor'
import type { RiskAcceptanceDto, VendorDetailResponse, VendorSummary } from './schemas/api'
import type { Incident, Vendor } from './schemas/vendor'

export function summarizeVendor(
  vendor: Vendor,
  asOf: string,
  weights?: ScoringWeights,
  score: ScoreNumbers = computeScore(vendor, weights === undefined ? { asOf } : { asOf, weights }),
  riskAcceptance: { until: string } | null = null,
): VendorSummary {
  const known = vendor.incidents.filter((i) => i.occurredAt <= asOf)
  const lastIncidentAt = known.reduce<string | null>(
    (latest, i) => (latest === null || i.occurredAt > latest ? i.occurredAt : latest),
    null,
  )
  const review = reviewStatus(vendor.controls.lastAssessedAt, score.tier, asOf)
  return {
    id: vendor.id,
    name: vendor.name,
    category: vendor.category,
    owner: vendor.owner,
    status: vendor.status,
    dataClasses: vendor.access.dataClasses,
    fourthParties: vendor.access.fourthParties,
    records: vendor.access.records,
    dataLocation: vendor.access.dataLocation,
    outsidePerimeter:
      vendor.access.dataLocation === 'vendor_environment' || vendor.access.dataLocation === 'both',
    networkAccess: vendor.access.networkAccess,
    criticality: vendor.access.criticality,
    score: score.score,
    tier: score.tier,
    exposure: score.exposure,
    likelihood: score.likelihood,
    openIncidents: known.filter((i) => i.status === 'open').length,
    lastIncidentAt,
    nextReviewDue: review.dueOn,
    reviewOverdue: review.overdue,
    riskAcceptedUntil: riskAcceptance !== null && riskAcceptance.until >= asOf ? riskAcceptance.until : null,
  }
}

/** A vendor with its explained score and its summary: the body of `GET /api/vendors/:id`. */
export function vendorDetail(
  vendor: Vendor,
  asOf: string,
  options: {
    weights?: ScoringWeights
    version: number
    riskAcceptance: Omit<RiskAcceptanceDto, 'active'> | null
  },
): VendorDetailResponse {
  const { weights, version, riskAcceptance } = options
  const score = scoreVendor(vendor, weights === undefined ? { asOf } : { asOf, weights })
  return {
    vendor,
    score,
    summary: summarizeVendor(vendor, asOf, weights, score, riskAcceptance),
    version,
    riskAcceptance: riskAcceptance && { ...riskAcceptance, active: riskAcceptance.until >= asOf },
  }
}

/**
 * Dates that cannot be true yet: an assessment or incident after `today`. Scores as of a past day ignore later
 * incidents, so a mistyped year would silently drop an incident from every score; stores refuse them instead.
 */
export function futureDateErrors(vendor: Pick<Vendor, 'controls' | 'incidents'>, today: string) {
  const errors: { path: string; message: string }[] = []
  if (vendor.controls.lastAssessedAt !== undefined && vendor.controls.lastAssessedAt > today) {
    errors.push({ path: 'controls.lastAssessedAt', message: `Cannot be after today (${today})` })
  }
  vendor.incidents.forEach((incident, i) => {
    errors.push(
      ...incidentDateErrors(incident, today).map((e) => ({ ...e, path: `incidents.${i}.${e.path}` })),
    )
  })
  return errors
}

/**
 * An incident's dates: none after today; a resolution date only on a resolved incident, and not before it
 * occurred. Paths are the incident's fields.
 */
export function incidentDateErrors(
  incident: Pick<Incident, 'occurredAt' | 'resolvedAt' | 'status'>,
  today: string,
) {
  const errors: { path: string; message: string }[] = []
  if (incident.occurredAt > today) {
    errors.push({ path: 'occurredAt', message: `Cannot be after today (${today})` })
  }
  if (incident.resolvedAt !== undefined) {
    if (incident.status !== 'resolved') {
      errors.push({ path: 'resolvedAt', message: 'Only a resolved incident has a resolution date' })
    } else if (incident.resolvedAt > today) {
      errors.push({ path: 'resolvedAt', message: `Cannot be after today (${today})` })
    } else if (incident.resolvedAt < incident.occurredAt) {
      errors.push({ path: 'resolvedAt', message: `Cannot be before it occurred (${incident.occurredAt})` })
    }
  }
  return errors
}
