/**
 * The numeric core of the score: every factor's value, with no text. `scoreVendor` explains these numbers;
 * `computeScore` returns them alone for bulk work (lists, rescoring 100,000 vendors). Both call `measureVendor`,
 * so they can never disagree.
 */
import { isoDateToDayNumber } from '../dates'
import type { Incident, Vendor } from '../schemas/vendor'
import {
  CERTIFICATION_CREDIT,
  CRITICALITY_FACTOR,
  DATA_CLASS_SENSITIVITY,
  DATA_LOCATION_FACTOR,
  DEFAULT_WEIGHTS,
  FOURTH_PARTY_SCALE,
  INCIDENT_KIND_FACTOR,
  INCIDENT_SATURATION,
  INCIDENT_STATUS_FACTOR,
  MODEL_VERSION,
  NETWORK_ACCESS_FACTOR,
  NOTIFICATION_FULL_PENALTY_DAYS,
  RECORDS_LOG_CEILING,
  SEVERITY_FACTOR,
  type ScoringWeights,
  type Tier,
} from './model'

export type ScorableVendor = Pick<Vendor, 'access' | 'controls' | 'incidents'>

export interface ScoreOptions {
  /** The day the score is computed for (YYYY-MM-DD). Incidents after it are not yet known. */
  asOf: string
  weights?: ScoringWeights
}

export interface WeighedIncident {
  incident: Incident
  /** Days from the incident to `asOf`. */
  age: number
  /** Share of its weight that still counts: 1 while open, halving every half-life after. */
  decay: number
  /** Severity × kind × records × status × decay, before saturation. */
  weight: number
}

export interface Measurement {
  /** Combined sensitivity of the data classes, 0–1. */
  sensitivity: number
  uniqueFourthParties: number
  /** Index points on the exposure scale: sensitivity, volume, location, network, criticality, fourth parties. */
  exposurePoints: number[]
  /** Known incidents, newest first, then by id. */
  incidents: WeighedIncident[]
  late: number
  slowestNotice: number
  unrecordedNotice: number
  /** Days since the last assessment; null when never assessed. */
  assessmentAge: number | null
  staleness: number
  /** Index points on the likelihood scale: baseline, one per incident, notification, MFA, encryption,
   * assessment, certifications. */
  likelihoodPoints: number[]
  exposure: number
  likelihood: number
  /** Unrounded √(exposure × likelihood). */
  score: number
}

export const log10Scale = (count: number) => Math.min(1, Math.log10(1 + count) / RECORDS_LOG_CEILING)

const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const newestFirst = (a: WeighedIncident, b: WeighedIncident) =>
  a.age - b.age || compareCodeUnits(a.incident.id, b.incident.id)

/** An incident's weight on `asOf`, or null when it had not happened yet. */
export function weighIncident(
  incident: Incident,
  asOfDay: number,
  halfLifeDays: number,
): WeighedIncident | null {
  const age = asOfDay - isoDateToDayNumber(incident.occurredAt)
  if (age < 0) return null
  const decay = incident.status === 'open' ? 1 : Math.pow(0.5, age / halfLifeDays)
  const weight =
    SEVERITY_FACTOR[incident.severity] *
    INCIDENT_KIND_FACTOR[incident.kind] *
    (1 + 0.5 * log10Scale(incident.recordsExposed)) *
    INCIDENT_STATUS_FACTOR[incident.status] *
    decay
  return { incident, age, decay, weight }
}

export function measureVendor(vendor: ScorableVendor, weights: ScoringWeights, asOf: string): Measurement {
  const we = weights.exposure
  const wl = weights.likelihood
  const asOfDay = isoDateToDayNumber(asOf)
  const { dataClasses, records, dataLocation, networkAccess, criticality, fourthParties } = vendor.access

  // Several classes combine as 1 − Π(1 − s): each one only adds, and the total never exceeds 1.
  let untouched = 1
  for (const c of dataClasses) untouched *= 1 - DATA_CLASS_SENSITIVITY[c]
  const sensitivity = 1 - untouched
  const uniqueFourthParties = new Set(fourthParties).size

  const exposureScale =
    we.dataSensitivity +
    we.dataVolume +
    we.dataLocation +
    we.networkAccess +
    we.criticality +
    we.fourthParties
  const e = 100 / exposureScale
  const exposurePoints = [
    e * we.dataSensitivity * sensitivity,
    e * we.dataVolume * log10Scale(records) * sensitivity,
    e * we.dataLocation * DATA_LOCATION_FACTOR[dataLocation] * sensitivity,
    e * we.networkAccess * NETWORK_ACCESS_FACTOR[networkAccess],
    e * we.criticality * CRITICALITY_FACTOR[criticality],
    e * we.fourthParties * (1 - Math.exp(-uniqueFourthParties / FOURTH_PARTY_SCALE)) * sensitivity,
  ]

  const incidents: WeighedIncident[] = []
  for (const incident of vendor.incidents) {
    const weighed = weighIncident(incident, asOfDay, weights.incidentHalfLifeDays)
    if (weighed) incidents.push(weighed)
  }
  if (incidents.length > 1) incidents.sort(newestFirst)
  let totalWeight = 0
  let lateness = 0
  let late = 0
  let slowestNotice = 0
  let unrecordedNotice = 0
  const grace = weights.notificationGraceDays
  for (const x of incidents) {
    totalWeight += x.weight
    const days = x.incident.notifiedAfterDays
    if (days === undefined) unrecordedNotice++
    else if (days > grace) {
      late++
      slowestNotice = Math.max(slowestNotice, days)
      lateness +=
        Math.min(1, (days - grace) / NOTIFICATION_FULL_PENALTY_DAYS) *
        SEVERITY_FACTOR[x.incident.severity] *
        x.decay
    }
  }
  const incidentIndex = 1 - Math.exp(-totalWeight / INCIDENT_SATURATION)

  const { mfa, encryptionAtRest, lastAssessedAt, certifications } = vendor.controls
  const maxAge = weights.assessmentMaxAgeDays
  const assessmentAge = lastAssessedAt === undefined ? null : asOfDay - isoDateToDayNumber(lastAssessedAt)
  const staleness = assessmentAge === null ? 1 : Math.min(1, Math.max(0, (assessmentAge - maxAge) / maxAge))
  let uncertified = 1
  for (const c of new Set(certifications)) uncertified *= 1 - CERTIFICATION_CREDIT[c]

  const likelihoodScale =
    wl.baseline +
    wl.incidents +
    wl.slowNotification +
    wl.missingMfa +
    wl.missingEncryption +
    wl.staleAssessment
  const l = 100 / likelihoodScale
  const likelihoodPoints = [l * wl.baseline]
  // The saturated incident index is shared among incidents in proportion to their weights.
  for (const x of incidents)
    likelihoodPoints.push(totalWeight > 0 ? (l * wl.incidents * incidentIndex * x.weight) / totalWeight : 0)
  likelihoodPoints.push(
    l * wl.slowNotification * (1 - Math.exp(-lateness)),
    mfa ? 0 : l * wl.missingMfa,
    encryptionAtRest ? 0 : l * wl.missingEncryption,
    l * wl.staleAssessment * staleness,
    -l * wl.certifications * (1 - uncertified),
  )

  let exposure = 0
  for (const p of exposurePoints) exposure += p
  let likelihood = 0
  for (const p of likelihoodPoints) likelihood += p
  exposure = Math.min(100, Math.max(0, exposure))
  likelihood = Math.min(100, Math.max(0, likelihood))

  return {
    sensitivity,
    uniqueFourthParties,
    exposurePoints,
    incidents,
    late,
    slowestNotice,
    unrecordedNotice,
    assessmentAge,
    staleness,
    likelihoodPoints,
    exposure,
    likelihood,
    // Geometric mean: no exposure means no risk whatever the history, and both must be high for a high score.
    score: Math.sqrt(exposure * likelihood),
  }
}

export const roundTenth = (value: number) => Math.round(value * 10) / 10

export function tierFor(score: number, cutoffs: ScoringWeights['tierCutoffs']): Tier {
  if (score >= cutoffs.critical) return 'critical'
  if (score >= cutoffs.high) return 'high'
  if (score >= cutoffs.medium) return 'medium'
  return 'low'
}

export interface ScoreNumbers {
  score: number
  tier: Tier
  exposure: number
  likelihood: number
  modelVersion: string
  asOf: string
}

/** The score without its explanation: the same numbers `scoreVendor` returns, several times faster. */
export function computeScore(vendor: ScorableVendor, options: ScoreOptions): ScoreNumbers {
  const weights = options.weights ?? DEFAULT_WEIGHTS
  const m = measureVendor(vendor, weights, options.asOf)
  const score = roundTenth(m.score)
  return {
    score,
    tier: tierFor(score, weights.tierCutoffs),
    exposure: roundTenth(m.exposure),
    likelihood: roundTenth(m.likelihood),
    modelVersion: MODEL_VERSION,
    asOf: options.asOf,
  }
}
