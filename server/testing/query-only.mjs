// Test build only (preloaded with `node --import`): stands in for a disk that turns read-only under the running
// server where a test cannot mount and abort a filesystem of its own. Each SIGUSR2 toggles SQLite's query_only on
// every connection the process opened: on, any write fails inside SQLite with SQLITE_READONLY; off, writes work again.
import { createRequire } from 'node:module'

const Database = createRequire(import.meta.url)('better-sqlite3')
const connections = new Set()
const pragma = Database.prototype.pragma
Database.prototype.pragma = function (...args) {
  connections.add(this)
  return pragma.apply(this, args)
}

let readOnly = false
process.on('SIGUSR2', () => {
  readOnly = !readOnly
  for (const db of connections) if (db.open) pragma.call(db, `query_only = ${readOnly ? 'ON' : 'OFF'}`)
  console.log(`query only: ${readOnly ? 'on' : 'off'}`)
})
