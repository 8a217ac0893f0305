/** The HTTP application: the JSON API under /api and the built SPA for every other GET. */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { MAX_IMPORT_BYTES, MAX_RESTORE_BYTES } from '../src/domain'
import { createRateLimiter } from './auth/rate-limit'
import { csrfProtection, sessionMiddleware } from './auth/session'
import { StorageError, UniqueConflictError, VersionConflictError, type Store } from './db/store'
import type { AppEnv } from './http/app-env'
import { HttpProblem, problemResponse } from './http/problem'
import { securityHeaders, withHeaders } from './http/security-headers'
import { auditRoutes } from './routes/audit'
import { dashboardRoutes } from './routes/dashboard'
import { exportRoutes } from './routes/exports'
import { healthRoutes } from './routes/health'
import { importRoutes } from './routes/imports'
import { reviewRoutes } from './routes/reviews'
import { createDashboardService } from './services/dashboard-service'
import type { ExportService } from './services/export-service'
import type { ImportService } from './services/import-service'
import { scoringRoutes } from './routes/scoring'
import { sessionRoutes, type SignInLimits } from './routes/session'
import { userRoutes } from './routes/users'
import { vendorRoutes } from './routes/vendors'
import type { UserService } from './services/user-service'
import type { VendorService } from './services/vendor-service'

export const JSON_BODY_LIMIT = 1024 * 1024
/** The import page checks the same limit before uploading. */
export const IMPORT_BODY_LIMIT = MAX_IMPORT_BYTES

export interface AppOptions {
  store: Store
  vendors: VendorService
  users: UserService
  imports: ImportService
  exports: ExportService
  /** Folder with the built SPA; when absent the API still works and pages answer 503 with a hint. */
  staticDir: string
  secureCookies?: boolean
  limits?: SignInLimits
  now?: () => Date
  log?: (line: string) => void
}

const tooLarge = (limit: number) =>
  bodyLimit({
    maxSize: limit,
    onError: (c) =>
      problemResponse(c, {
        title: 'Request body too large',
        status: 413,
        detail: `The limit is ${limit / 1024 / 1024} MB; nothing was read or stored.`,
      }),
  })

export function createApp(options: AppOptions) {
  const { store, vendors, users, staticDir, log = () => {}, now = () => new Date() } = options
  const limits = options.limits ?? {
    perUser: createRateLimiter({ max: 5 }),
    perClient: createRateLimiter({ max: 50 }),
  }

  const api = new Hono<AppEnv>()
  api.use('*', withHeaders({ 'Cache-Control': 'no-store' }))
  // Imports may be 20 MB; every other body 1 MB. Both are refused before anything is parsed.
  const importLimit = tooLarge(IMPORT_BODY_LIMIT)
  const jsonLimit = tooLarge(JSON_BODY_LIMIT)
  // A restore reads a whole full export (up to MAX_RESTORE_BYTES).
  const restoreLimit = tooLarge(MAX_RESTORE_BYTES)
  // GET and HEAD handlers never read a body, and checking for one costs a full Request object per read.
  api.use('*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD'
      ? next()
      : c.req.path === '/api/imports'
        ? importLimit(c, next)
        : c.req.path === '/api/exports/restore'
          ? restoreLimit(c, next)
          : jsonLimit(c, next),
  )
  api.use('*', sessionMiddleware(store, now))
  api.use('*', csrfProtection({ secure: options.secureCookies ?? false }))
  api.route('/health', healthRoutes)
  api.route('/session', sessionRoutes(users, limits, { secureCookies: options.secureCookies ?? false }))
  api.route('/users', userRoutes(users))
  api.route('/vendors', vendorRoutes(vendors))
  api.route('/reviews', reviewRoutes(vendors))
  api.route('/scoring', scoringRoutes(vendors))
  api.route('/imports', importRoutes(options.imports))
  api.route('/audit-log', auditRoutes(store, options.exports))
  api.route('/exports', exportRoutes(options.exports))
  api.route('/dashboard', dashboardRoutes(createDashboardService(store, vendors)))
  api.all('*', (c) =>
    problemResponse(c, {
      title: 'Not found',
      status: 404,
      detail: `No API route for ${c.req.method} ${c.req.path}`,
    }),
  )

  const app = new Hono<AppEnv>()
  app.use('*', securityHeaders({ hsts: options.secureCookies ?? false }))
  app.route('/api', api)

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
        ...error.extra,
      })
    }
    if (error instanceof VersionConflictError) {
      return problemResponse(c, {
        title: 'Changed meanwhile',
        status: 412,
        detail: `${error.message}. Reload it, then reapply your change.`,
        currentVersion: error.currentVersion,
      })
    }
    if (error instanceof UniqueConflictError) {
      return problemResponse(c, {
        title: 'Already exists',
        status: 409,
        detail: error.message,
        errors: [{ path: error.field, message: `${error.value} is already taken` }],
      })
    }
    if (error instanceof StorageError) {
      // An operator's problem, not a bug: say so in the log, and tell the client nothing was saved.
      log(`[storage] ${c.req.method} ${c.req.path}: ${error.message}`)
      return problemResponse(
        c,
        error.reason === 'full'
          ? {
              title: 'Storage full',
              status: 507,
              detail:
                'The server has no disk space left, so nothing was saved. Try again once space is freed.',
            }
          : {
              title: 'Storage unavailable',
              status: 503,
              detail: 'The server cannot write to its database, so nothing was saved. Try again later.',
            },
      )
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
