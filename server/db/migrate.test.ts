import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { loadMigrations, migrate } from './migrate'

describe('migrations', () => {
  it('apply in order once, and a second run applies nothing', () => {
    const db = new Database(':memory:')
    const all = loadMigrations()
    expect(all.map((m) => m.version)).toEqual([...all.map((m) => m.version)].sort((a, b) => a - b))
    expect(migrate(db)).toEqual(all.map((m) => m.version))
    expect(migrate(db)).toEqual([])
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all()
    expect(tables).toEqual(
      expect.arrayContaining(['vendors', 'users', 'sessions', 'audit_log', 'score_snapshots']),
    )
  })

  it('roll back a failing migration whole and record nothing of it', () => {
    const db = new Database(':memory:')
    const broken = [
      { version: 1, name: 'broken', sql: 'CREATE TABLE a (x INTEGER); CREATE TABLE a (y INTEGER);' },
    ]
    expect(() => migrate(db, broken)).toThrow(/already exists/)
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'a'").pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(0)
  })

  it('refuse a database written by a newer version', () => {
    const db = new Database(':memory:')
    migrate(db)
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')").run()
    expect(() => migrate(db)).toThrow(/newer version/)
  })

  it('make the audit log append-only', () => {
    const db = new Database(':memory:')
    migrate(db)
    db.prepare(
      "INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, prev_hash, hash) VALUES (1, 'a', 'b', 'c', 'd', 'e', 'f', 'g')",
    ).run()
    expect(() => db.prepare("UPDATE audit_log SET actor = 'mallory'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
  })
})
