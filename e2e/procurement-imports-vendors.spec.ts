import { IMPORT_COLUMNS } from '../src/domain'
import { checkBothThemes, expect, signIn, test } from './fixtures'

const HEADER = IMPORT_COLUMNS.vendors.required
const row = (name: string, records: string) =>
  [
    name,
    'Marketing analytics',
    'Siti Rahman (Marketing)',
    'active',
    'pii;confidential',
    records,
    // Not vendor_environment: the CISO journey counts those vendors while this one runs.
    'both',
    'none',
    'medium',
    'Amazon Web Services',
    'iso27001',
    'yes',
    'yes',
    '2026-09-01',
  ].join(',')
const csv = (...rows: string[]) => Buffer.from(`${[HEADER.join(','), ...rows].join('\n')}\n`)

test('procurement imports a CSV: a bad row is named and nothing is applied; fixed, it applies', async ({
  page,
}) => {
  await signIn(page, 'procurement')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Import vendors and incidents' })).toBeVisible()
  await checkBothThemes(page, 'import')

  // The template the page offers is the header the importer reads.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Vendors template (CSV)' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('vendors-template.csv')
  const template = await (await download.createReadStream()).toArray()
  expect(Buffer.concat(template).toString('utf8').split(/\r?\n/)[0]).toContain(HEADER.slice(0, 5).join(','))

  const input = page.getByLabel('Spreadsheet to import (CSV or XLSX)')
  await input.setInputFiles({
    name: 'new-vendors.csv',
    mimeType: 'text/csv',
    buffer: csv(row('E2E Loyalty Analytics', '250000'), row('E2E Survey Panel', 'about a million')),
  })
  const summary = page.getByRole('list', { name: 'Dry run summary' })
  await expect(summary).toContainText('1 to create')
  await expect(summary).toContainText('1 with errors')
  const errorRow = page.getByRole('row', { name: /E2E Survey Panel/ })
  await expect(errorRow).toContainText('records')
  await expect(errorRow).toContainText(/whole number|number/i)
  await expect(page.getByRole('button', { name: 'Apply changes' })).toBeDisabled()
  await checkBothThemes(page, 'import-dry-run-errors')

  // Nothing was applied: neither vendor exists.
  const before = await page.request.get('/api/vendors?q=E2E%20&limit=100')
  expect((await before.json()).items).toEqual([])

  await input.setInputFiles({
    name: 'new-vendors.csv',
    mimeType: 'text/csv',
    buffer: csv(row('E2E Loyalty Analytics', '250000'), row('E2E Survey Panel', '1000000')),
  })
  await expect(summary).toContainText('2 to create')
  await expect(summary).toContainText('0 with errors')
  await page.getByRole('button', { name: 'Apply 2 changes' }).click()
  await expect(page.getByRole('list', { name: 'Import result' })).toContainText('2 created')

  await page.getByRole('link', { name: 'See the vendor list' }).click()
  await page.getByRole('searchbox').fill('E2E ')
  await expect(page.getByRole('button', { name: 'E2E Loyalty Analytics' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'E2E Survey Panel' })).toBeVisible()
})
