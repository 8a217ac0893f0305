/** Turns an uploaded vendor-inventory CSV or XLSX into validated rows, without touching the database. */
import type { CellValue, Workbook, Worksheet, Xlsx } from 'exceljs'
import Papa from 'papaparse'
import type { z } from 'zod'
import {
  CERTIFICATIONS,
  CRITICALITY_LEVELS,
  DATA_CLASSES,
  DATA_LOCATIONS,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  IncidentInput,
  MAX_IMPORT_ROWS,
  NETWORK_ACCESS_LEVELS,
  SEVERITIES,
  VENDOR_STATUSES,
  VendorInput,
  type CellError,
  type ImportKind,
} from '../../src/domain'

// The row errors and kinds are the domain's (the import report carries them to the SPA); the limit too.
export { MAX_IMPORT_ROWS, type CellError, type ImportKind }
export type VendorInputParsed = z.output<typeof VendorInput>
export type IncidentInputParsed = z.output<typeof IncidentInput>

export interface ParsedVendorRow {
  kind: 'vendors'
  sheet: string
  line: number
  name: string | null
  input: VendorInputParsed | null
  errors: CellError[]
}

export interface ParsedIncidentRow {
  kind: 'incidents'
  sheet: string
  line: number
  vendorName: string | null
  input: IncidentInputParsed | null
  errors: CellError[]
}

export type ParsedRow = ParsedVendorRow | ParsedIncidentRow

export interface ParsedImport {
  format: 'csv' | 'xlsx'
  rows: ParsedRow[]
}

export interface ImportFileErrorDetails {
  line?: number
  sheet?: string
  column?: string
}

/** The file as a whole cannot be read; nothing in it should be imported. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError'

  constructor(
    message: string,
    readonly details?: ImportFileErrorDetails,
  ) {
    super(message)
  }
}

const ROW_COLUMN = '(row)'

// ---- Columns --------------------------------------------------------------------------------------------

type Conversion = { ok: true; value: unknown } | { ok: false; messages: string[] }

interface ColumnSpec {
  column: string
  /** Where the converted value goes in the domain input; null for columns the schema does not have. */
  path: readonly [string] | readonly [string, string] | null
  optional: boolean
  convert: (raw: string) => Conversion
}

const ok = (value: unknown): Conversion => ({ ok: true, value })
const ABSENT = ok(undefined)
const fail = (...messages: string[]): Conversion => ({ ok: false, messages })

/** Bad values are echoed back, but a 5,000-character description should not flood the error list. */
function quote(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}...` : value
  return JSON.stringify(short)
}

const FORMULA_LEADS = new Set(['=', '+', '-', '@'])

/**
 * Spreadsheet apps execute cells that start like formulas when the data is exported and reopened
 * (CSV injection), so such text is refused at the door rather than escaped on every way out.
 */
function formulaProblem(raw: string): string | null {
  if (raw.startsWith('\t')) return `${quote(raw)} looks like a spreadsheet formula; remove the leading tab`
  if (raw.startsWith('\r')) {
    return `${quote(raw)} looks like a spreadsheet formula; remove the leading carriage return`
  }
  const text = raw.trimStart()
  const lead = text.charAt(0)
  if (!FORMULA_LEADS.has(lead)) return null
  return `${quote(text)} looks like a spreadsheet formula; remove the leading '${lead}'`
}

function splitList(raw: string): string[] {
  const items: string[] = []
  for (const part of raw.split(';')) {
    const item = part.trim()
    if (item !== '') items.push(item)
  }
  return items
}

function text({ optional = false, guard = true } = {}) {
  return (raw: string): Conversion => {
    const value = raw.trim()
    if (value === '') return optional ? ABSENT : ok('')
    const problem = guard ? formulaProblem(raw) : null
    return problem ? fail(problem) : ok(value)
  }
}

function textList(raw: string): Conversion {
  const leading = raw.startsWith('\t') || raw.startsWith('\r') ? formulaProblem(raw) : null
  const items = splitList(raw)
  const problems = items.map(formulaProblem).filter((problem) => problem !== null)
  if (leading) problems.unshift(leading)
  return problems.length > 0 ? fail(...problems) : ok(items)
}

function oneOf(values: readonly string[]) {
  const allowed = values.join(', ')
  return (raw: string): Conversion => {
    const value = raw.trim().toLowerCase()
    if (value === '') return fail(`is required; use one of ${allowed}`)
    return values.includes(value) ? ok(value) : fail(`${quote(raw.trim())} is not one of ${allowed}`)
  }
}

function listOf(values: readonly string[]) {
  const allowed = values.join(', ')
  return (raw: string): Conversion => {
    const items = splitList(raw)
    const lower = items.map((item) => item.toLowerCase())
    if (lower.every((value) => values.includes(value))) return ok(lower)
    const bad = items.filter((item) => !values.includes(item.toLowerCase()))
    return fail(...bad.map((item) => `${quote(item)} is not one of ${allowed}`))
  }
}

const PLAIN_INTEGER = /^-?\d+$/
// One separator kind per number, in groups of three: '1,5' is a European decimal, not fifteen.
const GROUPED_INTEGER = /^-?\d{1,3}(?:([,_ \u00a0\u202f])\d{3})(?:\1\d{3})*$/
const GROUP_SEPARATORS = /[,_ \u00a0\u202f]/g

function wholeNumber({ optional = false } = {}) {
  return (raw: string): Conversion => {
    const value = raw.trim()
    if (value === '') return optional ? ABSENT : fail('is required; use a whole number such as 12400')
    if (!PLAIN_INTEGER.test(value) && !GROUPED_INTEGER.test(value)) {
      return fail(
        `${quote(value)} is not a whole number (digits only; ",", "_" or spaces may group thousands)`,
      )
    }
    const number = Number(value.replace(GROUP_SEPARATORS, ''))
    if (!Number.isSafeInteger(number)) return fail(`${quote(value)} is too large`)
    return ok(number === 0 ? 0 : number)
  }
}

function yesNo(raw: string): Conversion {
  const value = raw.trim().toLowerCase()
  if (value === 'yes' || value === 'true') return ok(true)
  if (value === 'no' || value === 'false') return ok(false)
  if (value === '') return fail('is required; use yes or no')
  return fail(`${quote(raw.trim())} is not yes or no (true and false are also accepted)`)
}

/** The shared IsoDate schema judges the format; this only separates empty from present. */
function date({ optional = false } = {}) {
  return (raw: string): Conversion => {
    const value = raw.trim()
    if (value !== '') return ok(value)
    return optional ? ABSENT : fail('is required; use a date in the form YYYY-MM-DD')
  }
}

const column = (
  name: string,
  path: ColumnSpec['path'],
  convert: ColumnSpec['convert'],
  optional = false,
): ColumnSpec => ({ column: name, path, convert, optional })

const VENDOR_SPECS: readonly ColumnSpec[] = [
  column('name', ['name'], text()),
  column('category', ['category'], text()),
  column('owner', ['owner'], text()),
  column('status', ['status'], oneOf(VENDOR_STATUSES)),
  column('data_classes', ['access', 'dataClasses'], listOf(DATA_CLASSES)),
  column('records', ['access', 'records'], wholeNumber()),
  column('data_location', ['access', 'dataLocation'], oneOf(DATA_LOCATIONS)),
  column('network_access', ['access', 'networkAccess'], oneOf(NETWORK_ACCESS_LEVELS)),
  column('criticality', ['access', 'criticality'], oneOf(CRITICALITY_LEVELS)),
  column('fourth_parties', ['access', 'fourthParties'], textList),
  column('certifications', ['controls', 'certifications'], listOf(CERTIFICATIONS)),
  column('mfa', ['controls', 'mfa'], yesNo),
  column('encryption_at_rest', ['controls', 'encryptionAtRest'], yesNo),
  column('last_assessed_at', ['controls', 'lastAssessedAt'], date({ optional: true })),
  column('description', ['description'], text({ optional: true }), true),
  // The schema only takes http(s) URLs, so a formula can never get through here.
  column('website', ['website'], text({ optional: true, guard: false }), true),
  column('contract_end', ['contractEnd'], date({ optional: true }), true),
]

const INCIDENT_SPECS: readonly ColumnSpec[] = [
  column('vendor', null, text()),
  column('occurred_at', ['occurredAt'], date()),
  column('kind', ['kind'], oneOf(INCIDENT_KINDS)),
  column('severity', ['severity'], oneOf(SEVERITIES)),
  column('records_exposed', ['recordsExposed'], wholeNumber()),
  column('status', ['status'], oneOf(INCIDENT_STATUSES)),
  column('notified_after_days', ['notifiedAfterDays'], wholeNumber({ optional: true })),
  column('summary', ['summary'], text()),
  // Free text that ends up in exports like the summary does, so it gets the same formula guard.
  column('source', ['source'], text({ optional: true })),
]

const SPECS: Record<ImportKind, readonly ColumnSpec[]> = { vendors: VENDOR_SPECS, incidents: INCIDENT_SPECS }
const KINDS: readonly ImportKind[] = ['vendors', 'incidents']

/** Every vendors column in template order: the required ones, then the optional ones. */
export const VENDOR_COLUMNS: readonly string[] = VENDOR_SPECS.map((spec) => spec.column)
export const VENDOR_OPTIONAL_COLUMNS: readonly string[] = VENDOR_SPECS.filter((spec) => spec.optional).map(
  (spec) => spec.column,
)
export const INCIDENT_COLUMNS: readonly string[] = INCIDENT_SPECS.map((spec) => spec.column)

// ---- Header ---------------------------------------------------------------------------------------------

const normalizeHeader = (cell: string) =>
  cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()

function headerProblems(kind: ImportKind, present: readonly string[]) {
  const specs = SPECS[kind]
  const known = new Set(specs.map((spec) => spec.column))
  const have = new Set(present)
  return {
    missing: specs.filter((spec) => !spec.optional && !have.has(spec.column)).map((spec) => spec.column),
    unknown: present.filter((name) => !known.has(name)),
    matched: present.filter((name) => known.has(name)).length,
  }
}

function checkDuplicateColumns(names: readonly string[], where: string, details: ImportFileErrorDetails) {
  const seen = new Set<string>()
  for (const name of names) {
    if (seen.has(name)) {
      throw new ImportFileError(`${where} has the column "${name}" twice`, { ...details, column: name })
    }
    seen.add(name)
  }
}

function checkHeader(
  kind: ImportKind,
  names: readonly string[],
  where: string,
  details: ImportFileErrorDetails,
) {
  const { missing, unknown } = headerProblems(kind, names)
  if (missing.length > 0) {
    throw new ImportFileError(
      `${where} is missing required ${kind} columns: ${missing.join(', ')} ` +
        `(read as a ${kind} import from its header)`,
      details,
    )
  }
  if (unknown.length > 0) {
    throw new ImportFileError(
      `${where} has unknown ${kind} columns: ${unknown.join(', ')}. ` +
        `Allowed columns are ${SPECS[kind].map((spec) => spec.column).join(', ')}`,
      { ...details, ...(unknown[0] === undefined ? {} : { column: unknown[0] }) },
    )
  }
}

/** A CSV says what it holds only through its header: the kind whose required columns are all there. */
function detectKind(names: readonly string[], details: ImportFileErrorDetails): ImportKind {
  const candidates = KINDS.map((kind) => ({ kind, ...headerProblems(kind, names) }))
  const complete = candidates.filter((candidate) => candidate.missing.length === 0)
  if (complete.length === 2) {
    throw new ImportFileError(
      'The header mixes vendors and incidents columns; import them as separate files',
      details,
    )
  }
  const [best] = complete.length === 1 ? complete : [...candidates].sort((a, b) => b.matched - a.matched)
  if (!best || best.matched === 0) {
    throw new ImportFileError(
      'The first row is not a vendors or incidents header. ' +
        `Vendors columns: ${VENDOR_COLUMNS.join(', ')}. Incidents columns: ${INCIDENT_COLUMNS.join(', ')}`,
      details,
    )
  }
  return best.kind
}

// ---- Rows -----------------------------------------------------------------------------------------------

/** One data row as text cells keyed by column, with whatever went wrong before conversion. */
interface RawRow {
  line: number
  cells: Pick<ReadonlyMap<string, string>, 'get'>
  problems: CellError[]
  /** The cells are not aligned with the header, so converting them would only produce noise. */
  misaligned: boolean
}

function setPath(target: Record<string, unknown>, path: NonNullable<ColumnSpec['path']>, value: unknown) {
  if (path.length === 1) {
    target[path[0]] = value
    return
  }
  const child = (target[path[0]] ??= {}) as Record<string, unknown>
  child[path[1]] = value
}

function buildRow(kind: ImportKind, sheet: string, raw: RawRow): ParsedRow {
  const specs = SPECS[kind]
  const errors: CellError[] = [...raw.problems]
  const failed = new Set<string>()
  for (const problem of raw.problems) if (problem.column !== ROW_COLUMN) failed.add(problem.column)
  const input: Record<string, unknown> = {}
  const keyText = (raw.cells.get(kind === 'vendors' ? 'name' : 'vendor') ?? '').trim()
  const key = keyText === '' ? null : keyText

  if (!raw.misaligned) {
    for (const spec of specs) {
      // A nested object per group even when all its cells failed, so zod blames the cells, not the group.
      if (spec.path?.length === 2) input[spec.path[0]] ??= {}
      if (failed.has(spec.column)) continue
      const result = spec.convert(raw.cells.get(spec.column) ?? '')
      if (!result.ok) {
        failed.add(spec.column)
        for (const message of result.messages) errors.push({ column: spec.column, message })
      } else if (result.value !== undefined && spec.path) {
        setPath(input, spec.path, result.value)
      }
    }
    if (kind === 'incidents' && key === null && !failed.has('vendor')) {
      failed.add('vendor')
      errors.push({ column: 'vendor', message: 'Vendor name is required' })
    }
  }

  let parsed: VendorInputParsed | IncidentInputParsed | null = null
  if (!raw.misaligned) {
    const result = kind === 'vendors' ? VendorInput.safeParse(input) : IncidentInput.safeParse(input)
    if (result.success) {
      parsed = result.data
    } else {
      // zod keeps checking after a failure ('2025-3-14' is malformed and not a real date); the first says it.
      for (const issue of result.error.issues) {
        const name = columnForPath(kind, issue.path)
        if (failed.has(name)) continue
        if (name !== ROW_COLUMN) failed.add(name)
        errors.push({ column: name, message: issue.message })
      }
    }
  }

  const order = COLUMN_ORDER[kind]
  if (errors.length > 1) errors.sort((a, b) => (order.get(a.column) ?? -1) - (order.get(b.column) ?? -1))
  const valid = errors.length === 0
  if (kind === 'vendors') {
    const vendor = valid ? (parsed as VendorInputParsed) : null
    return { kind, sheet, line: raw.line, name: key, input: vendor, errors }
  }
  const incident = valid ? (parsed as IncidentInputParsed) : null
  return { kind, sheet, line: raw.line, vendorName: key, input: incident, errors }
}

const COLUMN_ORDER: Record<ImportKind, Map<string, number>> = {
  vendors: new Map(VENDOR_SPECS.map((spec, index) => [spec.column, index])),
  incidents: new Map(INCIDENT_SPECS.map((spec, index) => [spec.column, index])),
}

const PATH_TO_COLUMN: Record<ImportKind, Map<string, string>> = {
  vendors: new Map(VENDOR_SPECS.flatMap((spec) => (spec.path ? [[spec.path.join('.'), spec.column]] : []))),
  incidents: new Map(
    INCIDENT_SPECS.flatMap((spec) => (spec.path ? [[spec.path.join('.'), spec.column]] : [])),
  ),
}

function columnForPath(kind: ImportKind, path: readonly PropertyKey[]): string {
  const names = PATH_TO_COLUMN[kind]
  const keys = path.map(String)
  return names.get(keys.slice(0, 2).join('.')) ?? names.get(keys.slice(0, 1).join('.')) ?? ROW_COLUMN
}

/** Names are what incidents and later imports match on, so two rows with one name would be ambiguous. */
function flagDuplicateNames(rows: ParsedRow[]) {
  const firstLine = new Map<string, number>()
  for (const row of rows) {
    if (row.kind !== 'vendors' || row.name === null) continue
    const key = row.name.toLowerCase()
    const first = firstLine.get(key)
    if (first === undefined) {
      firstLine.set(key, row.line)
    } else {
      row.errors.push({ column: 'name', message: `duplicate of line ${first}` })
      row.input = null
    }
  }
}

function tooManyRows(count: number): ImportFileError {
  return new ImportFileError(
    `The file has ${count.toLocaleString('en-US')} rows; ` +
      `the limit is ${MAX_IMPORT_ROWS.toLocaleString('en-US')}. Split it into smaller files`,
  )
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '')

// ---- CSV ------------------------------------------------------------------------------------------------

function decodeText(bytes: Uint8Array): string {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ImportFileError('The CSV file is not UTF-8 text; save it as "CSV UTF-8 (comma delimited)"')
  }
  if (text.includes('\u0000')) throw new ImportFileError('The CSV file contains binary data, not text')
  return text.replace(/^\uFEFF/, '')
}

/** Physical line numbers from character offsets; offsets only grow while papaparse walks the file. */
function lineCounter(text: string) {
  let offset = 0
  let line = 1
  let lineBreak = '\n'
  return {
    setLineBreak(value: string) {
      lineBreak = value === '\r' ? '\r' : '\n'
    },
    lineAt(position: number) {
      if (position < offset) {
        offset = 0
        line = 1
      }
      for (let next = text.indexOf(lineBreak, offset); next !== -1 && next < position;) {
        line++
        next = text.indexOf(lineBreak, next + 1)
      }
      offset = Math.max(offset, position)
      return line
    },
  }
}

// The line goes in the error's details, which callers already print next to the message.
function quoteErrorMessage(error: Papa.ParseError): string {
  if (error.code === 'MissingQuotes') {
    return 'A quoted field is never closed; check for a missing or stray " character'
  }
  if (error.code === 'InvalidQuotes') {
    return 'A quoted field has text after its closing quote; write a " inside quotes as ""'
  }
  return error.message
}

function readCsv(bytes: Uint8Array): ParsedImport {
  const text = decodeText(bytes)
  const lines = lineCounter(text)
  // Set inside papaparse's step callback; an object, so the compiler does not narrow it to its initial value.
  const state: {
    kind: ImportKind | null
    header: string[]
    /** Each named column's position in the header. */
    positions: Map<string, number>
    failure: ImportFileError | null
  } = {
    kind: null,
    header: [],
    positions: new Map(),
    failure: null,
  }
  let rowStart = 0
  let dataRows = 0
  const rows: ParsedRow[] = []

  Papa.parse<string[]>(text, {
    delimiter: ',',
    step(result, parser) {
      const start = rowStart
      rowStart = result.meta.cursor
      lines.setLineBreak(result.meta.linebreak)
      const [error] = result.errors
      if (error) {
        const line = lines.lineAt(error.index ?? start)
        state.failure = new ImportFileError(quoteErrorMessage(error), { line })
        parser.abort()
        return
      }
      const fields = result.data
      if (isBlank(fields)) return
      const line = lines.lineAt(start)
      if (state.kind === null) {
        try {
          state.header = fields.map(normalizeHeader)
          state.kind = readCsvHeader(state.header, fields, line)
          state.header.forEach((name, index) => {
            if (name !== '') state.positions.set(name, index)
          })
        } catch (caught) {
          state.failure = caught instanceof ImportFileError ? caught : new ImportFileError(String(caught))
          parser.abort()
        }
        return
      }
      dataRows++
      // Past the limit only the count matters (for the message), so the rows are not kept. Each row is converted
      // as it is read, so its text cells are garbage at once instead of 50,000 of them living until the end.
      if (dataRows <= MAX_IMPORT_ROWS) {
        rows.push(buildRow(state.kind, state.kind, csvRow(state.header, state.positions, fields, line)))
      }
    },
  })

  const { kind, failure } = state
  if (failure) throw failure
  if (kind === null) throw new ImportFileError('The file is empty; it needs a header row and data rows')
  if (dataRows > MAX_IMPORT_ROWS) throw tooManyRows(dataRows)
  flagDuplicateNames(rows)
  return { format: 'csv', rows }
}

function readCsvHeader(names: string[], fields: string[], line: number): ImportKind {
  const details = { line }
  const [only] = fields
  if (fields.length === 1 && only !== undefined && /[;\t]/.test(only)) {
    const separator = only.includes(';') ? "';'" : 'tabs'
    throw new ImportFileError(
      `The header row is separated by ${separator}; save the file as comma-separated CSV (UTF-8)`,
      details,
    )
  }
  const present = names.filter((name) => name !== '')
  checkDuplicateColumns(present, 'The header', details)
  const kind = detectKind(present, details)
  checkHeader(kind, present, 'The header', details)
  return kind
}

/** A CSV row's cells by column name, read through the header's positions: no Map of its own for every row. */
class CsvCells {
  readonly #positions: ReadonlyMap<string, number>
  readonly #fields: readonly string[]

  constructor(positions: ReadonlyMap<string, number>, fields: readonly string[]) {
    this.#positions = positions
    this.#fields = fields
  }

  get(column: string): string | undefined {
    const at = this.#positions.get(column)
    return at === undefined ? undefined : this.#fields[at]
  }
}

function csvRow(
  header: readonly string[],
  positions: ReadonlyMap<string, number>,
  fields: readonly string[],
  line: number,
): RawRow {
  const problems: CellError[] = []
  if (fields.length !== header.length) {
    problems.push({
      column: ROW_COLUMN,
      message: `has ${fields.length} fields; the header has ${header.length}`,
    })
    const cells = new Map<string, string>()
    const nameAt = header.findIndex((name) => name === 'name' || name === 'vendor')
    const name = header[nameAt]
    const value = fields[nameAt]
    if (name !== undefined && value !== undefined) cells.set(name, value)
    return { line, cells, problems, misaligned: true }
  }
  fields.forEach((value, index) => {
    if (header[index] === '' && value.trim() !== '') {
      problems.push({
        column: ROW_COLUMN,
        message: `${quote(value)} is in column ${index + 1}, which has no header`,
      })
    }
  })
  return { line, cells: new CsvCells(positions, fields), problems, misaligned: false }
}

// ---- XLSX -----------------------------------------------------------------------------------------------

type CellText = { text: string } | { problem: string }

function isoDay(value: Date): CellText {
  return Number.isNaN(value.getTime())
    ? { problem: 'holds an invalid date' }
    : { text: value.toISOString().slice(0, 10) }
}

/** Reduces whatever exceljs hands back for a cell to the text a CSV export of it would contain. */
function cellText(value: CellValue | CellValue[] | undefined): CellText {
  if (value === null || value === undefined) return { text: '' }
  if (typeof value === 'string') return { text: value }
  if (typeof value === 'number') return { text: String(value) }
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' }
  if (value instanceof Date) return isoDay(value)
  if (Array.isArray(value)) return { problem: 'holds an unsupported value' }
  if ('richText' in value) return { text: value.richText.map((run) => run.text).join('') }
  if ('error' in value) return { problem: `holds the spreadsheet error ${value.error}` }
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined) {
      return { problem: 'is a formula without a saved result; recalculate and save it, or paste values' }
    }
    return cellText(value.result)
  }
  if ('hyperlink' in value) return cellText(value.text)
  return { problem: 'holds an unsupported value' }
}

function columnLetter(index: number): string {
  let letters = ''
  for (let rest = index; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters
  }
  return letters
}

const rowValues = (values: CellValue[] | Record<string, CellValue>): CellValue[] =>
  Array.isArray(values) ? values : []

async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  // Loaded on first use: a CSV needs none of it, and the msw handlers run this module in the browser too.
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  try {
    // JSZip underneath reads a Uint8Array as it is, so no Node Buffer is needed.
    await workbook.xlsx.load(bytes as unknown as Parameters<Xlsx['load']>[0])
  } catch {
    throw new ImportFileError('The file is not a valid XLSX file; save it from Excel as .xlsx or as CSV')
  }
  return workbook
}

async function readXlsx(bytes: Uint8Array): Promise<ParsedImport> {
  const workbook = await loadWorkbook(bytes)
  const sheets = new Map<ImportKind, Worksheet>()
  const found: string[] = []
  workbook.eachSheet((sheet) => {
    found.push(sheet.name)
    const name = sheet.name.trim().toLowerCase()
    if ((name === 'vendors' || name === 'incidents') && !sheets.has(name)) sheets.set(name, sheet)
  })
  if (sheets.size === 0) {
    const list = found.length > 0 ? found.map((name) => `"${name}"`).join(', ') : 'none'
    throw new ImportFileError(
      `The workbook has no sheet named "vendors" or "incidents" (sheets found: ${list})`,
    )
  }

  // actualRowCount only counts rows with values, so this is a cheap upper bound before any conversion.
  let dataRows = 0
  for (const sheet of sheets.values()) {
    dataRows += Math.max(0, sheet.actualRowCount - (sheet.getRow(1).hasValues ? 1 : 0))
  }
  if (dataRows > MAX_IMPORT_ROWS) throw tooManyRows(dataRows)

  const rows: ParsedRow[] = []
  for (const kind of KINDS) {
    const sheet = sheets.get(kind)
    if (sheet) rows.push(...readSheet(kind, sheet))
  }
  flagDuplicateNames(rows)
  return { format: 'xlsx', rows }
}

function readSheet(kind: ImportKind, sheet: Worksheet): ParsedRow[] {
  // A sheet left entirely empty (say, an unused incidents tab) holds nothing to import.
  if (sheet.actualRowCount === 0) return []
  const where = `Sheet "${sheet.name}"`
  const details = { sheet: sheet.name, line: 1 }
  const header = rowValues(sheet.getRow(1).values).map((value) => {
    const cell = cellText(value)
    return 'text' in cell ? normalizeHeader(cell.text) : ''
  })
  const present = header.filter((name) => name !== '')
  if (present.length === 0) {
    throw new ImportFileError(`${where} must have its header in row 1`, details)
  }
  checkDuplicateColumns(present, where, details)
  checkHeader(kind, present, where, details)

  const rows: ParsedRow[] = []
  sheet.eachRow((row, line) => {
    if (line === 1) return
    const cells = new Map<string, string>()
    const problems: CellError[] = []
    const texts: string[] = []
    rowValues(row.values).forEach((value, index) => {
      const cell = cellText(value)
      const name = header[index]
      if ('problem' in cell) {
        problems.push({
          column: name || ROW_COLUMN,
          message: `cell ${columnLetter(index)}${line} ${cell.problem}`,
        })
        texts.push('#')
      } else if (name) {
        cells.set(name, cell.text)
        texts.push(cell.text)
      } else if (cell.text.trim() !== '') {
        const message = `${quote(cell.text)} is in column ${columnLetter(index)}, which has no header`
        problems.push({ column: ROW_COLUMN, message })
        texts.push(cell.text)
      }
    })
    if (isBlank(texts)) return
    rows.push(buildRow(kind, sheet.name, { line, cells, problems, misaligned: false }))
  })
  return rows
}

// ---- Entry points ---------------------------------------------------------------------------------------

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const CSV_TYPES = new Set(['text/csv', 'application/csv'])

const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

function detectFormat(file: { name: string; type?: string; bytes: Uint8Array }): 'csv' | 'xlsx' {
  const extension = /\.([^./\\]+)$/.exec(file.name.trim())?.[1]?.toLowerCase()
  const type = file.type?.split(';')[0]?.trim().toLowerCase() ?? ''
  // An .xlsx renamed to .csv is still a workbook; no CSV can start with these bytes and have a valid header.
  if (isZip(file.bytes)) return 'xlsx'
  if (extension === 'xlsx') return 'xlsx'
  if (extension === 'csv') return 'csv'
  if (CSV_TYPES.has(type)) return 'csv'
  if (type === XLSX_TYPE) return 'xlsx'
  const hint = extension === 'xls' ? ' (the old .xls format is not supported; save it as .xlsx)' : ''
  throw new ImportFileError(
    `"${file.name}" is not a supported file type${hint}. ` +
      'Upload a .csv (UTF-8, comma-separated) or .xlsx file',
  )
}

/**
 * Reads a vendors or incidents import. File-level problems (format, header, quoting, size) throw
 * ImportFileError; whatever is wrong with a single row is reported on that row, so all of it can be shown.
 */
export async function parseImportFile(file: {
  name: string
  type?: string
  bytes: Uint8Array
}): Promise<ParsedImport> {
  const format = detectFormat(file)
  if (file.bytes.length === 0) throw new ImportFileError('The file is empty')
  return format === 'xlsx' ? readXlsx(file.bytes) : readCsv(file.bytes)
}

const TEMPLATE_ROWS: Record<ImportKind, Record<string, string>> = {
  vendors: {
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
    certifications: 'soc2_type2;iso27001',
    mfa: 'yes',
    encryption_at_rest: 'yes',
    last_assessed_at: '2025-11-03',
    description: 'Runs payroll for all employees, including contractors',
    website: 'https://acme-payroll.example',
    contract_end: '2027-06-30',
  },
  incidents: {
    vendor: 'Acme Payroll',
    occurred_at: '2025-03-14',
    kind: 'breach',
    severity: 'high',
    records_exposed: '1200',
    status: 'resolved',
    notified_after_days: '3',
    summary: 'Payroll exports were readable through a misconfigured storage bucket',
    source: 'https://status.acme-payroll.example/incidents/2025-03',
  },
}

/** The downloadable template: the header and one example row, CRLF-terminated as in RFC 4180. */
export function templateCsv(kind: ImportKind): string {
  const columns = kind === 'vendors' ? VENDOR_COLUMNS : INCIDENT_COLUMNS
  const example = TEMPLATE_ROWS[kind]
  const csv = Papa.unparse(
    { fields: [...columns], data: [columns.map((name) => example[name] ?? '')] },
    { newline: '\r\n' },
  )
  return `${csv}\r\n`
}
