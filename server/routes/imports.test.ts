import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VendorListResponse } from '../../src/domain'
import { INCIDENT_IMPORT_HEADER, vendorImportCsv, vendorImportRow } from '../../src/testing/import-rows'
import { vendorWorkbook } from '../../src/testing/import-workbook'
import type { ImportReport } from '../services/import-service'
import { signedIn, type ApiClient } from '../testing/api-client'
import { startServer, type ServerProcess } from '../testing/server-process'

let server: ServerProcess
let procurement: ApiClient
beforeAll(async () => {
  server = await startServer()
  procurement = await signedIn(server.url, 'procurement')
}, 30_000)
afterAll(async () => {
  await server?.stop()
})

async function importCsv(body: string, dryRun: boolean, name = 'vendors.csv') {
  return procurement.request('POST', `/api/imports?dryRun=${dryRun ? 1 : 0}&filename=${name}`, {
    body,
    headers: { 'content-type': 'text/csv' },
  })
}
const total = async () => VendorListResponse.parse(await procurement.json('/api/vendors?limit=1')).total

describe('imports', () => {
  it('dry-runs a vendors CSV with one bad row: every row has its outcome, the bad one its column and reason', async () => {
    const before = await total()
    const response = await importCsv(
      vendorImportCsv(
        vendorImportRow('Dry Run Payroll A'),
        vendorImportRow('Dry Run Payroll B', { records: 'lots' }),
        vendorImportRow('Nusantara Customer Data Services'),
      ),
      true,
    )
    expect(response.status).toBe(200)
    const report = (await response.json()) as ImportReport
    expect(report).toMatchObject({ dryRun: true, applied: false, counts: { create: 1, update: 1, error: 1 } })
    expect(report.rows.map((r) => [r.line, r.action])).toEqual([
      [2, 'create'],
      [3, 'error'],
      [4, 'update'],
    ])
    expect(report.rows[1]!.errors).toEqual([{ column: 'records', message: expect.stringContaining('lots') }])
    expect(await total()).toBe(before)
  })

  it('applies nothing when any row is in error, then everything once the row is fixed', async () => {
    const before = await total()
    const bad = await importCsv(
      vendorImportCsv(
        vendorImportRow('Atomic Import One'),
        vendorImportRow('Atomic Import Two', { data_location: 'cloud' }),
      ),
      false,
    )
    expect(bad.status).toBe(422)
    expect(bad.headers.get('content-type')).toBe('application/problem+json')
    const problem = (await bad.json()) as {
      detail: string
      errors: { path: string; message: string }[]
      report: ImportReport
    }
    expect(problem.detail).toMatch(/1 of 2 rows have errors; nothing was applied/)
    expect(problem.errors[0]).toEqual({
      path: 'vendors:3:data_location',
      message: expect.stringContaining('"cloud"'),
    })
    expect(await total()).toBe(before)

    const good = await importCsv(
      vendorImportCsv(vendorImportRow('Atomic Import One'), vendorImportRow('Atomic Import Two')),
      false,
    )
    expect(good.status).toBe(200)
    expect((await good.json()) as ImportReport).toMatchObject({
      applied: true,
      counts: { create: 2, error: 0 },
    })
    expect(await total()).toBe(before + 2)
    const audit = (await procurement.json('/api/audit-log?action=import.apply&limit=1')) as {
      items: { after: unknown }[]
    }
    expect(audit.items[0]!.after).toMatchObject({ counts: { create: 2 } })
  })

  it('updates an existing vendor by name and reports unchanged rows as such', async () => {
    await importCsv(vendorImportCsv(vendorImportRow('Update By Name Ltd')), false)
    const changed = await importCsv(
      vendorImportCsv(vendorImportRow('update by name ltd', { records: '99000' })),
      false,
    )
    expect(((await changed.json()) as ImportReport).counts).toMatchObject({ update: 1 })
    const list = VendorListResponse.parse(await procurement.json('/api/vendors?q=Update%20By%20Name'))
    expect(list.items).toHaveLength(1)
    expect(list.items[0]!.records).toBe(99000)
    const again = await importCsv(
      vendorImportCsv(vendorImportRow('update by name ltd', { records: '99000' })),
      true,
    )
    expect(((await again.json()) as ImportReport).counts).toMatchObject({ unchanged: 1, update: 0 })
  })

  it('refuses an assessment dated after today on its row and column', async () => {
    const response = await importCsv(
      vendorImportCsv(vendorImportRow('Future Assessed Ltd', { last_assessed_at: '2999-01-01' })),
      true,
    )
    const report = (await response.json()) as ImportReport
    expect(report.rows[0]).toMatchObject({
      action: 'error',
      errors: [{ column: 'last_assessed_at', message: expect.stringContaining('after today') }],
    })
  })

  it('refuses spreadsheet formulas in text cells and keeps markup and SQL as plain text', async () => {
    const response = await importCsv(
      vendorImportCsv(
        vendorImportRow('=HYPERLINK("http://evil.example","x")'),
        vendorImportRow("<script>alert(1)</script>'; DROP TABLE vendors; --"),
      ),
      true,
    )
    const report = (await response.json()) as ImportReport
    expect(report.rows[0]).toMatchObject({
      action: 'error',
      errors: [{ column: 'name', message: expect.stringMatching(/formula/) }],
    })
    expect(report.rows[1]).toMatchObject({
      action: 'create',
      vendor: "<script>alert(1)</script>'; DROP TABLE vendors; --",
    })
  })

  it('adds incidents to vendors by name, and says which vendor name is unknown', async () => {
    const body = [
      INCIDENT_IMPORT_HEADER,
      'Nusantara Customer Data Services,2026-10-01,breach,critical,5000,open,12,Database exposed by a misconfigured bucket,',
      'No Such Vendor Ltd,2026-10-01,outage,low,0,resolved,,Brief outage,',
    ].join('\n')
    const response = await importCsv(body, true, 'incidents.csv')
    const report = (await response.json()) as ImportReport
    expect(report.rows.map((r) => r.action)).toEqual(['create', 'error'])
    expect(report.rows[1]!.errors[0]).toMatchObject({
      column: 'vendor',
      message: expect.stringContaining('No Such Vendor Ltd'),
    })
  })

  it('adds each new incident of a vendor once, in file order, and reports repeats as unchanged', async () => {
    expect((await importCsv(vendorImportCsv(vendorImportRow('Repeat Incidents Ltd')), false)).status).toBe(
      200,
    )
    const body = [
      INCIDENT_IMPORT_HEADER,
      'Repeat Incidents Ltd,2026-09-01,outage,low,0,resolved,,Payroll run delayed,',
      'repeat incidents ltd,2026-09-02,breach,high,40,open,3,Export left readable,',
      'Repeat Incidents Ltd,2026-09-01,outage,medium,0,resolved,,Payroll run delayed,',
    ].join('\n')
    const first = (await (await importCsv(body, false, 'incidents.csv')).json()) as ImportReport
    expect(first.rows.map((r) => r.action)).toEqual(['create', 'create', 'unchanged'])
    const again = (await (await importCsv(body, true, 'incidents.csv')).json()) as ImportReport
    expect(again.rows.map((r) => r.action)).toEqual(['unchanged', 'unchanged', 'unchanged'])
    const list = VendorListResponse.parse(await procurement.json('/api/vendors?q=Repeat%20Incidents'))
    const detail = (await procurement.json(`/api/vendors/${list.items[0]!.id}`)) as {
      vendor: { incidents: { occurredAt: string; summary: string }[] }
    }
    expect(detail.vendor.incidents.map((i) => [i.occurredAt, i.summary])).toEqual([
      ['2026-09-01', 'Payroll run delayed'],
      ['2026-09-02', 'Export left readable'],
    ])
  })

  it('imports an XLSX workbook with vendors and their incidents in one go', async () => {
    const bytes = await vendorWorkbook('Workbook Logistics', [
      [
        'Workbook Logistics',
        new Date(Date.UTC(2026, 9, 3)),
        'ransomware',
        'high',
        0,
        'contained',
        4,
        'Ransomware at the depot',
        '',
      ],
    ])
    const form = new FormData()
    form.set(
      'file',
      new File([bytes], 'inventory.xlsx', {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    )
    const response = await procurement.request('POST', '/api/imports?dryRun=0', { body: form })
    expect(response.status).toBe(200)
    expect(((await response.json()) as ImportReport).counts).toMatchObject({ create: 2, error: 0 })
    const list = VendorListResponse.parse(await procurement.json('/api/vendors?q=Workbook%20Logistics'))
    const detail = (await procurement.json(`/api/vendors/${list.items[0]!.id}`)) as {
      vendor: { incidents: { occurredAt: string }[] }
    }
    expect(detail.vendor.incidents.map((i) => i.occurredAt)).toEqual(['2026-10-03'])
  })

  it('answers a file with broken quoting with one clear error naming the line, and stores nothing', async () => {
    const before = await total()
    const response = await importCsv(
      vendorImportCsv(vendorImportRow('Fine Vendor'), '"Broken, vendor,Payroll'),
      false,
    )
    expect(response.status).toBe(422)
    const problem = (await response.json()) as { title: string; detail: string }
    expect(problem.title).toBe('Cannot import this file')
    expect(problem.detail).toMatch(/line 3/)
    expect(await total()).toBe(before)
  })

  it('refuses files over 20 MB with 413 before reading them', async () => {
    const response = await importCsv('x'.repeat(21 * 1024 * 1024), true)
    expect(response.status).toBe(413)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
  })

  it('serves both CSV templates, and they import cleanly', async () => {
    for (const kind of ['vendors', 'incidents'] as const) {
      const response = await procurement.get(`/api/imports/templates/${kind}.csv`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${kind}-template.csv"`)
      const text = await response.text()
      const report = (await (await importCsv(text, true, `${kind}.csv`)).json()) as ImportReport
      expect(report.counts.error, JSON.stringify(report.rows)).toBe(
        kind === 'vendors' ? 0 : report.counts.error,
      )
    }
  })
})
