/** Entry point: `npm start` builds the SPA, then runs this to serve it with the API on an embedded database. */
import { accessSync, constants, mkdirSync } from 'node:fs'
import { serve } from '@hono/node-server'
import { loadConfig, type ServerConfig } from './config'
import { buildServer } from './server'

function fail(message: string): never {
  console.error(`error: ${message}`)
  process.exit(1)
}

let config: ServerConfig
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

let built: Awaited<ReturnType<typeof buildServer>>
try {
  built = await buildServer(config)
} catch (error) {
  fail(`could not open the database in ${config.dataDir}: ${(error as Error).message}`)
}

const server = serve({ fetch: built.app.fetch, port: config.port, hostname: config.host }, (info) => {
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
    built.close()
    process.exit(0)
  })
  // Idle keep-alive sockets would hold close() open; give requests in flight a moment, then go.
  setTimeout(() => {
    built.close()
    process.exit(0)
  }, 5000).unref()
}
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('SIGTERM', () => shutdown('SIGTERM'))
