// @vitest-environment jsdom
/** The mocked import API keeps the server's contract (server/routes/imports.test.ts) against the mock inventory. */
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { IMPORT_COLUMNS, ImportReport, Problem } from '../../src/domain'
import { vendorImportCsv, vendorImportRow } from '../../src/testing/import-rows'
import { vendorWorkbook } from '../../src/testing/import-workbook'
import { importHandlers } from './imports'
import { MOCK_CSRF_TOKEN, setMockSession } from './session'
import { mockVendors, resetMockVendors } from './vendors'

const server = setupServer(...importHandlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  resetMockVendors()
  setMockSession('procurement')
})
afterAll(() => server.close())

// The handlers' paths are relative, as the SPA's requests are: they match the page's own origin.
const ORIGIN = location.origin

function postImport(body: BodyInit, dryRun: boolean, { name = 'vendors.csv', type = 'text/csv' } = {}) {
  const query = new URLSearchParams({ dryRun: dryRun ? '1' : '0', filename: name })
  return fetch(`${ORIGIN}/api/imports?${query.toString()}`, {
    method: 'POST',
    headers: { 'Content-Type': type, 'X-CSRF-Token': MOCK_CSRF_TOKEN },
    body,
  })
}
const named = (name: string) => mockVendors().filter((v) => v.name === name)

describe('mocked imports', () => {
  it('dry-runs a CSV against the mock inventory: new names create, known names update, bad cells say why', async () => {
    const before = mockVendors().length
    const response = await postImport(
      vendorImportCsv(
        vendorImportRow('Mock Import Payroll'),
        vendorImportRow('Mock Import Broken', { records: 'lots' }),
        vendorImportRow('Nusantara Customer Data Services'),
      ),
      true,
    )

    expect(response.status).toBe(200)
    const report = ImportReport.parse(await response.json())
    expect(report).toMatchObject({ dryRun: true, applied: false, counts: { create: 1, update: 1, error: 1 } })
    expect(report.rows.map((r) => [r.line, r.action])).toEqual([
      [2, 'create'],
      [3, 'error'],
      [4, 'update'],
    ])
    expect(report.rows[1]!.errors).toEqual([{ column: 'records', message: expect.stringContaining('lots') }])
    expect(mockVendors()).toHaveLength(before)
  })

  it('applies nothing while a row is in error, answering 422 with the report, and everything once it is fixed', async () => {
    const before = mockVendors().length
    const refused = await postImport(
      vendorImportCsv(
        vendorImportRow('Mock Atomic One'),
        vendorImportRow('Mock Atomic Two', { data_location: 'cloud' }),
      ),
      false,
    )
    expect(refused.status).toBe(422)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    const body = (await refused.json()) as Problem & { report: unknown }
    expect(body.detail).toMatch(/1 of 2 rows have errors; nothing was applied/)
    expect(ImportReport.parse(body.report).counts).toMatchObject({ create: 1, error: 1 })
    expect(mockVendors()).toHaveLength(before)

    const applied = await postImport(
      vendorImportCsv(vendorImportRow('Mock Atomic One'), vendorImportRow('Mock Atomic Two')),
      false,
    )
    expect(applied.status).toBe(200)
    expect(ImportReport.parse(await applied.json())).toMatchObject({ applied: true, counts: { create: 2 } })
    expect(mockVendors()).toHaveLength(before + 2)
    expect(named('Mock Atomic Two')[0]?.access.dataLocation).toBe('vendor_environment')
  })

  it('updates a vendor found by its name in any case, then reports the same row as unchanged', async () => {
    const before = mockVendors().length
    const row = vendorImportRow('nusantara customer data services', { records: '99000' })
    await postImport(vendorImportCsv(row), false)
    expect(mockVendors()).toHaveLength(before)
    expect(mockVendors().find((v) => v.id === 'ven-000001')?.access.records).toBe(99000)

    const again = await postImport(vendorImportCsv(row), true)
    expect(ImportReport.parse(await again.json()).counts).toMatchObject({ unchanged: 1, update: 0 })
  })

  it('answers a file it cannot read with the server’s problem naming the line', async () => {
    const response = await postImport(
      vendorImportCsv(vendorImportRow('Fine'), '"Broken, vendor,Payroll'),
      true,
    )
    expect(response.status).toBe(422)
    const body = Problem.parse(await response.json())
    expect(body.title).toBe('Cannot import this file')
    expect(body.detail).toMatch(/line 3/)
  })

  it('reads an XLSX workbook with vendors and their incidents', async () => {
    const bytes = await vendorWorkbook('Mock Workbook Logistics', [
      ['Mock Workbook Logistics', '2026-10-03', 'outage', 'low', 0, 'resolved', 1, 'Depot down', ''],
    ])

    const response = await postImport(bytes, false, {
      name: 'inventory.xlsx',
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    })

    expect(ImportReport.parse(await response.json())).toMatchObject({ format: 'xlsx', counts: { create: 2 } })
    expect(named('Mock Workbook Logistics')[0]?.incidents.map((i) => i.occurredAt)).toEqual(['2026-10-03'])
  })

  it('refuses roles without imports:write, and requests without the CSRF token, as the server does', async () => {
    setMockSession('ciso')
    const forbidden = await postImport(vendorImportCsv(vendorImportRow('Mock Forbidden')), true)
    expect(forbidden.status).toBe(403)
    expect(Problem.parse(await forbidden.json()).detail).toBe(
      'Your role (ciso) cannot import spreadsheets; procurement or admin can.',
    )

    setMockSession('procurement')
    const noToken = await fetch(`${ORIGIN}/api/imports?dryRun=1&filename=v.csv`, {
      method: 'POST',
      body: vendorImportCsv(vendorImportRow('Mock No Token')),
    })
    expect(noToken.status).toBe(403)
  })

  it('serves both templates, and the vendors template dry-runs without errors', async () => {
    for (const kind of ['vendors', 'incidents'] as const) {
      const response = await fetch(`${ORIGIN}/api/imports/templates/${kind}.csv`)
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${kind}-template.csv"`)
      const text = await response.text()
      expect(text.split('\r\n')[0]).toBe(
        [...IMPORT_COLUMNS[kind].required, ...IMPORT_COLUMNS[kind].optional].join(','),
      )
      if (kind === 'vendors') {
        const report = ImportReport.parse(await (await postImport(text, true)).json())
        expect(report.counts.error).toBe(0)
      }
    }
  })
})
