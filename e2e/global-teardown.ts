import { rmSync } from 'node:fs'

/** Removes the temporary data directory the config created for this run's server. */
export default function globalTeardown() {
  const dir = process.env.E2E_DATA_DIR
  if (dir?.includes('vendor-risk-e2e-')) rmSync(dir, { recursive: true, force: true })
}
