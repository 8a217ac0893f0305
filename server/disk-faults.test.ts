/**
 * A full disk, a read-only data directory, and a disk that turns read-only under the running server. A write the
 * disk cannot hold answers a 507 problem, the server stays up and keeps serving, nothing stored is lost, and writes
 * work again once there is room. A server asked to start on a read-only data directory exits non-zero, says why,
 * and leaves the database there byte for byte as it was. A write to a disk gone read-only answers a 503 problem,
 * reads go on, and once the disk is writable again every acknowledged write is there and no refused one.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ImportReport, VendorDetailResponse, VendorListResponse } from '../src/domain'
import { verifyChain } from './audit/hash-chain'
import { readAuditLog } from './db/sqlite-store'
import { VENDOR_COLUMNS } from './import/parse-import'
import { signedIn, type ApiClient } from './testing/api-client'
import {
  createVendor,
  expectJson,
  expectProblem,
  fetchVendor,
  incidentInput,
  vendorInput,
} from './testing/api-fixtures'
import { diskGoingReadOnly, fullDisk, readOnlyDir } from './testing/disk-faults'
import { startServer } from './testing/server-process'

/** Enough rows that their pages outgrow whatever room the WAL file already has. */
const IMPORT_ROWS = 5000

function vendorsCsv(rows: number, prefix: string): string {
  const lines = [VENDOR_COLUMNS.slice(0, 14).join(',')]
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${prefix} ${String(i).padStart(5, '0')},IT services,Operations,active,pii;credentials,${1000 + i},` +
        `vendor_environment,remote,high,Amazon Web Services;Okta,iso27001,no,yes,2025-06-01`,
    )
  }
  return `${lines.join('\n')}\n`
}

const importCsv = (client: ApiClient, csv: string) =>
  client.request('POST', '/api/imports?dryRun=0&filename=disk.csv', {
    body: csv,
    headers: { 'content-type': 'text/csv' },
  })

const allIds = async (client: ApiClient) =>
  VendorListResponse.parse(await client.json('/api/vendors?limit=50000')).items.map((v) => v.id)

/** Opens a stopped server's database read-only, checks its integrity, and hands it to `check`. */
function inspectStored(dataDir: string, check: (db: Database.Database) => void) {
  const db = new Database(path.join(dataDir, 'vendor-risk.sqlite'), { readonly: true })
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    check(db)
  } finally {
    db.close()
  }
}

describe('a full disk', () => {
  it('answers 507 to a write it cannot store, keeps serving, loses nothing, and writes again once there is room', async () => {
    const disk = fullDisk(128)
    console.log(`full disk simulated with ${disk.how}`)
    try {
      const server = await startServer({ ...disk.env, DATA_DIR: disk.dataDir })
      let stored: string[]
      try {
        const procurement = await signedIn(server.url, 'procurement')
        await createVendor(procurement, 'Stored Before The Disk Filled Co')
        stored = await allIds(procurement)

        await disk.fill(server)
        await expectProblem(await importCsv(procurement, vendorsCsv(IMPORT_ROWS, 'Disk Full Vendor')), 507, {
          title: 'Storage full',
        })
        // Small writes may still fit in pages SQLite already has; either way the answer is never a 500.
        const small = [
          await procurement.post('/api/vendors', vendorInput('Written On A Full Disk Co')),
          await procurement.post(`/api/vendors/${stored[1]}/incidents`, incidentInput()),
        ]
        console.log(`small writes on the full disk answered ${small.map((r) => r.status).join(', ')}`)
        for (const response of small) {
          expect([201, 507]).toContain(response.status)
          if (response.status !== 201)
            expect(response.headers.get('content-type')).toBe('application/problem+json')
        }
        const kept = (await allIds(procurement)).filter((id) => !stored.includes(id))
        stored = [...stored, ...kept]
        // Reads go on, and the process is still the same one.
        expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
        expect(VendorListResponse.parse(await procurement.json('/api/vendors?limit=1')).total).toBe(
          stored.length,
        )
        expect(server.child.exitCode).toBeNull()

        await disk.free(server)
        const report = ImportReport.parse(
          await expectJson(await importCsv(procurement, vendorsCsv(IMPORT_ROWS, 'Disk Full Vendor')), 200),
        )
        expect(report.counts.create).toBe(IMPORT_ROWS)
        expect(VendorListResponse.parse(await procurement.json('/api/vendors?limit=1')).total).toBe(
          stored.length + IMPORT_ROWS,
        )
        expect(await procurement.json('/api/audit-log/verify')).toMatchObject({ ok: true })
        expect(server.output()).toMatch(
          /\[storage\] POST \/api\/imports: The disk holding the database is full/,
        )
        expect(server.output()).not.toContain('[error]')
      } finally {
        expect(await server.stop()).toBe(0)
      }
      inspectStored(disk.dataDir, (db) => {
        const ids = new Set((db.prepare('SELECT id FROM vendors').all() as { id: string }[]).map((r) => r.id))
        expect(stored.filter((id) => !ids.has(id))).toEqual([])
        expect(ids.size).toBe(stored.length + IMPORT_ROWS)
      })
    } finally {
      disk.cleanUp()
    }
  }, 120_000)
})

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('a read-only data directory', () => {
  it('stops the server from starting, says the directory is not writable, and leaves the database as it was', async () => {
    // A database written by a normal start and a clean stop.
    const seeded = mkdtempSync(path.join(tmpdir(), 'vendor-risk-seed-'))
    try {
      const first = await startServer({ DATA_DIR: seeded })
      expect(await first.stop()).toBe(0)
      const files = readdirSync(seeded)
      const readOnly = readOnlyDir((dir) => {
        for (const file of files) copyFileSync(path.join(seeded, file), path.join(dir, file))
      })
      // Root without tmpfs mounts cannot make a directory it cannot write: /proc refuses new entries to anyone.
      const dataDir = readOnly?.dir ?? '/proc/vendor-risk-data'
      console.log(`read-only data directory: ${readOnly?.how ?? dataDir}`)
      try {
        const before = readOnly ? files.map((file) => sha256(path.join(dataDir, file))) : []
        await expect(startServer({ DATA_DIR: dataDir })).rejects.toThrow(
          /exited with 1 before it started:\n.*error: data directory .* is not writable \(E[A-Z]+\)\. Set DATA_DIR\./,
        )
        if (readOnly) {
          expect(readdirSync(dataDir).sort()).toEqual([...files].sort())
          expect(files.map((file) => sha256(path.join(dataDir, file)))).toEqual(before)
        }
      } finally {
        readOnly?.cleanUp()
      }
    } finally {
      rmSync(seeded, { recursive: true, force: true })
    }
  })
})

describe('a disk that turns read-only while the server runs', () => {
  it('answers 503 to every write and never 500, keeps serving reads, writes again once the disk is writable, and keeps exactly the acknowledged writes', async () => {
    const disk = diskGoingReadOnly()
    console.log(`read-only disk simulated with ${disk.how}`)
    const importReport = async (client: ApiClient, prefix: string) =>
      ImportReport.parse(await expectJson(await importCsv(client, vendorsCsv(3, prefix)), 200))
    const patchVendor = (client: ApiClient, id: string, patch: object, version: number) =>
      client.patch(`/api/vendors/${id}`, patch, { headers: { 'if-match': `"${version}"` } })
    const dashboard = ['/api/dashboard/tiers', '/api/dashboard/top-risks', '/api/dashboard/exposure']
    try {
      let server = await startServer({ ...disk.env, DATA_DIR: disk.dataDir })
      let acknowledged: string[]
      let vendorId: string
      try {
        let procurement = await signedIn(server.url, 'procurement')
        const { vendor } = await createVendor(procurement, 'Written Before The Disk Turned Read-Only Co')
        vendorId = vendor.id
        await expectJson(await patchVendor(procurement, vendorId, { owner: 'Owner Before' }, 1), 200)
        expect((await importReport(procurement, 'Imported Before Read-Only')).counts.create).toBe(3)
        acknowledged = await allIds(procurement)
        const auditBefore = await expectJson(await procurement.get('/api/audit-log/verify'), 200)
        expect(auditBefore).toMatchObject({ ok: true })
        const dashboardBefore = await Promise.all(dashboard.map((url) => procurement.json(url)))

        await disk.breakWrites(server)
        const refused = {
          'POST /api/vendors': await procurement.post('/api/vendors', vendorInput('Refused Read-Only Co')),
          'PATCH /api/vendors/:id': await patchVendor(
            procurement,
            vendorId,
            { name: 'Refused Rename Co' },
            2,
          ),
          'POST /api/vendors/:id/incidents': await procurement.post(
            `/api/vendors/${vendorId}/incidents`,
            incidentInput({ summary: 'Refused incident on a read-only disk.' }),
          ),
          'POST /api/imports': await importCsv(procurement, vendorsCsv(3, 'Refused Import Vendor')),
        }
        for (const response of Object.values(refused)) {
          await expectProblem(response, 503, {
            title: 'Storage unavailable',
            detail: 'The server cannot write to its database, so nothing was saved. Try again later.',
          })
        }
        // SQLite's own words for each refusal, as the server logged them.
        const logged = [...server.output().matchAll(/\[storage\] (\S+ \S+): .*?\((SQLITE_\w+)\): (.*)/g)]
        console.log(
          `SQLite answered: ${logged.map(([, request, code, message]) => `${request} ${code} "${message}"`).join('; ')}`,
        )
        expect(logged.map(([, request]) => request)).toEqual([
          'POST /api/vendors',
          `PATCH /api/vendors/${vendorId}`,
          `POST /api/vendors/${vendorId}/incidents`,
          'POST /api/imports',
        ])
        expect(server.output()).not.toContain('[error]')

        // Reads go on, and show the database as the last acknowledged write left it.
        expect((await allIds(procurement)).sort()).toEqual([...acknowledged].sort())
        const { detail, etag } = await fetchVendor(procurement, vendorId)
        expect(etag).toBe('"2"')
        expect(detail.vendor).toMatchObject({ name: vendor.name, owner: 'Owner Before', incidents: [] })
        for (const [i, url] of dashboard.entries()) {
          expect(await expectJson(await procurement.get(url), 200)).toEqual(dashboardBefore[i])
        }
        expect(await expectJson(await procurement.get('/api/audit-log/verify'), 200)).toEqual(auditBefore)
        expect(server.child.exitCode).toBeNull()

        const restored = await disk.restore(server)
        server = restored.server
        if (restored.restarted) procurement = await signedIn(server.url, 'procurement')
        const after = await createVendor(procurement, 'Written After The Disk Recovered Co')
        const renamed = VendorDetailResponse.parse(
          await expectJson(
            await patchVendor(procurement, vendorId, { name: 'Renamed After Recovery Co' }, 2),
            200,
          ),
        )
        expect(renamed.version).toBe(3)
        expect((await importReport(procurement, 'Imported After Read-Only')).counts.create).toBe(3)
        acknowledged = await allIds(procurement)
        expect(acknowledged).toContain(after.vendor.id)
        expect(await procurement.json('/api/audit-log/verify')).toMatchObject({ ok: true })
        expect(server.output()).not.toContain('[error]')
      } finally {
        expect(await server.stop()).toBe(0)
      }
      inspectStored(disk.dataDir, (db) => {
        const rows = db.prepare('SELECT id, name, doc, version FROM vendors').all() as {
          id: string
          name: string
          doc: string
          version: number
        }[]
        expect(rows.map((r) => r.id).sort()).toEqual([...acknowledged].sort())
        expect(rows.filter((r) => /Refused/.test(r.name))).toEqual([])
        const edited = rows.find((r) => r.id === vendorId)!
        expect(edited).toMatchObject({ name: 'Renamed After Recovery Co', version: 3 })
        expect(JSON.parse(edited.doc)).toMatchObject({ owner: 'Owner Before', incidents: [] })
        expect(verifyChain(readAuditLog(db))).toMatchObject({ ok: true })
        const audited = db.prepare("SELECT count(*) AS n FROM audit_log WHERE after LIKE '%Refused%'").get()
        expect(audited).toEqual({ n: 0 })
      })
    } finally {
      disk.cleanUp()
    }
  }, 120_000)
})
