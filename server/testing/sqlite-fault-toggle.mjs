// Test build only, for the fault modules preloaded with `node --import` (page-limit.mjs, query-only.mjs): keeps
// every better-sqlite3 connection the process opens, and on each SIGUSR2 turns a fault on or off for all of them.
import { createRequire } from 'node:module'

const Database = createRequire(import.meta.url)('better-sqlite3')
const connections = new Set()
const pragma = Database.prototype.pragma
Database.prototype.pragma = function (...args) {
  connections.add(this)
  return pragma.apply(this, args)
}

/**
 * Each SIGUSR2 flips the fault and calls `apply(pragma, on)` for every open connection, `pragma` being that
 * connection's own (unwrapped) pragma; then logs `logLine(on)`, which the test waits for.
 */
export function toggleOnSignal(apply, logLine) {
  let on = false
  process.on('SIGUSR2', () => {
    on = !on
    for (const db of connections) {
      if (db.open) apply((source, options) => pragma.call(db, source, options), on)
    }
    console.log(logLine(on))
  })
}
