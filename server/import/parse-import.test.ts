/** Contract tests for vendor imports: CSV and XLSX in, validated domain inputs or precise errors out. */
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import {
  ImportFileError,
  INCIDENT_COLUMNS,
  MAX_IMPORT_ROWS,
  parseImportFile,
  templateCsv,
  VENDOR_COLUMNS,
  type ParsedImport,
  type ParsedIncidentRow,
  type ParsedRow,
  type ParsedVendorRow,
} from './parse-import'

const REQUIRED_VENDOR_COLUMNS = VENDOR_COLUMNS.slice(0, 14)

const BASE_VENDOR: Record<string, string> = {
  name: 'Acme Payroll',
  category: 'Payroll',
  owner: 'Jane Doe',
  status: 'active',
  data_classes: 'pii;payment',
  records: '12400',
  data_location: 'vendor_environment',
  network_access: 'api',
  criticality: 'high',
  fourth_parties: 'Amazon Web Services;Twilio',
  certifications: 'soc2_type2',
  mfa: 'yes',
  encryption_at_rest: 'no',
  last_assessed_at: '2025-11-03',
}

const BASE_INCIDENT: Record<string, string> = {
  vendor: 'Acme Payroll',
  occurred_at: '2025-03-14',
  kind: 'breach',
  severity: 'high',
  records_exposed: '1200',
  status: 'resolved',
  notified_after_days: '3',
  summary: 'Payroll exports were readable by anyone',
  source: '',
}

const encode = (text: string) => new TextEncoder().encode(text)

const parseCsv = (text: string, name = 'import.csv') => parseImportFile({ name, bytes: encode(text) })

/** A CSV with the given columns and one row per object, quoted the way spreadsheet apps quote. */
function toCsv(columns: readonly string[], rows: readonly Record<string, string>[]): string {
  return Papa.unparse({
    fields: [...columns],
    data: rows.map((row) => columns.map((name) => row[name] ?? '')),
  })
}

const vendorsCsv = (...rows: Record<string, string>[]) =>
  toCsv(
    REQUIRED_VENDOR_COLUMNS,
    rows.map((row) => ({ ...BASE_VENDOR, ...row })),
  )

const incidentsCsv = (...rows: Record<string, string>[]) =>
  toCsv(
    INCIDENT_COLUMNS,
    rows.map((row) => ({ ...BASE_INCIDENT, ...row })),
  )

function vendorRows(result: ParsedImport): ParsedVendorRow[] {
  return result.rows.filter((row): row is ParsedVendorRow => row.kind === 'vendors')
}

function incidentRows(result: ParsedImport): ParsedIncidentRow[] {
  return result.rows.filter((row): row is ParsedIncidentRow => row.kind === 'incidents')
}

async function onlyRow(text: string): Promise<ParsedRow> {
  const { rows } = await parseCsv(text)
  expect(rows).toHaveLength(1)
  return rows[0] as ParsedRow
}

async function fileError(promise: Promise<unknown>): Promise<ImportFileError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(ImportFileError)
  return error as ImportFileError
}

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  build(book)
  return new Uint8Array(await book.xlsx.writeBuffer())
}

function addSheet(book: ExcelJS.Workbook, name: string, columns: readonly string[], rows: unknown[][]) {
  const sheet = book.addWorksheet(name)
  sheet.addRow([...columns])
  for (const row of rows) sheet.addRow(row)
  return sheet
}

describe('parseImportFile with a vendors CSV', () => {
  it('turns every column into the domain vendor input', async () => {
    const text = toCsv(VENDOR_COLUMNS, [
      {
        ...BASE_VENDOR,
        data_classes: ' PII ; payment;; ',
        records: '12,400,000',
        certifications: 'SOC2_TYPE2;iso27001',
        mfa: 'YES',
        encryption_at_rest: 'false',
        description: 'Runs payroll, benefits and expenses',
        website: 'https://acme-payroll.example',
        contract_end: '2027-06-30',
      },
    ])
    const [row] = vendorRows(await parseCsv(text))

    expect(row).toEqual({
      kind: 'vendors',
      sheet: 'vendors',
      line: 2,
      name: 'Acme Payroll',
      errors: [],
      input: {
        name: 'Acme Payroll',
        category: 'Payroll',
        owner: 'Jane Doe',
        description: 'Runs payroll, benefits and expenses',
        website: 'https://acme-payroll.example',
        status: 'active',
        contractEnd: '2027-06-30',
        access: {
          dataClasses: ['pii', 'payment'],
          records: 12_400_000,
          dataLocation: 'vendor_environment',
          networkAccess: 'api',
          criticality: 'high',
          fourthParties: ['Amazon Web Services', 'Twilio'],
        },
        controls: {
          certifications: ['soc2_type2', 'iso27001'],
          mfa: true,
          encryptionAtRest: false,
          lastAssessedAt: '2025-11-03',
        },
        incidents: [],
      },
    })
  })

  it('treats empty optional cells as absent and empty lists as empty', async () => {
    const text = toCsv(VENDOR_COLUMNS, [
      { ...BASE_VENDOR, last_assessed_at: ' ', fourth_parties: '', certifications: '', data_classes: '' },
    ])
    const row = await onlyRow(text)

    expect(row.errors).toEqual([])
    const input = (row as ParsedVendorRow).input
    expect(input).not.toHaveProperty('description')
    expect(input).not.toHaveProperty('website')
    expect(input).not.toHaveProperty('contractEnd')
    expect(input?.controls).not.toHaveProperty('lastAssessedAt')
    expect(input?.access.fourthParties).toEqual([])
    expect(input?.controls.certifications).toEqual([])
  })

  it('accepts thousands separators only when they group digits in threes', async () => {
    const good = await parseCsv(vendorsCsv({ records: '12 400 000' }, { name: 'B', records: '1_000' }))
    expect(vendorRows(good).map((row) => row.input?.access.records)).toEqual([12_400_000, 1000])

    const bad = await parseCsv(vendorsCsv({ records: '1,5' }, { name: 'B', records: '1,000_000' }))
    expect(bad.rows.map((row) => row.errors.map((error) => error.column))).toEqual([['records'], ['records']])
  })

  it('keeps quoted commas and newlines in a field and numbers lines where each record starts', async () => {
    const header = REQUIRED_VENDOR_COLUMNS.join(',')
    const rest = 'active,pii,10,none,none,low,,,no,no,'
    const text = [
      header,
      `"Acme, Inc.",Payroll,"Doe, Jane",${rest}`,
      `"Multi`,
      `line`,
      `name",Payroll,Jane,${rest}`,
      `Third,"He said ""hi""",Jane,${rest}`,
    ].join('\n')
    const rows = vendorRows(await parseCsv(text))

    expect(rows.map((row) => [row.line, row.name, row.errors])).toEqual([
      [2, 'Acme, Inc.', []],
      [3, 'Multi\nline\nname', []],
      [6, 'Third', []],
    ])
    expect(rows[0]?.input?.owner).toBe('Doe, Jane')
    expect(rows[2]?.input?.category).toBe('He said "hi"')
  })

  it('strips a byte order mark and reads CRLF line endings', async () => {
    const text = '\uFEFF' + vendorsCsv({}, { name: 'Second\r\nline' }) + '\r\n'
    expect(text.match(/\r\n/g)).toHaveLength(4)
    const rows = vendorRows(await parseCsv(text))

    expect(rows.map((row) => [row.line, row.name, row.errors])).toEqual([
      [2, 'Acme Payroll', []],
      [3, 'Second\r\nline', []],
    ])
  })

  it('skips empty lines and rows of empty cells but keeps counting lines', async () => {
    const [header, first] = vendorsCsv({}).split('\r\n')
    const text = `\n${header}\n\n${first}\n,,,,,,,,,,,,,\n\n${first?.replace('Acme Payroll', 'Beta')}\n\n`
    const rows = vendorRows(await parseCsv(text))

    expect(rows.map((row) => [row.line, row.name])).toEqual([
      [4, 'Acme Payroll'],
      [7, 'Beta'],
    ])
  })

  it('ignores a column without a header unless one of its cells holds a value', async () => {
    const [header, row] = vendorsCsv({}).split('\r\n')
    const rows = vendorRows(
      await parseCsv(`${header},\n${row},\n${row?.replace('Acme Payroll', 'B')},stray\n`),
    )

    expect(rows[0]?.errors).toEqual([])
    expect(rows[1]?.errors).toEqual([
      { column: '(row)', message: '"stray" is in column 15, which has no header' },
    ])
  })

  it('reads headers case-insensitively, trimmed and in any order', async () => {
    const columns = [...REQUIRED_VENDOR_COLUMNS].reverse()
    const text = toCsv(columns, [BASE_VENDOR]).replace(/^[^\r\n]*/, (line) => ` ${line.toUpperCase()} `)
    const row = await onlyRow(text.replace(/,/, ' , '))

    expect(row.kind).toBe('vendors')
    expect(row.errors).toEqual([])
  })

  it('returns no rows for a header without data', async () => {
    expect(await parseCsv(REQUIRED_VENDOR_COLUMNS.join(','))).toEqual({ format: 'csv', rows: [] })
  })
})

describe('parseImportFile with an incidents CSV', () => {
  it('recognises incidents by the header and converts each row', async () => {
    const result = await parseCsv(
      incidentsCsv({}, { notified_after_days: '', source: 'https://news.example/a' }),
    )
    const rows = incidentRows(result)

    expect(result.format).toBe('csv')
    expect(rows).toHaveLength(2)
    expect(rows[0]).toEqual({
      kind: 'incidents',
      sheet: 'incidents',
      line: 2,
      vendorName: 'Acme Payroll',
      errors: [],
      input: {
        occurredAt: '2025-03-14',
        kind: 'breach',
        severity: 'high',
        recordsExposed: 1200,
        status: 'resolved',
        notifiedAfterDays: 3,
        summary: 'Payroll exports were readable by anyone',
      },
    })
    expect(rows[1]?.input).not.toHaveProperty('notifiedAfterDays')
    expect(rows[1]?.input?.source).toBe('https://news.example/a')
  })

  it('requires the vendor name', async () => {
    const row = await onlyRow(incidentsCsv({ vendor: '  ' }))

    expect(row).toMatchObject({ vendorName: null, input: null })
    expect(row.errors).toEqual([{ column: 'vendor', message: 'Vendor name is required' }])
  })
})

describe('parseImportFile refuses a CSV header', () => {
  it('that misses required columns, naming them and the kind it guessed', async () => {
    const columns = REQUIRED_VENDOR_COLUMNS.filter((name) => name !== 'owner' && name !== 'mfa')
    const error = await fileError(parseCsv(toCsv(columns, [BASE_VENDOR])))

    expect(error.message).toContain('missing required vendors columns: owner, mfa')
    expect(error.message).toContain('read as a vendors import')
    expect(error.details).toEqual({ line: 1 })
  })

  it('that misses incidents columns, guessing incidents from the rest', async () => {
    const error = await fileError(parseCsv('vendor,occurred_at,kind,severity,summary\n'))

    expect(error.message).toMatch(
      /missing required incidents columns: records_exposed, status, notified_after_days/,
    )
  })

  it('that has unknown columns, naming them', async () => {
    const error = await fileError(
      parseCsv(toCsv([...REQUIRED_VENDOR_COLUMNS, 'Risk Score', 'notes'], [BASE_VENDOR])),
    )

    expect(error.message).toContain('unknown vendors columns: risk score, notes')
    expect(error.details).toEqual({ line: 1, column: 'risk score' })
  })

  it('that names a column twice', async () => {
    const error = await fileError(parseCsv(`${REQUIRED_VENDOR_COLUMNS.join(',')},Name\n`))

    expect(error.message).toContain('has the column "name" twice')
  })

  it('that belongs to neither kind', async () => {
    const error = await fileError(parseCsv('foo,bar\n1,2\n'))

    expect(error.message).toContain('not a vendors or incidents header')
  })

  it('that is separated by semicolons, as some spreadsheet locales save CSV', async () => {
    const error = await fileError(parseCsv(`${REQUIRED_VENDOR_COLUMNS.join(';')}\n`))

    expect(error.message).toContain("separated by ';'")
  })
})

describe('parseImportFile reports a malformed CSV', () => {
  it('as one file error at the line where an unclosed quote starts', async () => {
    const [header, row] = vendorsCsv({}).split('\r\n')
    const text = `${header}\n${row}\n"abc,def,Payroll\n${row}\n${row}\n`
    const error = await fileError(parseCsv(text))

    expect(error.message).toMatch(/^A quoted field is never closed/)
    expect(error.details).toEqual({ line: 3 })
  })

  it('as one file error when text follows a closing quote', async () => {
    const [header, row] = vendorsCsv({}).split('\r\n')
    const error = await fileError(parseCsv(`${header}\n${row}\n${row}\n"Acme" Corp,x\n`))

    expect(error.details).toEqual({ line: 4 })
  })

  it('as a row error when a row has the wrong number of fields', async () => {
    const [header, row] = vendorsCsv({}).split('\r\n')
    const result = await parseCsv(`${header}\n${row},extra\n${row?.replace('Acme Payroll', 'Beta')}\n`)
    const [bad, good] = vendorRows(result)

    expect(bad).toMatchObject({ line: 2, name: 'Acme Payroll', input: null })
    expect(bad?.errors).toEqual([{ column: '(row)', message: 'has 15 fields; the header has 14' }])
    expect(good?.errors).toEqual([])
  })

  it('as a file error when the text is not UTF-8', async () => {
    const bytes = new Uint8Array([...encode('name,category\n'), 0xe9, 0x0a])
    const error = await fileError(parseImportFile({ name: 'latin1.csv', bytes }))

    expect(error.message).toContain('not UTF-8')
  })

  it('as a file error when the file is empty', async () => {
    await fileError(parseCsv(''))
    await fileError(parseCsv('\n\n'))
  })
})

describe('parseImportFile conversion errors', () => {
  it.each([
    ['records', 'lots', 'records', '"lots" is not a whole number'],
    ['records', '12.5', 'records', '"12.5" is not a whole number'],
    ['records', '', 'records', 'is required; use a whole number'],
    ['records', '99999999999999999999', 'records', 'is too large'],
    ['mfa', 'maybe', 'mfa', '"maybe" is not yes or no (true and false are also accepted)'],
    ['encryption_at_rest', '1', 'encryption_at_rest', '"1" is not yes or no'],
    ['mfa', '', 'mfa', 'is required; use yes or no'],
    [
      'data_location',
      'cloud',
      'data_location',
      '"cloud" is not one of none, our_environment, vendor_environment, both',
    ],
    ['status', '', 'status', 'is required; use one of active, onboarding, offboarded'],
    ['criticality', 'severe', 'criticality', '"severe" is not one of low, medium, high, critical'],
    ['network_access', 'vpn', 'network_access', '"vpn" is not one of none, api, remote, privileged'],
    ['data_classes', 'pii;secrets', 'data_classes', '"secrets" is not one of public, internal'],
    [
      'certifications',
      'soc2',
      'certifications',
      '"soc2" is not one of soc2_type2, iso27001, pci_dss, hitrust',
    ],
  ])('names the column and the bad value when %s is %j', async (field, value, columnName, message) => {
    const row = await onlyRow(vendorsCsv({ [field]: value }))

    expect(row.errors).toHaveLength(1)
    expect(row.errors[0]?.column).toBe(columnName)
    expect(row.errors[0]?.message).toContain(message)
    expect(row.kind === 'vendors' && row.input).toBe(null)
  })

  it('reports the incident columns the same way', async () => {
    const row = await onlyRow(
      incidentsCsv({ kind: 'hack', severity: 'HIGH', records_exposed: 'many', notified_after_days: 'soon' }),
    )

    expect(row.errors).toEqual([
      { column: 'kind', message: expect.stringContaining('"hack" is not one of breach, ransomware') },
      { column: 'records_exposed', message: expect.stringContaining('"many" is not a whole number') },
      { column: 'notified_after_days', message: expect.stringContaining('"soon" is not a whole number') },
    ])
  })

  it('collects every error of a row, in column order', async () => {
    const row = await onlyRow(
      vendorsCsv({
        name: '',
        records: 'lots',
        mfa: 'maybe',
        data_location: 'cloud',
        last_assessed_at: '2026-02-30',
      }),
    )

    expect(row.errors.map((error) => error.column)).toEqual([
      'name',
      'records',
      'data_location',
      'mfa',
      'last_assessed_at',
    ])
  })
})

describe('parseImportFile maps schema errors back to CSV columns', () => {
  it.each([
    ['last_assessed_at', '2026-02-30', 'Not a real calendar date'],
    ['last_assessed_at', '03/11/2025', 'Use a date in the form YYYY-MM-DD'],
    ['records', '-5', 'Records cannot be negative'],
    ['data_classes', 'pii;PII', 'List each data class once'],
    ['fourth_parties', 'Twilio;twilio', 'List each sub-processor once'],
    ['certifications', 'iso27001;ISO27001', 'List each certification once'],
    ['name', ' ', 'Name is required'],
    ['owner', 'x'.repeat(201), 'Owner must be at most 200 characters'],
  ])('reports %s = %j under its column', async (field, value, message) => {
    const row = await onlyRow(vendorsCsv({ [field]: value }))

    expect(row.errors).toEqual([{ column: field, message }])
  })

  it('maps optional vendor columns too', async () => {
    const text = toCsv(VENDOR_COLUMNS, [
      { ...BASE_VENDOR, website: 'ftp://acme.example', contract_end: '2027-13-01' },
    ])
    const row = await onlyRow(text)

    expect(row.errors).toEqual([
      { column: 'website', message: 'Website must be an http(s) URL' },
      { column: 'contract_end', message: 'Not a real calendar date' },
    ])
  })

  it('maps incident fields', async () => {
    const row = await onlyRow(
      incidentsCsv({ occurred_at: '2025-3-14', notified_after_days: '4000', summary: '' }),
    )

    expect(row.errors.map((error) => error.column)).toEqual(['occurred_at', 'notified_after_days', 'summary'])
  })
})

describe('parseImportFile and hostile text', () => {
  it.each([
    ['name', '=HYPERLINK("http://evil.example","x")', "remove the leading '='"],
    ['owner', '+cmd|/c calc', "remove the leading '+'"],
    ['category', '@SUM(1)', "remove the leading '@'"],
    ['name', '-2+3', "remove the leading '-'"],
    ['name', '  =1+1', "remove the leading '='"],
    ['category', '\tPayroll', 'remove the leading tab'],
    ['owner', '\rJane', 'remove the leading carriage return'],
    ['fourth_parties', 'Twilio; =cmd', "remove the leading '='"],
  ])('refuses %s = %j as a spreadsheet formula', async (field, value, hint) => {
    const row = await onlyRow(vendorsCsv({ [field]: value }))

    expect(row.errors).toHaveLength(1)
    expect(row.errors[0]?.column).toBe(field)
    expect(row.errors[0]?.message).toContain('looks like a spreadsheet formula')
    expect(row.errors[0]?.message).toContain(hint)
  })

  it('refuses formulas in the optional description and in incident text', async () => {
    const vendor = await onlyRow(toCsv(VENDOR_COLUMNS, [{ ...BASE_VENDOR, description: '=1+1' }]))
    const incident = await onlyRow(incidentsCsv({ vendor: '@evil', summary: '=cmd', source: '+x' }))

    expect(vendor.errors.map((error) => error.column)).toEqual(['description'])
    expect(incident.errors.map((error) => error.column)).toEqual(['vendor', 'summary', 'source'])
  })

  it('lets a leading minus through in number columns, where the schema judges it', async () => {
    const row = await onlyRow(incidentsCsv({ records_exposed: '-3' }))

    expect(row.errors).toEqual([{ column: 'records_exposed', message: 'Records exposed cannot be negative' }])
  })

  it('keeps markup and SQL metacharacters as ordinary text', async () => {
    const row = await onlyRow(
      vendorsCsv({ name: '<script>alert(1)</script>', owner: "'; DROP TABLE vendors; --", category: 'a"b' }),
    )

    expect(row.errors).toEqual([])
    expect(row.kind === 'vendors' && row.input?.name).toBe('<script>alert(1)</script>')
    expect(row.kind === 'vendors' && row.input?.owner).toBe("'; DROP TABLE vendors; --")
  })
})

describe('parseImportFile duplicate vendor names', () => {
  it('flags the later row with the line of the first, ignoring case and spaces', async () => {
    const rows = vendorRows(await parseCsv(vendorsCsv({}, { name: 'Other' }, { name: '  ACME payroll ' })))

    expect(rows[0]?.errors).toEqual([])
    expect(rows[2]).toMatchObject({ line: 4, input: null })
    expect(rows[2]?.errors).toEqual([{ column: 'name', message: 'duplicate of line 2' }])
  })
})

describe('parseImportFile row limit', () => {
  it('refuses a CSV with more data rows than the limit before validating any', async () => {
    const row = '\n' + Object.values(BASE_VENDOR).join(',')
    const text = REQUIRED_VENDOR_COLUMNS.join(',') + row.repeat(MAX_IMPORT_ROWS + 1)
    const error = await fileError(parseCsv(text))

    expect(error.message).toContain('has 50,001 rows; the limit is 50,000')
  })
})

describe('parseImportFile with an XLSX workbook', () => {
  it('reads both sheets, vendors first, with spreadsheet row numbers', async () => {
    const bytes = await workbook((book) => {
      addSheet(book, 'Incidents', INCIDENT_COLUMNS, [INCIDENT_COLUMNS.map((name) => BASE_INCIDENT[name])])
      const vendors = addSheet(book, 'VENDORS', REQUIRED_VENDOR_COLUMNS, [])
      vendors.getRow(3).values = REQUIRED_VENDOR_COLUMNS.map((name) => BASE_VENDOR[name])
    })
    const result = await parseImportFile({ name: 'inventory.xlsx', bytes })

    expect(result.format).toBe('xlsx')
    expect(result.rows.map((row) => [row.kind, row.sheet, row.line, row.errors])).toEqual([
      ['vendors', 'VENDORS', 3, []],
      ['incidents', 'Incidents', 2, []],
    ])
  })

  it('converts dates, numbers, booleans, rich text, hyperlinks and formula results', async () => {
    const bytes = await workbook((book) => {
      const values: Record<string, unknown> = {
        ...BASE_VENDOR,
        name: { richText: [{ text: 'Acme ' }, { text: 'Payroll', font: { bold: true } }] },
        owner: { text: 'Jane Doe', hyperlink: 'mailto:jane@example.com' },
        records: 12_400_000,
        criticality: { formula: 'LOWER("HIGH")', result: 'high' },
        mfa: true,
        encryption_at_rest: false,
        last_assessed_at: new Date(Date.UTC(2025, 10, 3)),
      }
      const rows = [
        values,
        { ...values, name: 'Beta', category: 42 },
        { ...values, name: 'Gamma', records: 1.5 },
      ]
      addSheet(
        book,
        'vendors',
        VENDOR_COLUMNS,
        rows.map((row) => VENDOR_COLUMNS.map((name) => row[name] ?? null)),
      )
    })
    const [first, second, third] = vendorRows(await parseImportFile({ name: 'x.xlsx', bytes }))

    expect(first?.errors).toEqual([])
    expect(first?.input).toMatchObject({
      name: 'Acme Payroll',
      owner: 'Jane Doe',
      category: 'Payroll',
      access: { records: 12_400_000, criticality: 'high' },
      controls: { mfa: true, encryptionAtRest: false, lastAssessedAt: '2025-11-03' },
    })
    expect(second?.input?.category).toBe('42')
    expect(third?.errors).toEqual([{ column: 'records', message: expect.stringContaining('"1.5"') }])
  })

  it('reports error values and formulas without a saved result as row errors', async () => {
    const bytes = await workbook((book) => {
      const values: Record<string, unknown> = {
        ...BASE_VENDOR,
        owner: { error: '#N/A' },
        category: { formula: 'A1&"x"' },
      }
      addSheet(book, 'vendors', REQUIRED_VENDOR_COLUMNS, [
        REQUIRED_VENDOR_COLUMNS.map((name) => values[name]),
      ])
    })
    const [row] = vendorRows(await parseImportFile({ name: 'x.xlsx', bytes }))

    expect(row?.errors).toEqual([
      { column: 'category', message: expect.stringContaining('cell B2 is a formula without a saved result') },
      { column: 'owner', message: 'cell C2 holds the spreadsheet error #N/A' },
    ])
  })

  it('refuses formula text in a sheet the same way as in a CSV', async () => {
    const bytes = await workbook((book) => {
      const values: Record<string, string> = { ...BASE_VENDOR, name: '=HYPERLINK("http://evil.example","x")' }
      addSheet(book, 'vendors', REQUIRED_VENDOR_COLUMNS, [
        REQUIRED_VENDOR_COLUMNS.map((name) => values[name]),
      ])
    })
    const [row] = vendorRows(await parseImportFile({ name: 'x.xlsx', bytes }))

    expect(row?.errors).toEqual([{ column: 'name', message: expect.stringContaining('spreadsheet formula') }])
  })

  it('refuses a sheet whose header misses columns, naming the sheet', async () => {
    const bytes = await workbook((book) => {
      addSheet(book, 'vendors', ['name', 'category'], [['Acme', 'Payroll']])
    })
    const error = await fileError(parseImportFile({ name: 'x.xlsx', bytes }))

    expect(error.message).toContain('Sheet "vendors" is missing required vendors columns: owner, status')
    expect(error.details).toEqual({ sheet: 'vendors', line: 1 })
  })

  it('ignores an empty sheet', async () => {
    const bytes = await workbook((book) => {
      addSheet(book, 'vendors', REQUIRED_VENDOR_COLUMNS, [
        REQUIRED_VENDOR_COLUMNS.map((name) => BASE_VENDOR[name]),
      ])
      book.addWorksheet('incidents')
    })

    expect((await parseImportFile({ name: 'x.xlsx', bytes })).rows).toHaveLength(1)
  })

  it('refuses a workbook without a vendors or incidents sheet, listing the sheets it has', async () => {
    const bytes = await workbook((book) => {
      book.addWorksheet('Sheet1').addRow(['name'])
      book.addWorksheet('Data')
    })
    const error = await fileError(parseImportFile({ name: 'x.xlsx', bytes }))

    expect(error.message).toContain(
      'no sheet named "vendors" or "incidents" (sheets found: "Sheet1", "Data")',
    )
  })

  it('refuses random bytes named .xlsx as not a valid XLSX file', async () => {
    const bytes = new Uint8Array(4096).map((_, index) => (index * 7919) % 251)
    const error = await fileError(parseImportFile({ name: 'vendors.xlsx', bytes }))

    expect(error.message).toContain('not a valid XLSX file')
  })

  it('recognises a workbook by its ZIP signature or content type, whatever its name', async () => {
    const bytes = await workbook((book) => {
      addSheet(book, 'vendors', REQUIRED_VENDOR_COLUMNS, [
        REQUIRED_VENDOR_COLUMNS.map((name) => BASE_VENDOR[name]),
      ])
    })
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

    expect((await parseImportFile({ name: 'upload', bytes })).format).toBe('xlsx')
    expect((await parseImportFile({ name: 'upload', type, bytes })).format).toBe('xlsx')
  })
})

describe('parseImportFile file types', () => {
  it('refuses an unsupported extension, naming the accepted formats', async () => {
    const error = await fileError(
      parseImportFile({ name: 'vendors.pdf', type: 'application/pdf', bytes: encode('%PDF') }),
    )

    expect(error.message).toContain('Upload a .csv (UTF-8, comma-separated) or .xlsx file')
  })

  it('explains that the old .xls format is not supported', async () => {
    const error = await fileError(parseImportFile({ name: 'vendors.XLS', bytes: encode('\u00d0\u00cf') }))

    expect(error.message).toContain('old .xls format')
  })

  it('reads CSV by content type when the name has no extension', async () => {
    const result = await parseImportFile({
      name: 'upload',
      type: 'text/csv; charset=utf-8',
      bytes: encode(vendorsCsv({})),
    })

    expect(result.rows[0]?.errors).toEqual([])
  })
})

describe('templateCsv', () => {
  it.each(['vendors', 'incidents'] as const)(
    'writes a %s template that parses back without errors',
    async (kind) => {
      const text = templateCsv(kind)
      const result = await parseCsv(text, `${kind}-template.csv`)

      expect(text.split('\r\n')[0]).toBe((kind === 'vendors' ? VENDOR_COLUMNS : INCIDENT_COLUMNS).join(','))
      expect(result.rows).toHaveLength(1)
      expect(result.rows[0]).toMatchObject({ kind, line: 2, errors: [] })
      expect(result.rows[0]?.input).not.toBe(null)
    },
  )
})
