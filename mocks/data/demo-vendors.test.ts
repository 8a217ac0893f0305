import { describe, expect, it } from 'vitest'
import { daysBetween, scoreVendor, TIERS, Vendor, type Tier } from '../../src/domain'
import { DEMO_DEFAULTS, generateDemoVendors, SPOTLIGHT_VENDOR_ID } from './demo-vendors'

const { asOf } = DEMO_DEFAULTS
const defaultSet = generateDemoVendors()

const tiersOf = (vendors: readonly Vendor[], at = asOf) => {
  const counts: Record<Tier, number> = { critical: 0, high: 0, medium: 0, low: 0 }
  for (const vendor of vendors) counts[scoreVendor(vendor, { asOf: at }).tier] += 1
  return counts
}

describe('generateDemoVendors', () => {
  it('generates 60 vendors by default', () => {
    expect(defaultSet).toHaveLength(60)
  })

  it('returns deep-equal vendors for the same options', () => {
    expect(generateDemoVendors({ count: 200, seed: 9 })).toEqual(generateDemoVendors({ count: 200, seed: 9 }))
    expect(generateDemoVendors()).toEqual(defaultSet)
  })

  it('returns a different inventory for a different seed', () => {
    const other = generateDemoVendors({ seed: DEMO_DEFAULTS.seed + 1 })
    expect(other.slice(1).map((v) => v.name)).not.toEqual(defaultSet.slice(1).map((v) => v.name))
  })

  it('extends a smaller set when asked for more vendors with the same seed', () => {
    expect(generateDemoVendors({ count: 300 }).slice(0, 60)).toEqual(defaultSet)
  })

  it('produces only vendors that pass the Vendor schema', () => {
    for (const vendor of generateDemoVendors({ count: 500, seed: 77 })) {
      const result = Vendor.safeParse(vendor)
      if (!result.success) throw new Error(`${vendor.id}: ${result.error.message}`)
      // Parsing trims and fills nothing in, so what we generated is exactly what the API would store.
      expect(result.data).toEqual(vendor)
    }
  })

  it('keeps vendor ids, incident ids, websites and case-insensitive names unique', () => {
    const vendors = generateDemoVendors({ count: 20_000 })
    const incidentIds = vendors.flatMap((v) => v.incidents.map((i) => i.id))
    expect(new Set(vendors.map((v) => v.id)).size).toBe(vendors.length)
    expect(new Set(vendors.map((v) => v.name.toLowerCase())).size).toBe(vendors.length)
    expect(new Set(vendors.map((v) => v.website)).size).toBe(vendors.length)
    expect(new Set(incidentIds).size).toBe(incidentIds.length)
    expect(vendors[41]!.id).toBe('ven-000042')
    expect(incidentIds[0]).toBe('inc-000001')
  })

  it('puts the Maxis-pattern vendor first: our subscribers in its environment, an open claimed leak', () => {
    const spotlight = defaultSet[0]!
    expect(spotlight.id).toBe(SPOTLIGHT_VENDOR_ID)
    expect(spotlight.name).toBe('Nusantara Customer Data Services')
    expect(spotlight.access).toMatchObject({
      dataLocation: 'vendor_environment',
      networkAccess: 'api',
      criticality: 'high',
    })
    expect(spotlight.access.dataClasses).toContain('pii')
    expect(spotlight.access.records).toBeGreaterThanOrEqual(10_000_000)
    const leak = spotlight.incidents.find((i) => i.kind === 'claimed_leak')
    expect(leak).toMatchObject({ status: 'open', severity: 'high' })
    expect(daysBetween(leak!.occurredAt, asOf)).toBeLessThanOrEqual(45)
    expect(['high', 'critical']).toContain(scoreVendor(spotlight, { asOf }).tier)
  })

  it('keeps the Maxis-pattern leak recent whatever asOf is', () => {
    const later = '2031-03-15'
    const spotlight = generateDemoVendors({ count: 1, asOf: later })[0]!
    const leak = spotlight.incidents.find((i) => i.kind === 'claimed_leak')!
    expect(daysBetween(leak.occurredAt, later)).toBeGreaterThanOrEqual(0)
    expect(daysBetween(leak.occurredAt, later)).toBeLessThanOrEqual(45)
    expect(['high', 'critical']).toContain(scoreVendor(spotlight, { asOf: later }).tier)
  })

  it('covers all four tiers by default, with more high than critical and mostly medium or low', () => {
    const tiers = tiersOf(defaultSet)
    for (const tier of TIERS) expect(tiers[tier], tier).toBeGreaterThan(0)
    expect(tiers.high).toBeGreaterThan(tiers.critical)
    expect(tiers.medium + tiers.low).toBeGreaterThan(defaultSet.length / 2)
  })

  it('spreads the default set over at least ten categories', () => {
    expect(new Set(defaultSet.map((v) => v.category)).size).toBeGreaterThanOrEqual(10)
  })

  it('gives categories access profiles that fit them', () => {
    const vendors = generateDemoVendors({ count: 2_000 })
    const of = (category: string) => vendors.filter((v) => v.category === category)
    for (const v of of('Payroll')) {
      expect(v.access.dataClasses).toEqual(expect.arrayContaining(['pii', 'payment']))
      expect(v.access.dataLocation).toBe('vendor_environment')
    }
    for (const v of of('IT services and RMM')) {
      expect(v.access.dataClasses).toContain('credentials')
      expect(['privileged', 'remote']).toContain(v.access.networkAccess)
    }
    for (const v of of('Health benefits')) expect(v.access.dataClasses).toContain('health')
    for (const v of of('Legal services')) expect(v.access.dataClasses).toContain('confidential')
    for (const v of of('Facilities management')) expect(v.access.dataClasses).not.toContain('credentials')
  })

  it('keeps incidents consistent with their kind and within six years before asOf', () => {
    const vendors = generateDemoVendors({ count: 3_000 })
    const incidents = vendors.flatMap((v) => v.incidents)
    expect(incidents.length).toBeGreaterThan(100)
    // Most vendors have a clean record.
    expect(vendors.filter((v) => v.incidents.length === 0).length).toBeGreaterThan(vendors.length / 2)
    for (const v of vendors) {
      expect(v.incidents.length).toBeLessThanOrEqual(4)
      for (const incident of v.incidents) {
        const age = daysBetween(incident.occurredAt, asOf)
        expect(age).toBeGreaterThanOrEqual(0)
        expect(age).toBeLessThanOrEqual(6 * 366)
        if (incident.kind === 'outage') {
          expect(incident.recordsExposed).toBe(0)
          expect(incident.notifiedAfterDays ?? 0).toBeLessThanOrEqual(5)
        }
        expect(incident.recordsExposed).toBeLessThanOrEqual(v.access.records)
        if (incident.notifiedAfterDays !== undefined)
          expect(incident.notifiedAfterDays).toBeLessThanOrEqual(age)
        if (incident.source?.startsWith('http'))
          expect(new URL(incident.source).hostname).toMatch(/\.example$/)
      }
    }
    const late = incidents.filter((i) => (i.notifiedAfterDays ?? 0) >= 20).length
    expect(late).toBeGreaterThan(0)
    expect(late).toBeLessThan(incidents.length * 0.15)
    for (const kind of ['breach', 'ransomware', 'claimed_leak', 'outage', 'vulnerability'] as const) {
      expect(
        incidents.some((i) => i.kind === kind),
        kind,
      ).toBe(true)
    }
  })

  it('uses https websites on .example domains only', () => {
    for (const vendor of generateDemoVendors({ count: 500 })) {
      const url = new URL(vendor.website!)
      expect(url.protocol).toBe('https:')
      expect(url.hostname).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)*\.example$/)
    }
  })

  it('mixes statuses, certifications and control gaps instead of making every vendor alike', () => {
    const vendors = generateDemoVendors({ count: 1_000 })
    const share = (test: (v: Vendor) => boolean) => vendors.filter(test).length / vendors.length
    expect(share((v) => v.status === 'active')).toBeGreaterThan(0.7)
    expect(share((v) => v.status === 'onboarding')).toBeGreaterThan(0)
    expect(share((v) => v.status === 'offboarded')).toBeGreaterThan(0)
    expect(share((v) => v.controls.mfa)).toBeGreaterThan(0.6)
    expect(share((v) => !v.controls.mfa)).toBeGreaterThan(0.05)
    expect(share((v) => v.controls.lastAssessedAt === undefined)).toBeGreaterThan(0.02)
    expect(share((v) => v.controls.certifications.length === 0)).toBeGreaterThan(0.05)
  })

  it('returns no vendors for count 0 and only the spotlight vendor for count 1', () => {
    expect(generateDemoVendors({ count: 0 })).toEqual([])
    expect(generateDemoVendors({ count: 1 }).map((v) => v.id)).toEqual([SPOTLIGHT_VENDOR_ID])
  })

  it('rejects a negative or fractional count and an impossible asOf', () => {
    expect(() => generateDemoVendors({ count: -1 })).toThrow(RangeError)
    expect(() => generateDemoVendors({ count: 2.5 })).toThrow(RangeError)
    expect(() => generateDemoVendors({ asOf: '2026-02-30' })).toThrow(RangeError)
  })
})
