// Test build only (preloaded with `node --import`): stands in for a disk that turns read-only under the running
// server where a test cannot mount and abort a filesystem of its own. Each SIGUSR2 toggles SQLite's query_only on
// every connection the process opened: on, any write fails inside SQLite with SQLITE_READONLY; off, writes work again.
import { toggleOnSignal } from './sqlite-fault-toggle.mjs'

toggleOnSignal(
  (pragma, readOnly) => pragma(`query_only = ${readOnly ? 'ON' : 'OFF'}`),
  (readOnly) => `query only: ${readOnly ? 'on' : 'off'}`,
)
