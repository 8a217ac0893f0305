// Test build only (preloaded with `node --import`): stands in for a full disk where a test cannot mount a small
// tmpfs. Each SIGUSR2 toggles SQLite's max_page_count on every connection the process opened: first capped at the
// database's current size, so any write that needs a new page fails with SQLITE_FULL, then lifted again.
import { createRequire } from 'node:module'

const Database = createRequire(import.meta.url)('better-sqlite3')
const connections = new Set()
const pragma = Database.prototype.pragma
Database.prototype.pragma = function (...args) {
  connections.add(this)
  return pragma.apply(this, args)
}

const UNLIMITED = 4294967294
let full = false
process.on('SIGUSR2', () => {
  full = !full
  for (const db of connections) {
    if (!db.open) continue
    const pages = pragma.call(db, 'page_count', { simple: true })
    pragma.call(db, `max_page_count = ${full ? pages : UNLIMITED}`)
  }
  console.log(`page limit: ${full ? 'full' : 'free'}`)
})
