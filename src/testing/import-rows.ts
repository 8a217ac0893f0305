/**
 * Rows for import files, shared by the import page's tests, the mocked import API's, the server's import route
 * tests and the export tests that import a history.
 */
import { IMPORT_COLUMNS } from '../domain'

const COLUMNS = IMPORT_COLUMNS.vendors.required

/** The header line of a vendor import holding the required columns. */
export const VENDOR_IMPORT_HEADER = COLUMNS.join(',')

/** The header line of an incident import holding the required columns. */
export const INCIDENT_IMPORT_HEADER = IMPORT_COLUMNS.incidents.required.join(',')

/**
 * The cells of one valid vendor import row, in column order (an XLSX row): a payroll processor holding PII and
 * payment data, with MFA and encryption at rest. `overrides` sets cells as a spreadsheet would hold them
 * (`{ records: 'lots' }`).
 */
export function vendorImportCells(
  name: string,
  overrides: Partial<Record<(typeof COLUMNS)[number], string>> = {},
): string[] {
  const cells: Record<string, string> = {
    name,
    category: 'Payroll',
    owner: 'Finance',
    status: 'active',
    data_classes: 'pii;payment',
    records: '12000',
    data_location: 'vendor_environment',
    network_access: 'api',
    criticality: 'high',
    fourth_parties: 'Amazon Web Services',
    certifications: 'soc2_type2',
    mfa: 'yes',
    encryption_at_rest: 'yes',
    last_assessed_at: '2026-01-15',
    ...overrides,
  }
  return COLUMNS.map((column) => cells[column] ?? '')
}

/** The same row as a CSV line; a cell holding a comma, quote or line break is quoted as RFC 4180 says. */
export const vendorImportRow = (...args: Parameters<typeof vendorImportCells>) =>
  vendorImportCells(...args)
    .map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell))
    .join(',')

/** A vendor import's CSV text: the header, then these rows. */
export const vendorImportCsv = (...rows: string[]) => `${[VENDOR_IMPORT_HEADER, ...rows].join('\n')}\n`
