/**
 * The API figure's baseline: a bare Hono app with one JSON route answering a static body read from BARE_BODY_FILE,
 * served by @hono/node-server on 127.0.0.1 in its own process, as the real server is. No session, no database.
 */
import { readFileSync } from 'node:fs'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const body = readFileSync(process.env.BARE_BODY_FILE ?? '', 'utf8')
const app = new Hono().get('/api/vendors', (c) => c.body(body, 200, { 'content-type': 'application/json' }))
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`bare Hono on http://127.0.0.1:${info.port}`)
})
process.on('SIGTERM', () => process.exit(0))
