import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:8080'
/** src/domain: plain TypeScript, no I/O, nothing done at import time (see build.rolldownOptions.treeshake). */
const domainModule = /[\\/]src[\\/]domain[\\/]/

export default defineConfig({
  plugins: [react()],
  server: {
    // `npm run dev` talks to `npm run dev:server` on its own port.
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  worker: {
    // The risk map's worker (src/features/dashboard/api/risk-map.worker.ts) is a module worker, as in dev.
    format: 'es',
    rolldownOptions: { treeshake: { moduleSideEffects: (id: string) => !domainModule.test(id) } },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      // src/domain is plain TypeScript with no I/O and nothing done at import time (zod schemas, functions), so a
      // module nobody uses can go: the entry keeps the session's and the problem's schemas, not the dashboard's.
      treeshake: { moduleSideEffects: (id: string) => !domainModule.test(id) },
      output: {
        // Keep what every page runs (React, the router, the query client) in one long-lived chunk; features change
        // more often. Only that: the grid's table and virtualiser stay with the pages that use them, out of the
        // entry (bench/frontend.ts holds the list route's entry to 150 KB gzipped).
        codeSplitting: {
          groups: [
            {
              name: 'vendor-react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack[\\/](query-core|react-query))[\\/]/,
            },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          // API tests start real server processes; on a loaded 2-core machine a start and stop can take seconds.
          testTimeout: 30_000,
          hookTimeout: 30_000,
          include: [
            'src/domain/**/*.test.ts',
            'src/features/**/*.test.ts',
            'mocks/**/*.test.ts',
            'server/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['src/testing/setup-tests.ts'],
        },
      },
    ],
  },
})
