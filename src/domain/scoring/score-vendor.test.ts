import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createIncident, createVendor, type VendorOverrides } from '../../../mocks/data'
import {
  CERTIFICATION_CREDIT,
  CRITICALITY_FACTOR,
  DATA_CLASS_SENSITIVITY,
  DATA_LOCATION_FACTOR,
  DEFAULT_WEIGHTS,
  INCIDENT_KIND_FACTOR,
  INCIDENT_SATURATION,
  INCIDENT_STATUS_FACTOR,
  MODEL_VERSION,
  NETWORK_ACCESS_FACTOR,
  SEVERITY_FACTOR,
  ScoringWeights,
} from './model'
import { scoreVendor, type VendorScore } from './score-vendor'

const asOf = '2026-11-26'

/** A vendor that reaches as little as possible and controls everything, so one field at a time can be varied. */
function quiet(overrides: VendorOverrides = {}) {
  return createVendor({
    ...overrides,
    access: {
      dataClasses: ['pii'],
      records: 0,
      dataLocation: 'none',
      networkAccess: 'none',
      criticality: 'low',
      fourthParties: [],
      ...overrides.access,
    },
    controls: {
      certifications: [],
      mfa: true,
      encryptionAtRest: true,
      lastAssessedAt: '2026-06-01',
      ...overrides.controls,
    },
  })
}

const factor = (score: VendorScore, id: string) => {
  const found = score.factors.find((f) => f.id === id)
  if (!found) throw new Error(`no factor ${id} in ${score.factors.map((f) => f.id).join(', ')}`)
  return found
}
const score = (overrides: VendorOverrides = {}) => scoreVendor(quiet(overrides), { asOf })
const groupPts = (overrides: VendorOverrides, id: string) => factor(score(overrides), id).groupPoints

describe('exposure factors', () => {
  it('data sensitivity: none, public, PII and credentials map onto the weight by their sensitivity', () => {
    expect(groupPts({ access: { dataClasses: [] } }, 'data_sensitivity')).toBe(0)
    expect(groupPts({ access: { dataClasses: ['public'] } }, 'data_sensitivity')).toBe(0)
    expect(groupPts({ access: { dataClasses: ['pii'] } }, 'data_sensitivity')).toBeCloseTo(25 * 0.7, 1)
    expect(groupPts({ access: { dataClasses: ['credentials'] } }, 'data_sensitivity')).toBeCloseTo(
      25 * 0.9,
      1,
    )
    // Several classes combine as 1 − Π(1 − s): PII and payment together exceed either alone.
    const both = 1 - (1 - DATA_CLASS_SENSITIVITY.pii) * (1 - DATA_CLASS_SENSITIVITY.payment)
    expect(groupPts({ access: { dataClasses: ['pii', 'payment'] } }, 'data_sensitivity')).toBeCloseTo(
      25 * both,
      1,
    )
  })

  it('records: log-scaled, full at 100 million, and weighted by how sensitive the data is', () => {
    expect(groupPts({ access: { records: 0 } }, 'data_volume')).toBe(0)
    expect(groupPts({ access: { records: 99_999_999 } }, 'data_volume')).toBeCloseTo(20 * 0.7, 1)
    expect(groupPts({ access: { records: 9_999 } }, 'data_volume')).toBeCloseTo(20 * 0.5 * 0.7, 1)
    expect(groupPts({ access: { records: 99_999_999, dataClasses: ['public'] } }, 'data_volume')).toBe(0)
  })

  it("data location: the vendor's own environment weighs three times our environment", () => {
    const where = (dataLocation: 'none' | 'our_environment' | 'vendor_environment' | 'both') =>
      groupPts({ access: { dataLocation, dataClasses: ['credentials'] } }, 'data_location')
    expect(where('none')).toBe(0)
    expect(where('our_environment')).toBeCloseTo(20 * DATA_LOCATION_FACTOR.our_environment * 0.9, 1)
    expect(where('vendor_environment')).toBeCloseTo(20 * DATA_LOCATION_FACTOR.vendor_environment * 0.9, 1)
    expect(where('both')).toBeCloseTo(20 * 0.9, 1)
  })

  it('network access and criticality take their table value times their weight', () => {
    for (const level of ['none', 'api', 'remote', 'privileged'] as const) {
      expect(groupPts({ access: { networkAccess: level } }, 'network_access')).toBeCloseTo(
        20 * NETWORK_ACCESS_FACTOR[level],
        1,
      )
    }
    for (const level of ['low', 'medium', 'high', 'critical'] as const) {
      expect(groupPts({ access: { criticality: level } }, 'criticality')).toBeCloseTo(
        10 * CRITICALITY_FACTOR[level],
        1,
      )
    }
  })

  it('fourth parties: reach saturates with the number of sub-processors and needs sensitive data', () => {
    const parties = (n: number, dataClasses: ('pii' | 'public')[] = ['pii']) =>
      groupPts(
        { access: { fourthParties: Array.from({ length: n }, (_, i) => `Sub ${i}`), dataClasses } },
        'fourth_parties',
      )
    expect(parties(0)).toBe(0)
    expect(parties(3)).toBeCloseTo(5 * (1 - Math.exp(-1)) * 0.7, 1)
    expect(parties(30)).toBeGreaterThan(parties(3))
    expect(parties(30)).toBeLessThanOrEqual(5 * 0.7)
    expect(parties(5, ['public'])).toBe(0)
  })
})

describe('likelihood factors', () => {
  it('a vendor with every control and no incident has only the baseline', () => {
    const s = score()
    expect(factor(s, 'baseline').groupPoints).toBe(20)
    expect(s.likelihood).toBe(20)
  })

  it('each missing control adds its weight: MFA 10, encryption 7, never assessed 8', () => {
    expect(groupPts({ controls: { mfa: false } }, 'missing_mfa')).toBe(10)
    expect(groupPts({ controls: { encryptionAtRest: false } }, 'missing_encryption')).toBe(7)
    expect(groupPts({ controls: { lastAssessedAt: undefined } }, 'stale_assessment')).toBe(8)
  })

  it('an assessment starts to count after a year and counts in full after two', () => {
    expect(groupPts({ controls: { lastAssessedAt: '2025-11-27' } }, 'stale_assessment')).toBe(0)
    expect(groupPts({ controls: { lastAssessedAt: '2025-05-27' } }, 'stale_assessment')).toBeCloseTo(
      8 * (183 / 365),
      1,
    )
    expect(groupPts({ controls: { lastAssessedAt: '2020-01-01' } }, 'stale_assessment')).toBe(8)
  })

  it('certifications lower likelihood, combining as 1 − Π(1 − credit)', () => {
    expect(groupPts({ controls: { certifications: [] } }, 'certifications')).toBe(0)
    expect(groupPts({ controls: { certifications: ['soc2_type2'] } }, 'certifications')).toBe(-5)
    const both = 1 - (1 - CERTIFICATION_CREDIT.soc2_type2) * (1 - CERTIFICATION_CREDIT.iso27001)
    expect(
      groupPts({ controls: { certifications: ['soc2_type2', 'iso27001'] } }, 'certifications'),
    ).toBeCloseTo(-10 * both, 1)
  })

  it('one incident takes the saturated share of the incident weight: severity × kind × records × status', () => {
    const incident = createIncident({
      occurredAt: asOf,
      kind: 'breach',
      severity: 'critical',
      recordsExposed: 0,
      status: 'open',
    })
    const s = score({ incidents: [incident] })
    const weight = SEVERITY_FACTOR.critical * INCIDENT_KIND_FACTOR.breach * INCIDENT_STATUS_FACTOR.open
    expect(factor(s, `incident:${incident.id}`).groupPoints).toBeCloseTo(
      50 * (1 - Math.exp(-weight / INCIDENT_SATURATION)),
      1,
    )
  })

  it('a closed incident loses half its weight per half-life; an open one keeps all of it', () => {
    const at = (status: 'open' | 'resolved', occurredAt: string) => {
      const incident = createIncident({ occurredAt, status, severity: 'critical', recordsExposed: 0 })
      return factor(score({ incidents: [incident] }), `incident:${incident.id}`)
    }
    expect(at('resolved', '2025-11-26').decay).toBeCloseTo(0.5, 5)
    expect(at('resolved', '2024-11-26').decay).toBeCloseTo(0.25, 2)
    expect(at('open', '2020-11-26').decay).toBe(1)
    expect(at('open', '2020-11-26').groupPoints).toBe(at('open', asOf).groupPoints)
  })

  it('ignores incidents that happen after the as-of date: a score as of a past day is what we knew then', () => {
    const later = createIncident({ occurredAt: '2026-12-01', severity: 'critical', status: 'open' })
    const s = score({ incidents: [later] })
    expect(s.factors.some((f) => f.id === `incident:${later.id}`)).toBe(false)
    expect(s).toEqual(score())
  })

  it('slow notification counts against the vendor beyond the grace period', () => {
    const told = (notifiedAfterDays: number) =>
      groupPts(
        { incidents: [createIncident({ occurredAt: '2026-11-01', notifiedAfterDays })] },
        'slow_notification',
      )
    expect(told(3)).toBe(0)
    expect(told(10)).toBeGreaterThan(0)
    expect(told(60)).toBeGreaterThan(told(10))
    expect(told(60)).toBeLessThanOrEqual(5)
  })
})

describe('the score', () => {
  const terribleHistory = Array.from({ length: 5 }, () =>
    createIncident({
      occurredAt: '2026-11-01',
      kind: 'ransomware',
      severity: 'critical',
      status: 'open',
      recordsExposed: 1e8,
      notifiedAfterDays: 90,
    }),
  )

  it('stays low for a vendor with no access to anything, whatever its history', () => {
    const s = score({
      access: {
        dataClasses: [],
        records: 0,
        dataLocation: 'none',
        networkAccess: 'none',
        criticality: 'low',
      },
      controls: { mfa: false, encryptionAtRest: false, lastAssessedAt: undefined },
      incidents: terribleHistory,
    })
    expect(s.likelihood).toBeGreaterThan(95)
    expect(s.tier).toBe('low')
    expect(s.score).toBeLessThan(15)
  })

  it('is critical and near the top for deep access with a recent severe incident', () => {
    const s = score({
      access: {
        dataClasses: ['pii', 'payment', 'credentials'],
        records: 20_000_000,
        dataLocation: 'vendor_environment',
        networkAccess: 'privileged',
        criticality: 'critical',
        fourthParties: ['AWS', 'Twilio', 'Zendesk'],
      },
      controls: { certifications: ['soc2_type2'] },
      incidents: [
        createIncident({
          occurredAt: '2026-10-01',
          severity: 'critical',
          status: 'open',
          recordsExposed: 2_000_000,
        }),
      ],
    })
    expect(s.tier).toBe('critical')
    expect(s.score).toBeGreaterThan(75)
  })

  it('is the geometric mean of exposure and likelihood, and its factors add up to it', () => {
    const s = score({
      access: { records: 5000, dataLocation: 'vendor_environment' },
      controls: { mfa: false },
    })
    expect(s.score).toBeCloseTo(Math.sqrt(s.exposure * s.likelihood), 0)
    expect(s.factors.reduce((sum, f) => sum + Math.round(f.points * 10), 0)).toBe(Math.round(s.score * 10))
  })

  it('explains the Maxis pattern in plain words', () => {
    const s = score({
      access: { dataClasses: ['pii'], records: 2_100_000, dataLocation: 'vendor_environment' },
    })
    expect(factor(s, 'data_location').sentence).toMatch(
      /^Holds 2\.1M PII records in its own environment, outside our network and monitoring: \+\d+\.\d$/,
    )
  })

  it('puts the points in each sentence, with a real minus sign for factors that lower the score', () => {
    const s = score({ controls: { certifications: ['iso27001'] }, access: { records: 1000 } })
    const cert = factor(s, 'certifications')
    expect(cert.points).toBeLessThan(0)
    expect(cert.sentence).toBe(`Certified: ISO 27001: \u2212${Math.abs(cert.points).toFixed(1)}`)
  })

  it('is reproducible: the same vendor and as-of date give the same result whatever the clock says', () => {
    const vendor = quiet({
      incidents: [createIncident({ occurredAt: '2025-01-01' })],
      controls: { lastAssessedAt: '2024-01-01' },
    })
    const first = scoreVendor(vendor, { asOf })
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2031-01-01T00:00:00Z'))
    const second = scoreVendor(structuredClone(vendor), { asOf })
    expect(second).toEqual(first)
    expect(first.modelVersion).toBe(MODEL_VERSION)
  })

  it('tiers by the configured cut-offs', () => {
    const vendor = quiet({
      access: { records: 10_000, dataLocation: 'vendor_environment', networkAccess: 'remote' },
    })
    const s = scoreVendor(vendor, { asOf })
    const raised = scoreVendor(vendor, {
      asOf,
      weights: { ...DEFAULT_WEIGHTS, tierCutoffs: { critical: s.score, high: s.score - 1, medium: 1 } },
    })
    expect(raised.tier).toBe('critical')
    expect(raised.score).toBe(s.score)
  })

  afterEach(() => vi.useRealTimers())
})

describe('scoring weights', () => {
  it('accepts the defaults', () => {
    expect(ScoringWeights.parse(DEFAULT_WEIGHTS)).toEqual(DEFAULT_WEIGHTS)
  })

  it('refuses a certification credit above the baseline, with the field path', () => {
    const result = ScoringWeights.safeParse({
      ...DEFAULT_WEIGHTS,
      likelihood: { ...DEFAULT_WEIGHTS.likelihood, certifications: 30 },
    })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['likelihood', 'certifications'])
  })

  it('refuses tier cut-offs that do not rise and negative weights', () => {
    expect(
      ScoringWeights.safeParse({ ...DEFAULT_WEIGHTS, tierCutoffs: { critical: 50, high: 60, medium: 30 } })
        .success,
    ).toBe(false)
    expect(
      ScoringWeights.safeParse({
        ...DEFAULT_WEIGHTS,
        exposure: { ...DEFAULT_WEIGHTS.exposure, criticality: -1 },
      }).success,
    ).toBe(false)
  })

  it('bumps the model version whenever the defaults or the tables change', async () => {
    const model = await import('./model')
    const { ScoringWeights: _schema, MODEL_VERSION: _version, ...numbers } = model
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(Object.entries(numbers).sort(([a], [b]) => a.localeCompare(b))))
      .digest('hex')
      .slice(0, 16)
    // If this fails you changed the model: bump MODEL_VERSION, then record the new pair here and in docs/scoring.md.
    expect({ version: MODEL_VERSION, fingerprint }).toEqual({
      version: '1.0.0',
      fingerprint: 'a754d1b751937af9',
    })
  })
})
