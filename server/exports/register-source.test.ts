/**
 * Today's register has two sources: the stored documents (fast) and the audit log's replay (any day). These tests
 * hold them to the same register and the same file bytes on a history with every kind of change, and check that
 * the stored documents are used only when the log says they are the replay's.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { generateDemoVendors } from '../../mocks/data'
import { addDays, DEFAULT_WEIGHTS, todayIsoDate } from '../../src/domain'
import { INCIDENT_IMPORT_HEADER, vendorImportCsv, vendorImportRow } from '../../src/testing/import-rows'
import { openSqliteStore } from '../db/sqlite-store'
import type { Store } from '../db/store'
import { createExportService } from '../services/export-service'
import { createImportService } from '../services/import-service'
import { createVendorService, type VendorService } from '../services/vendor-service'
import { incidentInput, vendorInput } from '../testing/api-fixtures'
import type { ExportFile } from './export-file'
import { writeFullExportJson, writeRegisterCsv } from './register-files'
import {
  loadCurrentRegister,
  loadRegister,
  registerFor,
  type RegisterOptions,
  type RegisterSnapshot,
} from './register-source'

const today = todayIsoDate()
const at = (day: string) => new Date(`${day}T12:00:00Z`)
let clock = at(addDays(today, -40))
const now = () => clock

/** An export file in memory, for comparing what two registers write. */
function memoryFile() {
  const parts: Buffer[] = []
  const file: ExportFile = {
    stream: new PassThrough(),
    write: async (chunk) => void parts.push(Buffer.from(chunk)),
    finish: async () => ({ sha256: '', bytes: Buffer.concat(parts).length, path: '' }),
    abort: async () => {},
  }
  return { file, bytes: () => Buffer.concat(parts) }
}

async function written(register: RegisterSnapshot) {
  const csv = memoryFile()
  const json = memoryFile()
  await writeRegisterCsv(csv.file, register)
  await writeFullExportJson(json.file, register)
  return { csv: csv.bytes().toString('utf8'), json: json.bytes().toString('utf8') }
}

/** What a comparison needs of a register: everything but the `explain` function. */
const contents = ({ explain: _explain, ...register }: RegisterSnapshot) => register

let dir: string
let store: Store
let vendors: VendorService
const actor = { username: 'history' }

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'vendor-risk-register-source-'))
  store = openSqliteStore(dir, { now })
  vendors = createVendorService(store, now)
  await vendors.init()

  // 40 days ago: a portfolio of demo vendors (incidents, acceptances to come, offboarded ones) and one made by hand.
  const demo = generateDemoVendors({ count: 60, asOf: addDays(today, -40) })
  await vendors.createMany(demo, actor, 'demo data')
  const made = (await vendors.create(vendorInput('Register Source Hand-made'), actor)).vendor.id
  const [a, b, c, d, e, f] = demo.filter((v) => v.status !== 'offboarded').map((v) => v.id) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ]

  // 20 days ago: edits, incidents, a new model, an acceptance.
  clock = at(addDays(today, -20))
  await vendors.update(a, { name: 'Renamed Vendor A', owner: 'New owner' }, '*', actor)
  const added = await vendors.addIncident(
    b,
    incidentInput({ occurredAt: addDays(today, -21), status: 'contained' }),
    actor,
  )
  await vendors.updateIncident(b, added.incident.id, { status: 'resolved' }, actor)
  await vendors.putModel({ ...DEFAULT_WEIGHTS, incidentHalfLifeDays: 300 }, 0, actor)
  await vendors.acceptRisk(c, { note: 'Replacing them next quarter', until: addDays(today, 60) }, actor)

  // 5 days ago: an import (new vendors, an update by name, incidents), a deletion, offboarding, a review, a
  // revoked acceptance and a new one.
  clock = at(addDays(today, -5))
  const imports = createImportService(vendors)
  const base = {
    fourth_parties: 'Amazon Web Services;Stripe',
    encryption_at_rest: 'no',
    last_assessed_at: addDays(today, -400),
  }
  const vendorsCsv = vendorImportCsv(
    vendorImportRow('Imported Payroll One', base),
    vendorImportRow('Imported Payroll Two', { ...base, records: '900000' }),
    vendorImportRow('Renamed Vendor A', { ...base, owner: 'Owner from the import' }),
  )
  await imports.run({ name: 'vendors.csv', bytes: new TextEncoder().encode(vendorsCsv) }, false, actor)
  const incidentsCsv = [
    INCIDENT_IMPORT_HEADER,
    `Imported Payroll One,${addDays(today, -6)},breach,high,5000,open,12,Database exposed by a bucket,`,
    `Renamed Vendor A,${addDays(today, -30)},outage,low,0,resolved,,Brief outage,`,
  ].join('\n')
  await imports.run({ name: 'incidents.csv', bytes: new TextEncoder().encode(incidentsCsv) }, false, actor)
  await vendors.deleteIncident(b, added.incident.id, actor)
  await vendors.archive(d, actor)
  await vendors.addReview(e, { completedAt: addDays(today, -6), notes: 'Annual review' }, actor)
  await vendors.revokeRisk(c, actor)
  await vendors.acceptRisk(f, { note: 'Accepted until the migration', until: addDays(today, 30) }, actor)

  // Today: one more edit, and an incident on the hand-made vendor.
  clock = at(today)
  await vendors.update(made, { access: { records: 3_000_000 } }, '*', actor)
  await vendors.addIncident(made, incidentInput({ occurredAt: today }), actor)
}, 60_000)

afterAll(() => {
  store?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('today’s register from the stored documents', () => {
  it('is the replay’s register: the same vendors, acceptances, scores, order, model and earlier scores', async () => {
    const { seq } = await store.auditHead()
    for (const options of [
      { asOf: today, untilSeq: seq },
      { asOf: today, untilSeq: seq, compareDays: 30 },
      { asOf: today, untilSeq: seq, compareDays: 3 },
    ] satisfies RegisterOptions[]) {
      const current = await loadCurrentRegister(store, options)
      const replayed = await loadRegister(store, options)
      expect(current).not.toBeNull()
      expect(contents(current!)).toEqual(contents(replayed))
    }
    // The history above reached every kind of entry the replay applies.
    const replayed = await loadRegister(store, { asOf: today, untilSeq: seq })
    expect(replayed.modelRevision).toBe(1)
    expect(replayed.entries.filter((e) => e.riskAcceptance !== null)).toHaveLength(1)
    expect(replayed.entries.some((e) => e.vendor.status === 'offboarded')).toBe(true)
    const named = (name: string) => replayed.entries.find((e) => e.vendor.name === name)!.vendor
    expect(named('Imported Payroll Two').access.records).toBe(900_000)
    expect(named('Imported Payroll One').incidents).toHaveLength(1)
    expect(named('Renamed Vendor A')).toMatchObject({ owner: 'Owner from the import' })
    expect(named('Renamed Vendor A').incidents.length).toBeGreaterThan(0)
  })

  it('writes the replay’s CSV and full JSON byte for byte', async () => {
    const { seq } = await store.auditHead()
    const current = await loadCurrentRegister(store, { asOf: today, untilSeq: seq })
    const replayed = await loadRegister(store, { asOf: today, untilSeq: seq })
    const [fromStore, fromLog] = await Promise.all([written(current!), written(replayed)])
    expect(fromStore.csv.split('\r\n').length).toBeGreaterThan(60)
    expect(fromStore.csv).toBe(fromLog.csv)
    expect(fromStore.json).toBe(fromLog.json)
  })

  it('is what the export service writes for today, also after other exports were logged', async () => {
    const service = createExportService({ store, vendors, dataDir: dir, now })
    const read = vi.spyOn(store.dashboard, 'currentRegister')
    try {
      const first = await service.create({ format: 'csv' }, actor)
      const second = await service.create({ format: 'csv' }, actor)
      expect(read).toHaveBeenCalledTimes(2)
      // The first export's `export.create` entry lies between the second one's head and the register's last change.
      expect(second.auditSeq).toBeGreaterThan(first.auditSeq)
      const expected = await written(await loadRegister(store, { asOf: today, untilSeq: first.auditSeq }))
      for (const manifest of [first, second]) {
        expect(manifest.status).toBe('done')
        expect(readFileSync(service.filePath(manifest), 'utf8')).toBe(expected.csv)
      }
    } finally {
      read.mockRestore()
    }
  })

  it('is not used once the register changed after the export began: the replay answers', async () => {
    const { seq } = await store.auditHead()
    const before = await loadRegister(store, { asOf: today, untilSeq: seq })
    const id = before.entries[0]!.vendor.id
    await vendors.update(id, { owner: 'Changed after the export began' }, '*', actor)

    expect(await loadCurrentRegister(store, { asOf: today, untilSeq: seq })).toBeNull()
    const chosen = await registerFor(store, { asOf: today, untilSeq: seq })
    expect(contents(chosen)).toEqual(contents(before))
    expect(chosen.entries.find((e) => e.vendor.id === id)!.vendor.owner).not.toBe(
      'Changed after the export began',
    )
  })

  it('is not used for a day that ended before the last change: the replay answers', async () => {
    const { seq } = await store.auditHead()
    const day = addDays(today, -5)
    expect(await loadCurrentRegister(store, { asOf: day, untilSeq: seq })).toBeNull()
    const chosen = await registerFor(store, { asOf: day, untilSeq: seq, compareDays: 30 })
    expect(contents(chosen)).toEqual(
      contents(await loadRegister(store, { asOf: day, untilSeq: seq, compareDays: 30 })),
    )
    expect(chosen.entries.some((e) => e.vendor.name === 'Register Source Hand-made')).toBe(true)
    expect(
      chosen.entries.find((e) => e.vendor.name === 'Register Source Hand-made')!.vendor.access.records,
    ).toBe(250_000)
  })
})
