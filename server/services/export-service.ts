/**
 * Auditor exports: the vendor register (CSV, XLSX, full JSON, PDF report) as of any past day, the filtered audit
 * log, and the restore of a full JSON export into an empty database. Every export gets a manifest with the file's
 * SHA-256; finishing one writes `export.create` with that manifest to the audit log. Small registers are exported
 * before the request answers, large ones in the background, one at a time.
 */
import { createHash, randomBytes } from 'node:crypto'
import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import {
  addDays,
  exportFilename,
  FullExport,
  issuesToErrors,
  MODEL_VERSION,
  scoreVendor,
  stableJson,
  todayIsoDate,
  topFactorText,
  type AuditLogFilters,
  type ExportFormat,
  type ExportManifest,
  type ExportRequest,
  type RestoreResponse,
} from '../../src/domain'
import type { AuditFilter, ExportRecord, Store } from '../db/store'
import { writeAuditLog } from '../exports/audit-log-files'
import {
  ExportFileMismatch,
  openExportFile,
  readVerifiedExport,
  type ExportFile,
} from '../exports/export-file'
import {
  writeFullExportJson,
  writeRegisterCsv,
  writeRegisterXlsx,
  type ExportFacts,
} from '../exports/register-files'
import { registerFor } from '../exports/register-source'
import { writeRiskReportPdf, type ReportInput } from '../exports/risk-report-pdf'
import { HttpProblem } from '../http/problem'
import type { Actor, VendorService } from './vendor-service'

/** Registers of up to this many vendors are exported before `POST /api/exports` answers. */
export const DEFAULT_SYNC_VENDORS = 2000
/** "Biggest changes" in the PDF compare with the register this many days before. */
const COMPARE_DAYS = 30
const TREND_WEEKS = 26

export interface ExportServiceOptions {
  store: Store
  vendors: Pick<VendorService, 'restore' | 'model'>
  /** Files go to `<dataDir>/exports/<id>.<format>`. */
  dataDir: string
  now?: () => Date
  log?: (line: string) => void
  syncVendors?: number
}

const newExportId = () => `exp-${randomBytes(8).toString('hex')}`
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

export function createExportService(options: ExportServiceOptions) {
  const { store, vendors, log = () => {}, now = () => new Date() } = options
  const syncVendors = options.syncVendors ?? DEFAULT_SYNC_VENDORS
  const dir = path.join(options.dataDir, 'exports')
  const today = () => todayIsoDate(now())
  const filePath = (record: Pick<ExportRecord, 'id' | 'format'>) =>
    path.join(dir, `${record.id}.${record.format}`)
  let queue: Promise<unknown> = Promise.resolve()

  const save = (record: ExportRecord, audit: { action: string; after: unknown }[] = []) =>
    store.commit({
      actor: record.createdBy,
      exports: [record],
      audit: audit.map((a) => ({ ...a, entityType: 'export', entityId: record.id })),
    })

  /** A new export's record, before any of its file is written, at the audit log's `head`. */
  const newRecord = (
    actor: Actor,
    head: { hash: string; seq: number },
    fields: Pick<ExportRecord, 'kind' | 'format' | 'asOf' | 'filters' | 'status'>,
  ): ExportRecord => ({
    id: newExportId(),
    kind: fields.kind,
    format: fields.format,
    asOf: fields.asOf,
    filters: fields.filters,
    createdBy: actor.username,
    createdAt: now().toISOString(),
    finishedAt: null,
    status: fields.status,
    rows: null,
    bytes: null,
    sha256: null,
    auditHead: head.hash,
    auditSeq: head.seq,
    modelVersion: MODEL_VERSION,
    modelRevision: null,
    filename: exportFilename(fields.kind, fields.format, fields.asOf),
    error: null,
  })

  async function finish(record: ExportRecord, file: ExportFile, rows: number, modelRevision: number) {
    const written = await file.finish()
    const done: ExportRecord = {
      ...record,
      status: 'done',
      rows,
      bytes: written.bytes,
      sha256: written.sha256,
      modelRevision,
      finishedAt: now().toISOString(),
    }
    await save(done, [{ action: 'export.create', after: done }])
    return done
  }

  /** The manifest says why in words for its reader; the server log keeps the details (paths, stack). */
  async function fail(record: ExportRecord, error: unknown, reason?: string) {
    log(
      `[export] ${record.id} (${record.kind} ${record.format}) failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    )
    const code = (error as NodeJS.ErrnoException | undefined)?.code
    const failed: ExportRecord = {
      ...record,
      status: 'failed',
      error:
        reason ??
        `The export could not be written${code ? ` (${code})` : ''}; the server log has the details. Request it again.`,
      finishedAt: now().toISOString(),
    }
    await save(failed, [{ action: 'export.fail', after: failed }])
    return failed
  }

  /** The portfolio's weekly median and 90th percentile up to `asOf`, from the score snapshots. */
  async function trendFor(asOf: string): Promise<ReportInput['trend']> {
    const first = addDays(asOf, -(TREND_WEEKS - 1) * 7)
    const rows = await store.dashboard.trend(first, 7, TREND_WEEKS)
    return rows.map((row, i) => ({ ...row, asOf: addDays(first, i * 7) }))
  }

  async function runRegister(pending: ExportRecord): Promise<ExportRecord> {
    const record: ExportRecord = { ...pending, status: 'running' }
    await save(record)
    let file: ExportFile | undefined
    try {
      file = await openExportFile(dir, `${record.id}.${record.format}`)
      const register = await registerFor(store, {
        asOf: record.asOf,
        untilSeq: record.auditSeq,
        ...(record.format === 'pdf' && { compareDays: COMPARE_DAYS }),
      })
      const facts: ExportFacts = {
        id: record.id,
        asOf: record.asOf,
        createdBy: record.createdBy,
        createdAt: record.createdAt,
        auditHead: record.auditHead,
        auditSeq: record.auditSeq,
        modelVersion: record.modelVersion,
        modelRevision: register.modelRevision,
      }
      const writers: Record<ExportFormat, () => Promise<number>> = {
        csv: () => writeRegisterCsv(file!, register),
        json: () => writeFullExportJson(file!, register),
        xlsx: () => writeRegisterXlsx(file!, register, facts),
        pdf: async () => writeRiskReportPdf(file!, { register, facts, trend: await trendFor(record.asOf) }),
      }
      const rows = await writers[record.format]()
      return await finish(record, file, rows, register.modelRevision)
    } catch (error) {
      await file?.abort()
      return fail(record, error)
    }
  }

  async function get(id: string): Promise<ExportManifest> {
    const record = await store.getExport(id)
    if (!record) throw new HttpProblem(404, 'Export not found', `No export has id ${id}`)
    return record
  }

  function enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job, job)
    queue = run.catch(() => {})
    return run
  }

  function refuseFuture(day: string | undefined, field: string) {
    if (day !== undefined && day > today()) {
      throw new HttpProblem(422, 'Invalid export', `${field}: cannot be after today (${today()})`, [
        { path: field, message: `Cannot be after today (${today()})` },
      ])
    }
  }

  return {
    /** Export files left half-written by a stopped server are removed, and their manifests marked failed. */
    async init() {
      for (const record of await store.listExports({ limit: 10_000, unfinished: true })) {
        await fail(
          record,
          new Error('unfinished at start-up'),
          'The server stopped before the export finished; request it again.',
        )
      }
      try {
        for (const name of await readdir(dir))
          if (name.endsWith('.tmp')) await rm(path.join(dir, name), { force: true })
      } catch {
        // No exports yet.
      }
    },

    async create(input: ExportRequest, actor: Actor): Promise<ExportManifest> {
      const asOf = input.asOf ?? today()
      refuseFuture(asOf, 'asOf')
      const head = await store.auditHead()
      const record = newRecord(actor, head, {
        kind: 'register',
        format: input.format,
        asOf,
        filters: null,
        status: 'pending',
      })
      await save(record)
      // A small register takes well under a second: answer with it done. Larger ones queue, one at a time.
      if ((await store.countVendors()) <= syncVendors) return runRegister(record)
      enqueue(() => runRegister(record)).catch((error: unknown) =>
        log(`[export] ${record.id}: could not record the outcome: ${String(error)}`),
      )
      return record
    },

    list: (limit: number) => store.listExports({ limit }),

    get,

    /** The file, verified against its manifest first: a changed or missing file is never served. */
    async file(id: string, actor: Actor): Promise<{ manifest: ExportManifest; bytes: Buffer }> {
      const manifest = await get(id)
      if (manifest.status !== 'done' || manifest.sha256 === null) {
        throw new HttpProblem(
          409,
          'Export not ready',
          manifest.status === 'failed'
            ? `Export ${id} failed: ${manifest.error ?? 'unknown error'}`
            : `Export ${id} is ${manifest.status}; poll GET /api/exports/${id} until it is done.`,
          undefined,
          { exportStatus: manifest.status },
        )
      }
      try {
        return { manifest, bytes: await readVerifiedExport(filePath(manifest), manifest.sha256) }
      } catch (error) {
        if (!(error instanceof ExportFileMismatch)) throw error
        log(`[export] ${id}: stored file does not match its manifest: ${error.message}`)
        await store.commit({
          actor: actor.username,
          audit: [
            {
              action: 'export.verify_failed',
              entityType: 'export',
              entityId: id,
              after: { expected: manifest.sha256, found: error.message },
            },
          ],
        })
        throw new HttpProblem(
          410,
          'Export file altered',
          `The stored file of export ${id} no longer matches the SHA-256 in its manifest (${manifest.sha256}): ` +
            `${error.message}. It is not served; request a new export.`,
          undefined,
          { sha256: manifest.sha256 },
        )
      }
    },

    /** The filtered audit log as a file, stored and logged like every export. */
    async auditLog(
      filters: AuditLogFilters,
      format: 'csv' | 'json',
      actor: Actor,
    ): Promise<{ manifest: ExportManifest; bytes: Buffer }> {
      const head = await store.auditHead()
      const asOf = today()
      const clean = Object.fromEntries(
        Object.entries(filters).filter(([, v]) => v !== undefined),
      ) as AuditFilter
      const record = newRecord(actor, head, {
        kind: 'audit-log',
        format,
        asOf,
        filters: clean,
        status: 'running',
      })
      await save(record)
      const file = await openExportFile(dir, `${record.id}.${format}`)
      let done: ExportRecord
      try {
        const rows = await writeAuditLog(file, format, store.streamAudit({ ...clean, untilSeq: head.seq }), {
          filters: clean,
          auditHead: head.hash,
          auditSeq: head.seq,
        })
        done = await finish(record, file, rows, vendors.model().revision)
      } catch (error) {
        await file.abort()
        await fail(record, error)
        throw error
      }
      return { manifest: done, bytes: await readVerifiedExport(filePath(done), done.sha256!) }
    },

    /**
     * Loads a full JSON export into an empty database. The file must parse with the export's schema, come from
     * the same scoring engine version, and every vendor's score in it must be what its document scores on the
     * file's day with the file's weights: an edited file is refused rather than half-trusted.
     */
    async restore(
      bytes: Uint8Array,
      expectedSha256: string | undefined,
      actor: Actor,
    ): Promise<RestoreResponse> {
      const digest = sha256(bytes)
      if (expectedSha256 !== undefined && expectedSha256.toLowerCase() !== digest) {
        throw new HttpProblem(422, 'Restore refused', `sha256: the file hashes to ${digest}`, [
          { path: 'sha256', message: `The file hashes to ${digest}, not ${expectedSha256}` },
        ])
      }
      let json: unknown
      try {
        json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
      } catch {
        throw new HttpProblem(400, 'Malformed JSON', 'The request body is not valid UTF-8 JSON.')
      }
      const parsed = FullExport.safeParse(json)
      if (!parsed.success) {
        const errors = issuesToErrors(parsed.error).slice(0, 100)
        throw new HttpProblem(
          422,
          'Not a full export',
          errors.map((e) => `${e.path}: ${e.message}`).join('; '),
          errors,
        )
      }
      const doc = parsed.data
      const problems: { path: string; message: string }[] = []
      if (doc.scoringModel.modelVersion !== MODEL_VERSION) {
        problems.push({
          path: 'scoringModel.modelVersion',
          message: `Exported with scoring engine ${doc.scoringModel.modelVersion}; this server runs ${MODEL_VERSION}`,
        })
      }
      const ids = new Set<string>()
      doc.vendors.forEach(({ vendor, score }, i) => {
        if (ids.has(vendor.id))
          problems.push({ path: `vendors.${i}.vendor.id`, message: `${vendor.id} appears twice` })
        ids.add(vendor.id)
        if (problems.length > 0) return
        const again = scoreVendor(vendor, { asOf: doc.asOf, weights: doc.scoringModel.weights })
        const expected = {
          score: again.score,
          tier: again.tier,
          exposure: again.exposure,
          likelihood: again.likelihood,
          topFactors: topFactorText(again.factors),
        }
        if (stableJson(expected) !== stableJson(score)) {
          problems.push({
            path: `vendors.${i}.score`,
            message: `Does not match the vendor's document: it scores ${again.score} (${again.tier}) on ${doc.asOf}`,
          })
        }
      })
      if (problems.length > 0) {
        throw new HttpProblem(
          422,
          'Restore refused',
          problems.map((p) => `${p.path}: ${p.message}`).join('; '),
          problems.slice(0, 100),
        )
      }
      const acceptances = doc.vendors.flatMap(({ vendor, riskAcceptance }) =>
        riskAcceptance ? [{ vendorId: vendor.id, acceptance: riskAcceptance }] : [],
      )
      const { modelRevision } = await vendors.restore(
        { vendors: doc.vendors.map((v) => v.vendor), weights: doc.scoringModel.weights, acceptances },
        [
          {
            action: 'restore.apply',
            entityType: 'restore',
            entityId: digest,
            after: {
              sha256: digest,
              asOf: doc.asOf,
              vendors: doc.vendors.length,
              riskAcceptances: acceptances.length,
            },
          },
        ],
        actor,
      )
      return {
        asOf: doc.asOf,
        vendors: doc.vendors.length,
        incidents: doc.vendors.reduce((n, v) => n + v.vendor.incidents.length, 0),
        riskAcceptances: acceptances.length,
        modelVersion: MODEL_VERSION,
        modelRevision,
        sha256: digest,
      }
    },

    /** Resolves when every queued export has finished (tests, the bench, shutdown). */
    idle: () => queue.then(() => {}),
    filePath,
  }
}

export type ExportService = ReturnType<typeof createExportService>
