import { describe, expect, it } from 'vitest'
import { createIncident, createVendor } from '../../mocks/data'
import { fullExportEntry, fullExportText, stableJson } from './full-export'
import { FullExport } from './schemas/export'
import { DEFAULT_WEIGHTS } from './scoring/model'
import { scoreVendor } from './scoring/score-vendor'

const asOf = '2026-11-26'

describe('the full JSON export', () => {
  const vendors = [
    createVendor({ name: 'Москва Данные', incidents: [createIncident({ occurredAt: '2026-10-01' })] }),
    createVendor({ name: '=1+1 Formula Co' }),
  ]
  const entries = vendors.map((v) => fullExportEntry(v, scoreVendor(v, { asOf }), null))

  it('parses with the schema a restore reads it with', () => {
    const doc = FullExport.parse(JSON.parse(fullExportText(asOf, DEFAULT_WEIGHTS, entries)))
    expect(doc.vendors.map((v) => v.vendor)).toEqual(vendors)
    expect(doc.vendorCount).toBe(2)
  })

  it('gives the same bytes whatever order the documents’ keys were stored in', () => {
    const reordered = vendors.map((v) => JSON.parse(stableJson(v)) as typeof v)
    const again = reordered.map((v) => fullExportEntry(v, scoreVendor(v, { asOf }), null))
    expect(Object.keys(reordered[0]!)).not.toEqual(Object.keys(vendors[0]!))
    expect(fullExportText(asOf, DEFAULT_WEIGHTS, again)).toBe(fullExportText(asOf, DEFAULT_WEIGHTS, entries))
  })

  it('refuses a file whose vendor count does not match its vendors', () => {
    const doc = JSON.parse(fullExportText(asOf, DEFAULT_WEIGHTS, entries)) as { vendorCount: number }
    doc.vendorCount = 3
    expect(FullExport.safeParse(doc).success).toBe(false)
  })
})

describe('stableJson', () => {
  it('sorts keys at every level and leaves out undefined members', () => {
    expect(stableJson({ b: 1, a: { d: [1, { z: 1, y: undefined, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":2,"z":1}]},"b":1}',
    )
  })
})
