/** Applies `server/db/migrations/NNN-name.sql` in order, each in its own transaction, recorded in schema_migrations. */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Database } from 'better-sqlite3'

const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations')

export interface Migration {
  version: number
  name: string
  sql: string
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: readFileSync(path.join(dir, file), 'utf8'),
    }))
}

/** Returns the versions it applied. A database newer than this code is refused rather than guessed at. */
export function migrate(db: Database, migrations = loadMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`)
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
      (r) => r.version,
    ),
  )
  const known = new Set(migrations.map((m) => m.version))
  const unknown = [...applied].filter((v) => !known.has(v))
  if (unknown.length > 0) {
    throw new Error(
      `The database has migrations this server does not know (${unknown.join(', ')}): it was written by a newer version.`,
    )
  }
  const done: number[] = []
  for (const m of migrations) {
    if (applied.has(m.version)) continue
    db.transaction(() => {
      db.exec(m.sql)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      )
    })()
    done.push(m.version)
  }
  return done
}
