/**
 * Export files are written once and never changed: bytes stream to a temporary file while they are hashed, the
 * file is synced, made read-only and renamed into place, so a reader only ever sees a complete file whose SHA-256
 * the manifest holds. Reading verifies that hash again, so a file changed on disk afterwards is caught.
 */
import { createHash } from 'node:crypto'
import { createWriteStream, existsSync } from 'node:fs'
import { chmod, mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { Transform, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

export interface WrittenFile {
  sha256: string
  bytes: number
  path: string
}

export interface ExportFile {
  /** Where pdfkit and exceljs pipe their output; every byte is hashed on its way to the disk. */
  readonly stream: Writable
  /** Writes text or bytes, waiting when the disk is behind so memory stays flat. */
  write(chunk: string | Uint8Array): Promise<void>
  /** Ends the stream, syncs, makes the file read-only and moves it into place. */
  finish(): Promise<WrittenFile>
  /** Drops the temporary file after a failure. */
  abort(): Promise<void>
}

/** Bytes each stage of the file's pipeline holds before a writer waits. */
const BUFFERED = 1024 * 1024

export async function openExportFile(dir: string, name: string): Promise<ExportFile> {
  await mkdir(dir, { recursive: true })
  const finalPath = path.join(dir, name)
  const tempPath = path.join(dir, `.${name}.${process.pid}.tmp`)
  if (existsSync(finalPath))
    throw new Error(`Export file ${name} already exists; exports are never overwritten`)
  const hash = createHash('sha256')
  let bytes = 0
  const hashing = new Transform({
    // Room for a few chunks in flight, so the next rows are made while the disk takes the last ones.
    highWaterMark: BUFFERED,
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk)
      bytes += chunk.length
      done(null, chunk)
    },
  })
  const done = pipeline(
    hashing,
    createWriteStream(tempPath, { flags: 'wx', mode: 0o600, highWaterMark: BUFFERED }),
  )
  // A failure is reported by finish(); keep the pipeline's rejection from going unhandled before then.
  done.catch(() => {})

  return {
    stream: hashing,
    async write(chunk) {
      if (!hashing.write(chunk)) {
        await new Promise<void>((resolve, reject) => {
          const onError = (error: Error) => reject(error)
          hashing.once('error', onError)
          hashing.once('drain', () => {
            hashing.off('error', onError)
            resolve()
          })
        })
      }
    },
    async finish() {
      if (!hashing.writableEnded) hashing.end()
      await done
      const handle = await open(tempPath, 'r')
      try {
        await handle.sync()
      } finally {
        await handle.close()
      }
      await chmod(tempPath, 0o444)
      if (existsSync(finalPath)) throw new Error(`Export file ${name} appeared meanwhile; not overwriting it`)
      await rename(tempPath, finalPath)
      return { sha256: hash.digest('hex'), bytes, path: finalPath }
    },
    async abort() {
      hashing.destroy()
      await done.catch(() => {})
      await rm(tempPath, { force: true })
    },
  }
}

/**
 * Text encoded straight into buffers of `size` bytes, written once full. Encoding each row into place costs a few
 * milliseconds per 50,000 rows; gathering the rows into one string per chunk first (by `+=` or by `join`) cost tens
 * of times that in flattening and garbage, more than hashing and writing the file.
 */
export function textChunks(file: ExportFile, size = 256 * 1024) {
  const full: Uint8Array[] = []
  let buffer = Buffer.allocUnsafe(size)
  let used = 0
  return {
    /** Adds text; answers true once a buffer is full, when the caller should await `flush`. */
    add(text: string): boolean {
      // UTF-8 takes at most 3 bytes per UTF-16 code unit: with that much room the text fits whole.
      if (text.length * 3 > buffer.length - used) {
        if (used > 0) {
          full.push(buffer.subarray(0, used))
          buffer = Buffer.allocUnsafe(size)
          used = 0
        }
        if (text.length * 3 > size) {
          full.push(Buffer.from(text, 'utf8'))
          return true
        }
      }
      used += buffer.write(text, used, 'utf8')
      return full.length > 0
    },
    /** Writes the full buffers. */
    async flush() {
      for (const chunk of full.splice(0)) await file.write(chunk)
    },
    /** Writes everything added. */
    async end() {
      if (used > 0) {
        full.push(buffer.subarray(0, used))
        buffer = Buffer.allocUnsafe(0)
        used = 0
      }
      for (const chunk of full.splice(0)) await file.write(chunk)
    },
  }
}

export class ExportFileMismatch extends Error {}

/** The file's bytes, after checking they still hash to what the manifest recorded. */
export async function readVerifiedExport(filePath: string, sha256: string): Promise<Buffer> {
  let bytes: Buffer
  try {
    bytes = await readFile(filePath)
  } catch (error) {
    throw new ExportFileMismatch(
      `the file is missing (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    )
  }
  const actual = createHash('sha256').update(bytes).digest('hex')
  if (actual !== sha256) throw new ExportFileMismatch(`its SHA-256 is now ${actual}`)
  return bytes
}

/** RFC 9530 `Repr-Digest` for a hex SHA-256: `sha-256=:<base64>:`. */
export const reprDigest = (sha256Hex: string) =>
  `sha-256=:${Buffer.from(sha256Hex, 'hex').toString('base64')}:`
