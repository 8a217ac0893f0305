/** The import page and the templates describe the domain's column lists; the parser must read exactly those. */
import { describe, expect, it } from 'vitest'
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES } from '../../src/domain'
import { IMPORT_BODY_LIMIT } from '../app'
import { INCIDENT_COLUMNS, VENDOR_COLUMNS, VENDOR_OPTIONAL_COLUMNS } from './parse-import'

describe('import columns', () => {
  it('reads the vendors columns the domain lists, required ones first, in template order', () => {
    expect(VENDOR_COLUMNS).toEqual([...IMPORT_COLUMNS.vendors.required, ...IMPORT_COLUMNS.vendors.optional])
    expect(VENDOR_OPTIONAL_COLUMNS).toEqual(IMPORT_COLUMNS.vendors.optional)
  })

  it('reads the incidents columns the domain lists', () => {
    expect(INCIDENT_COLUMNS).toEqual([...IMPORT_COLUMNS.incidents.required])
  })

  it('refuses request bodies above the size the import page checks before uploading', () => {
    expect(IMPORT_BODY_LIMIT).toBe(MAX_IMPORT_BYTES)
  })
})
