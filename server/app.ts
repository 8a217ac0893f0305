/** The HTTP application: JSON API under /api and the built SPA for every other GET. */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import type { VendorStore } from './db/store'
import { HttpProblem, problemResponse } from './http/problem'
import { securityHeaders } from './http/security-headers'
import { healthRoutes } from './routes/health'
import { vendorRoutes } from './routes/vendors'

export interface AppOptions {
  store: VendorStore
  /** Folder with the built SPA; when absent the API still works and pages answer 503 with a hint. */
  staticDir: string
  log?: (line: string) => void
}

export function createApp({ store, staticDir, log = () => {} }: AppOptions) {
  const api = new Hono().route('/health', healthRoutes).route('/vendors', vendorRoutes(store))

  const app = new Hono()
  app.use('*', securityHeaders)
  app.route('/api', api)
  app.all('/api/*', (c) =>
    problemResponse(c, {
      title: 'Not found',
      status: 404,
      detail: `No API route for ${c.req.method} ${c.req.path}`,
    }),
  )

  const indexPath = path.join(staticDir, 'index.html')
  const root = path.relative(process.cwd(), staticDir) || '.'
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  )
  app.use('*', serveStatic({ root }))
  // Client-side routes: any other GET gets the SPA shell, which renders its own 404 for unknown paths.
  app.get('*', (c) => {
    if (!existsSync(indexPath)) {
      return c.text(`The SPA is not built: run "npm run build" (looked for ${indexPath}).`, 503)
    }
    c.header('Cache-Control', 'no-cache')
    return c.html(readFileSync(indexPath, 'utf8'))
  })

  app.onError((error, c) => {
    if (error instanceof HttpProblem) {
      return problemResponse(c, {
        title: error.title,
        status: error.status,
        ...(error.detail !== undefined && { detail: error.detail }),
        ...(error.errors !== undefined && { errors: error.errors }),
      })
    }
    log(`[error] ${c.req.method} ${c.req.path}: ${error.stack ?? String(error)}`)
    return problemResponse(c, {
      title: 'Internal server error',
      status: 500,
      detail: 'The error was logged.',
    })
  })
  return app
}

export type AppType = ReturnType<typeof createApp>
