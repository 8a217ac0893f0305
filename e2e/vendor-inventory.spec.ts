import AxeBuilder from '@axe-core/playwright'
import { E2E_PASSWORDS, expect, test } from './fixtures'

test('procurement signs in and sees the inventory, worst first, and why the Maxis-pattern vendor scores high', async ({
  page,
}) => {
  await page.goto('/')
  await page.getByLabel('Username').fill('procurement')
  await page.getByLabel('Password').fill(E2E_PASSWORDS.procurement)
  await page.getByRole('button', { name: 'Sign in' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Vendors' })).toBeVisible()
  await expect(page.getByRole('banner')).toContainText('procurement')
  await expect(page.getByRole('grid', { name: 'Vendors' })).toHaveAttribute('aria-rowcount', '61') // header + 60
  await expect(page.getByText(/of 60 vendors hold our data in their own environment/)).toBeVisible()

  await page.getByRole('checkbox', { name: 'Only data outside our perimeter' }).check()
  await expect(page).toHaveURL(/outside=1/)
  await page.getByRole('button', { name: 'Nusantara Customer Data Services' }).click()
  await expect(page).toHaveURL(/selected=ven-/)
  const panel = page.getByRole('article')
  await expect(panel.getByText(/in its own environment, outside our network/)).toBeVisible()
  await expect(panel.getByText(/Claimed leak \(high\)/)).toBeVisible()
  await expect(panel.locator('[data-tier]')).toHaveText(/Critical|High/)

  await panel.getByRole('link', { name: 'Open the full profile' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Nusantara Customer Data Services' }),
  ).toBeVisible()
  await expect(page.getByText(/outside our network and our monitoring/)).toBeVisible()
  await expect(page.locator('.factor-chart .recharts-bar-rectangle').first()).toBeVisible()

  // What-if against the real preview endpoint: nothing is saved.
  const whatIf = page.getByRole('region', { name: 'What would change it' })
  await expect(whatIf.getByRole('listitem')).toHaveCount(3)
  await whatIf.getByRole('checkbox', { name: 'Move their data into our environment' }).check()
  await expect(whatIf.getByText(/^Score \d+\.\d → \d+\.\d/)).toBeVisible()
  await page.reload()
  await expect(
    page.getByRole('region', { name: 'What would change it' }).getByRole('checkbox').first(),
  ).not.toBeChecked()
  const profileAxe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze()
  expect(
    profileAxe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
})

test('a wrong password keeps the sign-in page and says why', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Username').fill('auditor')
  await page.getByLabel('Password').fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toContainText('Wrong username or password')
})

test('the sign-in page and the inventory have no accessibility violations (axe, WCAG 2.2 AA)', async ({
  page,
}) => {
  const axe = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()
  await page.goto('/')
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  expect((await axe()).violations.map((v) => v.id)).toEqual([])

  await page.getByLabel('Username').fill('auditor')
  await page.getByLabel('Password').fill(E2E_PASSWORDS.auditor)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: 'Nusantara Customer Data Services' }).click()
  await expect(page.getByRole('article')).toBeVisible()
  const results = await axe()
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
})

test('the API answers unknown routes with problem details, not the SPA', async ({ request }) => {
  const response = await request.get('/api/nope')
  expect(response.status()).toBe(404)
  expect(response.headers()['content-type']).toContain('application/problem+json')
  expect(await response.json()).toMatchObject({ status: 404, title: 'Not found' })
})
