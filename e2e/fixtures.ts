/** What the e2e server is seeded with: the accounts' passwords (playwright.config.ts passes them as env). */
export { expect, test } from '@playwright/test'

export const E2E_PASSWORDS = {
  admin: 'e2e-admin-password',
  procurement: 'e2e-procurement-password',
  ciso: 'e2e-ciso-password',
  auditor: 'e2e-auditor-password',
} as const
export type Role = keyof typeof E2E_PASSWORDS
