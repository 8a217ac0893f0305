#!/usr/bin/env node
// `npm test`: typecheck and lint, unit and component tests, then e2e against the built app in Chromium.
// Ends with one line per runner (its outcome, time and, for the test runners, their counts), then one summary
// line, "N passed, N failed", counted from the runners' JSON reports.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const out = path.join(root, '.test-output')
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
const bin = (name) => path.join(root, 'node_modules', '.bin', name)

/** Each runner's outcome, in the order they finished, for the closing summary. */
const outcomes = []

/** Runs a command; `buffer` holds its output until it ends so parallel steps do not interleave. */
function run(label, command, args, { buffer = false, env = {} } = {}) {
  const started = Date.now()
  if (!buffer) console.log(`\n▶ ${label}`)
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1', ...env },
      stdio: buffer ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    })
    let output = ''
    child.stdout?.on('data', (d) => (output += d))
    child.stderr?.on('data', (d) => (output += d))
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      if (buffer) console.log(`\n▶ ${label}\n${output.trimEnd()}`)
      console.log(`${code === 0 ? '✔' : '✘'} ${label} (${seconds}s)`)
      outcomes.push({ label, code: code ?? 1, seconds })
      resolve(code ?? 1)
    })
  })
}

const failures = []
const step = async (label, promise) => {
  if ((await promise) !== 0) failures.push(label)
}

await Promise.all([
  step('typecheck', run('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { buffer: true })),
  step('lint', run('lint', bin('eslint'), ['--max-warnings=0', '.'], { buffer: true })),
  step(
    'format',
    run('format (prettier --check)', bin('prettier'), ['--check', '--log-level=warn', '.'], { buffer: true }),
  ),
])
await step(
  'unit and component tests',
  run('unit and component tests (vitest)', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${path.join(out, 'vitest.json')}`,
  ]),
)
await step('chromium', run('chromium for e2e', process.execPath, ['scripts/ensure-chromium.mjs']))
await step('build', run('build the SPA', bin('vite'), ['build', '--logLevel', 'warn']))
/** A port nobody listens on right now, so e2e never collides with a server already running here. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

const e2eLabel = 'end-to-end tests (playwright, chromium)'
if (failures.includes('chromium') || failures.includes('build')) {
  outcomes.push({ label: e2eLabel, code: null, seconds: null, note: 'not run: chromium or the build failed' })
} else {
  const env = { E2E_PORT: process.env.E2E_PORT ?? String(await freePort()) }
  await step(
    'e2e',
    run(e2eLabel, bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts'], {
      env,
    }),
  )
}

/** The test runners' counts, from their JSON reports (absent when the runner did not get that far). */
function runnerCounts() {
  const byLabel = {}
  const vitestFile = path.join(out, 'vitest.json')
  if (existsSync(vitestFile)) {
    const r = JSON.parse(readFileSync(vitestFile, 'utf8'))
    byLabel['unit and component tests (vitest)'] = {
      passed: r.numPassedTests,
      failed: r.numFailedTests,
      skipped: r.numPendingTests + r.numTodoTests,
    }
  }
  const e2eFile = path.join(out, 'playwright.json')
  if (existsSync(e2eFile)) {
    const s = JSON.parse(readFileSync(e2eFile, 'utf8')).stats
    byLabel[e2eLabel] = { passed: s.expected, failed: s.unexpected + s.flaky, skipped: s.skipped }
  }
  return byLabel
}

const byRunner = runnerCounts()
let passed = 0
let failed = 0
let skipped = 0
for (const c of Object.values(byRunner)) {
  passed += c.passed
  failed += c.failed
  skipped += c.skipped
}

// One line per runner, so a long log still says at its end which runner did what.
console.log('\nSummary')
const width = Math.max(...outcomes.map((o) => o.label.length))
for (const o of outcomes) {
  const mark = o.code === null ? '–' : o.code === 0 ? '✔' : '✘'
  const time = (o.seconds === null ? '' : `${o.seconds}s`).padStart(7)
  const c = byRunner[o.label]
  const detail = o.note ?? (c ? `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped` : '')
  console.log(`  ${mark} ${o.label.padEnd(width)} ${time}  ${detail}`.trimEnd())
}
console.log('')
if (failures.length > 0) console.log(`Failed steps: ${failures.join(', ')}`)
if (skipped > 0) console.log(`${skipped} tests were skipped: a skipped test is a defect here.`)
console.log(`${passed} passed, ${failed + (failures.length > 0 && failed === 0 ? 1 : 0)} failed`)
process.exit(failures.length > 0 || failed > 0 || skipped > 0 ? 1 : 0)
