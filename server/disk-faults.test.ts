/**
 * A full disk and a read-only data directory. A write the disk cannot hold answers a 507 problem, the server stays
 * up and keeps serving, nothing stored is lost, and writes work again once there is room. A server asked to start
 * on a read-only data directory exits non-zero, says why, and leaves the database there byte for byte as it was.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ImportReport, VendorListResponse } from '../src/domain'
import { VENDOR_COLUMNS } from './import/parse-import'
import { signedIn, type ApiClient } from './testing/api-client'
import { createVendor, expectJson, expectProblem, incidentInput, vendorInput } from './testing/api-fixtures'
import { fullDisk, readOnlyDir } from './testing/disk-faults'
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
      const db = new Database(path.join(disk.dataDir, 'vendor-risk.sqlite'), { readonly: true })
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        const ids = new Set((db.prepare('SELECT id FROM vendors').all() as { id: string }[]).map((r) => r.id))
        expect(stored.filter((id) => !ids.has(id))).toEqual([])
        expect(ids.size).toBe(stored.length + IMPORT_ROWS)
      } finally {
        db.close()
      }
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
