import { File as NodeFile } from 'node:buffer'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest'
import { setMockSession } from '../../../mocks/handlers/session'
import { mockVendors, resetMockVendors } from '../../../mocks/handlers/vendors'
import { mockServer } from '../../../mocks/node'
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES, type ImportReport, type RowOutcome } from '../../domain'
import { VENDORS_QUERY_ROOT } from '../../lib/query-keys'
import { VENDOR_IMPORT_HEADER, vendorImportRow } from '../../testing/import-rows'
import { renderWithProviders } from '../../testing/render'
import { ImportReportTable } from './components/import-report-table'
import { ImportPage } from './import-page'

// jsdom has no layout, and a virtualizer in a 0-pixel viewport renders no rows: give the report table a height.
let layout: MockInstance[] = []
beforeAll(() => {
  const sized = (height: number) =>
    function (this: Element) {
      return this.getAttribute('role') === 'table' ? height : 0
    }
  layout = [
    vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(sized(480)),
    vi.spyOn(Element.prototype, 'clientWidth', 'get').mockImplementation(sized(1000)),
  ]
})
afterAll(() => layout.forEach((spy) => spy.mockRestore()))

/**
 * A file as the page receives it from the input. Node's File rather than jsdom's: msw turns the upload into a
 * fetch Request, and Node's fetch cannot read the bytes of a jsdom File (it sends the text "undefined").
 */
function spreadsheet(lines: string[], name = 'vendors.csv'): File {
  return new NodeFile([`${lines.join('\n')}\n`], name, { type: 'text/csv' }) as unknown as File
}
const vendorsCsv = (...rows: string[]) => spreadsheet([VENDOR_IMPORT_HEADER, ...rows])

async function renderPage() {
  const user = userEvent.setup()
  const view = renderWithProviders(<ImportPage />, { route: '/vendors/import' })
  const input = await screen.findByLabelText('Spreadsheet to import (CSV or XLSX)')
  return { ...view, user, input }
}

const applyButton = () => screen.getByRole('button', { name: /^Apply/ })
const named = (name: string) => mockVendors().filter((v) => v.name === name)

describe('ImportPage', () => {
  it('shows the bad row with its column and reason, and disables Apply with the reason why', async () => {
    const { user, input } = await renderPage()

    await user.upload(
      input,
      vendorsCsv(
        vendorImportRow('Good Payroll Ltd'),
        vendorImportRow('Bad Payroll Ltd', { records: 'lots' }),
      ),
    )

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Dry run of vendors.csv done; nothing has changed yet.',
    )
    const summary = screen.getByRole('list', { name: 'Dry run summary' })
    expect(summary).toHaveTextContent('1 to create')
    expect(summary).toHaveTextContent('1 with errors')
    const table = screen.getByRole('table', { name: 'Rows of vendors.csv' })
    const badRow = within(table).getByRole('row', { name: /Bad Payroll Ltd/ })
    expect(within(badRow).getByText('Error')).toHaveClass('import-action-error')
    expect(within(badRow).getByText('records')).toBeInTheDocument()
    expect(within(badRow).getByText(/"lots" is not a whole number/)).toBeInTheDocument()

    expect(applyButton()).toBeDisabled()
    expect(applyButton()).toHaveAccessibleDescription(
      /1 row has an error, and an import applies every row or none/,
    )
    expect(screen.getByRole('button', { name: 'Fix and retry' })).toBeEnabled()
    expect(named('Good Payroll Ltd')).toHaveLength(0)
  })

  it('lists every row once "Errors only" is cleared', async () => {
    const { user, input } = await renderPage()
    await user.upload(
      input,
      vendorsCsv(vendorImportRow('Good Payroll Ltd'), vendorImportRow('Bad Payroll Ltd', { mfa: 'maybe' })),
    )
    const table = await screen.findByRole('table', { name: 'Rows of vendors.csv' })
    expect(within(table).queryByRole('row', { name: /Good Payroll Ltd/ })).not.toBeInTheDocument()

    await user.click(screen.getByRole('checkbox', { name: 'Errors only' }))

    expect(within(table).getByRole('row', { name: /Good Payroll Ltd/ })).toHaveTextContent('Create')
    expect(screen.getByText('2 of 2 rows')).toBeInTheDocument()
  })

  it('checks the fixed file again, applies nothing before Apply, then applies it and refreshes the vendors', async () => {
    const { user, input, client } = await renderPage()
    const listKey = [...VENDORS_QUERY_ROOT, 'list', {}]
    client.setQueryData(listKey, { items: [] })
    await user.upload(
      input,
      vendorsCsv(
        vendorImportRow('Fixed Payroll Ltd'),
        vendorImportRow('Fixed Badge Co', { records: 'lots' }),
      ),
    )
    expect(await screen.findByRole('button', { name: 'Fix and retry' })).toBeInTheDocument()

    await user.upload(
      input,
      vendorsCsv(vendorImportRow('Fixed Payroll Ltd'), vendorImportRow('Fixed Badge Co')),
    )

    expect(await screen.findByRole('button', { name: 'Apply 2 changes' })).toBeEnabled()
    expect(screen.getByRole('list', { name: 'Dry run summary' })).toHaveTextContent('0 with errors')
    expect(screen.queryByRole('button', { name: 'Fix and retry' })).not.toBeInTheDocument()
    expect(named('Fixed Payroll Ltd')).toHaveLength(0)
    expect(named('Fixed Badge Co')).toHaveLength(0)

    // Hold the answer, to see the page while the upload is in flight.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    mockServer.use(http.post('/api/imports', () => held))
    await user.click(applyButton())
    expect(await screen.findByRole('status')).toHaveTextContent('Uploading vendors.csv…')
    expect(screen.getByRole('progressbar', { name: 'Upload progress' })).toBeInTheDocument()
    release()

    expect(await screen.findByText(/Every change is applied/)).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('Imported vendors.csv.')
    expect(screen.getByRole('list', { name: 'Import result' })).toHaveTextContent('2 created')
    expect(screen.getByRole('link', { name: 'See the vendor list' })).toHaveAttribute('href', '/vendors')
    expect(named('Fixed Payroll Ltd')).toHaveLength(1)
    expect(named('Fixed Badge Co')).toHaveLength(1)
    expect(client.getQueryState(listKey)?.isInvalidated).toBe(true)
  })

  it('shows the server’s problem and its fresh report when the inventory changed between dry run and apply', async () => {
    const { user, input } = await renderPage()
    const incidents = spreadsheet(
      [
        IMPORT_COLUMNS.incidents.required.join(','),
        'Nusantara Customer Data Services,2026-10-01,outage,low,0,resolved,1,Portal down for an hour,',
      ],
      'incidents.csv',
    )
    await user.upload(input, incidents)
    const apply = await screen.findByRole('button', { name: 'Apply 1 change' })
    // Someone removes the vendor meanwhile: the real run plans again and finds the row in error.
    resetMockVendors([])

    await user.click(apply)

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Import not applied')
    expect(alert).toHaveTextContent('1 of 1 rows have errors; nothing was applied.')
    const row = within(screen.getByRole('table')).getByRole('row', { name: /Nusantara/ })
    expect(row).toHaveTextContent('vendor')
    expect(row).toHaveTextContent('No vendor named "Nusantara Customer Data Services"')
    expect(applyButton()).toBeDisabled()
    expect(mockVendors()).toHaveLength(0)
  })

  it('shows the server’s message and where in the file, when it cannot read the file at all', async () => {
    const { user, input } = await renderPage()

    await user.upload(input, vendorsCsv(vendorImportRow('Fine Vendor'), '"Broken, vendor,Payroll'))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Cannot import this file')
    expect(alert).toHaveTextContent(/A quoted field is never closed.*\(line 3\)/)
    expect(screen.queryByRole('button', { name: /^Apply/ })).not.toBeInTheDocument()
  })

  it('refuses a file over 20 MB without uploading it', async () => {
    const uploads: string[] = []
    const onRequest = ({ request }: { request: Request }) => {
      if (request.method === 'POST') uploads.push(request.url)
    }
    mockServer.events.on('request:start', onRequest)
    try {
      const { user, input } = await renderPage()
      const huge = new NodeFile([new Uint8Array(MAX_IMPORT_BYTES + 1024 * 1024)], 'huge.csv', {
        type: 'text/csv',
      }) as unknown as File

      await user.upload(input, huge)

      const alert = await screen.findByRole('alert')
      expect(alert).toHaveTextContent('File too large')
      expect(alert).toHaveTextContent('huge.csv is 21 MB, over the 20 MB limit, so it was not uploaded.')
      expect(uploads).toEqual([])
    } finally {
      mockServer.events.removeListener('request:start', onRequest)
    }
  })

  it('tells a CISO that only procurement or an admin imports, instead of offering an upload', async () => {
    setMockSession('ciso')
    renderWithProviders(<ImportPage />, { route: '/vendors/import' })

    expect(
      await screen.findByText(/Only procurement or an admin can import spreadsheets/),
    ).toBeInTheDocument()
    expect(screen.getByText(/Your role \(ciso\) can read the inventory but not import/)).toBeInTheDocument()
    expect(screen.queryByLabelText('Spreadsheet to import (CSV or XLSX)')).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to the vendor list' })).toHaveAttribute('href', '/vendors')
  })
})

describe('ImportReportTable', () => {
  /** 50,000 rows, one in a thousand in error: the largest file the server accepts. */
  const rows: RowOutcome[] = Array.from({ length: 50_000 }, (_, i) => ({
    sheet: 'vendors',
    line: i + 2,
    kind: 'vendors',
    action: i % 1000 === 999 ? 'error' : 'create',
    vendor: `Vendor ${i}`,
    errors: i % 1000 === 999 ? [{ column: 'records', message: '"lots" is not a whole number' }] : [],
  }))
  const report: ImportReport = {
    file: 'big.csv',
    format: 'csv',
    dryRun: true,
    applied: false,
    counts: { create: 49_950, update: 0, unchanged: 0, error: 50 },
    rows,
  }
  const bodyRows = () => screen.getAllByRole('row').filter((row) => row.getAttribute('aria-rowindex') !== '1')

  it('opens a 50,000-row report on its errors, and keeps fewer than 100 rows in the DOM when showing all', async () => {
    const user = userEvent.setup()
    render(<ImportReportTable report={report} />)
    const table = screen.getByRole('table', { name: 'Rows of big.csv' })
    expect(table).toHaveAttribute('aria-rowcount', '51')
    expect(bodyRows()[0]).toHaveTextContent('Vendor 999')

    await user.click(screen.getByRole('checkbox', { name: 'Errors only' }))

    expect(table).toHaveAttribute('aria-rowcount', '50001')
    expect(bodyRows().length).toBeGreaterThan(10)
    expect(bodyRows().length).toBeLessThan(100)
    expect(screen.getByText('50,000 of 50,000 rows')).toBeInTheDocument()
  })
})
