import { fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { setMockSession } from '../../../mocks/handlers/session'
import { mockServer } from '../../../mocks/node'
import { todayIsoDate, type ExportManifest, type ExportRequest, type Problem } from '../../domain'
import { renderWithProviders } from '../../testing/render'
import { ReportsPage } from './reports-page'

const TODAY = todayIsoDate()
const SHA = 'a3f1c0de'.repeat(8)
const HEAD = '9b'.repeat(32)

function manifest(overrides: Partial<ExportManifest> = {}): ExportManifest {
  const asOf = overrides.asOf ?? TODAY
  return {
    id: 'exp-1',
    kind: 'register',
    format: 'csv',
    asOf,
    filters: null,
    createdBy: 'auditor',
    createdAt: `${TODAY}T09:00:00.000Z`,
    finishedAt: null,
    status: 'pending',
    rows: null,
    bytes: null,
    sha256: null,
    auditHead: HEAD,
    auditSeq: 412,
    modelVersion: '2026.1',
    modelRevision: null,
    filename: `vendor-register-${asOf}.csv`,
    error: null,
    ...overrides,
  }
}

const done = (m: ExportManifest): ExportManifest => ({
  ...m,
  status: 'done',
  rows: 60,
  bytes: 48_213,
  sha256: SHA,
  modelRevision: 3,
  finishedAt: `${TODAY}T09:00:02.000Z`,
})

/**
 * The export API for one test: POST answers `created` (recording the request), GET :id answers the manifests of
 * `polls` in turn (the last one from then on), and GET /api/exports the history.
 */
function answerExports({
  created = manifest(),
  polls = [done(manifest())],
  history = [] as ExportManifest[],
} = {}) {
  const requests: ExportRequest[] = []
  let poll = 0
  mockServer.use(
    http.get('/api/exports', () => HttpResponse.json({ items: history })),
    http.post('/api/exports', async ({ request }) => {
      requests.push((await request.json()) as ExportRequest)
      return HttpResponse.json(created, { status: 201 })
    }),
    http.get('/api/exports/:id', ({ params }) => {
      const next = polls[Math.min(poll, polls.length - 1)]!
      poll += 1
      return HttpResponse.json({ ...next, id: String(params.id) })
    }),
  )
  return { requests, polls: () => poll }
}

const renderPage = () => renderWithProviders(<ReportsPage />, { route: '/reports' })

describe('ReportsPage', () => {
  it('creates a CSV export, follows it from queued to ready, then offers the file and its manifest', async () => {
    setMockSession('auditor')
    const pending = manifest()
    const api = answerExports({
      created: pending,
      polls: [{ ...pending, status: 'running' }, done(pending)],
    })
    const user = userEvent.setup()
    const { router } = renderPage()

    expect(await screen.findByRole('radio', { name: 'Vendor register (CSV)' })).toBeChecked()
    await user.click(screen.getByRole('button', { name: 'Create export' }))

    const panel = await screen.findByRole('region', { name: `Export vendor-register-${TODAY}.csv` })
    expect(within(panel).getByRole('status')).toHaveTextContent(/Queued|Writing/)
    expect(within(panel).getByRole('progressbar', { name: 'Export in progress' })).toBeInTheDocument()
    expect(within(panel).queryByRole('link', { name: /Download/ })).not.toBeInTheDocument()

    expect(await within(panel).findByText('Ready', undefined, { timeout: 4000 })).toBeInTheDocument()
    expect(api.polls()).toBeGreaterThanOrEqual(2)
    // Today is the server's default: the request leaves it out.
    expect(api.requests).toEqual([{ format: 'csv' }])
    expect(router.state.location.search).toBe('?export=exp-1')

    const download = within(panel).getByRole('link', { name: `Download vendor-register-${TODAY}.csv` })
    expect(download).toHaveAttribute('href', '/api/exports/exp-1/file')
    expect(download).toHaveAttribute('download', `vendor-register-${TODAY}.csv`)
    expect(within(panel).getAllByText(SHA)[0]).toBeInTheDocument()
    expect(within(panel).getByText('60 vendors')).toBeInTheDocument()
    expect(within(panel).getByText(HEAD)).toBeInTheDocument()
    expect(within(panel).getByText(/weights revision 3/)).toBeInTheDocument()
    expect(within(panel).getByText(`sha256sum vendor-register-${TODAY}.csv`)).toBeInTheDocument()
    expect(within(panel).getByRole('button', { name: 'Copy SHA-256' })).toBeInTheDocument()
    expect(within(panel).queryByRole('progressbar')).not.toBeInTheDocument()
  })

  it('asks for the register as it stood on a past day when one is chosen', async () => {
    setMockSession('ciso')
    const past = manifest({
      format: 'pdf',
      asOf: '2026-06-30',
      filename: 'vendor-risk-report-2026-06-30.pdf',
    })
    const api = answerExports({ created: done(past), polls: [done(past)] })
    const user = userEvent.setup()
    renderPage()

    await user.click(await screen.findByRole('radio', { name: 'Risk report (PDF)' }))
    expect(screen.getByRole('radio', { name: 'Risk report (PDF)' })).toHaveAccessibleDescription(
      /board: executive summary, charts, top risks, methodology/,
    )
    fireEvent.change(screen.getByLabelText('As of'), { target: { value: '2026-06-30' } })
    await user.click(screen.getByRole('button', { name: 'Create export' }))

    expect(
      await screen.findByRole('link', { name: 'Download vendor-risk-report-2026-06-30.pdf' }),
    ).toBeVisible()
    expect(api.requests).toEqual([{ format: 'pdf', asOf: '2026-06-30' }])
  })

  it('refuses a day after today before asking the server', async () => {
    setMockSession('auditor')
    const api = answerExports()
    const user = userEvent.setup()
    renderPage()

    fireEvent.change(await screen.findByLabelText('As of'), { target: { value: '2999-01-01' } })
    await user.click(screen.getByRole('button', { name: 'Create export' }))

    expect(await screen.findByRole('alert')).toHaveTextContent(/or a day before it/)
    expect(screen.getByLabelText('As of')).toHaveAttribute('aria-invalid', 'true')
    expect(api.requests).toEqual([])
  })

  it('shows why an export failed', async () => {
    setMockSession('auditor')
    const pending = manifest({ format: 'xlsx', filename: `vendor-register-${TODAY}.xlsx` })
    answerExports({
      created: pending,
      polls: [{ ...pending, status: 'failed', error: 'The export could not be written: disk full' }],
    })
    const user = userEvent.setup()
    renderPage()

    await user.click(await screen.findByRole('radio', { name: 'Vendor register (Excel)' }))
    await user.click(screen.getByRole('button', { name: 'Create export' }))

    const alert = await screen.findByRole('alert', undefined, { timeout: 4000 })
    expect(alert).toHaveTextContent('The export failed.')
    expect(alert).toHaveTextContent('The export could not be written: disk full')
    expect(screen.queryByRole('link', { name: /Download/ })).not.toBeInTheDocument()
  })

  it("shows the server's problem when it refuses to start an export", async () => {
    setMockSession('auditor')
    answerExports()
    mockServer.use(
      http.post('/api/exports', () =>
        HttpResponse.json(
          { title: 'Invalid export', status: 422, detail: 'asOf: cannot be after today' } satisfies Problem,
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    )
    const user = userEvent.setup()
    renderPage()

    await user.click(await screen.findByRole('button', { name: 'Create export' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Invalid export')
    expect(alert).toHaveTextContent('asOf: cannot be after today')
  })

  it('lists past exports with their status, hash prefix and a download only for finished ones', async () => {
    setMockSession('admin')
    const ready = done(manifest({ id: 'exp-ready' }))
    const failed = manifest({ id: 'exp-failed', format: 'pdf', status: 'failed', error: 'PDF font missing' })
    const running = manifest({ id: 'exp-running', format: 'json', status: 'running' })
    answerExports({ history: [running, failed, ready], polls: [ready] })
    const user = userEvent.setup()
    const { router } = renderPage()

    const table = await screen.findByRole('table')
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual([
      'Writing',
      'FailedPDF font missing',
      'Ready',
    ])
    expect(within(rows[2]!).getByText(`${SHA.slice(0, 12)}…`)).toBeInTheDocument()
    expect(within(rows[2]!).getByRole('link')).toHaveAttribute('href', '/api/exports/exp-ready/file')
    expect(within(rows[0]!).queryByRole('link')).not.toBeInTheDocument()
    expect(within(rows[1]!).queryByRole('link')).not.toBeInTheDocument()

    await user.click(within(rows[2]!).getByRole('button', { name: 'Vendor register · CSV' }))
    expect(router.state.location.search).toBe('?export=exp-ready')
    expect(await screen.findByRole('region', { name: `Export vendor-register-${TODAY}.csv` })).toBeVisible()
  })

  it('creates a CSV export through the shared mock handlers and shows its manifest', async () => {
    setMockSession('auditor')
    const user = userEvent.setup()
    renderPage()

    await user.click(await screen.findByRole('button', { name: 'Create export' }))
    const panel = await screen.findByRole('region', { name: /^Export vendor-register-.*\.csv$/ })
    expect(within(panel).getByText('Ready')).toHaveAttribute('role', 'status')
    const link = within(panel).getByRole('link', { name: /^Download vendor-register-.*\.csv$/ })
    expect(link.getAttribute('href')).toMatch(/^\/api\/exports\/[^/]+\/file$/)
    expect(within(panel).getAllByText(/^[0-9a-f]{64}$/)).toHaveLength(2)
    // The history shows the same export once it has refreshed.
    await vi.waitFor(() => expect(screen.getAllByRole('link', { name: link.textContent! })).toHaveLength(2))
  })

  it('says when there are no exports yet', async () => {
    setMockSession('auditor')
    answerExports()
    renderPage()
    expect(await screen.findByText(/No exports yet/)).toBeInTheDocument()
  })

  it('tells procurement who can export, and asks the server for nothing', async () => {
    const calls: string[] = []
    mockServer.use(
      http.all('/api/exports*', ({ request }) => {
        calls.push(request.url)
        return HttpResponse.json({ items: [] })
      }),
    )
    setMockSession('procurement')
    renderPage()

    expect(
      await screen.findByText(/Only the CISO, an auditor or an admin can export reports/),
    ).toBeInTheDocument()
    expect(screen.getByText(/Your role \(procurement\) can read the inventory/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Create export' })).not.toBeInTheDocument()
    expect(calls).toEqual([])
  })
})
