/**
 * The SQLite store writing many new vendors in one unit of work (an import): it writes them in id order for its
 * indexes' sake, so these check that nothing of that order shows, and that a taken name or id is still refused.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createVendor } from '../../mocks/data'
import { computeScore, todayIsoDate, type Vendor } from '../../src/domain'
import { openSqliteStore } from './sqlite-store'
import { UniqueConflictError, type ScoreSnapshot, type Store, type UnitOfWork } from './store'

const asOf = todayIsoDate()
const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})
function openStore(): Store {
  const dir = mkdtempSync(path.join(tmpdir(), 'vendor-risk-store-'))
  dirs.push(dir)
  return openSqliteStore(dir)
}

/** Ids that are not in sorted order, as random ids never are. */
const shuffledIds = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => `ven-${prefix}-${String((i * 7919) % count).padStart(5, '0')}`)

function creates(vendors: Vendor[]): UnitOfWork {
  const scored = vendors.map((vendor) => ({ vendor, score: computeScore(vendor, { asOf }) }))
  return {
    actor: 'importer',
    vendors: scored.map(({ vendor, score }) => ({
      id: vendor.id,
      expectedVersion: null,
      next: vendor,
      score: {
        asOf,
        score: score.score,
        tier: score.tier,
        exposure: score.exposure,
        likelihood: score.likelihood,
      },
    })),
    snapshots: scored.map(({ vendor, score }): ScoreSnapshot => ({
      vendorId: vendor.id,
      recordedAt: `${asOf}T09:00:00.000Z`,
      asOf,
      score: score.score,
      tier: score.tier,
      exposure: score.exposure,
      likelihood: score.likelihood,
      modelVersion: score.modelVersion,
      reason: 'import',
    })),
    audit: vendors.map((v) => ({ action: 'vendor.create', entityType: 'vendor', entityId: v.id, after: v })),
  }
}

describe('the SQLite store committing many new vendors in one unit of work', () => {
  it('stores every vendor with its snapshot, and their audit entries in the order given, chained', async () => {
    const store = openStore()
    const vendors = shuffledIds(300, 'bulk').map((id) => createVendor({ id }))
    await store.commit(creates(vendors))

    expect((await store.listVendors()).map((r) => r.vendor)).toEqual(
      [...vendors].sort((a, b) => (a.id < b.id ? -1 : 1)),
    )
    const latest = await store.latestSnapshots()
    for (const v of vendors) {
      expect(latest.get(v.id)?.score).toBe(computeScore(v, { asOf }).score)
    }
    const entries = []
    for await (const entry of store.streamAudit({ action: 'vendor.create' })) entries.push(entry)
    expect(entries.map((e) => e.entityId)).toEqual(vendors.map((v) => v.id))
    expect(entries.map((e) => e.after)).toEqual(vendors)
    expect(await store.verifyAudit()).toMatchObject({ ok: true, entries: 300 })
    store.close()
  })

  it('refuses a name taken before or earlier in the same unit, and an id taken before, applying nothing', async () => {
    const store = openStore()
    const [first] = shuffledIds(1, 'first').map((id) => createVendor({ id, name: 'Northwind Payroll' }))
    await store.commit(creates([first!]))
    const head = await store.auditHead()

    const batch = shuffledIds(50, 'batch').map((id) => createVendor({ id }))
    const clash = { ...batch[20]!, name: '  northwind PAYROLL ' }
    await expect(store.commit(creates([...batch.slice(0, 20), clash]))).rejects.toMatchObject(
      new UniqueConflictError('name', '  northwind PAYROLL '),
    )
    // Its id sorts before the one whose name it repeats: the caller's order still decides which is refused.
    const twice = { ...batch[30]!, name: batch[2]!.name.toUpperCase() }
    expect(twice.id < batch[2]!.id).toBe(true)
    await expect(store.commit(creates([...batch.slice(0, 10), twice]))).rejects.toMatchObject(
      new UniqueConflictError('name', twice.name),
    )
    const sameId = { ...batch[40]!, id: first!.id }
    await expect(store.commit(creates([...batch.slice(0, 10), sameId]))).rejects.toMatchObject(
      new UniqueConflictError('id', first!.id),
    )

    expect(await store.countVendors()).toBe(1)
    expect(await store.auditHead()).toEqual(head)
    expect((await store.latestSnapshots()).size).toBe(1)
    store.close()
  })
})
