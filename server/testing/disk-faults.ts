/**
 * Disk faults for the reliability tests. A full disk is a small tmpfs filled with a filler file where this process
 * may mount one (root allowed to mount); elsewhere SQLite's `max_page_count`, set on the server's own
 * connection by a preloaded test module (`page-limit.mjs`). A read-only data directory is a read-only tmpfs for
 * root, whom permissions do not stop, and a directory without write permission for anyone else. A disk that turns
 * read-only under the running server is an ext4 loop mount the kernel aborts; elsewhere SQLite's `query_only`
 * (`query-only.mjs`).
 */
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  closeSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect } from 'vitest'
import { startServer, type ServerProcess } from './server-process'

const isRoot = () => process.getuid?.() === 0

function tryMount(dir: string, options: string): boolean {
  if (!isRoot()) return false
  return spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' }).status === 0
}

function unmount(dir: string) {
  // Lazy, so a server that is still shutting down cannot keep the mount (and the test) hanging.
  spawnSync('umount', ['-l', dir], { stdio: 'ignore' })
}

/** Extra environment for `startServer` that preloads one of the fault modules next to this file. */
function preloading(module: string): Record<string, string> {
  const preload = pathToFileURL(path.join(import.meta.dirname, module)).href
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${preload}`.trim() }
}

/** Sends SIGUSR2 to a server running a preloaded fault module and waits for the module to log `line`. */
async function signalFault(server: ServerProcess, line: string) {
  const before = server.output().split(line).length
  server.child.kill('SIGUSR2')
  await expect
    .poll(() => server.output().split(line).length, { timeout: 5000, interval: 20 })
    .toBeGreaterThan(before)
}

export interface FullDisk {
  how: 'tmpfs' | 'max_page_count'
  dataDir: string
  /** Extra environment for `startServer`. */
  env: Record<string, string>
  /** Leaves the server no room to grow its database. */
  fill(server: ServerProcess): Promise<void>
  /** Gives the room back, as an operator freeing space would. */
  free(server: ServerProcess): Promise<void>
  cleanUp(): void
}

/** FULL_DISK=max_page_count forces the fallback, to check it where tmpfs works too. */
export function fullDisk(sizeMb = 48): FullDisk {
  const root = mkdtempSync(path.join(tmpdir(), 'vendor-risk-disk-'))
  if (process.env.FULL_DISK !== 'max_page_count' && tryMount(root, `size=${sizeMb}m,mode=0755`)) {
    const dataDir = path.join(root, 'data')
    const filler = path.join(root, 'filler')
    return {
      how: 'tmpfs',
      dataDir,
      env: {},
      async fill() {
        const fd = openSync(filler, 'w')
        try {
          // Big chunks first, then pages, until not even 4 KB fits.
          for (const size of [1024 * 1024, 4096]) {
            const chunk = Buffer.alloc(size, 0x61)
            for (;;) {
              try {
                writeSync(fd, chunk)
              } catch (error) {
                if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break
                throw error
              }
            }
          }
        } finally {
          closeSync(fd)
        }
      },
      async free() {
        rmSync(filler, { force: true })
      },
      cleanUp() {
        unmount(root)
        rmSync(root, { recursive: true, force: true })
      },
    }
  }
  // No tmpfs here: the preloaded module caps the database at its current size on SIGUSR2 and lifts the cap on the next.
  return {
    how: 'max_page_count',
    dataDir: path.join(root, 'data'),
    env: preloading('page-limit.mjs'),
    fill: (server) => signalFault(server, 'page limit: full'),
    free: (server) => signalFault(server, 'page limit: free'),
    cleanUp: () => rmSync(root, { recursive: true, force: true }),
  }
}

export interface ReadOnlyDir {
  how: 'read-only tmpfs' | 'chmod 555'
  dir: string
  cleanUp(): void
}

/**
 * A directory nobody can write to, optionally holding `seed`'s files first (a data directory whose disk was
 * remounted read-only). Answers null where neither a mount nor permissions can make one (root without mounts).
 */
export function readOnlyDir(seed?: (dir: string) => void): ReadOnlyDir | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'vendor-risk-ro-'))
  if (isRoot()) {
    if (!tryMount(dir, 'size=64m,mode=0755')) {
      rmSync(dir, { recursive: true, force: true })
      return null
    }
    seed?.(dir)
    if (spawnSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' }).status !== 0) {
      unmount(dir)
      rmSync(dir, { recursive: true, force: true })
      return null
    }
    return {
      how: 'read-only tmpfs',
      dir,
      cleanUp() {
        unmount(dir)
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  seed?.(dir)
  chmodSync(dir, 0o555)
  return {
    how: 'chmod 555',
    dir,
    cleanUp() {
      chmodSync(dir, 0o755)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface DiskGoingReadOnly {
  how: 'aborted ext4' | 'query_only'
  dataDir: string
  /** Extra environment for `startServer`. */
  env: Record<string, string>
  /** The disk holding the database turns read-only under the running server. */
  breakWrites(server: ServerProcess): Promise<void>
  /**
   * Makes the disk writable again, as an operator would, and answers the server to go on with: the same one when it
   * can write again in place, else a new one started on the repaired disk after the old one stopped cleanly.
   */
  restore(server: ServerProcess): Promise<{ server: ServerProcess; restarted: boolean }>
  cleanUp(): void
}

const run = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' })

function check(command: string, args: string[], ok: (status: number | null) => boolean = (s) => s === 0) {
  const result = run(command, args)
  if (!ok(result.status)) {
    throw new Error(
      `${command} ${args.join(' ')} answered ${result.status}: ${result.stderr || result.error}`,
    )
  }
  return result
}

function writeErrorIn(dir: string): string | null {
  try {
    writeFileSync(path.join(dir, '.probe'), 'probe')
    rmSync(path.join(dir, '.probe'))
    return null
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error)
  }
}

/**
 * An ext4 file system in a loop-mounted image, with the moves to break and repair it. `mount -o remount,ro` cannot
 * stand in for a failing disk: Linux refuses it with EBUSY while any file is open for writing, as the database is.
 * `remount,abort` is what ext4 does itself on an I/O error (errors=remount-ro): it aborts the journal and turns
 * read-only under open files, whose writes then fail with EROFS. It stays read-only until unmounted.
 */
function ext4Disk(root: string, sizeMb: number) {
  const image = path.join(root, 'disk.img')
  const mountPoint = path.join(root, 'mnt')
  mkdirSync(mountPoint)
  const fd = openSync(image, 'w')
  try {
    ftruncateSync(fd, sizeMb * 1024 * 1024)
  } finally {
    closeSync(fd)
  }
  return {
    mountPoint,
    format: () => run('mkfs.ext4', ['-q', '-F', image]).status === 0,
    mount: () => run('mount', ['-o', 'loop', image, mountPoint]).status === 0,
    abort: () => run('mount', ['-o', 'remount,abort', mountPoint]).status === 0,
    /** Unmount, let fsck clear the error the abort recorded (exit 1: corrected), and mount again. */
    repair() {
      check('umount', [mountPoint])
      const fsck = check('e2fsck', ['-fy', image], (s) => s === 0 || s === 1)
      check('mount', ['-o', 'loop', image, mountPoint])
      return fsck.status
    },
  }
}

/**
 * A disk that turns read-only while the server runs. READ_ONLY_DISK=query_only forces the fallback, to check it
 * where loop mounts work too.
 */
export function diskGoingReadOnly(sizeMb = 64): DiskGoingReadOnly {
  const root = mkdtempSync(path.join(tmpdir(), 'vendor-risk-going-ro-'))
  const disk = isRoot() && process.env.READ_ONLY_DISK !== 'query_only' ? ext4Disk(root, sizeMb) : null
  // Rehearse the whole cycle on the empty disk first, so a kernel without ext4, loop devices or `abort` falls back
  // here rather than failing the test half way.
  const rehearsed = (d: NonNullable<typeof disk>) => {
    try {
      if (!(d.format() && d.mount() && d.abort() && writeErrorIn(d.mountPoint) === 'EROFS')) return false
      d.repair()
      return writeErrorIn(d.mountPoint) === null
    } catch {
      return false
    }
  }
  if (disk && rehearsed(disk)) {
    const dataDir = path.join(disk.mountPoint, 'data')
    return {
      how: 'aborted ext4',
      dataDir,
      env: {},
      async breakWrites() {
        check('mount', ['-o', 'remount,abort', disk.mountPoint])
        expect(writeErrorIn(dataDir)).toBe('EROFS')
      },
      async restore(server) {
        const rw = run('mount', ['-o', 'remount,rw', disk.mountPoint])
        if (rw.status === 0 && writeErrorIn(dataDir) === null) return { server, restarted: false }
        console.log(
          `remount,rw of the aborted ext4 refused (${rw.status}): stopping the server to repair the disk`,
        )
        expect(await server.stop()).toBe(0)
        console.log(`e2fsck -fy exited ${disk.repair()}`)
        return { server: await startServer({ DATA_DIR: dataDir }), restarted: true }
      },
      cleanUp() {
        unmount(disk.mountPoint)
        rmSync(root, { recursive: true, force: true })
      },
    }
  }
  if (disk) unmount(disk.mountPoint)
  // The preloaded module turns query_only on for the server's connections on SIGUSR2, and off on the next.
  return {
    how: 'query_only',
    dataDir: path.join(root, 'data'),
    env: preloading('query-only.mjs'),
    breakWrites: (server) => signalFault(server, 'query only: on'),
    async restore(server) {
      await signalFault(server, 'query only: off')
      return { server, restarted: false }
    },
    cleanUp: () => rmSync(root, { recursive: true, force: true }),
  }
}
