/**
 * The scoring model's tunable weights, their defaults and the fixed tables behind them.
 * docs/scoring.md explains every number here; change a default only together with MODEL_VERSION.
 */
import { z } from 'zod'
import type {
  Certification,
  Criticality,
  DataClass,
  DataLocation,
  IncidentKind,
  IncidentStatus,
  NetworkAccess,
  Severity,
} from '../schemas/vendor'

/** Bumped whenever DEFAULT_WEIGHTS or a table below changes; a test pins it to a fingerprint of both. */
export const MODEL_VERSION = '1.0.0'

export const TIERS = ['critical', 'high', 'medium', 'low'] as const
export type Tier = (typeof TIERS)[number]

const weight = z.number().finite().min(0, 'A weight cannot be negative').max(1000)

export const ScoringWeights = z
  .strictObject({
    exposure: z.strictObject({
      dataSensitivity: weight,
      dataVolume: weight,
      dataLocation: weight,
      networkAccess: weight,
      criticality: weight,
      fourthParties: weight,
    }),
    likelihood: z.strictObject({
      baseline: weight,
      incidents: weight,
      slowNotification: weight,
      missingMfa: weight,
      missingEncryption: weight,
      staleAssessment: weight,
      certifications: weight,
    }),
    /** An incident no longer open loses half its weight every this many days. */
    incidentHalfLifeDays: z.number().int().min(30).max(3650),
    /** How many days a vendor may take to tell us of an incident before it counts against them. */
    notificationGraceDays: z.number().int().min(0).max(90),
    /** An assessment older than this starts to raise likelihood; at twice this age it counts in full. */
    assessmentMaxAgeDays: z.number().int().min(30).max(3650),
    tierCutoffs: z.strictObject({
      critical: z.number().min(0).max(100),
      high: z.number().min(0).max(100),
      medium: z.number().min(0).max(100),
    }),
  })
  .superRefine((w, ctx) => {
    const exposureTotal = Object.values(w.exposure).reduce((a, b) => a + b, 0)
    if (exposureTotal <= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['exposure'],
        message: 'At least one exposure weight must be above 0',
      })
    }
    const { certifications, ...raising } = w.likelihood
    if (Object.values(raising).reduce((a, b) => a + b, 0) <= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['likelihood'],
        message: 'At least one likelihood weight must be above 0',
      })
    }
    if (certifications > w.likelihood.baseline) {
      ctx.addIssue({
        code: 'custom',
        path: ['likelihood', 'certifications'],
        message: 'The certification credit cannot exceed the baseline, or likelihood could fall below zero',
      })
    }
    const { critical, high, medium } = w.tierCutoffs
    if (!(critical > high && high > medium && medium > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['tierCutoffs'],
        message: 'Tier cut-offs must rise strictly: 0 < medium < high < critical',
      })
    }
  })
export type ScoringWeights = z.infer<typeof ScoringWeights>

export const DEFAULT_WEIGHTS: ScoringWeights = {
  exposure: {
    dataSensitivity: 25,
    dataVolume: 20,
    dataLocation: 20,
    networkAccess: 20,
    criticality: 10,
    fourthParties: 5,
  },
  likelihood: {
    baseline: 20,
    incidents: 50,
    slowNotification: 5,
    missingMfa: 10,
    missingEncryption: 7,
    staleAssessment: 8,
    certifications: 10,
  },
  incidentHalfLifeDays: 365,
  notificationGraceDays: 3,
  assessmentMaxAgeDays: 365,
  tierCutoffs: { critical: 65, high: 45, medium: 25 },
}

/** How much harm a leak of one class does, 0–1. Several classes combine as 1 − Π(1 − s). */
export const DATA_CLASS_SENSITIVITY: Readonly<Record<DataClass, number>> = {
  public: 0,
  internal: 0.15,
  confidential: 0.4,
  source_code: 0.55,
  pii: 0.7,
  payment: 0.85,
  health: 0.85,
  credentials: 0.9,
}

/** Our data in the vendor's environment weighs most: we can neither see nor defend it there. */
export const DATA_LOCATION_FACTOR: Readonly<Record<DataLocation, number>> = {
  none: 0,
  our_environment: 0.3,
  vendor_environment: 0.9,
  both: 1,
}

export const NETWORK_ACCESS_FACTOR: Readonly<Record<NetworkAccess, number>> = {
  none: 0,
  api: 0.35,
  remote: 0.75,
  privileged: 1,
}

export const CRITICALITY_FACTOR: Readonly<Record<Criticality, number>> = {
  low: 0.1,
  medium: 0.4,
  high: 0.7,
  critical: 1,
}

export const SEVERITY_FACTOR: Readonly<Record<Severity, number>> = {
  low: 0.15,
  medium: 0.4,
  high: 0.7,
  critical: 1,
}

export const INCIDENT_KIND_FACTOR: Readonly<Record<IncidentKind, number>> = {
  breach: 1,
  ransomware: 1,
  claimed_leak: 0.7,
  vulnerability: 0.45,
  outage: 0.3,
}

/** Resolved incidents were remediated; contained ones were only stopped. Open ones never decay. */
export const INCIDENT_STATUS_FACTOR: Readonly<Record<IncidentStatus, number>> = {
  open: 1,
  contained: 1,
  resolved: 0.85,
}

/** Credit for an independent attestation, 0–1. Several combine as 1 − Π(1 − c). */
export const CERTIFICATION_CREDIT: Readonly<Record<Certification, number>> = {
  soc2_type2: 0.5,
  iso27001: 0.4,
  pci_dss: 0.25,
  hitrust: 0.25,
}

/** Records, exposed or held, reach the top of their log scale at 10^8. */
export const RECORDS_LOG_CEILING = 8
/** Sub-processor reach saturates as 1 − e^(−n / this). */
export const FOURTH_PARTY_SCALE = 3
/** The incident index saturates as 1 − e^(−Σ weight / this): about one recent critical breach reaches 85 %. */
export const INCIDENT_SATURATION = 0.6
/** Days late at which one incident's notification penalty is full. */
export const NOTIFICATION_FULL_PENALTY_DAYS = 30

export const REVIEW_CADENCE_DAYS: Readonly<Record<Tier, number>> = {
  critical: 90,
  high: 180,
  medium: 365,
  low: 730,
}
