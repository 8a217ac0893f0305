/**
 * CSV as RFC 4180 writes it (CRLF line ends, quotes doubled inside quoted fields), UTF-8 with a byte-order mark so
 * Excel reads non-Latin names right, and safe to open in a spreadsheet: text that a spreadsheet would run as a
 * formula (CSV injection) is neutralised. Spreadsheet exports (XLSX) use the same neutralisation.
 */

export const CSV_BOM = '\uFEFF'
export const CSV_EOL = '\r\n'

export type CellValue = string | number | boolean | null | undefined

/**
 * Leading characters that make Excel, LibreOffice or Google Sheets evaluate a cell (OWASP's list: = + - @, tab and
 * carriage return), plus their full-width forms, which some East Asian spreadsheet locales treat alike.
 */
const FORMULA_LEADS = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'])
const LEADING_SPACE = /^[\s\u00a0\u3000]+/

/** Checked by code unit first: this runs for every text cell of a 50,000-row export. */
const isFormulaLead = (c: number) =>
  c === 61 ||
  c === 43 ||
  c === 45 ||
  c === 64 ||
  c === 9 ||
  c === 13 ||
  (c >= 0xff0b && FORMULA_LEADS.has(String.fromCharCode(c)))
const isSpace = (c: number) =>
  c === 32 ||
  c === 10 ||
  c === 11 ||
  c === 12 ||
  c === 0xa0 ||
  c === 0x3000 ||
  (c > 0x1000 && /\s/.test(String.fromCharCode(c)))

/**
 * Text that a spreadsheet would take for a formula gets a leading apostrophe, which spreadsheets show as text
 * and do not evaluate. Leading spaces are looked through, since some spreadsheets trim them before evaluating.
 * Numbers are never passed here: a negative number is a number, not a formula.
 */
export function neutraliseFormula(text: string): string {
  if (text.length === 0) return text
  const first = text.charCodeAt(0)
  if (isFormulaLead(first)) return `'${text}`
  if (!isSpace(first)) return text
  const space = LEADING_SPACE.exec(text)
  if (space && space[0].length < text.length && isFormulaLead(text.charCodeAt(space[0].length)))
    return `'${text}`
  return text
}

const NEEDS_QUOTES = /[",\r\n]/

/** One field: numbers as they are, booleans as yes/no, text neutralised and quoted when RFC 4180 requires it. */
export function csvCell(value: CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  const text = neutraliseFormula(value)
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One record, with its CRLF. */
export function csvLine(cells: readonly CellValue[]): string {
  let line = ''
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : ',') + csvCell(cells[i])
  return line + CSV_EOL
}
