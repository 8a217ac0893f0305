/** What the e2e server is seeded with, and the steps every journey shares: sign in, check axe, take screenshots. */
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

export { expect, test }

export const E2E_PASSWORDS = {
  admin: 'e2e-admin-password',
  procurement: 'e2e-procurement-password',
  ciso: 'e2e-ciso-password',
  auditor: 'e2e-auditor-password',
} as const
export type Role = keyof typeof E2E_PASSWORDS

export async function signIn(page: Page, role: Role) {
  await page.goto('/')
  await page.getByLabel('Username').fill(role)
  await page.getByLabel('Password').fill(E2E_PASSWORDS[role])
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('banner')).toContainText(role)
}

/** axe with the WCAG 2.2 AA rules: no violations, each listed with the elements it found. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze()
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
}

const SCREENSHOTS = path.resolve(import.meta.dirname, '../.test-output/screenshots')

/**
 * Screenshots of the page as it stands in both themes, for people to look at (.test-output/screenshots), and axe
 * in each theme: contrast is checked against the colours actually shown.
 */
export async function checkBothThemes(page: Page, name: string) {
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme)
    await expectNoAxeViolations(page)
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${theme}.png`), fullPage: true })
  }
  await page.evaluate(() => document.documentElement.removeAttribute('data-theme'))
}
