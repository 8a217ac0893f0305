import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Download, Page } from '@playwright/test'
import { checkBothThemes, expect, signIn, test } from './fixtures'

async function bytesOf(download: Download): Promise<Buffer> {
  return Buffer.concat(await (await download.createReadStream()).toArray())
}

/** Creates an export from the Reports page and downloads it once ready; answers the file and its manifest id. */
async function exportAndDownload(page: Page, format: string, stem: string) {
  await page.getByRole('radio', { name: format }).check()
  await page.getByRole('button', { name: 'Create export' }).click()
  const link = page.getByRole('link', { name: new RegExp(`^Download ${stem}-`) }).first()
  await expect(link).toBeVisible({ timeout: 60_000 })
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  const bytes = await bytesOf(download)
  const href = (await link.getAttribute('href')) ?? ''
  const id = new URL(href, page.url()).pathname.split('/')[3]!
  return { bytes, filename: download.suggestedFilename(), id }
}

test('an auditor exports the register as CSV and the risk report as PDF, and each file matches its manifest', async ({
  page,
}) => {
  await signIn(page, 'auditor')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible()
  await checkBothThemes(page, 'reports')

  const csv = await exportAndDownload(page, 'Vendor register (CSV)', 'vendor-register')
  expect(csv.filename).toMatch(/^vendor-register-\d{4}-\d{2}-\d{2}\.csv$/)
  const manifest = await (await page.request.get(`/api/exports/${csv.id}`)).json()
  expect(manifest).toMatchObject({ format: 'csv', status: 'done', createdBy: 'auditor' })
  expect(createHash('sha256').update(csv.bytes).digest('hex')).toBe(manifest.sha256)
  const text = csv.bytes.toString('utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff) // UTF-8 BOM, so spreadsheets read the non-Latin names right
  const lines = text.slice(1).trimEnd().split(/\r\n/)
  expect(lines.length - 1).toBe(manifest.rows)
  expect(text).toContain('Nusantara Customer Data Services')
  await expect(page.getByText(manifest.sha256).first()).toBeVisible()
  await checkBothThemes(page, 'reports-export-done')

  // The server states the digest too (RFC 9530), so a script can check the file without the manifest.
  const file = await page.request.get(`/api/exports/${csv.id}/file`)
  expect(file.headers()['repr-digest']).toBe(
    `sha-256=:${createHash('sha256').update(csv.bytes).digest('base64')}:`,
  )

  const pdf = await exportAndDownload(page, 'Risk report (PDF)', 'vendor-risk-report')
  const pdfManifest = await (await page.request.get(`/api/exports/${pdf.id}`)).json()
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(createHash('sha256').update(pdf.bytes).digest('hex')).toBe(pdfManifest.sha256)
  const dir = mkdtempSync(path.join(tmpdir(), 'vendor-risk-pdf-'))
  const pdfPath = path.join(dir, pdf.filename)
  writeFileSync(pdfPath, pdf.bytes)
  const pdfText = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
  expect(pdfText).toContain('Nusantara Customer Data Services')
  expect(pdfText).toMatch(/as of \d{4}-\d{2}-\d{2}|As of/i)
  expect(pdfText).toContain(pdfManifest.modelVersion)

  // Every export is itself in the audit log.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible()
  await page.getByRole('button', { name: 'Verify chain' }).click()
  await expect(page.getByText(/intact/i).first()).toBeVisible()
  await checkBothThemes(page, 'audit-log')
})

test('procurement may read the audit log but is offered no exports, and the server refuses them', async ({
  page,
}) => {
  await signIn(page, 'procurement')
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }),
  ).toHaveCount(0)
  const session = await (await page.request.get('/api/session')).json()
  const refused = await page.request.post('/api/exports', {
    data: { format: 'csv' },
    headers: { 'x-csrf-token': session.csrfToken },
  })
  expect(refused.status()).toBe(403)
  expect((await page.request.get('/api/audit-log/export?format=csv')).status()).toBe(403)
})
