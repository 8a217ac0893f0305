/**
 * Exports for auditors: the request and manifest of `POST /api/exports`, the audit log's filters and export, and
 * the full JSON export that a restore reads back. Shared by the server, the SPA and the msw handlers.
 */
import { z } from 'zod'
import { ScoringWeights, TIERS } from '../scoring/model'
import { IsoDate, Vendor } from './vendor'

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'pdf'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** `register`: the vendor register (every format); `audit-log`: the filtered audit log (csv or json). */
export const EXPORT_KINDS = ['register', 'audit-log'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

/** Large exports finish in the background; a client polls `GET /api/exports/:id` until `done` or `failed`. */
export const EXPORT_STATUSES = ['pending', 'running', 'done', 'failed'] as const
export type ExportStatus = (typeof EXPORT_STATUSES)[number]

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  pdf: 'application/pdf',
}

const FILE_STEMS: Record<ExportKind, Record<ExportFormat, string>> = {
  register: {
    csv: 'vendor-register',
    xlsx: 'vendor-register',
    json: 'vendor-risk-export',
    pdf: 'vendor-risk-report',
  },
  'audit-log': { csv: 'audit-log', xlsx: 'audit-log', json: 'audit-log', pdf: 'audit-log' },
}

/** `vendor-register-2026-11-26.csv`: only letters, digits and dashes, so it is safe in Content-Disposition. */
export function exportFilename(kind: ExportKind, format: ExportFormat, asOf: string): string {
  return `${FILE_STEMS[kind][format]}-${asOf.replace(/[^0-9-]/g, '')}.${format}`
}

/** POST /api/exports. `asOf` (default today) reproduces the register as it stood at the end of that day. */
export const ExportRequest = z.strictObject({
  format: z.enum(EXPORT_FORMATS, { error: `Use one of ${EXPORT_FORMATS.join(', ')}` }),
  asOf: IsoDate.optional(),
})
export type ExportRequest = z.infer<typeof ExportRequest>

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 in hex')

const auditFilterFields = {
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  /** First UTC day included. */
  from: IsoDate.optional(),
  /** Last UTC day included. */
  to: IsoDate.optional(),
}
const fromNotAfterTo = [
  (f: { from?: string | undefined; to?: string | undefined }) =>
    f.from === undefined || f.to === undefined || f.from <= f.to,
  { message: 'Must not be before "from"', path: ['to'] },
] satisfies [unknown, { message: string; path: string[] }]

/** The audit log's filters, shared by the list and the export: user, action, entity and a range of days. */
export const AuditLogFilters = z.object(auditFilterFields).refine(...fromNotAfterTo)
export type AuditLogFilters = z.infer<typeof AuditLogFilters>

/**
 * The integrity record of one export: who asked for what, and once `done` the file's SHA-256, its size and row
 * count, the audit log's head hash when the export began and the scoring model the scores were computed with.
 */
export const ExportManifest = z.object({
  id: z.string(),
  kind: z.enum(EXPORT_KINDS),
  format: z.enum(EXPORT_FORMATS),
  /** The day the export reproduces (register), or the day it was taken (audit log). */
  asOf: IsoDate,
  /** Audit-log exports: the filters applied; null for the register. */
  filters: AuditLogFilters.nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(EXPORT_STATUSES),
  /** Vendors in the register, or entries in the audit-log export; null until done. */
  rows: z.number().int().min(0).nullable(),
  bytes: z.number().int().min(0).nullable(),
  /** The SHA-256 of the file, hex; null until done. `GET …/file` sends it base64 in `Repr-Digest` too. */
  sha256: sha256Hex.nullable(),
  /** Hash of the newest audit-log entry when the export began: everything the export reflects is at or before it. */
  auditHead: z.string(),
  auditSeq: z.number().int().min(0),
  /** The scoring engine's version (its tables) … */
  modelVersion: z.string(),
  /** … and the revision of the weights in force on `asOf` (0: the defaults); null until done. */
  modelRevision: z.number().int().min(0).nullable(),
  filename: z.string(),
  /** Why a failed export failed. */
  error: z.string().nullable(),
})
export type ExportManifest = z.infer<typeof ExportManifest>

export const ExportListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
})
export const ExportListResponse = z.object({ items: z.array(ExportManifest) })
export type ExportListResponse = z.infer<typeof ExportListResponse>

// ---- The audit log --------------------------------------------------------------------------------------

export const AuditEntrySchema = z.object({
  seq: z.number().int().min(1),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
})
export type AuditEntryDto = z.infer<typeof AuditEntrySchema>

/** GET /api/audit-log: newest first; `before` pages backwards (the `nextBefore` of the previous page). */
export const AuditLogQuery = z
  .object({
    ...auditFilterFields,
    before: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .refine(...fromNotAfterTo)
export type AuditLogQuery = z.input<typeof AuditLogQuery>

export const AuditLogResponse = z.object({
  items: z.array(AuditEntrySchema),
  nextBefore: z.number().int().nullable(),
})
export type AuditLogResponse = z.infer<typeof AuditLogResponse>

export const AUDIT_EXPORT_FORMATS = ['csv', 'json'] as const
/** GET /api/audit-log/export: the filtered log, oldest first, as a file. */
export const AuditLogExportQuery = z
  .object({
    ...auditFilterFields,
    format: z
      .enum(AUDIT_EXPORT_FORMATS, { error: `Use one of ${AUDIT_EXPORT_FORMATS.join(', ')}` })
      .default('csv'),
  })
  .refine(...fromNotAfterTo)
export type AuditLogExportQuery = z.input<typeof AuditLogExportQuery>

/** The JSON audit-log export: enough to re-verify the hash chain of the entries it holds. */
export const AuditLogExport = z.object({
  kind: z.literal('audit-log'),
  filters: AuditLogFilters,
  auditHead: z.string(),
  auditSeq: z.number().int().min(0),
  entries: z.array(AuditEntrySchema),
})
export type AuditLogExport = z.infer<typeof AuditLogExport>

// ---- The full JSON export -------------------------------------------------------------------------------

export const FULL_EXPORT_FORMAT = 'vendor-risk-export'
export const FULL_EXPORT_VERSION = 1

export const StoredRiskAcceptance = z.strictObject({
  note: z.string().min(1).max(5000),
  until: IsoDate,
  acceptedBy: z.string().min(1).max(200),
  acceptedAt: z.string().min(1).max(40),
})
export type StoredRiskAcceptance = z.infer<typeof StoredRiskAcceptance>

const points = z.number().finite()
const index = z.number().min(0).max(100)

export const FullExportVendor = z.strictObject({
  vendor: Vendor,
  riskAcceptance: StoredRiskAcceptance.nullable(),
  /** The score on `asOf` with the export's weights; a restore recomputes it and refuses a file where it differs. */
  score: z.strictObject({
    score: index,
    tier: z.enum(TIERS),
    exposure: index,
    likelihood: index,
    topFactors: z.array(z.strictObject({ id: z.string(), label: z.string(), points })),
  }),
})
export type FullExportVendor = z.infer<typeof FullExportVendor>

/**
 * `format: json`: every vendor (with its incidents), its risk acceptance and score, and the scoring model, as of
 * `asOf`. It holds nothing about the export itself (who, when, audit head: that is the manifest), so exporting
 * the same register twice, or after a restore into an empty database, gives the same bytes.
 */
export const FullExport = z
  .strictObject({
    format: z.literal(FULL_EXPORT_FORMAT),
    formatVersion: z.literal(FULL_EXPORT_VERSION),
    asOf: IsoDate,
    scoringModel: z.strictObject({ modelVersion: z.string(), weights: ScoringWeights }),
    vendorCount: z.number().int().min(0),
    vendors: z.array(FullExportVendor),
  })
  .refine((doc) => doc.vendorCount === doc.vendors.length, {
    message: 'Does not match the number of vendors in the file',
    path: ['vendorCount'],
  })
export type FullExport = z.infer<typeof FullExport>

/** POST /api/exports/restore: the full JSON export loaded into an empty database. */
export const RestoreResponse = z.object({
  asOf: IsoDate,
  vendors: z.number().int().min(0),
  incidents: z.number().int().min(0),
  riskAcceptances: z.number().int().min(0),
  modelVersion: z.string(),
  modelRevision: z.number().int().min(0),
  sha256: sha256Hex,
})
export type RestoreResponse = z.infer<typeof RestoreResponse>

/** The largest full export a restore reads (about 100,000 vendors). */
export const MAX_RESTORE_BYTES = 200 * 1024 * 1024

/**
 * GET /api/audit-log/verify, as server/audit/hash-chain.ts answers it (`VerifyResult`): the whole chain holds, or
 * the first entry whose sequence, link or hash does not.
 */
export const AuditVerifyResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int().min(0), head: z.string() }),
  z.object({
    ok: z.literal(false),
    /** Entries that verified before the broken one. */
    entries: z.number().int().min(0),
    /** The hash of the last entry that verified. */
    head: z.string(),
    brokenAt: z.number().int(),
    reason: z.string(),
  }),
])
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>
