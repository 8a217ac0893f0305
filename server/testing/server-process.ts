/** Starts the real server (`server/main.ts`) as a child process on 127.0.0.1 with a temporary DATA_DIR, for API tests. */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

/** The seeded accounts' passwords in tests (the server takes them from *_PASSWORD on first start). */
export const TEST_PASSWORDS = {
  admin: 'admin-password-for-tests',
  procurement: 'procurement-password-for-tests',
  ciso: 'ciso-password-for-tests',
  auditor: 'auditor-password-for-tests',
} as const
export type TestRole = keyof typeof TEST_PASSWORDS

export interface ServerProcess {
  url: string
  dataDir: string
  child: ChildProcess
  output: () => string
  stop: (signal?: NodeJS.Signals) => Promise<number | null>
}

export interface StartOptions {
  /** How long the server may take to listen; a large DEMO_SIZE seeds for a while first. Default 20 s. */
  startTimeoutMs?: number
}

export async function startServer(
  env: Record<string, string> = {},
  { startTimeoutMs = 20_000 }: StartOptions = {},
): Promise<ServerProcess> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'vendor-risk-api-'))
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO_DATA: '1',
      ADMIN_PASSWORD: TEST_PASSWORDS.admin,
      PROCUREMENT_PASSWORD: TEST_PASSWORDS.procurement,
      CISO_PASSWORD: TEST_PASSWORDS.ciso,
      AUDITOR_PASSWORD: TEST_PASSWORDS.auditor,
      ...env,
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))

  const cleanUp = () => {
    if (env.DATA_DIR === undefined) rmSync(dataDir, { recursive: true, force: true })
  }
  let started = false
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start in ${startTimeoutMs / 1000} s:\n${output}`)),
      startTimeoutMs,
    )
    child.stdout.on('data', () => {
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match && !started) {
        started = true
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code) => {
      if (started) return // a later exit (a kill in a test) must leave the data for the test to inspect
      clearTimeout(timer)
      cleanUp()
      reject(new Error(`server exited with ${code} before it started:\n${output}`))
    })
  })

  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    url,
    dataDir,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal)
      const code = await exited
      cleanUp()
      return code
    },
  }
}
