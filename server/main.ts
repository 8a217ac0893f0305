/** Entry point: `npm start` builds the SPA, then runs this to serve it with the API. */
import { accessSync, constants, mkdirSync } from 'node:fs'
import { serve } from '@hono/node-server'
import { generateDemoVendors } from '../mocks/data'
import { todayIsoDate } from '../src/domain'
import { createApp } from './app'
import { loadConfig } from './config'
import { createMemoryStore } from './db/memory-store'

function fail(message: string): never {
  console.error(`error: ${message}`)
  process.exit(1)
}

let config
try {
  config = loadConfig()
} catch (error) {
  fail((error as Error).message)
}

try {
  mkdirSync(config.dataDir, { recursive: true })
  accessSync(config.dataDir, constants.W_OK)
} catch (error) {
  fail(
    `data directory ${config.dataDir} is not writable (${(error as NodeJS.ErrnoException).code}). Set DATA_DIR.`,
  )
}

// Demo incidents and assessments are dated relative to today, so the demo looks the same whenever it starts.
const store = createMemoryStore(
  config.demoData ? generateDemoVendors({ count: config.demoSize, asOf: todayIsoDate() }) : [],
)
const app = createApp({ store, staticDir: config.staticDir, log: (line) => console.error(line) })

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Vendor risk dashboard on http://${config.host}:${info.port} (data: ${config.dataDir})`)
})

server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') fail(`port ${config.port} on ${config.host} is already in use. Set PORT.`)
  if (error.code === 'EACCES')
    fail(`no permission to listen on ${config.host}:${config.port}. Set PORT above 1024.`)
  fail(error.message)
})

let stopping = false
function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  console.log(`${signal}: closing connections`)
  server.close(() => {
    store.close()
    process.exit(0)
  })
  // Idle keep-alive sockets would hold close() open; give requests in flight a moment, then go.
  setTimeout(() => process.exit(0), 5000).unref()
}
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('SIGTERM', () => shutdown('SIGTERM'))
