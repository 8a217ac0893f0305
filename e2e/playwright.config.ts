import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium'
import { E2E_PASSWORDS } from './fixtures'

/** e2e runs against the built SPA served by the real server, on a fresh data directory, in Debian's Chromium. */
const port = Number(process.env.E2E_PORT ?? 4317)
const baseURL = `http://127.0.0.1:${port}`
const root = path.resolve(import.meta.dirname, '..')
// The built SPA to serve, and where reports go: a run against its own build (E2E_STATIC_DIR, e.g. from
// `vite build --outDir /tmp/x`) and its own output folder leaves dist/ and .test-output/ to everyone else.
const staticDir = process.env.E2E_STATIC_DIR ?? path.join(root, 'dist')
const output = process.env.E2E_OUTPUT_DIR ?? path.join(root, '.test-output')
// Playwright loads this file in the runner and in each worker: create the directory once, in the runner.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'vendor-risk-e2e-'))

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: path.join(output, 'e2e-artifacts'),
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  globalTeardown: path.join(import.meta.dirname, 'global-teardown.ts'),
  // Journeys check axe and take screenshots in both themes on several pages: generous on a shared 2-core machine.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: path.join(output, 'playwright.json') }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    command: 'node --import tsx server/main.ts',
    cwd: root,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.E2E_DATA_DIR ?? '',
      DEMO_DATA: '1',
      ADMIN_PASSWORD: E2E_PASSWORDS.admin,
      PROCUREMENT_PASSWORD: E2E_PASSWORDS.procurement,
      CISO_PASSWORD: E2E_PASSWORDS.ciso,
      AUDITOR_PASSWORD: E2E_PASSWORDS.auditor,
      STATIC_DIR: staticDir,
    },
  },
})
