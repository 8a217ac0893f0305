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
