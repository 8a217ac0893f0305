import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

test('the inventory opens on the demo vendors, worst first, and explains the Maxis-pattern vendor', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Vendors' })).toBeVisible()
  const rows = page.getByRole('table').getByRole('row')
  await expect(rows).toHaveCount(61) // header + 60 demo vendors
  await expect(page.getByText(/of 60 vendors hold our data in their own environment/)).toBeVisible()

  await page.getByRole('button', { name: 'Nusantara Customer Data Services' }).click()
  const panel = page.getByRole('article')
  await expect(panel.getByText(/in its own environment, outside our network/)).toBeVisible()
  await expect(panel.getByText(/Claimed leak \(high\)/)).toBeVisible()
  await expect(panel.locator('[data-tier]')).toHaveText(/Critical|High/)
})

test('the inventory has no accessibility violations (axe, WCAG 2.2 AA)', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('table')).toBeVisible()
  await page.getByRole('button', { name: 'Nusantara Customer Data Services' }).click()
  await expect(page.getByRole('article')).toBeVisible()
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze()
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
