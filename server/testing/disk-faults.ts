/**
 * Disk faults for the reliability tests. A full disk is a small tmpfs filled with a filler file where this process
 * may mount one (root allowed to mount); elsewhere SQLite's `max_page_count`, set on the server's own
 * connection by a preloaded test module (`page-limit.mjs`). A read-only data directory is a read-only tmpfs for
 * root, whom permissions do not stop, and a directory without write permission for anyone else.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect } from 'vitest'
import type { ServerProcess } from './server-process'

const isRoot = () => process.getuid?.() === 0

function tryMount(dir: string, options: string): boolean {
  if (!isRoot()) return false
  return spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' }).status === 0
}

function unmount(dir: string) {
  // Lazy, so a server that is still shutting down cannot keep the mount (and the test) hanging.
  spawnSync('umount', ['-l', dir], { stdio: 'ignore' })
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
  const preload = pathToFileURL(path.join(import.meta.dirname, 'page-limit.mjs')).href
  const toggle = async (server: ServerProcess, state: 'full' | 'free') => {
    const before = server.output().split(`page limit: ${state}`).length
    server.child.kill('SIGUSR2')
    await expect
      .poll(() => server.output().split(`page limit: ${state}`).length, { timeout: 5000, interval: 20 })
      .toBeGreaterThan(before)
  }
  return {
    how: 'max_page_count',
    dataDir: path.join(root, 'data'),
    env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${preload}`.trim() },
    fill: (server) => toggle(server, 'full'),
    free: (server) => toggle(server, 'free'),
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
