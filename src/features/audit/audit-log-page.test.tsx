import { createHash } from 'node:crypto'
import { fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setMockSession } from '../../../mocks/handlers/session'
import { mockVendors } from '../../../mocks/handlers/vendors'
import { mockServer } from '../../../mocks/node'
import type { AuditEntryDto, AuditLogResponse, ExportManifest } from '../../domain'
import { renderWithProviders } from '../../testing/render'
import { AuditLogPage } from './audit-log-page'

const hash = (n: number) => n.toString(16).padStart(64, '0')

function entry(seq: number, overrides: Partial<AuditEntryDto> = {}): AuditEntryDto {
  return {
    seq,
    at: `2026-11-2${seq % 10}T10:00:00.000Z`,
    actor: 'procurement',
    action: 'vendor.update',
    entityType: 'vendor',
    entityId: 'ven-1',
    before: { name: 'Northgate Payroll', access: { records: 1000 } },
    after: { name: 'Northgate Payroll', access: { records: 5000 } },
    prevHash: hash(seq - 1),
    hash: hash(seq),
    ...overrides,
  }
}

/** Answers GET /api/audit-log with `pages` in turn (keyed by `before`), recording each request's query. */
function answerAuditLog(pages: Record<string, AuditLogResponse>) {
  const queries: URLSearchParams[] = []
  mockServer.use(
    http.get('/api/audit-log', ({ request }) => {
      const query = new URL(request.url).searchParams
      queries.push(query)
      return HttpResponse.json(pages[query.get('before') ?? 'first'] ?? { items: [], nextBefore: null })
    }),
  )
  return queries
}

const renderPage = (route = '/audit') => renderWithProviders(<AuditLogPage />, { route })

describe('AuditLogPage', () => {
  it('lists entries newest first with who, the action in words, and a link to the vendor', async () => {
    setMockSession('auditor')
    answerAuditLog({
      first: {
        items: [
          entry(2, { actor: 'ciso', action: 'risk.accept', before: null, after: { note: 'ok' } }),
          entry(1, { action: 'vendor.create', before: null }),
        ],
        nextBefore: null,
      },
    })
    renderPage()

    const table = await screen.findByRole('table')
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual(['2', '1'])
    expect(within(rows[0]!).getByText('ciso')).toBeInTheDocument()
    expect(within(rows[0]!).getByText('Accepted a risk')).toBeInTheDocument()
    expect(within(rows[1]!).getByText('Added a vendor')).toBeInTheDocument()
    expect(within(rows[1]!).getByRole('link', { name: 'Northgate Payroll' })).toHaveAttribute(
      'href',
      '/vendors/ven-1',
    )
    expect(within(rows[1]!).getByRole('time')).toHaveAttribute('title', expect.stringMatching(/UTC$/))
    expect(screen.getByText('That is the oldest entry.')).toBeInTheDocument()
  })

  it('reads its filters from the URL into the request, and writes applied filters back to the URL', async () => {
    setMockSession('auditor')
    const queries = answerAuditLog({ first: { items: [entry(1)], nextBefore: null } })
    const user = userEvent.setup()
    const { router } = renderPage('/audit?actor=ciso&action=vendor.update')

    await screen.findByRole('table')
    expect(queries[0]?.get('actor')).toBe('ciso')
    expect(queries[0]?.get('action')).toBe('vendor.update')
    expect(screen.getByLabelText('User')).toHaveValue('ciso')
    expect(screen.getByLabelText('Action')).toHaveValue('vendor.update')

    await user.selectOptions(screen.getByLabelText('Action'), 'model.update')
    await user.selectOptions(screen.getByLabelText('Object type'), 'scoring_model')
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-01-01' } })
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-31' } })
    await user.click(screen.getByRole('button', { name: 'Apply filters' }))

    const search = new URLSearchParams(router.state.location.search)
    expect(Object.fromEntries(search)).toEqual({
      actor: 'ciso',
      action: 'model.update',
      entityType: 'scoring_model',
      from: '2026-01-01',
      to: '2026-03-31',
    })
    await vi.waitFor(() => expect(queries).toHaveLength(2))
    expect(Object.fromEntries(queries[1]!)).toEqual({
      actor: 'ciso',
      action: 'model.update',
      entityType: 'scoring_model',
      from: '2026-01-01',
      to: '2026-03-31',
      limit: '100',
    })

    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(router.state.location.search).toBe('')
  })

  it('turns a vendor typed by name into its id and object type', async () => {
    setMockSession('auditor')
    const vendor = mockVendors()[0]!
    answerAuditLog({ first: { items: [entry(1)], nextBefore: null } })
    const user = userEvent.setup()
    const { router } = renderPage()

    await screen.findByRole('table')
    await user.type(screen.getByLabelText('Vendor name or object id'), vendor.name)
    // The suggestions come from the inventory; the name is resolved against them.
    await vi.waitFor(() =>
      expect(document.querySelector(`datalist option[value="${CSS.escape(vendor.name)}"]`)).not.toBeNull(),
    )
    await user.click(screen.getByRole('button', { name: 'Apply filters' }))

    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      entityId: vendor.id,
      entityType: 'vendor',
    })
    expect(screen.getByLabelText('Vendor name or object id')).toHaveValue(vendor.id)
  })

  it('refuses a range that ends before it starts, without asking the server', async () => {
    setMockSession('auditor')
    const queries = answerAuditLog({ first: { items: [entry(1)], nextBefore: null } })
    const user = userEvent.setup()
    const { router } = renderPage()

    await screen.findByRole('table')
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-05-01' } })
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-04-01' } })
    await user.click(screen.getByRole('button', { name: 'Apply filters' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('“To” must not be before “From”.')
    expect(router.state.location.search).toBe('')
    expect(queries).toHaveLength(1)
  })

  it("shows an entry's changed fields as text, so markup someone typed into a field is never run", async () => {
    setMockSession('auditor')
    const payload = '<img src=x onerror=alert(1)>'
    answerAuditLog({
      first: {
        items: [
          entry(7, {
            before: { name: 'Northgate Payroll', owner: 'Finance', access: { records: 1000 } },
            after: { name: payload, owner: 'Finance', access: { records: 5000, extra: { nested: true } } },
          }),
        ],
        nextBefore: null,
      },
    })
    const user = userEvent.setup()
    renderPage()

    await user.click(await screen.findByRole('button', { name: 'Show changes of entry 7' }))
    const items = within(screen.getByRole('list')).getAllByRole('listitem')
    expect(items.map((item) => item.textContent)).toEqual([
      `namebefore: Northgate Payroll → , after: ${payload}`,
      'access.recordsbefore: 1000 → , after: 5000',
      'access.extra.nestedbefore: — → , after: true',
    ])
    expect(screen.getAllByText(payload).length).toBeGreaterThan(0)
    expect(document.querySelector('img')).toBeNull()
    // Unchanged fields are not listed.
    expect(screen.queryByText('owner')).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Hide changes of entry 7' }))
    expect(screen.queryByRole('list')).not.toBeInTheDocument()
  })

  it('loads older entries from where the page ended', async () => {
    setMockSession('auditor')
    const queries = answerAuditLog({
      first: { items: [entry(5), entry(4)], nextBefore: 4 },
      4: { items: [entry(3)], nextBefore: null },
    })
    const user = userEvent.setup()
    renderPage()

    await user.click(await screen.findByRole('button', { name: 'Load older entries' }))
    expect(await screen.findByText('That is the oldest entry.')).toBeInTheDocument()
    expect(queries.map((q) => q.get('before'))).toEqual([null, '4'])
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual(['5', '4', '3'])
  })

  it('verifies the chain and shows the entry count and head hash when it holds', async () => {
    setMockSession('procurement')
    answerAuditLog({ first: { items: [entry(1)], nextBefore: null } })
    mockServer.use(
      http.get('/api/audit-log/verify', () =>
        HttpResponse.json({ ok: true, entries: 1234, head: hash(1234) }),
      ),
    )
    const user = userEvent.setup()
    renderPage()

    await user.click(await screen.findByRole('button', { name: 'Verify chain' }))
    const result = await screen.findByText('The chain is intact.')
    const callout = result.closest('.callout') as HTMLElement
    expect(callout).toHaveTextContent('All 1,234 entries verified')
    expect(within(callout).getByText(hash(1234))).toBeInTheDocument()
    expect(callout).not.toHaveClass('danger')
  })

  it('names the broken entry and the reason in a danger callout when the chain does not hold', async () => {
    setMockSession('auditor')
    answerAuditLog({ first: { items: [entry(1)], nextBefore: null } })
    mockServer.use(
      http.get('/api/audit-log/verify', () =>
        HttpResponse.json({
          ok: false,
          entries: 56,
          head: hash(56),
          brokenAt: 57,
          reason: 'its content does not match its hash',
        }),
      ),
    )
    const user = userEvent.setup()
    renderPage()

    await user.click(await screen.findByRole('button', { name: 'Verify chain' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveClass('danger')
    expect(alert).toHaveTextContent('The chain is broken at entry #57: its content does not match its hash.')
    expect(alert).toHaveTextContent('The 56 entries before it verified')
  })

  it('offers procurement no export, and says who can export the log', async () => {
    setMockSession('procurement')
    answerAuditLog({ first: { items: [entry(1)], nextBefore: null } })
    renderPage()

    await screen.findByRole('table')
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Export JSON' })).not.toBeInTheDocument()
    expect(
      screen.getByText(
        /Exporting the log as a file is for the CISO, an auditor or an admin; your role \(procurement\)/,
      ),
    ).toBeInTheDocument()
  })

  it('reads and verifies the offline demo log through the shared mock handlers', async () => {
    setMockSession('ciso')
    const user = userEvent.setup()
    renderPage('/audit?action=vendor.update')

    const rows = within(await screen.findByRole('table'))
      .getAllByRole('row')
      .slice(1)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((row) => within(row).queryByText('Edited a vendor'))).toBe(true)
    await user.click(screen.getByRole('button', { name: 'Verify chain' }))
    expect(await screen.findByText('The chain is intact.')).toBeInTheDocument()
  })

  describe('export', () => {
    const clicked: string[] = []
    beforeEach(() => {
      // jsdom has no object URLs and no downloads: record what the page would save instead.
      URL.createObjectURL = vi.fn(() => 'blob:audit-log')
      URL.revokeObjectURL = vi.fn()
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this.download)
      })
    })
    afterEach(() => {
      clicked.length = 0
      vi.restoreAllMocks()
      delete (URL as { createObjectURL?: unknown }).createObjectURL
      delete (URL as { revokeObjectURL?: unknown }).revokeObjectURL
    })

    it('exports the filtered log as CSV, saves the file and shows its manifest', async () => {
      setMockSession('auditor')
      answerAuditLog({ first: { items: [entry(1)], nextBefore: null } })
      const body = 'seq,at,actor\n1,2026-11-21T10:00:00.000Z,procurement\n'
      const sha256 = createHash('sha256').update(body).digest('hex')
      const manifest: ExportManifest = {
        id: 'exp-audit',
        kind: 'audit-log',
        format: 'csv',
        asOf: '2026-11-26',
        filters: { actor: 'procurement' },
        createdBy: 'auditor',
        createdAt: '2026-11-26T10:00:00.000Z',
        finishedAt: '2026-11-26T10:00:01.000Z',
        status: 'done',
        rows: 1,
        bytes: body.length,
        sha256,
        auditHead: hash(1),
        auditSeq: 1,
        modelVersion: '2026.1',
        modelRevision: 0,
        filename: 'audit-log-2026-11-26.csv',
        error: null,
      }
      const exportQueries: URLSearchParams[] = []
      mockServer.use(
        http.get('/api/audit-log/export', ({ request }) => {
          exportQueries.push(new URL(request.url).searchParams)
          return new HttpResponse(body, {
            headers: { 'Content-Type': 'text/csv; charset=utf-8', 'X-Export-Id': 'exp-audit' },
          })
        }),
        http.get('/api/exports/exp-audit', () => HttpResponse.json(manifest)),
      )
      const user = userEvent.setup()
      renderPage('/audit?actor=procurement')

      await screen.findByRole('table')
      await user.click(screen.getByRole('button', { name: 'Export CSV' }))

      const result = await screen.findByRole('region', { name: 'Export audit-log-2026-11-26.csv' })
      expect(Object.fromEntries(exportQueries[0]!)).toEqual({ actor: 'procurement', format: 'csv' })
      expect(clicked).toEqual(['audit-log-2026-11-26.csv'])
      expect(within(result).getByText(sha256)).toBeInTheDocument()
      expect(within(result).getByText('1 entry')).toBeInTheDocument()
      expect(within(result).getByText('user procurement')).toBeInTheDocument()
      expect(screen.getByRole('link', { name: 'Save audit-log-2026-11-26.csv again' })).toHaveAttribute(
        'href',
        'blob:audit-log',
      )
      expect(screen.getByText('Exported audit-log-2026-11-26.csv.')).toHaveAttribute('role', 'status')
      expect(
        screen.getByText('Checked in your browser: the file received hashes to the SHA-256 in its manifest.'),
      ).toBeInTheDocument()
    })

    it("shows the server's problem when the export is refused", async () => {
      setMockSession('auditor')
      answerAuditLog({ first: { items: [entry(1)], nextBefore: null } })
      mockServer.use(
        http.get('/api/audit-log/export', () =>
          HttpResponse.json(
            { title: 'Forbidden', status: 403, detail: 'Your role may not export.' },
            { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      )
      const user = userEvent.setup()
      renderPage()

      await user.click(await screen.findByRole('button', { name: 'Export JSON' }))
      const alert = await screen.findByRole('alert')
      expect(alert).toHaveTextContent('Forbidden')
      expect(alert).toHaveTextContent('Your role may not export.')
      expect(clicked).toEqual([])
    })
  })
})
