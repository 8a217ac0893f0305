/**
 * `npm run backup` end to end: while the server runs and writers keep adding incidents, the backup takes a
 * consistent copy; restored into a fresh DATA_DIR as docs/operations.md says, the copy starts, holds every write
 * acknowledged before the backup began, and its audit chain verifies.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { AuditLogResponse, VendorListResponse } from '../src/domain'
import { signedIn } from './testing/api-client'
import { fetchVendor, incidentInput } from './testing/api-fixtures'
import { startServer, type ServerProcess } from './testing/server-process'

const root = path.resolve(import.meta.dirname, '..')

function run(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'backup', '--', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const servers: ServerProcess[] = []
const dirs: string[] = []
afterAll(async () => {
  for (const s of servers) await s.stop('SIGKILL')
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const WRITERS = 4

describe('npm run backup', () => {
  it('copies the running database consistently, and the restored copy serves every write acknowledged before it', async () => {
    const server = await startServer()
    servers.push(server)
    const procurement = await signedIn(server.url, 'procurement')
    const ids = VendorListResponse.parse(
      await procurement.json('/api/vendors?status=active,onboarding&limit=1000'),
    ).items.map((v) => v.id)

    // Writers keep adding incidents until the backup has finished.
    const acknowledged: { vendorId: string; summary: string }[] = []
    let writing = true
    let next = 0
    const writers = Array.from({ length: WRITERS }, async () => {
      while (writing) {
        const n = next++
        const vendorId = ids[n % ids.length]!
        const summary = `Backup test incident ${n}`
        const response = await procurement.post(
          `/api/vendors/${vendorId}/incidents`,
          incidentInput({ summary }),
        )
        expect(response.status).toBe(201)
        await response.arrayBuffer()
        acknowledged.push({ vendorId, summary })
      }
    })
    await expect.poll(() => acknowledged.length, { timeout: 20_000, interval: 10 }).toBeGreaterThanOrEqual(20)

    const out = mkdtempSync(path.join(tmpdir(), 'vendor-risk-backup-'))
    dirs.push(out)
    const file = path.join(out, 'backup.sqlite')
    const before = acknowledged.length
    const backup = await run([file], { DATA_DIR: server.dataDir })
    const during = acknowledged.length
    writing = false
    await Promise.all(writers)

    expect(backup.stderr).toBe('')
    expect(backup.code).toBe(0)
    expect(backup.stdout).toMatch(/integrity_check ok/)
    expect(backup.stdout).toMatch(/audit entries +\d+, chain verifies/)
    const head = /audit head +([0-9a-f]{64})/.exec(backup.stdout)?.[1]
    expect(head).toBeDefined()
    // Only the copy itself: no -wal or -shm beside it, no work folder left behind.
    expect(readdirSync(out)).toEqual(['backup.sqlite'])
    console.log(
      `backup taken while ${during - before} incidents were acknowledged during it:\n${backup.stdout}`,
    )

    // It never replaces a file unless told to.
    writeFileSync(path.join(out, 'taken.sqlite'), 'an earlier backup')
    const refused = await run([path.join(out, 'taken.sqlite')], { DATA_DIR: server.dataDir })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/taken\.sqlite already exists; pass --force to replace it/)
    const forced = await run([path.join(out, 'taken.sqlite'), '--force'], { DATA_DIR: server.dataDir })
    expect(forced.code).toBe(0)
    expect(await server.stop()).toBe(0)

    // Restore as docs/operations.md says: the copy becomes the database file of a fresh DATA_DIR.
    const restoredDir = mkdtempSync(path.join(tmpdir(), 'vendor-risk-restored-'))
    dirs.push(restoredDir)
    copyFileSync(file, path.join(restoredDir, 'vendor-risk.sqlite'))
    expect(existsSync(path.join(restoredDir, 'vendor-risk.sqlite-wal'))).toBe(false)
    const restored = await startServer({ DATA_DIR: restoredDir })
    servers.push(restored)
    expect(restored.output()).not.toContain('Seeded')
    expect(restored.output()).not.toContain('New database')

    // The same accounts and passwords sign in; the chain verifies and its head is the one the backup printed,
    // plus this sign-in.
    const client = await signedIn(restored.url, 'procurement')
    const verify = await client.json<{ ok: boolean; entries: number }>('/api/audit-log/verify')
    expect(verify.ok).toBe(true)
    const [signIn, last] = AuditLogResponse.parse(await client.json('/api/audit-log?limit=2')).items
    expect(signIn?.action).toBe('session.create')
    expect(last?.hash).toBe(head)

    // Every incident acknowledged before the backup began is there; those acknowledged during it may be.
    const served = new Set<string>()
    for (const id of ids) {
      for (const incident of (await fetchVendor(client, id)).detail.vendor.incidents)
        served.add(incident.summary)
    }
    const missing = acknowledged.slice(0, before).filter((w) => !served.has(w.summary))
    expect(missing).toEqual([])
    const restoredTestIncidents = [...served].filter((s) => s.startsWith('Backup test incident'))
    expect(restoredTestIncidents.length).toBeGreaterThanOrEqual(before)
    expect(restoredTestIncidents.length).toBeLessThanOrEqual(acknowledged.length)
    // And each of them came with its audit entry: the copy is one moment, not a mix.
    const entries = AuditLogResponse.parse(
      await client.json('/api/audit-log?action=incident.create&limit=1000'),
    ).items.filter((e) => (e.after as { summary: string }).summary.startsWith('Backup test incident'))
    expect(entries.length).toBe(restoredTestIncidents.length)
  }, 120_000)
})
