/** Server settings from the environment, validated once at start-up with messages that name the variable. */
import path from 'node:path'
import { z } from 'zod'

/** An unset or empty variable means "not given". */
const secret = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.string().min(12, 'must be at least 12 characters').optional(),
)

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DEMO_DATA: z.enum(['0', '1']).default('1'),
  DEMO_SIZE: z.coerce.number().int().min(0).max(200_000).default(60),
  STATIC_DIR: z.string().min(1).default('./dist'),
  ADMIN_PASSWORD: secret,
  PROCUREMENT_PASSWORD: secret,
  CISO_PASSWORD: secret,
  AUDITOR_PASSWORD: secret,
  COOKIE_SECURE: z.enum(['0', '1']).default('0'),
  EXPORT_SYNC_VENDORS: z.coerce.number().int().min(0).max(1_000_000).optional(),
})

export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  demoData: boolean
  demoSize: number
  staticDir: string
  /** Initial passwords from the environment; a missing one is generated and printed once. */
  passwords: { admin?: string; procurement?: string; ciso?: string; auditor?: string }
  /** Mark the session cookie Secure: set COOKIE_SECURE=1 when served over HTTPS. */
  secureCookies: boolean
  /** Registers of up to this many vendors export before POST /api/exports answers; larger ones in the background. */
  exportSyncVendors?: number
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
    passwords: {
      ...(e.ADMIN_PASSWORD !== undefined && { admin: e.ADMIN_PASSWORD }),
      ...(e.PROCUREMENT_PASSWORD !== undefined && { procurement: e.PROCUREMENT_PASSWORD }),
      ...(e.CISO_PASSWORD !== undefined && { ciso: e.CISO_PASSWORD }),
      ...(e.AUDITOR_PASSWORD !== undefined && { auditor: e.AUDITOR_PASSWORD }),
    },
    secureCookies: e.COOKIE_SECURE === '1',
    ...(e.EXPORT_SYNC_VENDORS !== undefined && { exportSyncVendors: e.EXPORT_SYNC_VENDORS }),
  }
}
