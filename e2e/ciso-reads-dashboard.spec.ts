import { checkBothThemes, expect, signIn, test } from './fixtures'

test('a CISO sees every dashboard chart with data, and the vendor-environment slice opens exactly those vendors', async ({
  page,
}) => {
  await signIn(page, 'ciso')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()

  // Eight cards, each titled with its finding once its data is in, none still loading or failed.
  const cards = page.locator('section.chart-card')
  await expect(cards).toHaveCount(8)
  await expect(page.locator('section.chart-card[aria-busy="true"]')).toHaveCount(0)
  await expect(page.locator('section.chart-card .problem')).toHaveCount(0)
  await expect(page.locator('section.chart-card .chart-empty')).toHaveCount(0)
  // Every chart drew (the top-risk card is a table by design).
  await expect(page.locator('section.chart-card [role="img"]').first()).toBeVisible()
  expect(await page.locator('section.chart-card [role="img"]').count()).toBeGreaterThanOrEqual(7)
  await expect(
    page.getByRole('heading', {
      level: 2,
      name: /of the records our vendors hold sit outside our perimeter/,
    }),
  ).toBeVisible()
  await checkBothThemes(page, 'dashboard')

  // The Maxis question: which vendors hold our data in their own environment?
  const slice = page.getByRole('link', { name: /^Vendor environment: \d+ vendors?, / })
  const label = (await slice.getAttribute('aria-label'))!
  const count = Number(/: (\d+) vendor/.exec(label)![1])
  await slice.click()
  await expect(page).toHaveURL(/\/vendors\?.*dataLocation=vendor_environment/)
  await expect(page.getByRole('heading', { level: 1, name: 'Vendors' })).toBeVisible()
  await expect(page.locator('.result-count')).toHaveText(new RegExp(`^${count} of \\d+ vendors`))
  const grid = page.getByRole('grid', { name: 'Vendors' })
  await expect(grid).toHaveAttribute('aria-rowcount', String(count + 1))
  await expect(grid.getByText('Outside perimeter').first()).toBeVisible()
})
