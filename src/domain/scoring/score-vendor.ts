/**
 * The vendor risk score: exposure (what the vendor can reach) × likelihood (how likely it is to fail us),
 * explained factor by factor. Pure and deterministic: the same vendor, weights and `asOf` give the same result.
 */
import { daysBetween, describeAge } from '../dates'
import { formatCompact, formatPoints, joinList, plural } from '../format'
import { CERTIFICATION_LABELS, DATA_CLASS_LABELS, INCIDENT_KIND_LABELS, SEVERITY_LABELS } from '../labels'
import type { DataClass, Incident, Vendor } from '../schemas/vendor'
import { apportionTenths, roundTenth } from './apportion'
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

export type FactorGroup = 'exposure' | 'likelihood'

export interface ScoreFactor {
  /** Stable key: `data_location`, `missing_mfa`, `incident:<incident id>`, … */
  id: string
  group: FactorGroup
  label: string
  /** Contribution to the final score (tenths); all factors' points add up to `score`. */
  points: number
  /** Contribution to its group's index (tenths); a group's factors add up to `exposure` or `likelihood`. */
  groupPoints: number
  /** What the factor found, without the points: "MFA not enforced". */
  detail: string
  /** `detail` with the points: "MFA not enforced: +4.2". */
  sentence: string
  /** For incident factors: the share of its original weight that still counts after decay, 0–1. */
  decay?: number
  incidentId?: string
}

export interface VendorScore {
  score: number
  tier: Tier
  exposure: number
  likelihood: number
  factors: ScoreFactor[]
  modelVersion: string
  asOf: string
}

export type ScorableVendor = Pick<Vendor, 'access' | 'controls' | 'incidents'>

export interface ScoreOptions {
  /** The day the score is computed for (YYYY-MM-DD). Incidents after it are not yet known. */
  asOf: string
  weights?: ScoringWeights
}

interface RawFactor {
  id: string
  group: FactorGroup
  label: string
  /** 0–1 for most factors; the weight scales it into index points. */
  value: number
  weight: number
  /** +1 raises the index, −1 lowers it (certifications). */
  sign: 1 | -1
  detail: string
  decay?: number
  incidentId?: string
}

/** Locale-independent order, so factor order never depends on the machine's ICU data. */
const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const log10Scale = (count: number) => Math.min(1, Math.log10(1 + count) / RECORDS_LOG_CEILING)

/** 1 − Π(1 − p): several independent contributions combine without exceeding 1, and each one only adds. */
const combine = (parts: readonly number[]) => 1 - parts.reduce((rest, p) => rest * (1 - p), 1)

function sensitivityOf(classes: readonly DataClass[]): number {
  return combine(classes.map((c) => DATA_CLASS_SENSITIVITY[c]))
}

function classesBySensitivity(classes: readonly DataClass[]): DataClass[] {
  return [...new Set(classes)].sort(
    (a, b) => DATA_CLASS_SENSITIVITY[b] - DATA_CLASS_SENSITIVITY[a] || compareCodeUnits(a, b),
  )
}

function describeData(classes: readonly DataClass[]): string {
  const sensitive = classesBySensitivity(classes).filter((c) => DATA_CLASS_SENSITIVITY[c] > 0)
  return sensitive.length === 0 ? 'non-sensitive' : joinList(sensitive.map((c) => DATA_CLASS_LABELS[c]))
}

function exposureFactors(vendor: ScorableVendor, w: ScoringWeights['exposure']): RawFactor[] {
  const { dataClasses, records, dataLocation, networkAccess, criticality, fourthParties } = vendor.access
  const sensitivity = sensitivityOf(dataClasses)
  const volume = log10Scale(records)
  const sorted = classesBySensitivity(dataClasses)
  const dataWords = describeData(dataClasses)
  const recordWords = records > 0 ? `${formatCompact(records)} ${dataWords} records` : `${dataWords} data`

  const sensitivityDetail =
    dataClasses.length === 0
      ? 'Touches none of our data'
      : sensitivity === 0
        ? 'Touches only public data'
        : `Touches ${joinList(sorted.map((c) => DATA_CLASS_LABELS[c]))} data` +
          (sorted.length > 1 ? ` (most sensitive: ${DATA_CLASS_LABELS[sorted[0]!]})` : '')

  const volumeDetail =
    records === 0
      ? 'Stores or processes none of our records'
      : sensitivity === 0
        ? `Stores or processes ${formatCompact(records)} records, none of them sensitive`
        : `Stores or processes ${recordWords}`

  const locationDetail = {
    none: 'Keeps none of our data',
    our_environment: `Works on ${recordWords} inside our environment, where we can monitor it`,
    vendor_environment: `Holds ${recordWords} in its own environment, outside our network and monitoring`,
    both: `Holds ${recordWords} in its own environment as well as ours — the copy outside our network is beyond our monitoring`,
  }[dataLocation]

  const networkDetail = {
    none: 'Has no network access into our environment',
    api: 'Connects to our systems through APIs',
    remote: 'Has remote access (VPN / remote desktop) into our network',
    privileged: 'Has privileged access (admin / domain / RMM-level) into our network',
  }[networkAccess]

  const criticalityDetail = {
    low: 'Low business criticality: we could work around an outage',
    medium: 'Medium business criticality: an outage would slow us down',
    high: 'High business criticality: an outage would disrupt key services',
    critical: 'Critical to the business: an outage would stop core operations',
  }[criticality]

  const uniqueParties = [...new Set(fourthParties)]
  const named = uniqueParties.slice(0, 3)
  const more = uniqueParties.length - named.length
  const fourthDetail =
    uniqueParties.length === 0
      ? 'Declares no sub-processors'
      : `Relies on ${plural(uniqueParties.length, 'sub-processor')} (${joinList(
          more > 0 ? [...named, `${more} more`] : named,
        )})` + (sensitivity > 0 ? ' that can reach our data' : '')

  return [
    {
      id: 'data_sensitivity',
      group: 'exposure',
      label: 'Data sensitivity',
      value: sensitivity,
      weight: w.dataSensitivity,
      sign: 1,
      detail: sensitivityDetail,
    },
    {
      id: 'data_volume',
      group: 'exposure',
      label: 'Records held',
      value: volume * sensitivity,
      weight: w.dataVolume,
      sign: 1,
      detail: volumeDetail,
    },
    {
      id: 'data_location',
      group: 'exposure',
      label: 'Data location',
      value: DATA_LOCATION_FACTOR[dataLocation] * sensitivity,
      weight: w.dataLocation,
      sign: 1,
      detail: locationDetail,
    },
    {
      id: 'network_access',
      group: 'exposure',
      label: 'Network access',
      value: NETWORK_ACCESS_FACTOR[networkAccess],
      weight: w.networkAccess,
      sign: 1,
      detail: networkDetail,
    },
    {
      id: 'criticality',
      group: 'exposure',
      label: 'Business criticality',
      value: CRITICALITY_FACTOR[criticality],
      weight: w.criticality,
      sign: 1,
      detail: criticalityDetail,
    },
    {
      id: 'fourth_parties',
      group: 'exposure',
      label: 'Fourth parties',
      value: (1 - Math.exp(-uniqueParties.length / FOURTH_PARTY_SCALE)) * sensitivity,
      weight: w.fourthParties,
      sign: 1,
      detail: fourthDetail,
    },
  ]
}

interface WeighedIncident {
  incident: Incident
  age: number
  decay: number
  weight: number
}

/** An incident's weight before saturation: severity × kind × records × status, decayed by age unless open. */
export function weighIncident(
  incident: Incident,
  asOf: string,
  halfLifeDays: number,
): WeighedIncident | null {
  const age = daysBetween(incident.occurredAt, asOf)
  if (age < 0) return null // not yet known on `asOf`
  const decay = incident.status === 'open' ? 1 : Math.pow(0.5, age / halfLifeDays)
  const weight =
    SEVERITY_FACTOR[incident.severity] *
    INCIDENT_KIND_FACTOR[incident.kind] *
    (1 + 0.5 * log10Scale(incident.recordsExposed)) *
    INCIDENT_STATUS_FACTOR[incident.status] *
    decay
  return { incident, age, decay, weight }
}

function describeIncident({ incident, age, decay }: WeighedIncident): string {
  const what = `${INCIDENT_KIND_LABELS[incident.kind]} (${SEVERITY_LABELS[incident.severity].toLowerCase()})`
  const when = `on ${incident.occurredAt}, ${describeAge(age)}`
  const records =
    incident.recordsExposed > 0 ? `, ${formatCompact(incident.recordsExposed)} records exposed` : ''
  const state =
    incident.status === 'open'
      ? 'still open, so it counts in full'
      : `${incident.status}, now weighing ${Math.round(decay * 100)} % after decay`
  return `${what} ${when}${records}; ${state}`
}

function likelihoodFactors(vendor: ScorableVendor, weights: ScoringWeights, asOf: string): RawFactor[] {
  const w = weights.likelihood
  const known = vendor.incidents
    .map((incident) => weighIncident(incident, asOf, weights.incidentHalfLifeDays))
    .filter((x): x is WeighedIncident => x !== null)
    .sort((a, b) => a.age - b.age || compareCodeUnits(a.incident.id, b.incident.id))
  const totalWeight = known.reduce((sum, x) => sum + x.weight, 0)
  const incidentIndex = 1 - Math.exp(-totalWeight / INCIDENT_SATURATION)

  const incidentFactors: RawFactor[] = known.map((x) => ({
    id: `incident:${x.incident.id}`,
    group: 'likelihood',
    label: `Incident: ${INCIDENT_KIND_LABELS[x.incident.kind]}`,
    // The saturated index is shared among incidents in proportion to their weights.
    value: totalWeight > 0 ? (incidentIndex * x.weight) / totalWeight : 0,
    weight: w.incidents,
    sign: 1,
    detail: describeIncident(x),
    decay: x.decay,
    incidentId: x.incident.id,
  }))

  const grace = weights.notificationGraceDays
  const late = known.filter((x) => (x.incident.notifiedAfterDays ?? 0) > grace)
  const lateness = late.reduce(
    (sum, x) =>
      sum +
      Math.min(1, ((x.incident.notifiedAfterDays ?? 0) - grace) / NOTIFICATION_FULL_PENALTY_DAYS) *
        SEVERITY_FACTOR[x.incident.severity] *
        x.decay,
    0,
  )
  const worst = late.reduce((max, x) => Math.max(max, x.incident.notifiedAfterDays ?? 0), 0)
  const unrecorded = known.filter((x) => x.incident.notifiedAfterDays === undefined).length
  const unrecordedNote =
    unrecorded > 0 ? `; ${plural(unrecorded, 'incident')} without a notification record` : ''
  const notificationDetail =
    known.length === 0
      ? 'No incidents, so no notification record'
      : late.length === 0
        ? `Told us of every recorded incident within ${plural(grace, 'day')}${unrecordedNote}`
        : `Told us of ${plural(late.length, 'incident')} late (slowest: ${plural(worst, 'day')}; we expect ${plural(grace, 'day')})${unrecordedNote}`

  const { mfa, encryptionAtRest, lastAssessedAt, certifications } = vendor.controls
  const maxAge = weights.assessmentMaxAgeDays
  const assessmentAge = lastAssessedAt === undefined ? null : daysBetween(lastAssessedAt, asOf)
  const staleness = assessmentAge === null ? 1 : Math.min(1, Math.max(0, (assessmentAge - maxAge) / maxAge))
  const assessmentDetail =
    assessmentAge === null
      ? 'Never assessed'
      : assessmentAge < 0
        ? `Assessment dated ${lastAssessedAt}, after ${asOf}; treated as current`
        : staleness === 0
          ? `Assessed on ${lastAssessedAt} (${describeAge(assessmentAge)}), within ${plural(maxAge, 'day')}`
          : `Last assessed on ${lastAssessedAt} (${describeAge(assessmentAge)}): overdue`

  const certs = [...new Set(certifications)]
  const certDetail =
    certs.length === 0
      ? 'No recognised security certification'
      : `Certified: ${joinList(certs.map((c) => CERTIFICATION_LABELS[c]))}`

  return [
    {
      id: 'baseline',
      group: 'likelihood',
      label: 'Baseline',
      value: 1,
      weight: w.baseline,
      sign: 1,
      detail: 'Baseline likelihood that any third party with our data or access is compromised',
    },
    ...incidentFactors,
    {
      id: 'slow_notification',
      group: 'likelihood',
      label: 'Notification speed',
      value: 1 - Math.exp(-lateness),
      weight: w.slowNotification,
      sign: 1,
      detail: notificationDetail,
    },
    {
      id: 'missing_mfa',
      group: 'likelihood',
      label: 'MFA',
      value: mfa ? 0 : 1,
      weight: w.missingMfa,
      sign: 1,
      detail: mfa ? 'Enforces MFA' : 'Does not enforce MFA',
    },
    {
      id: 'missing_encryption',
      group: 'likelihood',
      label: 'Encryption at rest',
      value: encryptionAtRest ? 0 : 1,
      weight: w.missingEncryption,
      sign: 1,
      detail: encryptionAtRest ? 'Encrypts our data at rest' : 'Does not encrypt data at rest',
    },
    {
      id: 'stale_assessment',
      group: 'likelihood',
      label: 'Assessment freshness',
      value: staleness,
      weight: w.staleAssessment,
      sign: 1,
      detail: assessmentDetail,
    },
    {
      id: 'certifications',
      group: 'likelihood',
      label: 'Certifications',
      value: combine(certs.map((c) => CERTIFICATION_CREDIT[c])),
      weight: w.certifications,
      sign: -1,
      detail: certDetail,
    },
  ]
}

export function tierFor(score: number, cutoffs: ScoringWeights['tierCutoffs']): Tier {
  if (score >= cutoffs.critical) return 'critical'
  if (score >= cutoffs.high) return 'high'
  if (score >= cutoffs.medium) return 'medium'
  return 'low'
}

/** Index points of each factor on its group's 0–100 scale. */
function indexPoints(factors: readonly RawFactor[], scale: number): number[] {
  return factors.map((f) => (f.sign * f.value * f.weight * 100) / scale)
}

export function scoreVendor(vendor: ScorableVendor, options: ScoreOptions): VendorScore {
  const weights = options.weights ?? DEFAULT_WEIGHTS
  const { asOf } = options
  const exposureRaw = exposureFactors(vendor, weights.exposure)
  const likelihoodRaw = likelihoodFactors(vendor, weights, asOf)

  const exposureScale = Object.values(weights.exposure).reduce((a, b) => a + b, 0)
  const { certifications: _credit, ...raising } = weights.likelihood
  const likelihoodScale = Object.values(raising).reduce((a, b) => a + b, 0)

  const exposurePts = indexPoints(exposureRaw, exposureScale)
  const likelihoodPts = indexPoints(likelihoodRaw, likelihoodScale)
  const exposure = Math.min(
    100,
    Math.max(
      0,
      exposurePts.reduce((a, b) => a + b, 0),
    ),
  )
  const likelihood = Math.min(
    100,
    Math.max(
      0,
      likelihoodPts.reduce((a, b) => a + b, 0),
    ),
  )

  // Geometric mean: no exposure means no risk whatever the history, and both must be high for a high score.
  const score = Math.sqrt(exposure * likelihood)
  // Shapley split of √(E·L) from a zero baseline gives each group exactly half the score;
  // within a group each factor takes its share of that group's index.
  const half = score / 2
  const toScore = (pts: number[], total: number) => pts.map((p) => (total > 0 ? (half * p) / total : 0))

  const roundedScore = roundTenth(score)
  const raw = [...exposureRaw, ...likelihoodRaw]
  const points = apportionTenths(
    [...toScore(exposurePts, exposure), ...toScore(likelihoodPts, likelihood)],
    roundedScore,
  )
  const roundedExposure = roundTenth(exposure)
  const roundedLikelihood = roundTenth(likelihood)
  const groupPoints = [
    ...apportionTenths(exposurePts, roundedExposure),
    ...apportionTenths(likelihoodPts, roundedLikelihood),
  ]

  const factors: ScoreFactor[] = raw.map((f, i) => {
    const factor: ScoreFactor = {
      id: f.id,
      group: f.group,
      label: f.label,
      points: points[i]!,
      groupPoints: groupPoints[i]!,
      detail: f.detail,
      sentence: `${f.detail}: ${formatPoints(points[i]!)}`,
    }
    if (f.decay !== undefined) factor.decay = f.decay
    if (f.incidentId !== undefined) factor.incidentId = f.incidentId
    return factor
  })

  return {
    score: roundedScore,
    tier: tierFor(roundedScore, weights.tierCutoffs),
    exposure: roundedExposure,
    likelihood: roundedLikelihood,
    factors,
    modelVersion: MODEL_VERSION,
    asOf,
  }
}
