import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createIncident, createVendor } from '../../mocks/data'
import { csvLine } from './csv'
import { REGISTER_COLUMNS, REGISTER_HEADERS, registerCells, registerRow, topFactorText } from './register'
import { scoreVendor } from './scoring/score-vendor'

const asOf = '2026-11-26'

describe('registerRow', () => {
  const vendor = createVendor({
    name: 'Nusantara Customer Data',
    access: {
      dataClasses: ['pii', 'internal'],
      records: 12_400_000,
      dataLocation: 'vendor_environment',
      fourthParties: ['Amazon Web Services', 'Twilio'],
    },
    controls: { certifications: ['iso27001'], mfa: false, lastAssessedAt: '2024-09-15' },
    incidents: [
      createIncident({ occurredAt: '2026-10-28', kind: 'claimed_leak', severity: 'high', status: 'open' }),
      createIncident({ occurredAt: '2026-11-01', status: 'open' }),
      // Not yet known on the as-of day: it counts nowhere.
      createIncident({ occurredAt: '2026-12-01', status: 'open' }),
    ],
  })

  it('carries the score, the tier and the three factors adding most, largest first', () => {
    const score = scoreVendor(vendor, { asOf: '2026-11-26' })
    const row = registerRow(vendor, score, asOf)
    expect(row).toMatchObject({ score: score.score, tier: score.tier, exposure: score.exposure })
    const top = topFactorText(score.factors)
    expect(top).toHaveLength(3)
    expect(top.map((f) => f.points)).toEqual([...top.map((f) => f.points)].sort((a, b) => b - a))
    expect(row.topFactors).toBe(top.map((f) => `${f.label} +${f.points.toFixed(1)}`).join('; '))
  })

  it('states the scope, controls, open incidents and review dates as of the day', () => {
    const row = registerRow(vendor, scoreVendor(vendor, { asOf }), asOf, { until: '2026-12-31' })
    expect(row).toMatchObject({
      dataClasses: 'pii; internal',
      records: 12_400_000,
      dataLocation: 'vendor_environment',
      outsidePerimeter: true,
      fourthParties: 'Amazon Web Services; Twilio',
      certifications: 'iso27001',
      mfa: false,
      openIncidents: 2,
      lastIncidentAt: '2026-11-01',
      lastAssessedAt: '2024-09-15',
      reviewOverdue: true,
      riskAcceptedUntil: '2026-12-31',
    })
    expect(row.nextReviewDue).not.toBeNull()
  })

  it('has one cell per column, in the headers’ order', () => {
    const row = registerRow(vendor, scoreVendor(vendor, { asOf }), asOf)
    const cells = registerCells(row)
    expect(cells).toHaveLength(REGISTER_COLUMNS.length)
    expect(REGISTER_HEADERS[1]).toBe('name')
    expect(cells[1]).toBe('Nusantara Customer Data')
  })

  it('neutralises a formula planted in a vendor name when the row becomes CSV', () => {
    const hostile = createVendor({ name: '=HYPERLINK("http://evil.example","Open")', owner: '@ops' })
    const line = csvLine(registerCells(registerRow(hostile, scoreVendor(hostile, { asOf }), asOf)))
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""Open"")"`)
    expect(line).toContain(",'@ops,")
  })
})

describe('topFactorText', () => {
  it('picks what sorting every factor by points (ties in their order) and taking the first would', () => {
    const byPoints = (factors: { id: string; label: string; points: number }[], count: number) =>
      factors
        .map((f, i) => ({ f, i }))
        .filter(({ f }) => f.points > 0)
        .sort((a, b) => b.f.points - a.f.points || a.i - b.i)
        .slice(0, count)
        .map(({ f }) => ({ id: f.id, label: f.label, points: f.points }))
    const points = fc.oneof(fc.constantFrom(0, 1.5, 2, -1), fc.double({ min: -20, max: 40, noNaN: true }))
    fc.assert(
      fc.property(fc.array(points, { maxLength: 16 }), fc.integer({ min: 0, max: 5 }), (values, count) => {
        const factors = values.map((p, i) => ({ id: `f${i}`, label: `Factor ${i}`, points: p }))
        const scored = factors as unknown as Parameters<typeof topFactorText>[0]
        expect(topFactorText(scored, count)).toEqual(byPoints(factors, count))
      }),
    )
  })
})
