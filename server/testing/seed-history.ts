/**
 * A database with a score history, for the dashboard's tests and the bench: demo vendors created `days` ago (a
 * fifth of them 60 days ago), rescored every `stepDays` since as the server's daily rescore would, with a few
 * offboarded at the end. Incidents dated after a rescore's day do not count in it yet, so scores move as they would have.
 */
import { generateDemoVendors } from '../../mocks/data'
import { addDays, todayIsoDate } from '../../src/domain'
import { openSqliteStore } from '../db/sqlite-store'
import type { Store } from '../db/store'
import { createVendorService, type VendorService } from '../services/vendor-service'

export interface SeedOptions {
  count: number
  /** How far back the history starts. */
  days?: number
  stepDays?: number
  /** The last day of the history; default today. */
  today?: string
  /** How many vendors to offboard at the end. */
  offboard?: number
}

/** Opens (creating) the store in `dataDir`, seeds it, and leaves it open with a service whose clock is on `today`. */
export async function seedWithHistory(
  dataDir: string,
  { count, days = 200, stepDays = 7, today = todayIsoDate(), offboard = 3 }: SeedOptions,
): Promise<{
  store: Store
  vendors: VendorService
  setClock: (day: string) => void
  /** The vendors offboarded today, at the end (the demo's other offboarded vendors were created so). */
  offboarded: string[]
}> {
  const store = openSqliteStore(dataDir)
  let clock = new Date(`${addDays(today, -days)}T12:00:00Z`)
  const setClock = (day: string) => {
    clock = new Date(`${day}T12:00:00Z`)
  }
  const vendors = createVendorService(store, () => clock)
  await vendors.init()
  const demo = generateDemoVendors({ count, asOf: today })
  const later = Math.floor(count / 5)
  const actor = { username: 'system:demo-seed' }
  await vendors.createMany(demo.slice(0, count - later), actor, 'demo data')
  const addedAt = Math.min(60, Math.floor(days / 2))
  for (let back = days - stepDays; back >= 0; back -= stepDays) {
    setClock(addDays(today, -back))
    if (later > 0 && back <= addedAt && back + stepDays > addedAt) {
      await vendors.createMany(demo.slice(count - later), actor, 'demo data')
    }
    await vendors.recordDailySnapshots()
  }
  setClock(today)
  await vendors.recordDailySnapshots()
  // Offboard vendors from the middle of the list, so they hold some of every kind of figure.
  const active = demo.filter((v) => v.status !== 'offboarded').map((v) => v.id)
  const offboarded = Array.from(
    { length: offboard },
    (_, i) => active[Math.floor(((i + 1) * active.length) / (offboard + 1))]!,
  )
  for (const id of offboarded) await vendors.archive(id, actor)
  return { store, vendors, setClock, offboarded }
}
