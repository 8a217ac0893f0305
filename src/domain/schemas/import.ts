/**
 * Spreadsheet imports (POST /api/imports): the report of every row's outcome, and the limits and columns of the
 * files. One definition for the server that writes the report, the SPA that reads it and the msw handlers.
 */
import { z } from 'zod'

/** The server refuses larger request bodies (413) before reading them; the SPA checks first and says so. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
/** Data rows per file, over all its sheets. */
export const MAX_IMPORT_ROWS = 50_000

export const IMPORT_KINDS = ['vendors', 'incidents'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export const IMPORT_ACTIONS = ['create', 'update', 'unchanged', 'error'] as const
export type ImportAction = (typeof IMPORT_ACTIONS)[number]

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const

/**
 * The header of each kind of file, in template order. Vendors match on `name` (an existing name updates the
 * vendor); incidents join their vendor on `vendor`. Only the vendors' optional columns may be left out.
 */
export const IMPORT_COLUMNS = {
  vendors: {
    required: [
      'name',
      'category',
      'owner',
      'status',
      'data_classes',
      'records',
      'data_location',
      'network_access',
      'criticality',
      'fourth_parties',
      'certifications',
      'mfa',
      'encryption_at_rest',
      'last_assessed_at',
    ],
    optional: ['description', 'website', 'contract_end'],
  },
  incidents: {
    required: [
      'vendor',
      'occurred_at',
      'kind',
      'severity',
      'records_exposed',
      'status',
      'notified_after_days',
      'summary',
      'source',
    ],
    optional: [],
  },
} as const satisfies Record<ImportKind, { required: readonly string[]; optional: readonly string[] }>

/** `column` is the header name (e.g. 'records'), or '(row)' when the problem is the row as a whole. */
export const CellError = z.object({ column: z.string(), message: z.string() })
export type CellError = z.infer<typeof CellError>

export const RowOutcome = z.object({
  /** The sheet's name in an XLSX file; for a CSV, the kind it was read as. */
  sheet: z.string(),
  /** The line (CSV) or row (XLSX) number as the spreadsheet app shows it; the header is line 1. */
  line: z.number().int().min(1),
  kind: z.enum(IMPORT_KINDS),
  action: z.enum(IMPORT_ACTIONS),
  /** The vendor the row creates, updates or adds an incident to. */
  vendor: z.string().nullable(),
  errors: z.array(CellError),
})
export type RowOutcome = z.infer<typeof RowOutcome>

export const ImportReport = z.object({
  file: z.string(),
  format: z.enum(IMPORT_FORMATS),
  dryRun: z.boolean(),
  /** True only after a real run committed every row; a dry run, or a run with errors, applies nothing. */
  applied: z.boolean(),
  counts: z.object({
    create: z.number().int().min(0),
    update: z.number().int().min(0),
    unchanged: z.number().int().min(0),
    error: z.number().int().min(0),
  }) satisfies z.ZodType<Record<ImportAction, number>>,
  rows: z.array(RowOutcome),
})
export type ImportReport = z.infer<typeof ImportReport>
