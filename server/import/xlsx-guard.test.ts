import { deflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { zipOf } from '../testing/zip-archive'
import { MAX_XLSX_UNPACKED_BYTES, xlsxUnpackProblem } from './xlsx-guard'

const MB = 1024 * 1024
const blanks = (size: number) => deflateRawSync(Buffer.alloc(size, 0x20))
const sheet = 'xl/worksheets/sheet1.xml'

describe('xlsxUnpackProblem', () => {
  it('lets a real workbook through', async () => {
    const workbook = new ExcelJS.Workbook()
    const vendors = workbook.addWorksheet('vendors')
    vendors.addRow(['name', 'category'])
    for (let i = 0; i < 1000; i++) vendors.addRow([`Vendor ${i}`, 'Payroll'])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    expect(xlsxUnpackProblem(bytes)).toBeNull()
    // Bytes before the archive shift every offset; JSZip reads such a file, so the guard must walk it too.
    const prefixed = new Uint8Array([...new TextEncoder().encode('prefix'), ...bytes])
    expect(xlsxUnpackProblem(prefixed)).toBeNull()
  })

  it('has nothing to say about a CSV or a few stray bytes', () => {
    expect(xlsxUnpackProblem(new TextEncoder().encode('name,category\nAcme,Payroll\n'))).toBeNull()
    expect(xlsxUnpackProblem(new Uint8Array(0))).toBeNull()
    expect(xlsxUnpackProblem(new Uint8Array([0x50, 0x4b]))).toBeNull()
  })

  it('refuses a part whose declared size is over the limit without inflating anything', () => {
    const bomb = zipOf([{ name: sheet, packed: Buffer.alloc(10), size: MAX_XLSX_UNPACKED_BYTES + 1 }])
    expect(xlsxUnpackProblem(bomb)).toMatch(/unpacks to more than 128 MB/)
  })

  it('refuses a part that inflates past the limit although its headers claim a few bytes', () => {
    const bomb = zipOf([{ name: sheet, packed: blanks(3 * MB), size: 100 }])
    expect(xlsxUnpackProblem(bomb, 2 * MB)).toMatch(/unpacks to more than 2 MB/)
  })

  it('adds the parts up: many parts under the limit each can still cross it together', () => {
    const packed = blanks(MB)
    const parts = Array.from({ length: 5 }, (_, i) => ({ name: `xl/part${i}.xml`, packed, size: MB }))
    expect(xlsxUnpackProblem(zipOf(parts), 4 * MB)).toMatch(/more than 4 MB/)
    expect(xlsxUnpackProblem(zipOf(parts.slice(0, 3)), 4 * MB)).toBeNull()
  })

  it('refuses what it cannot walk instead of letting the XLSX reader be first', () => {
    expect(xlsxUnpackProblem(zipOf([{ name: sheet, packed: Buffer.alloc(4), size: 0xffffffff }]))).toMatch(
      /ZIP64/,
    )
    expect(xlsxUnpackProblem(zipOf([{ name: sheet, packed: blanks(100), size: 100, method: 12 }]))).toMatch(
      /not a valid XLSX/,
    )
    expect(xlsxUnpackProblem(zipOf([{ name: sheet, packed: Buffer.from('not deflate'), size: 5 }]))).toMatch(
      /not a valid XLSX/,
    )
    const truncated = zipOf([{ name: sheet, packed: blanks(1000), size: 1000 }])
    truncated.writeUInt32LE(0xfffff, truncated.length - 6) // the directory's offset points past the end
    expect(xlsxUnpackProblem(truncated)).toMatch(/not a valid XLSX/)
  })
})
