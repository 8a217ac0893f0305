/**
 * `npm run backup -- <file> [--force]`: a consistent copy of the database in DATA_DIR, taken with SQLite's online
 * backup API while the server keeps running. WAL lets this second, read-only connection read one committed
 * snapshot without blocking the server's writes. The copy is checked (integrity, audit chain) before it is put in
 * place, and never replaces an existing file without --force. Restoring it: docs/operations.md.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { verifyChain, type VerifyResult } from './audit/hash-chain'
import { loadConfig } from './config'
import { DATABASE_FILE, readAuditLog } from './db/sqlite-store'

/** sqlite3_backup_step copies at most this many pages per step: all of them, in one read transaction. */
const ALL_PAGES = 0x7fffffff

export class BackupError extends Error {}

export interface BackupSummary {
  file: string
  bytes: number
  vendors: number
  auditEntries: number
  auditHead: string
  chain: VerifyResult
  ms: number
}

function fsync(file: string) {
  const fd = openSync(file, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Checks the copy with the checks an operator would run, and makes it one self-contained file. */
function checkCopy(file: string): Omit<BackupSummary, 'file' | 'bytes' | 'ms'> {
  const db = new Database(file, { fileMustExist: true })
  try {
    // The copy carries the live database's WAL flag; a single file with a rollback journal needs no -wal or -shm.
    db.pragma('journal_mode = DELETE')
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw new BackupError(`the copy fails its integrity check: ${String(integrity)}`)
    const chain = verifyChain(readAuditLog(db))
    if (!chain.ok) {
      throw new BackupError(`the copy's audit chain breaks at entry ${chain.brokenAt}: ${chain.reason}`)
    }
    const vendors = (db.prepare('SELECT count(*) AS n FROM vendors').get() as { n: number }).n
    return { vendors, auditEntries: chain.entries, auditHead: chain.head, chain }
  } finally {
    db.close()
  }
}

export async function backupDatabase(options: {
  dataDir: string
  file: string
  force?: boolean
}): Promise<BackupSummary> {
  const started = performance.now()
  const source = path.join(options.dataDir, DATABASE_FILE)
  const target = path.resolve(options.file)
  if (!existsSync(source)) throw new BackupError(`there is no database at ${source}; is DATA_DIR right?`)
  if (
    path.dirname(target) === path.resolve(options.dataDir) &&
    path.basename(target).startsWith(DATABASE_FILE)
  ) {
    throw new BackupError(`${target} is the live database's own file; write the backup somewhere else`)
  }
  if (!existsSync(path.dirname(target)))
    throw new BackupError(`the folder ${path.dirname(target)} does not exist`)
  if (existsSync(target) && !options.force) {
    throw new BackupError(`${target} already exists; pass --force to replace it`)
  }

  // Written and checked beside the target, then moved into place: a failed backup never leaves a partial file.
  const work = mkdtempSync(path.join(path.dirname(target), '.backup-'))
  const partial = path.join(work, DATABASE_FILE)
  try {
    const db = new Database(source, { readonly: true, fileMustExist: true })
    try {
      await db.backup(partial, { progress: () => ALL_PAGES })
    } finally {
      db.close()
    }
    const checked = checkCopy(partial)
    fsync(partial)
    if (options.force) renameSync(partial, target)
    else linkSync(partial, target) // fails if a file appeared at the target meanwhile, rather than replacing it
    fsync(path.dirname(target))
    return {
      file: target,
      bytes: statSync(target).size,
      ...checked,
      ms: Math.round(performance.now() - started),
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

const USAGE = 'usage: npm run backup -- <file> [--force]   (reads DATA_DIR like the server)'

async function main(args: string[]) {
  const force = args.includes('--force')
  const files = args.filter((a) => a !== '--force')
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE)
    return 0
  }
  const unknown = files.filter((a) => a.startsWith('-'))
  if (files.length !== 1 || unknown.length > 0) {
    console.error(`error: ${unknown.length > 0 ? `unknown option ${unknown[0]}` : 'name one file'}\n${USAGE}`)
    return 2
  }
  try {
    const { dataDir } = loadConfig()
    const s = await backupDatabase({ dataDir, file: files[0]!, force })
    console.log(
      [
        `Backup of ${path.join(dataDir, DATABASE_FILE)} written to ${s.file}`,
        `  size            ${(s.bytes / 1024 / 1024).toFixed(1)} MB in ${(s.ms / 1000).toFixed(1)} s`,
        '  integrity_check ok',
        `  vendors         ${s.vendors}`,
        `  audit entries   ${s.auditEntries}, chain verifies`,
        `  audit head      ${s.auditHead}`,
        'Restore it as docs/operations.md describes. On the restored server GET /api/audit-log/verify must answer ok,',
        'and the last entry before your own sign-in has the audit head above.',
      ].join('\n'),
    )
    return 0
  } catch (error) {
    console.error(`error: backup failed: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2))
}
