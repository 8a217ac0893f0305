// Test build only (preloaded with `node --import`): stands in for a full disk where a test cannot mount a small
// tmpfs. Each SIGUSR2 toggles SQLite's max_page_count on every connection the process opened: first capped at the
// database's current size, so any write that needs a new page fails with SQLITE_FULL, then lifted again.
import { toggleOnSignal } from './sqlite-fault-toggle.mjs'

const UNLIMITED = 4294967294

toggleOnSignal(
  (pragma, full) => pragma(`max_page_count = ${full ? pragma('page_count', { simple: true }) : UNLIMITED}`),
  (full) => `page limit: ${full ? 'full' : 'free'}`,
)
