/** Opens the database, builds the services and the app, and prepares a new database (users, demo data). */
import { generateDemoVendors } from '../mocks/data'
import { todayIsoDate } from '../src/domain'
import { createApp } from './app'
import { generatePassword } from './auth/password'
import type { ServerConfig } from './config'
import { openSqliteStore } from './db/sqlite-store'
import type { Role } from './db/store'
import { createExportService } from './services/export-service'
import { createImportService } from './services/import-service'
import { createUserService } from './services/user-service'
import { createVendorService } from './services/vendor-service'

export async function buildServer(config: ServerConfig, print: (line: string) => void = console.log) {
  const store = openSqliteStore(config.dataDir)
  const now = () => new Date()
  const vendors = createVendorService(store, now)
  const users = createUserService(store, now)
  const imports = createImportService(vendors, print)
  await vendors.init()

  if ((await store.countUsers()) === 0) {
    const roles: Role[] = config.demoData ? ['admin', 'procurement', 'ciso', 'auditor'] : ['admin']
    const lines: string[] = []
    for (const role of roles) {
      const given = config.passwords[role]
      const password = given ?? generatePassword()
      await users.create({ username: role, password, role }, null)
      lines.push(
        `  ${role.padEnd(12)} ${given === undefined ? password : `(from ${role.toUpperCase()}_PASSWORD)`}`,
      )
    }
    print(
      [
        'New database: created these accounts. Generated passwords are shown only this once:',
        ...lines,
        'Change a password: sign in as admin and send PATCH /api/users/<name> {"password": "…"} (see README, API).',
      ].join('\n'),
    )
  }

  if (config.demoData && (await store.countVendors()) === 0) {
    // Demo incidents and assessments are dated relative to today, so the demo looks the same whenever it starts.
    const demo = generateDemoVendors({ count: config.demoSize, asOf: todayIsoDate(now()) })
    await vendors.createMany(demo, { username: 'system:demo-seed' }, 'demo data')
    print(`Seeded ${demo.length} demo vendors.`)
  }

  await vendors.recordDailySnapshots()
  // Score and sort the inventory now, so the first list request does not pay for it.
  vendors.list({ sort: 'score', limit: 1 })
  const exports = createExportService({
    store,
    vendors,
    dataDir: config.dataDir,
    now,
    log: (line) => console.error(line),
    ...(config.exportSyncVendors !== undefined && { syncVendors: config.exportSyncVendors }),
  })
  await exports.init()
  const app = createApp({
    store,
    vendors,
    users,
    imports,
    exports,
    staticDir: config.staticDir,
    secureCookies: config.secureCookies,
    now,
    log: (line) => console.error(line),
  })

  // Scores decay daily: once an hour, record a snapshot for each vendor whose score moved, and drop old sessions.
  const timer = setInterval(() => {
    void vendors.recordDailySnapshots().catch((e: unknown) => console.error('[snapshots]', e))
    void store
      .deleteExpiredSessions(now().toISOString())
      .catch((e: unknown) => console.error('[sessions]', e))
  }, 3600_000)
  timer.unref()

  return {
    app,
    store,
    vendors,
    users,
    close: () => {
      clearInterval(timer)
      store.close()
    },
  }
}
