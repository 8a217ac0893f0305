/** The export service in-process: what happens around a stopped server, a failing disk and finished manifests. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createVendor } from '../../mocks/data'
import { openSqliteStore } from '../db/sqlite-store'
import type { ExportRecord, Store } from '../db/store'
import { createExportService } from './export-service'
import { createVendorService, type VendorService } from './vendor-service'

let dir: string
let store: Store
let vendors: VendorService
const actor = { username: 'auditor' }

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'vendor-risk-export-service-'))
  store = openSqliteStore(dir)
  vendors = createVendorService(store)
  await vendors.init()
  await vendors.createMany([createVendor(), createVendor()], { username: 'seed' }, 'test')
})
afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

const audit = (action: string) => store.queryAudit({ action, limit: 10 })

describe('the export service', () => {
  it('marks an export a stopped server left unfinished as failed when it starts again', async () => {
    const first = createExportService({ store, vendors, dataDir: dir, syncVendors: 0 })
    const pending = await first.create({ format: 'csv' }, actor)
    expect(pending.status).toBe('pending')
    // A new service on the same database, as after a restart, before the first one ran the job.
    const again = createExportService({ store, vendors, dataDir: dir })
    await again.init()
    const after = await again.get(pending.id)
    expect(after).toMatchObject({ status: 'failed', error: expect.stringContaining('stopped') })
    expect((await audit('export.fail'))[0]).toMatchObject({ entityId: pending.id })
    await first.idle()
  })

  it('records a failed export with export.fail and a reason, and no file, when the disk refuses it', async () => {
    writeFileSync(path.join(dir, 'exports'), 'not a directory')
    const lines: string[] = []
    const service = createExportService({ store, vendors, dataDir: dir, log: (l) => lines.push(l) })
    const manifest = await service.create({ format: 'json' }, actor)
    expect(manifest).toMatchObject({
      status: 'failed',
      sha256: null,
      error: expect.stringContaining('server log'),
    })
    expect(manifest.error).not.toContain(dir)
    expect(lines.join('\n')).toContain(manifest.id)
    expect((await audit('export.fail')).map((e) => e.entityId)).toEqual([manifest.id])
    expect(await audit('export.create')).toEqual([])
  })

  it('refuses to change a finished manifest (the database enforces it)', async () => {
    const service = createExportService({ store, vendors, dataDir: dir })
    const done = await service.create({ format: 'csv' }, actor)
    expect(done.status).toBe('done')
    const forged: ExportRecord = { ...done, sha256: '0'.repeat(64) }
    await expect(store.commit({ actor: 'mallory', exports: [forged], audit: [] })).rejects.toThrow(
      /immutable/,
    )
    expect((await service.get(done.id)).sha256).toBe(done.sha256)
  })
})
