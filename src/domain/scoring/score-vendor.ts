/**
 * The vendor risk score, explained: exposure (what the vendor can reach) and likelihood (how likely it is to fail
 * us), combined as √(exposure × likelihood), with every factor's points and a sentence. Pure and deterministic:
 * the same vendor, weights and `asOf` give the same result. docs/scoring.md documents the method.
 */
import { describeAge } from '../dates'
import { formatCompact, formatPoints, joinList, plural } from '../format'
import { CERTIFICATION_LABELS, DATA_CLASS_LABELS, INCIDENT_KIND_LABELS, SEVERITY_LABELS } from '../labels'
import type { DataClass } from '../schemas/vendor'
import { apportionTenths } from './apportion'
import {
  measureVendor,
  roundTenth,
  tierFor,
  type Measurement,
  type ScorableVendor,
  type ScoreNumbers,
  type ScoreOptions,
  type WeighedIncident,
} from './measure-vendor'
import { DATA_CLASS_SENSITIVITY, DEFAULT_WEIGHTS, MODEL_VERSION, type ScoringWeights } from './model'

export { computeScore, tierFor, weighIncident } from './measure-vendor'
export type { ScorableVendor, ScoreNumbers, ScoreOptions, WeighedIncident } from './measure-vendor'

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
  /** What the factor found, without the points: "Does not enforce MFA". */
  detail: string
  /** `detail` with the points: "Does not enforce MFA: +4.2". */
  sentence: string
  /** For incident factors: the share of its original weight that still counts after decay, 0–1. */
  decay?: number
  incidentId?: string
}

export interface VendorScore extends ScoreNumbers {
  factors: ScoreFactor[]
}

interface FactorText {
  id: string
  label: string
  detail: string
  incident?: WeighedIncident
}

const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function classesBySensitivity(classes: readonly DataClass[]): DataClass[] {
  return [...new Set(classes)].sort(
    (a, b) => DATA_CLASS_SENSITIVITY[b] - DATA_CLASS_SENSITIVITY[a] || compareCodeUnits(a, b),
  )
}

function exposureTexts(vendor: ScorableVendor, m: Measurement): FactorText[] {
  const { dataClasses, records, dataLocation, networkAccess, criticality, fourthParties } = vendor.access
  const sorted = classesBySensitivity(dataClasses)
  const sensitive = sorted.filter((c) => DATA_CLASS_SENSITIVITY[c] > 0)
  const dataWords =
    sensitive.length === 0 ? 'non-sensitive' : joinList(sensitive.map((c) => DATA_CLASS_LABELS[c]))
  const recordWords = records > 0 ? `${formatCompact(records)} ${dataWords} records` : `${dataWords} data`

  const sensitivityDetail =
    dataClasses.length === 0
      ? 'Touches none of our data'
      : m.sensitivity === 0
        ? 'Touches only public data'
        : `Touches ${joinList(sorted.map((c) => DATA_CLASS_LABELS[c]))} data` +
          (sorted.length > 1 ? ` (most sensitive: ${DATA_CLASS_LABELS[sorted[0]!]})` : '')

  const volumeDetail =
    records === 0
      ? 'Stores or processes none of our records'
      : m.sensitivity === 0
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

  const parties = [...new Set(fourthParties)]
  const named = parties.slice(0, 3)
  const more = parties.length - named.length
  const fourthDetail =
    parties.length === 0
      ? 'Declares no sub-processors'
      : `Relies on ${plural(parties.length, 'sub-processor')} (${joinList(more > 0 ? [...named, `${more} more`] : named)})` +
        (m.sensitivity > 0 ? ' that can reach our data' : '')

  return [
    { id: 'data_sensitivity', label: 'Data sensitivity', detail: sensitivityDetail },
    { id: 'data_volume', label: 'Records held', detail: volumeDetail },
    { id: 'data_location', label: 'Data location', detail: locationDetail },
    { id: 'network_access', label: 'Network access', detail: networkDetail },
    { id: 'criticality', label: 'Business criticality', detail: criticalityDetail },
    { id: 'fourth_parties', label: 'Fourth parties', detail: fourthDetail },
  ]
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

function likelihoodTexts(
  vendor: ScorableVendor,
  m: Measurement,
  weights: ScoringWeights,
  asOf: string,
): FactorText[] {
  const grace = weights.notificationGraceDays
  const unrecorded =
    m.unrecordedNotice > 0 ? `; ${plural(m.unrecordedNotice, 'incident')} without a notification record` : ''
  const notificationDetail =
    m.incidents.length === 0
      ? 'No incidents, so no notification record'
      : m.late === 0
        ? `Told us of every recorded incident within ${plural(grace, 'day')}${unrecorded}`
        : `Told us of ${plural(m.late, 'incident')} late (slowest: ${plural(m.slowestNotice, 'day')}; we expect ${plural(grace, 'day')})${unrecorded}`

  const { mfa, encryptionAtRest, lastAssessedAt, certifications } = vendor.controls
  const maxAge = weights.assessmentMaxAgeDays
  const assessmentDetail =
    m.assessmentAge === null
      ? 'Never assessed'
      : m.assessmentAge < 0
        ? `Assessment dated ${lastAssessedAt}, after ${asOf}; treated as current`
        : m.staleness === 0
          ? `Assessed on ${lastAssessedAt} (${describeAge(m.assessmentAge)}), within ${plural(maxAge, 'day')}`
          : `Last assessed on ${lastAssessedAt} (${describeAge(m.assessmentAge)}): overdue`

  const certs = [...new Set(certifications)]
  return [
    {
      id: 'baseline',
      label: 'Baseline',
      detail: 'Baseline likelihood that any third party with our data or access is compromised',
    },
    ...m.incidents.map((x) => ({
      id: `incident:${x.incident.id}`,
      label: `Incident: ${INCIDENT_KIND_LABELS[x.incident.kind]}`,
      detail: describeIncident(x),
      incident: x,
    })),
    { id: 'slow_notification', label: 'Notification speed', detail: notificationDetail },
    { id: 'missing_mfa', label: 'MFA', detail: mfa ? 'Enforces MFA' : 'Does not enforce MFA' },
    {
      id: 'missing_encryption',
      label: 'Encryption at rest',
      detail: encryptionAtRest ? 'Encrypts our data at rest' : 'Does not encrypt data at rest',
    },
    { id: 'stale_assessment', label: 'Assessment freshness', detail: assessmentDetail },
    {
      id: 'certifications',
      label: 'Certifications',
      detail:
        certs.length === 0
          ? 'No recognised security certification'
          : `Certified: ${joinList(certs.map((c) => CERTIFICATION_LABELS[c]))}`,
    },
  ]
}

export function scoreVendor(vendor: ScorableVendor, options: ScoreOptions): VendorScore {
  const weights = options.weights ?? DEFAULT_WEIGHTS
  const { asOf } = options
  const m = measureVendor(vendor, weights, asOf)

  // Shapley split of √(E·L) from a zero baseline gives each group exactly half the score;
  // within a group each factor takes its share of that group's index.
  const half = m.score / 2
  const toScore = (pts: number[], total: number) => pts.map((p) => (total > 0 ? (half * p) / total : 0))
  const score = roundTenth(m.score)
  const exposure = roundTenth(m.exposure)
  const likelihood = roundTenth(m.likelihood)
  const points = apportionTenths(
    [...toScore(m.exposurePoints, m.exposure), ...toScore(m.likelihoodPoints, m.likelihood)],
    score,
  )
  const groupPoints = [
    ...apportionTenths(m.exposurePoints, exposure),
    ...apportionTenths(m.likelihoodPoints, likelihood),
  ]
  const texts = [...exposureTexts(vendor, m), ...likelihoodTexts(vendor, m, weights, asOf)]
  const exposureCount = m.exposurePoints.length

  const factors = texts.map((t, i): ScoreFactor => {
    const factor: ScoreFactor = {
      id: t.id,
      group: i < exposureCount ? 'exposure' : 'likelihood',
      label: t.label,
      points: points[i]!,
      groupPoints: groupPoints[i]!,
      detail: t.detail,
      sentence: `${t.detail}: ${formatPoints(points[i]!)}`,
    }
    if (t.incident) {
      factor.decay = t.incident.decay
      factor.incidentId = t.incident.incident.id
    }
    return factor
  })

  return {
    score,
    tier: tierFor(score, weights.tierCutoffs),
    exposure,
    likelihood,
    factors,
    modelVersion: MODEL_VERSION,
    asOf,
  }
}
