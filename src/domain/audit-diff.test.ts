import { describe, expect, it } from 'vitest'
import { describeAuditValue, diffJson } from './audit-diff'

describe('diffJson', () => {
  it('finds nothing between equal values, however deeply nested', () => {
    const value = { a: 1, b: { c: [1, 2, { d: 'x' }] }, e: null }
    expect(diffJson(value, structuredClone(value))).toEqual([])
    expect(diffJson(null, null)).toEqual([])
    expect(diffJson(undefined, undefined)).toEqual([])
  })

  it('ignores the order of keys', () => {
    expect(diffJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toEqual([])
  })

  it('lists each changed leaf with its dotted path, before and after', () => {
    const before = { name: 'Acme', access: { records: 1000, dataLocation: 'our_environment' } }
    const after = { name: 'Acme', access: { records: 5000, dataLocation: 'vendor_environment' } }
    expect(diffJson(before, after)).toEqual([
      { path: 'access.records', before: 1000, after: 5000 },
      { path: 'access.dataLocation', before: 'our_environment', after: 'vendor_environment' },
    ])
  })

  it('lists every field of a created object with nothing before, and of a deleted one with nothing after', () => {
    expect(diffJson(null, { name: 'Acme', access: { records: 10 } })).toEqual([
      { path: 'name', before: undefined, after: 'Acme' },
      { path: 'access.records', before: undefined, after: 10 },
    ])
    expect(diffJson({ note: 'ok' }, undefined)).toEqual([{ path: 'note', before: 'ok', after: undefined }])
  })

  it('reports fields added and removed inside an object', () => {
    expect(diffJson({ a: 1, gone: true }, { a: 1, added: 'yes' })).toEqual([
      { path: 'gone', before: true, after: undefined },
      { path: 'added', before: undefined, after: 'yes' },
    ])
  })

  it('compares lists of plain values as a whole', () => {
    expect(diffJson({ dataClasses: ['pii', 'health'] }, { dataClasses: ['pii'] })).toEqual([
      { path: 'dataClasses', before: ['pii', 'health'], after: ['pii'] },
    ])
  })

  it('matches objects with ids by id, so an item inserted first changes nothing after it', () => {
    const one = { id: 'inc-1', severity: 'low' }
    const two = { id: 'inc-2', severity: 'high' }
    const before = { incidents: [one, two] }
    const after = { incidents: [{ id: 'inc-0', severity: 'medium' }, one, { ...two, severity: 'critical' }] }
    expect(diffJson(before, after)).toEqual([
      { path: 'incidents[inc-2].severity', before: 'high', after: 'critical' },
      { path: 'incidents[inc-0].id', before: undefined, after: 'inc-0' },
      { path: 'incidents[inc-0].severity', before: undefined, after: 'medium' },
    ])
  })

  it('compares lists of objects without ids by position', () => {
    expect(diffJson([{ x: 1 }, { x: 2 }], [{ x: 1 }, { x: 3 }, { x: 4 }])).toEqual([
      { path: '[1].x', before: 2, after: 3 },
      { path: '[2].x', before: undefined, after: 4 },
    ])
  })

  it('reports a change of kind (object to list, value to object) as one change of the whole value', () => {
    expect(diffJson({ a: { b: 1 } }, { a: [1] })).toEqual([{ path: 'a', before: { b: 1 }, after: [1] }])
    expect(diffJson({ a: 'x' }, { a: { b: 1 } })).toEqual([{ path: 'a', before: 'x', after: { b: 1 } }])
  })

  it('tells null from a missing field, and an empty object from nothing', () => {
    expect(diffJson({ until: null }, {})).toEqual([{ path: 'until', before: null, after: undefined }])
    expect(diffJson(null, {})).toEqual([{ path: '', before: null, after: {} }])
  })

  it('quotes keys that are not identifiers', () => {
    expect(diffJson({ 'weird key': 1 }, { 'weird key': 2 })).toEqual([
      { path: '["weird key"]', before: 1, after: 2 },
    ])
  })

  it('gives one change at the root for two different plain values', () => {
    expect(diffJson('a', 'b')).toEqual([{ path: '', before: 'a', after: 'b' }])
  })
})

describe('describeAuditValue', () => {
  it('writes plain values as they are and nested ones as JSON', () => {
    expect(describeAuditValue('Acme <b>')).toBe('Acme <b>')
    expect(describeAuditValue(12)).toBe('12')
    expect(describeAuditValue(false)).toBe('false')
    expect(describeAuditValue(null)).toBe('null')
    expect(describeAuditValue(undefined)).toBe('—')
    expect(describeAuditValue(['pii', 'health'])).toBe('["pii","health"]')
    expect(describeAuditValue({ a: 1 })).toBe('{"a":1}')
  })
})
