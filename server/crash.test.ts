/**
 * Kills the server with SIGKILL in the middle of a 50,000-row import and proves, after a restart, that the import
 * is wholly absent, the database passes its integrity check and the audit chain still verifies.
 */
import { statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { VendorListResponse } from '../src/domain'
import { VENDOR_COLUMNS } from './import/parse-import'
import { signedIn } from './testing/api-client'
import { startServer, type ServerProcess } from './testing/server-process'

const ROWS = 50_000

function bigCsv(): string {
  const header = VENDOR_COLUMNS.slice(0, 14).join(',')
  const lines = [header]
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      `Crash Test Vendor ${String(i).padStart(5, '0')},IT services,Operations,active,pii;credentials,${1000 + i},` +
        `vendor_environment,remote,high,Amazon Web Services;Okta,iso27001,no,yes,2025-06-01`,
    )
  }
  return `${lines.join('\n')}\n`
}

const running: ServerProcess[] = []
afterAll(async () => {
  for (const s of running.reverse()) await s.stop('SIGKILL')
})

describe('a crash during a large import', () => {
  it('leaves no trace of the import after restart, with an intact database and audit chain', async () => {
    const first = await startServer()
    running.push(first)
    const procurement = await signedIn(first.url, 'procurement')
    const before = VendorListResponse.parse(await procurement.json('/api/vendors?limit=1')).total
    const auditBefore = (await procurement.json('/api/audit-log/verify')) as { entries: number; head: string }

    const wal = path.join(first.dataDir, 'vendor-risk.sqlite-wal')
    const walBefore = statSync(wal)
    const upload = procurement
      .request('POST', '/api/imports?dryRun=0&filename=crash.csv', {
        body: bigCsv(),
        headers: { 'content-type': 'text/csv' },
      })
      .catch((error: unknown) => error)

    // The server logs this line just before the one transaction starts; kill it while the transaction writes.
    await expect
      .poll(() => /applying 50000 rows/.test(first.output()), { timeout: 60_000, interval: 20 })
      .toBe(true)
    // Wait until the transaction's pages reach the WAL file, so the kill lands mid-write, not before it.
    await expect
      .poll(() => statSync(wal).mtimeMs > walBefore.mtimeMs, { timeout: 30_000, interval: 5 })
      .toBe(true)
    first.child.kill('SIGKILL')
    await upload
    expect(first.output()).not.toMatch(/import crash\.csv: committed/)

    const db = new Database(path.join(first.dataDir, 'vendor-risk.sqlite'))
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(
      (
        db.prepare("SELECT count(*) AS n FROM vendors WHERE name LIKE 'Crash Test Vendor %'").get() as {
          n: number
        }
      ).n,
    ).toBe(0)
    db.close()

    const second = await startServer({ DATA_DIR: first.dataDir })
    running.push(second)
    const again = await signedIn(second.url, 'procurement')
    expect(VendorListResponse.parse(await again.json('/api/vendors?limit=1')).total).toBe(before)
    expect(VendorListResponse.parse(await again.json('/api/vendors?q=Crash%20Test')).total).toBe(0)
    const verify = (await again.json('/api/audit-log/verify')) as {
      ok: boolean
      entries: number
      head: string
    }
    // The restart's own sign-in adds entries; what matters is that the chain is whole and the import left none.
    expect(verify.ok).toBe(true)
    const imports = (await again.json('/api/audit-log?action=import.apply')) as { items: unknown[] }
    expect(imports.items).toEqual([])
    // Exactly one more entry: the second sign-in. The demo seed did not run again, so this is the same database.
    expect(verify.entries).toBe(auditBefore.entries + 1)
    expect(second.output()).not.toContain('Seeded')
  }, 120_000)
})
