import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createVendor } from '../../../mocks/data'
import { MOCK_AS_OF, resetMockVendors } from '../../../mocks/handlers'
import { MOCK_CSRF_TOKEN } from '../../../mocks/handlers/session'
import { mockServer } from '../../../mocks/node'
import { addDays, type Problem } from '../../domain'
import { setCsrfToken } from '../../lib/api-client'
import { renderWithProviders } from '../../testing/render'
import { recordReview } from './api/record-review'
import { storeVendorDetail } from './api/vendor-cache'
import { ReviewsPage } from './reviews-page'

/** A low-risk vendor (no data, no incidents) last assessed `daysAgo` days before the mock's today. */
function assessed(name: string, daysAgo: number | null, overrides: Parameters<typeof createVendor>[0] = {}) {
  const vendor = createVendor({
    name,
    owner: 'Aisha',
    access: { dataClasses: [], records: 0, networkAccess: 'none', criticality: 'low' },
    controls: { lastAssessedAt: addDays(MOCK_AS_OF, -(daysAgo ?? 0)) },
    ...overrides,
  })
  if (daysAgo === null) delete vendor.controls.lastAssessedAt
  return vendor
}

function tableRows() {
  return within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [within(row).getByRole('rowheader').textContent, row.lastElementChild?.textContent])
}
const names = () => tableRows().map(([name]) => name)

/** Every request the page sends to the API, as the server receives it. */
const requests: URL[] = []
const onRequest = ({ request }: { request: Request }) => {
  requests.push(new URL(request.url))
}
beforeEach(() => {
  requests.length = 0
  mockServer.events.on('request:start', onRequest)
})
afterEach(() => {
  mockServer.events.removeListener('request:start', onRequest)
})

describe('ReviewsPage', () => {
  it('lists overdue reviews first, never-assessed vendors at the top, and links each to its profile', async () => {
    resetMockVendors([
      assessed('Fresh', 10),
      assessed('Long overdue', 800),
      assessed('Never looked at', null),
      assessed('Just overdue', 740),
    ])
    renderWithProviders(<ReviewsPage />, { route: '/reviews' })
    expect(await screen.findByText(/reviews are overdue/)).toHaveTextContent('3 reviews are overdue')
    expect(tableRows()).toEqual([
      ['Never looked at', 'never assessed'],
      ['Long overdue', '70 days overdue'],
      ['Just overdue', '10 days overdue'],
    ])
    expect(screen.getByRole('link', { name: 'Long overdue' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/vendors\/ven-/),
    )
  })

  it('asks the server for the first page of the queue, never for the whole inventory', async () => {
    renderWithProviders(<ReviewsPage />, { route: '/reviews' })
    await screen.findByRole('table')
    expect(requests.map((url) => `${url.pathname}${url.search}`)).toEqual([
      '/api/reviews?due=overdue&offset=0&limit=100',
    ])
  })

  it('looks ahead 30 and 90 days, keeping the choice in the URL', async () => {
    resetMockVendors([assessed('Due in 5', 725), assessed('Due in 60', 670), assessed('Due in a year', 365)])
    const user = userEvent.setup()
    const { router } = renderWithProviders(<ReviewsPage />, { route: '/reviews' })
    expect(await screen.findByText('No review is overdue.', { exact: false })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /Due in 30 days/ })).toHaveTextContent('1')
    expect(screen.getByRole('button', { name: /Due in 90 days/ })).toHaveTextContent('2')

    await user.click(screen.getByRole('button', { name: /Due in 30 days/ }))
    expect(router.state.location.search).toBe('?due=30')
    await waitFor(() => expect(tableRows()).toEqual([['Due in 5', 'due in 5 days']]))

    await user.click(screen.getByRole('button', { name: /Due in 90 days/ }))
    await waitFor(() => expect(names()).toEqual(['Due in 5', 'Due in 60']))
    expect(screen.getByRole('button', { name: /Due in 90 days/ })).toHaveAttribute('aria-pressed', 'true')
  })

  it('opens on the window and owner the URL names', async () => {
    resetMockVendors([
      assessed('Aisha due soon', 725),
      assessed('Budi due soon', 720, { owner: 'Budi' }),
      assessed('Budi overdue', 800, { owner: 'Budi' }),
    ])
    renderWithProviders(<ReviewsPage />, { route: '/reviews?due=30&owner=Budi' })
    await screen.findByRole('table')
    expect(names()).toEqual(['Budi due soon'])
    expect(screen.getByLabelText('Owner')).toHaveValue('Budi')
    expect(screen.getByText(/reviews? (is|are) overdue/)).toHaveTextContent(
      '1 review is overdue for vendors owned by Budi',
    )
    expect(requests.at(-1)?.searchParams.get('owner')).toBe('Budi')
  })

  it("narrows the list to one owner's vendors", async () => {
    resetMockVendors([assessed('Mine', null), assessed('Theirs', null, { owner: 'Budi' })])
    const user = userEvent.setup()
    const { router } = renderWithProviders(<ReviewsPage />, { route: '/reviews' })
    await screen.findByRole('table')
    expect(
      within(screen.getByLabelText('Owner'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Everyone', 'Aisha', 'Budi'])
    await user.selectOptions(screen.getByLabelText('Owner'), 'Budi')
    expect(router.state.location.search).toBe('?owner=Budi')
    await waitFor(() => expect(names()).toEqual(['Theirs']))
    expect(screen.getByText(/reviews? (is|are) overdue/)).toHaveTextContent('for vendors owned by Budi')
  })

  it('shows a hundred reviews at a time, fetching the next hundred on request', async () => {
    resetMockVendors(
      Array.from({ length: 105 }, (_, i) => assessed(`Vendor ${String(i).padStart(3, '0')}`, null)),
    )
    const user = userEvent.setup()
    renderWithProviders(<ReviewsPage />, { route: '/reviews' })
    await screen.findByRole('table')
    expect(tableRows()).toHaveLength(100)
    expect(names().slice(0, 2)).toEqual(['Vendor 000', 'Vendor 001'])

    await user.click(screen.getByRole('button', { name: 'Show 5 more of 5' }))
    await waitFor(() => expect(tableRows()).toHaveLength(105))
    expect(names().at(-1)).toBe('Vendor 104')
    expect(screen.queryByRole('button', { name: /more of/ })).not.toBeInTheDocument()
    expect(requests.map((url) => url.searchParams.get('offset'))).toEqual(['0', '100'])
  })

  it("takes a vendor off the list once its review is recorded, as the profile's save refreshes it", async () => {
    resetMockVendors([assessed('Reviewed now', 800), assessed('Still overdue', 760)])
    const { client } = renderWithProviders(<ReviewsPage />, { route: '/reviews' })
    await screen.findByRole('table')
    expect(names()).toEqual(['Reviewed now', 'Still overdue'])

    const href = screen.getByRole('link', { name: 'Reviewed now' }).getAttribute('href')!
    setCsrfToken(MOCK_CSRF_TOKEN)
    try {
      const result = await recordReview(decodeURIComponent(href.slice('/vendors/'.length)), {
        completedAt: MOCK_AS_OF,
      })
      storeVendorDetail(client, result.vendor)
    } finally {
      setCsrfToken(null)
    }
    await waitFor(() => expect(names()).toEqual(['Still overdue']))
    expect(screen.getByText(/reviews? (is|are) overdue/)).toHaveTextContent('1 review is overdue')
  })

  it("shows the server's problem with a retry when the queue cannot be had", async () => {
    let fail = true
    mockServer.use(
      http.get('/api/reviews', () => {
        if (!fail) return
        return HttpResponse.json(
          { title: 'Database unavailable', status: 503, detail: 'Try again in a minute.' } satisfies Problem,
          { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
        )
      }),
    )
    const user = userEvent.setup()
    renderWithProviders(<ReviewsPage />, { route: '/reviews' })
    expect(await screen.findByRole('alert')).toHaveTextContent('Database unavailable')
    fail = false
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('table')).toBeInTheDocument()
  })
})
