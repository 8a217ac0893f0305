/** The scoring engine's promises, checked on thousands of generated vendors (fast-check). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../dates'
import {
  CERTIFICATIONS,
  CRITICALITY_LEVELS,
  DATA_CLASSES,
  DATA_LOCATIONS,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  NETWORK_ACCESS_LEVELS,
  SEVERITIES,
  type Incident,
} from '../schemas/vendor'
import { DATA_CLASS_SENSITIVITY, DEFAULT_WEIGHTS, type ScoringWeights } from './model'
import { computeScore, scoreVendor, type ScorableVendor } from './score-vendor'

const asOf = '2026-11-26'
const runs = { numRuns: 300 }

const isoDateBefore = (maxDaysAgo: number) =>
  fc.integer({ min: 0, max: maxDaysAgo }).map((d) => addDays(asOf, -d))

const incidentArb: fc.Arbitrary<Incident> = fc.record(
  {
    id: fc.uuid(),
    occurredAt: isoDateBefore(3650),
    kind: fc.constantFrom(...INCIDENT_KINDS),
    severity: fc.constantFrom(...SEVERITIES),
    recordsExposed: fc.integer({ min: 0, max: 1e9 }),
    status: fc.constantFrom(...INCIDENT_STATUSES),
    notifiedAfterDays: fc.integer({ min: 0, max: 365 }),
    summary: fc.constant('generated'),
  },
  { requiredKeys: ['id', 'occurredAt', 'kind', 'severity', 'recordsExposed', 'status', 'summary'] },
)

const vendorArb: fc.Arbitrary<ScorableVendor> = fc.record({
  access: fc.record({
    dataClasses: fc.subarray([...DATA_CLASSES]),
    records: fc.integer({ min: 0, max: 2e9 }),
    dataLocation: fc.constantFrom(...DATA_LOCATIONS),
    networkAccess: fc.constantFrom(...NETWORK_ACCESS_LEVELS),
    criticality: fc.constantFrom(...CRITICALITY_LEVELS),
    fourthParties: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 12 }),
  }),
  controls: fc.record(
    {
      certifications: fc.subarray([...CERTIFICATIONS]),
      mfa: fc.boolean(),
      encryptionAtRest: fc.boolean(),
      lastAssessedAt: isoDateBefore(2000),
    },
    { requiredKeys: ['certifications', 'mfa', 'encryptionAtRest'] },
  ),
  incidents: fc.array(incidentArb, { maxLength: 6 }),
})

const weightArb = fc.integer({ min: 0, max: 60 })
const weightsArb: fc.Arbitrary<ScoringWeights> = fc
  .record({
    exposure: fc.record({
      dataSensitivity: fc.integer({ min: 1, max: 60 }),
      dataVolume: weightArb,
      dataLocation: weightArb,
      networkAccess: weightArb,
      criticality: weightArb,
      fourthParties: weightArb,
    }),
    likelihood: fc.record({
      baseline: fc.integer({ min: 1, max: 60 }),
      incidents: weightArb,
      slowNotification: weightArb,
      missingMfa: weightArb,
      missingEncryption: weightArb,
      staleAssessment: weightArb,
      certifications: weightArb,
    }),
    incidentHalfLifeDays: fc.integer({ min: 30, max: 3650 }),
    notificationGraceDays: fc.integer({ min: 0, max: 90 }),
    assessmentMaxAgeDays: fc.integer({ min: 30, max: 3650 }),
  })
  .map((w) => ({
    ...w,
    likelihood: {
      ...w.likelihood,
      certifications: Math.min(w.likelihood.certifications, w.likelihood.baseline),
    },
    tierCutoffs: DEFAULT_WEIGHTS.tierCutoffs,
  }))

const ORDER = {
  networkAccess: NETWORK_ACCESS_LEVELS,
  criticality: CRITICALITY_LEVELS,
  severity: SEVERITIES,
} as const

const scoreOf = (vendor: ScorableVendor, weights: ScoringWeights = DEFAULT_WEIGHTS) =>
  scoreVendor(vendor, { asOf, weights }).score

/** Asserts that `change` never lowers (direction 1) or never raises (direction −1) the score. */
function neverMoves(
  direction: 1 | -1,
  change: (vendor: ScorableVendor) => fc.Arbitrary<ScorableVendor> | ScorableVendor,
) {
  fc.assert(
    fc.property(
      vendorArb.chain((vendor) => {
        const changed = change(vendor)
        return fc.tuple(fc.constant(vendor), changed instanceof fc.Arbitrary ? changed : fc.constant(changed))
      }),
      weightsArb,
      ([before, after], weights) => {
        const delta = scoreOf(after, weights) - scoreOf(before, weights)
        expect(direction * delta).toBeGreaterThanOrEqual(0)
      },
    ),
    runs,
  )
}

const withAccess = (v: ScorableVendor, access: Partial<ScorableVendor['access']>): ScorableVendor => ({
  ...v,
  access: { ...v.access, ...access },
})
const withControls = (v: ScorableVendor, controls: Partial<ScorableVendor['controls']>): ScorableVendor => ({
  ...v,
  controls: { ...v.controls, ...controls },
})
const withIncident = (v: ScorableVendor, index: number, patch: Partial<Incident>): ScorableVendor => ({
  ...v,
  incidents: v.incidents.map((incident, i) => (i === index ? { ...incident, ...patch } : incident)),
})
/** Picks one of the vendor's incidents, or adds one first when it has none. */
const someIncident = (v: ScorableVendor) =>
  (v.incidents.length > 0 ? fc.constant(v) : incidentArb.map((i) => ({ ...v, incidents: [i] }))).chain(
    (base) => fc.tuple(fc.constant(base), fc.nat({ max: base.incidents.length - 1 })),
  )
const higher = <T extends string>(order: readonly T[], current: T) =>
  fc.constantFrom(...order.slice(order.indexOf(current)))

describe('scoring promises (property-based)', () => {
  it('factor points add up to the score, group points to exposure and likelihood, all within 0–100', () => {
    fc.assert(
      fc.property(vendorArb, weightsArb, (vendor, weights) => {
        const s = scoreVendor(vendor, { asOf, weights })
        const tenths = (xs: number[]) => xs.reduce((a, b) => a + Math.round(b * 10), 0)
        expect(tenths(s.factors.map((f) => f.points))).toBe(Math.round(s.score * 10))
        expect(tenths(s.factors.filter((f) => f.group === 'exposure').map((f) => f.groupPoints))).toBe(
          Math.round(s.exposure * 10),
        )
        expect(tenths(s.factors.filter((f) => f.group === 'likelihood').map((f) => f.groupPoints))).toBe(
          Math.round(s.likelihood * 10),
        )
        for (const x of [s.score, s.exposure, s.likelihood]) {
          expect(x).toBeGreaterThanOrEqual(0)
          expect(x).toBeLessThanOrEqual(100)
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('computeScore gives exactly the numbers of scoreVendor, without the explanation', () => {
    fc.assert(
      fc.property(vendorArb, weightsArb, (vendor, weights) => {
        const { factors: _factors, ...numbers } = scoreVendor(vendor, { asOf, weights })
        expect(computeScore(vendor, { asOf, weights })).toEqual(numbers)
      }),
      { numRuns: 1000 },
    )
  })

  it('is deterministic: the same input gives a deep-equal result', () => {
    fc.assert(
      fc.property(vendorArb, (vendor) => {
        expect(scoreVendor(structuredClone(vendor), { asOf })).toEqual(scoreVendor(vendor, { asOf }))
      }),
      runs,
    )
  })

  it('more records never lower the score', () =>
    neverMoves(1, (v) =>
      fc.integer({ min: 0, max: 1e9 }).map((n) => withAccess(v, { records: v.access.records + n })),
    ))

  it('touching one more data class never lowers the score', () =>
    neverMoves(1, (v) =>
      fc
        .constantFrom(...DATA_CLASSES)
        .map((c) => withAccess(v, { dataClasses: [...new Set([...v.access.dataClasses, c])] })),
    ))

  it('a more sensitive data class in place of a less sensitive one never lowers the score', () =>
    neverMoves(1, (v) => {
      const present = v.access.dataClasses
      const swaps = present.flatMap((from) =>
        DATA_CLASSES.filter(
          (to) => !present.includes(to) && DATA_CLASS_SENSITIVITY[to] >= DATA_CLASS_SENSITIVITY[from],
        ).map((to) => [from, to] as const),
      )
      if (swaps.length === 0) return v
      return fc
        .constantFrom(...swaps)
        .map(([from, to]) => withAccess(v, { dataClasses: present.map((c) => (c === from ? to : c)) }))
    }))

  it('wider network access never lowers the score', () =>
    neverMoves(1, (v) =>
      higher(ORDER.networkAccess, v.access.networkAccess).map((n) => withAccess(v, { networkAccess: n })),
    ))

  it('higher business criticality never lowers the score', () =>
    neverMoves(1, (v) =>
      higher(ORDER.criticality, v.access.criticality).map((c) => withAccess(v, { criticality: c })),
    ))

  it("data in the vendor's environment instead of ours never lowers the score", () =>
    neverMoves(1, (v) =>
      v.access.dataLocation === 'our_environment' ? withAccess(v, { dataLocation: 'vendor_environment' }) : v,
    ))

  it('more sub-processors never lower the score', () =>
    neverMoves(1, (v) =>
      withAccess(v, { fourthParties: [...v.access.fourthParties, '__another_sub_processor__'] }),
    ))

  it('a newer incident never lowers the score', () =>
    fc.assert(
      fc.property(
        vendorArb.chain(someIncident).chain(([v, i]) =>
          fc.integer({ min: 0, max: 3650 }).map((days) => {
            const moved = addDays(v.incidents[i]!.occurredAt, days)
            return [v, withIncident(v, i, { occurredAt: moved > asOf ? asOf : moved })] as const
          }),
        ),
        weightsArb,
        ([before, after], weights) => {
          expect(scoreOf(after, weights)).toBeGreaterThanOrEqual(scoreOf(before, weights))
        },
      ),
      runs,
    ))

  it('a more severe incident never lowers the score', () =>
    fc.assert(
      fc.property(
        vendorArb
          .chain(someIncident)
          .chain(([v, i]) =>
            higher(ORDER.severity, v.incidents[i]!.severity).map(
              (severity) => [v, withIncident(v, i, { severity })] as const,
            ),
          ),
        weightsArb,
        ([before, after], weights) => {
          expect(scoreOf(after, weights)).toBeGreaterThanOrEqual(scoreOf(before, weights))
        },
      ),
      runs,
    ))

  it('an incident still open never scores lower than the same incident contained or resolved', () =>
    fc.assert(
      fc.property(
        vendorArb.chain(someIncident),
        fc.constantFrom('contained', 'resolved' as const),
        weightsArb,
        ([v, i], closed, weights) => {
          expect(scoreOf(withIncident(v, i, { status: 'open' }), weights)).toBeGreaterThanOrEqual(
            scoreOf(withIncident(v, i, { status: closed }), weights),
          )
        },
      ),
      runs,
    ))

  it('one more incident never lowers the score', () =>
    neverMoves(1, (v) => incidentArb.map((i) => ({ ...v, incidents: [...v.incidents, i] }))))

  it('enforcing MFA or encryption at rest never raises the score', () => {
    neverMoves(-1, (v) => withControls(v, { mfa: true }))
    neverMoves(-1, (v) => withControls(v, { encryptionAtRest: true }))
  })

  it('one more certification never raises the score', () =>
    neverMoves(-1, (v) =>
      fc
        .constantFrom(...CERTIFICATIONS)
        .map((c) => withControls(v, { certifications: [...new Set([...v.controls.certifications, c])] })),
    ))

  it('a fresher assessment never raises the score', () =>
    neverMoves(-1, (v) =>
      isoDateBefore(2000).map((date) => {
        const current = v.controls.lastAssessedAt
        return withControls(v, { lastAssessedAt: current === undefined || date > current ? date : current })
      }),
    ))
})
