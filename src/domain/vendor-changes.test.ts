import { describe, expect, it } from 'vitest'
import { createIncident, createVendor } from '../../mocks/data'
import { Vendor } from './schemas/vendor'
import {
  EditableVendor,
  editableFields,
  incidentPatchBetween,
  vendorChanges,
  vendorPatchBetween,
} from './vendor-changes'
import { applyVendorPatch } from './what-if'

const base = createVendor({
  name: 'Northgate Payroll',
  category: 'Payroll',
  owner: 'Finance',
  description: 'Runs payroll.',
  website: 'https://northgate.example',
  status: 'active',
  contractEnd: '2027-06-30',
  access: {
    dataClasses: ['pii', 'payment'],
    records: 12_000,
    dataLocation: 'vendor_environment',
    networkAccess: 'api',
    criticality: 'high',
    fourthParties: ['Amazon Web Services', 'Twilio'],
  },
  controls: {
    certifications: ['iso27001'],
    mfa: false,
    encryptionAtRest: true,
    lastAssessedAt: '2026-01-15',
  },
})
const fields = editableFields(base)

describe('vendorChanges', () => {
  it('finds nothing between a vendor and itself, or when only the order of a list differs', () => {
    expect(vendorChanges(fields, fields)).toEqual([])
    const reordered = {
      ...fields,
      access: { ...fields.access, dataClasses: ['payment' as const, 'pii' as const] },
    }
    expect(vendorChanges(fields, reordered)).toEqual([])
  })

  it('lists each changed field with its human label and both values in words, in form order', () => {
    const after = {
      ...fields,
      owner: 'People & Culture',
      access: {
        ...fields.access,
        dataLocation: 'our_environment' as const,
        records: 1_250_000,
        dataClasses: ['pii' as const, 'health' as const],
      },
      controls: { ...fields.controls, mfa: true, certifications: [] },
    }
    expect(vendorChanges(fields, after)).toEqual([
      { path: 'owner', label: 'Owner', before: 'Finance', after: 'People & Culture' },
      { path: 'access.dataClasses', label: 'Data classes', before: 'PII, payment', after: 'PII, health' },
      { path: 'access.records', label: 'Records held', before: '12,000', after: '1,250,000' },
      {
        path: 'access.dataLocation',
        label: 'Where our data lives',
        before: 'Vendor environment (outside our perimeter)',
        after: 'Our environment',
      },
      { path: 'controls.certifications', label: 'Certifications', before: 'ISO 27001', after: 'none' },
      { path: 'controls.mfa', label: 'MFA enforced', before: 'Not enforced', after: 'Enforced' },
    ])
  })

  it('says "not set" for an optional field that was cleared or newly filled', () => {
    const { website: _website, ...withoutWebsite } = fields
    const { lastAssessedAt: _last, ...controls } = fields.controls
    const after = { ...withoutWebsite, controls }
    expect(vendorChanges(fields, after)).toEqual([
      { path: 'website', label: 'Website', before: 'https://northgate.example', after: 'not set' },
      { path: 'controls.lastAssessedAt', label: 'Last assessed', before: '2026-01-15', after: 'not set' },
    ])
    expect(vendorChanges(after, fields).map((c) => [c.before, c.after])).toEqual([
      ['not set', 'https://northgate.example'],
      ['not set', '2026-01-15'],
    ])
  })
})

describe('vendorPatchBetween', () => {
  it('sends nothing when nothing changed', () => {
    expect(vendorPatchBetween(fields, fields)).toEqual({})
  })

  it('sends only the changed fields, access and controls with only their changed members', () => {
    const after = {
      ...fields,
      name: 'Northgate Payroll Ltd',
      access: { ...fields.access, networkAccess: 'remote' as const },
      controls: { ...fields.controls, encryptionAtRest: false },
    }
    expect(vendorPatchBetween(fields, after)).toEqual({
      name: 'Northgate Payroll Ltd',
      access: { networkAccess: 'remote' },
      controls: { encryptionAtRest: false },
    })
  })

  it('sends null for a cleared optional field, so the server removes it', () => {
    const { contractEnd: _end, ...rest } = fields
    const { lastAssessedAt: _last, ...controls } = fields.controls
    expect(vendorPatchBetween(fields, { ...rest, controls })).toEqual({
      contractEnd: null,
      controls: { lastAssessedAt: null },
    })
  })

  it('gives a patch that, applied to the vendor as the server does, yields exactly the edited vendor', () => {
    const { description: _d, ...rest } = fields
    const after = EditableVendor.parse({
      ...rest,
      status: 'offboarded',
      access: { ...fields.access, fourthParties: ['Twilio', 'Snowflake'], criticality: 'critical' },
      controls: { ...fields.controls, certifications: ['iso27001', 'soc2_type2'] },
    })
    const applied = Vendor.parse(applyVendorPatch(base, vendorPatchBetween(fields, after)))
    expect(applied).toEqual({ ...after, id: base.id, incidents: base.incidents })
  })

  it('reapplied over someone else’s later change, keeps theirs in the fields it does not touch', () => {
    const theirs = Vendor.parse(applyVendorPatch(base, { access: { records: 99 }, category: 'HR' }))
    const mine = {
      ...fields,
      owner: 'Payroll team',
      access: { ...fields.access, criticality: 'low' as const },
    }
    const merged = Vendor.parse(applyVendorPatch(theirs, vendorPatchBetween(fields, mine)))
    expect(merged).toMatchObject({
      category: 'HR',
      owner: 'Payroll team',
      access: { records: 99, criticality: 'low' },
    })
  })
})

describe('incidentPatchBetween', () => {
  it('sends the changed fields of an incident, and null for a cleared optional one', () => {
    const before = createIncident({ status: 'open', notifiedAfterDays: 4, severity: 'high', source: 'x' })
    const { id: _id, notifiedAfterDays: _n, ...rest } = before
    expect(incidentPatchBetween(before, { ...rest, status: 'resolved' })).toEqual({
      status: 'resolved',
      notifiedAfterDays: null,
    })
    expect(incidentPatchBetween(before, { ...rest, notifiedAfterDays: 4 })).toEqual({})
  })
})
