/**
 * msw handlers for auditor exports: the server's contract (server/routes/exports.ts) over the mock inventory.
 * CSV and the full JSON are built with the domain's own register and export functions, so they read exactly like
 * the server's. The offline demo differs in three documented ways:
 * - it keeps no history, so an export as of a past day scores today's mock documents for that day;
 * - it keeps no audit log, so the audit-log export is an empty log (and the head is the genesis hash);
 * - XLSX and PDF need Node (exceljs streaming, pdfkit): POST answers 501 for them, as does a restore.
 * Every export is done at once: the mock has no background work to poll for.
 */
import { http, HttpResponse } from 'msw'
import {
  AUDIT_LOG_HEADERS,
  auditLogJsonHead,
  AuditLogExportQuery,
  CSV_BOM,
  csvLine,
  EXPORT_MEDIA_TYPES,
  exportFilename,
  ExportRequest,
  FULL_EXPORT_TAIL,
  fullExportEntry,
  GENESIS_HASH,
  fullExportText,
  MODEL_VERSION,
  DEFAULT_WEIGHTS,
  REGISTER_HEADERS,
  registerCells,
  registerRow,
  scoreVendor,
  byScoreThenName,
  type ExportListResponse,
  type ExportManifest,
} from '../../src/domain'
import { invalid, problem, refused } from './problem-responses'
import { currentMockUser } from './session'
import { MOCK_AS_OF, mockVendors } from './vendors'

const state: { exports: { manifest: ExportManifest; bytes: Uint8Array }[]; count: number } = {
  exports: [],
  count: 0,
}

/** Forgets every mock export (tests call it between cases). */
export function resetMockExports() {
  state.exports = []
  state.count = 0
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource)
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

const hexToBase64 = (hex: string) =>
  btoa(String.fromCharCode(...(hex.match(/../g) ?? []).map((h) => parseInt(h, 16))))

/** The mock register on `asOf`: the inventory's order, highest score first. */
function register(asOf: string) {
  return mockVendors()
    .map((vendor) => ({ vendor, score: scoreVendor(vendor, { asOf }) }))
    .sort((a, b) =>
      byScoreThenName(
        { score: a.score.score, name: a.vendor.name, id: a.vendor.id },
        { score: b.score.score, name: b.vendor.name, id: b.vendor.id },
      ),
    )
}

async function store(
  base: Omit<ExportManifest, 'id' | 'sha256' | 'bytes' | 'status' | 'finishedAt' | 'createdAt' | 'createdBy'>,
  text: string,
): Promise<ExportManifest> {
  state.count += 1
  const bytes = new TextEncoder().encode(text)
  const at = `${MOCK_AS_OF}T12:00:${String(state.count % 60).padStart(2, '0')}.000Z`
  const manifest: ExportManifest = {
    ...base,
    id: `exp-mock-${String(state.count).padStart(4, '0')}`,
    createdBy: currentMockUser() ?? 'anonymous',
    createdAt: at,
    finishedAt: at,
    status: 'done',
    bytes: bytes.length,
    sha256: await sha256Hex(bytes),
  }
  state.exports.unshift({ manifest, bytes })
  return manifest
}

function fileResponse(entry: { manifest: ExportManifest; bytes: Uint8Array }) {
  const { manifest, bytes } = entry
  return new HttpResponse(bytes as BodyInit, {
    headers: {
      'Content-Type': EXPORT_MEDIA_TYPES[manifest.format],
      'Content-Disposition': `attachment; filename="${manifest.filename}"`,
      'Repr-Digest': `sha-256=:${hexToBase64(manifest.sha256!)}:`,
      'X-Export-Id': manifest.id,
    },
  })
}

const find = (id: unknown) => state.exports.find((e) => e.manifest.id === id)

export const exportHandlers = [
  http.post('/api/exports/restore', ({ request }) => {
    const denied = refused(request, 'data:restore')
    if (denied) return denied
    return problem(
      request,
      501,
      'Not available offline',
      'The offline demo cannot restore a database; run the server.',
    )
  }),

  http.post('/api/exports', async ({ request }) => {
    const denied = refused(request, 'exports:read')
    if (denied) return denied
    let body: unknown
    try {
      body = await request.json()
    } catch {
      return problem(request, 400, 'Malformed JSON', 'The request body is not valid JSON.')
    }
    const parsed = ExportRequest.safeParse(body)
    if (!parsed.success) {
      return invalid(request, 422, 'Invalid request body', parsed.error)
    }
    const { format } = parsed.data
    const asOf = parsed.data.asOf ?? MOCK_AS_OF
    if (asOf > MOCK_AS_OF) {
      return problem(request, 422, 'Invalid export', `asOf: cannot be after today (${MOCK_AS_OF})`, {
        errors: [{ path: 'asOf', message: `Cannot be after today (${MOCK_AS_OF})` }],
      })
    }
    if (format === 'xlsx' || format === 'pdf') {
      return problem(
        request,
        501,
        'Not available offline',
        `The offline demo builds CSV and JSON exports only; ${format.toUpperCase()} needs the server.`,
      )
    }
    const entries = register(asOf)
    const text =
      format === 'csv'
        ? CSV_BOM +
          csvLine(REGISTER_HEADERS) +
          entries
            .map(({ vendor, score }) => csvLine(registerCells(registerRow(vendor, score, asOf))))
            .join('')
        : fullExportText(
            asOf,
            DEFAULT_WEIGHTS,
            entries.map(({ vendor, score }) => fullExportEntry(vendor, score, null)),
          )
    const manifest = await store(
      {
        kind: 'register',
        format,
        asOf,
        filters: null,
        rows: entries.length,
        auditHead: GENESIS_HASH,
        auditSeq: 0,
        modelVersion: MODEL_VERSION,
        modelRevision: 0,
        filename: exportFilename('register', format, asOf),
        error: null,
      },
      text,
    )
    return HttpResponse.json(manifest, { status: 201, headers: { Location: `/api/exports/${manifest.id}` } })
  }),

  http.get('/api/exports', ({ request }) => {
    const denied = refused(request, 'exports:read')
    if (denied) return denied
    return HttpResponse.json({ items: state.exports.map((e) => e.manifest) } satisfies ExportListResponse)
  }),

  http.get('/api/exports/:id', ({ request, params }) => {
    const denied = refused(request, 'exports:read')
    if (denied) return denied
    const entry = find(params.id)
    if (!entry) return problem(request, 404, 'Export not found', `No export has id ${String(params.id)}`)
    return HttpResponse.json(entry.manifest)
  }),

  http.get('/api/exports/:id/file', ({ request, params }) => {
    const denied = refused(request, 'exports:read')
    if (denied) return denied
    const entry = find(params.id)
    if (!entry) return problem(request, 404, 'Export not found', `No export has id ${String(params.id)}`)
    return fileResponse(entry)
  }),

  http.get('/api/audit-log/export', async ({ request }) => {
    const denied = refused(request, 'exports:read')
    if (denied) return denied
    const url = new URL(request.url)
    const parsed = AuditLogExportQuery.safeParse(Object.fromEntries(url.searchParams))
    if (!parsed.success) {
      return invalid(request, 400, 'Invalid query parameter', parsed.error)
    }
    const { format, ...given } = parsed.data
    const filters = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined))
    const text =
      format === 'csv'
        ? CSV_BOM + csvLine(AUDIT_LOG_HEADERS)
        : auditLogJsonHead({ filters, auditHead: GENESIS_HASH, auditSeq: 0 }) + FULL_EXPORT_TAIL
    const manifest = await store(
      {
        kind: 'audit-log',
        format,
        asOf: MOCK_AS_OF,
        filters,
        rows: 0,
        auditHead: GENESIS_HASH,
        auditSeq: 0,
        modelVersion: MODEL_VERSION,
        modelRevision: 0,
        filename: exportFilename('audit-log', format, MOCK_AS_OF),
        error: null,
      },
      text,
    )
    return fileResponse(find(manifest.id)!)
  }),
]
