import { beforeEach, describe, expect, it } from 'vitest'
import { Incident, scoreVendor, Vendor } from '../../src/domain'
import { createIncident, createVendor, resetFactoryIds } from './factories'

beforeEach(() => resetFactoryIds())

describe('createVendor', () => {
  it('returns a vendor that passes the schema', () => {
    const vendor = createVendor()
    expect(Vendor.parse(vendor)).toEqual(vendor)
  })

  it('describes a low-risk vendor by default', () => {
    const vendor = createVendor()
    expect(vendor.access).toEqual({
      dataClasses: ['internal'],
      records: 1000,
      dataLocation: 'our_environment',
      networkAccess: 'api',
      criticality: 'medium',
      fourthParties: [],
    })
    expect(vendor.controls).toEqual({
      certifications: ['soc2_type2'],
      mfa: true,
      encryptionAtRest: true,
      lastAssessedAt: '2026-06-01',
    })
    expect(vendor.incidents).toEqual([])
    expect(scoreVendor(vendor, { asOf: '2026-11-26' }).tier).toBe('low')
  })

  it('numbers ids and names so that vendors in one test do not clash', () => {
    const [a, b] = [createVendor(), createVendor()]
    expect(a.id).toBe('ven-test-0001')
    expect(b.id).toBe('ven-test-0002')
    expect(a.name).not.toBe(b.name)
  })

  it('starts numbering again after resetFactoryIds()', () => {
    createVendor()
    resetFactoryIds()
    expect(createVendor().id).toBe('ven-test-0001')
  })

  it('gives every vendor its own arrays, so mutating one leaves the next untouched', () => {
    const a = createVendor()
    a.access.dataClasses.push('pii')
    a.controls.certifications.push('iso27001')
    a.incidents.push(createIncident())
    const b = createVendor()
    expect(b.access.dataClasses).toEqual(['internal'])
    expect(b.controls.certifications).toEqual(['soc2_type2'])
    expect(b.incidents).toEqual([])
  })

  it('replaces top-level fields it is given, incidents included', () => {
    const incident = createIncident({ kind: 'outage', recordsExposed: 0 })
    const vendor = createVendor({ name: 'Acme Payroll', status: 'onboarding', incidents: [incident] })
    expect(vendor.name).toBe('Acme Payroll')
    expect(vendor.status).toBe('onboarding')
    expect(vendor.incidents).toEqual([incident])
    expect(Vendor.safeParse(vendor).success).toBe(true)
  })

  it('merges access and controls overrides field by field into the defaults', () => {
    const vendor = createVendor({
      access: { dataClasses: ['pii', 'payment'], dataLocation: 'vendor_environment' },
      controls: { mfa: false },
    })
    expect(vendor.access).toMatchObject({
      dataClasses: ['pii', 'payment'],
      dataLocation: 'vendor_environment',
      records: 1000,
      networkAccess: 'api',
    })
    expect(vendor.controls).toMatchObject({
      mfa: false,
      encryptionAtRest: true,
      certifications: ['soc2_type2'],
    })
  })

  it('removes an optional field overridden with undefined, so "never assessed" can be built', () => {
    const vendor = createVendor({ description: undefined, controls: { lastAssessedAt: undefined } })
    expect('lastAssessedAt' in vendor.controls).toBe(false)
    expect('description' in vendor).toBe(false)
    expect(Vendor.safeParse(vendor).success).toBe(true)
    const stale = scoreVendor(vendor, { asOf: '2026-11-26' }).factors.find((f) => f.id === 'stale_assessment')
    expect(stale?.detail).toBe('Never assessed')
  })
})

describe('createIncident', () => {
  it('returns an incident that passes the schema', () => {
    const incident = createIncident()
    expect(Incident.parse(incident)).toEqual(incident)
  })

  it('numbers incident ids independently of vendor ids', () => {
    createVendor()
    expect(createIncident().id).toBe('inc-test-0001')
    expect(createIncident().id).toBe('inc-test-0002')
  })

  it('applies overrides and drops optional fields overridden with undefined', () => {
    const incident = createIncident({
      kind: 'claimed_leak',
      severity: 'high',
      status: 'open',
      notifiedAfterDays: undefined,
      source: 'https://leak-monitor.example/post/1',
    })
    expect(incident).toMatchObject({
      kind: 'claimed_leak',
      severity: 'high',
      status: 'open',
      source: 'https://leak-monitor.example/post/1',
    })
    expect('notifiedAfterDays' in incident).toBe(false)
    expect(Incident.safeParse(incident).success).toBe(true)
  })
})
