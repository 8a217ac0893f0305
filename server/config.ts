/** Server settings from the environment, validated once at start-up with messages that name the variable. */
import path from 'node:path'
import { z } from 'zod'

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DEMO_DATA: z.enum(['0', '1']).default('1'),
  DEMO_SIZE: z.coerce.number().int().min(0).max(200_000).default(60),
  STATIC_DIR: z.string().min(1).default('./dist'),
})

export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  demoData: boolean
  demoSize: number
  staticDir: string
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    demoData: e.DEMO_DATA === '1',
    demoSize: e.DEMO_SIZE,
    staticDir: path.resolve(e.STATIC_DIR),
  }
}
