import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createVendor, generateDemoVendors } from '../../../mocks/data'
import { MOCK_AS_OF, resetMockVendors } from '../../../mocks/handlers'
import { mockVendors } from '../../../mocks/handlers/vendors'
import { mockServer } from '../../../mocks/node'
import {
  filterVendorSummaries,
  sortVendorSummaries,
  summarizeVendor,
  type VendorFacetsResponse,
  type VendorFilter,
} from '../../domain'
import { GRID_ROW_HEIGHT, installGridLayout } from '../../testing/grid-layout'
import { renderWithProviders } from '../../testing/render'
import { VendorsPage } from './vendors-page'

/** The names of the vendors the grid renders (it renders only the rows in view). */
function rowNames() {
  return within(screen.getByRole('grid'))
    .getAllByRole('rowheader')
    .map((cell) => within(cell).getByRole('button').textContent)
}

/** The mock inventory as the server lists it: filtered, then by score. */
function expectedNames(filter: VendorFilter = {}) {
  const summaries = mockVendors().map((v) => summarizeVendor(v, MOCK_AS_OF))
  return sortVendorSummaries(filterVendorSummaries(summaries, filter), 'score').map((v) => v.name)
}

/** Every request the page sends for the vendor list, as the server receives it. */
const listRequests: Request[] = []
const onRequest = ({ request }: { request: Request }) => {
  if (new URL(request.url).pathname === '/api/vendors') listRequests.push(request)
}
beforeEach(() => {
  listRequests.length = 0
  mockServer.events.on('request:start', onRequest)
})
afterEach(() => {
  mockServer.events.removeListener('request:start', onRequest)
})
const paramsOf = (request: Request) => Object.fromEntries(new URL(request.url).searchParams)

/** Holds the list's answers that `when` picks until `release`; the others pass. */
function holdList(when: (params: URLSearchParams) => boolean) {
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  mockServer.use(
    http.get('/api/vendors', async ({ request }) => {
      if (when(new URL(request.url).searchParams)) await held
      // Nothing returned: the request goes on to the mock API's own handler.
    }),
  )
  return () => release()
}

installGridLayout()

describe('VendorsPage', () => {
  it('lists every demo vendor, highest score first, with tier words and the perimeter finding', async () => {
    renderWithProviders(<VendorsPage />)
    const grid = await screen.findByRole('grid', { name: 'Vendors' })
    expect(grid).toHaveAttribute('aria-rowcount', '61')
    const rows = within(grid).getAllByRole('row').slice(1)
    expect(rows.length).toBeGreaterThanOrEqual(10)
    const scores = rows.map((r) => Number(within(r).getAllByRole('gridcell')[1]!.textContent))
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(within(rows[0]!).getByText(/critical|high/i)).toBeInTheDocument()
    expect(
      screen.getByText(/hold our data in their own environment, outside our perimeter/),
    ).toBeInTheDocument()
  })

  it('explains a vendor factor by factor when its row is opened, and the points add up to the score', async () => {
    const user = userEvent.setup()
    renderWithProviders(<VendorsPage />)
    await user.click(await screen.findByRole('button', { name: 'Nusantara Customer Data Services' }))
    const panel = await screen.findByRole('article')
    expect(
      within(panel).getByRole('heading', { name: 'Nusantara Customer Data Services' }),
    ).toBeInTheDocument()
    expect(within(panel).getByText(/in its own environment, outside our network/)).toBeInTheDocument()
    expect(within(panel).getByText(/Claimed leak \(high\).*still open/)).toBeInTheDocument()
    const points = within(panel)
      .getAllByText(/^[+\u2212]?\d+\.\d$/)
      .filter((el) => el.classList.contains('factor-points'))
      .map((el) => Number(el.textContent!.replace('\u2212', '-')))
    const score = Number(
      within(panel).getByText((_, el) => el?.classList.contains('big') ?? false).textContent,
    )
    expect(points.reduce((a, b) => a + b, 0)).toBeCloseTo(score, 5)
  })

  it('narrows the list by search and by the outside-the-perimeter filter', async () => {
    const user = userEvent.setup()
    resetMockVendors([
      createVendor({ id: 'v1', name: 'Inside Payroll', access: { dataLocation: 'our_environment' } }),
      createVendor({ id: 'v2', name: 'Outside Payroll', access: { dataLocation: 'vendor_environment' } }),
      createVendor({ id: 'v3', name: 'Cafeteria Services', access: { dataLocation: 'none' } }),
    ])
    renderWithProviders(<VendorsPage />)
    await screen.findByRole('grid')
    await user.type(screen.getByRole('searchbox', { name: 'Search vendors' }), 'payroll')
    await waitFor(() => expect(rowNames()).toHaveLength(2))
    await user.click(screen.getByRole('checkbox', { name: 'Only data outside our perimeter' }))
    await waitFor(() => expect(rowNames()).toEqual(['Outside Payroll']))
  })

  it('keeps filters, sort and the selected vendor in the URL, and restores the view from a link', async () => {
    const user = userEvent.setup()
    const { router } = renderWithProviders(<VendorsPage />)
    await screen.findByRole('grid')
    await user.click(screen.getByRole('button', { name: 'Critical' }))
    await user.click(screen.getByRole('button', { name: 'Nusantara Customer Data Services' }))
    expect(new URLSearchParams(router.state.location.search).get('tier')).toBe('critical')
    const link = `/vendors${router.state.location.search}`
    expect(link).toContain('selected=ven-000001')

    // A colleague opens the same link: same filter, same vendor explained.
    cleanup()
    renderWithProviders(<VendorsPage />, { route: link })
    expect(
      await screen.findByRole('heading', { name: 'Nusantara Customer Data Services' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Critical' })).toHaveAttribute('aria-pressed', 'true')
    const rows = within(screen.getByRole('grid')).getAllByRole('row').slice(1)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => within(r).queryByText('Critical'))).toBe(true)
  })

  it('writes a search to the URL once typing pauses, keeping every keystroke, and writes other changes at once', async () => {
    const user = userEvent.setup()
    const { router } = renderWithProviders(<VendorsPage />)
    await screen.findByRole('grid')
    const search = screen.getByRole('searchbox', { name: 'Search vendors' })
    await user.type(search, 'nusantara')
    expect(search).toHaveValue('nusantara')
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('nusantara'))
    // More typing after the URL caught up is not undone when the URL arrives.
    await user.type(search, ' customer')
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('q')).toBe('nusantara customer'),
    )
    expect(search).toHaveValue('nusantara customer')
    await user.click(screen.getByRole('button', { name: 'Critical' }))
    expect(new URLSearchParams(router.state.location.search).get('tier')).toBe('critical')
  })

  it('narrows the list to a risk-map region from a link, shows the range and lets the user clear it', async () => {
    const user = userEvent.setup()
    resetMockVendors([
      // Exposure 47.8 and 11 with the factory's defaults.
      createVendor({ id: 'v1', name: 'Deep Access Payroll', access: { dataClasses: ['pii', 'payment'] } }),
      createVendor({ id: 'v2', name: 'Lunch Menus', access: { dataClasses: ['public'], records: 0 } }),
    ])
    const { router } = renderWithProviders(<VendorsPage />, {
      route: '/vendors?exposureMin=0&exposureMax=40',
    })
    await screen.findByRole('grid')
    const chips = screen.getByRole('list', { name: 'Filters from a link' })
    expect(within(chips).getByText('0 to under 40')).toBeInTheDocument()
    await waitFor(() => expect(rowNames()).toEqual(['Lunch Menus']))

    await user.click(screen.getByRole('button', { name: 'Clear exposure filter (0 to under 40)' }))
    await waitFor(() => expect(rowNames()).toHaveLength(2))
    expect(router.state.location.search).toBe('')
    expect(screen.queryByRole('list', { name: 'Filters from a link' })).not.toBeInTheDocument()
  })

  it('narrows the list to the vendors holding a data class or using a sub-processor, from a link', async () => {
    resetMockVendors([
      createVendor({
        id: 'v1',
        name: 'Payroll',
        access: { dataClasses: ['pii'], fourthParties: ['Twilio'] },
      }),
      createVendor({ id: 'v2', name: 'Wiki', access: { dataClasses: ['internal'], fourthParties: [] } }),
    ])
    renderWithProviders(<VendorsPage />, { route: '/vendors?dataClass=pii' })
    await screen.findByRole('grid')
    expect(screen.getByRole('button', { name: 'Clear holds filter (PII)' })).toBeInTheDocument()
    await waitFor(() => expect(rowNames()).toEqual(['Payroll']))

    cleanup()
    renderWithProviders(<VendorsPage />, { route: '/vendors?fourthParty=twilio' })
    await screen.findByRole('grid')
    expect(screen.getByText('twilio')).toBeInTheDocument()
    await waitFor(() => expect(rowNames()).toEqual(['Payroll']))
  })

  it('opens the vendor under the keyboard with Enter, and focuses search with /', async () => {
    const user = userEvent.setup()
    const { router } = renderWithProviders(<VendorsPage />)
    const grid = await screen.findByRole('grid', { name: 'Vendors' })
    const second = within(grid).getAllByRole('row')[2]!
    within(grid).getAllByRole('row')[1]!.focus()
    await user.keyboard('{ArrowDown}{Enter}')
    const name = within(second).getByRole('rowheader').textContent
    expect(await screen.findByRole('heading', { level: 2, name: name! })).toBeInTheDocument()
    expect(new URLSearchParams(router.state.location.search).get('selected')).toMatch(/^ven-/)
    await user.click(document.body)
    await user.keyboard('/')
    expect(screen.getByRole('searchbox', { name: 'Search vendors' })).toHaveFocus()
  })

  it('asks the server for the first page of the list and for the facets, never for the whole inventory', async () => {
    const facets: Request[] = []
    mockServer.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname === '/api/vendors/facets') facets.push(request)
    })
    renderWithProviders(<VendorsPage />)
    await screen.findByRole('grid', { name: 'Vendors' })

    expect(listRequests.map(paramsOf)).toEqual([{ sort: 'score', order: 'desc', limit: '100', offset: '0' }])
    expect(facets).toHaveLength(1)
    expect(screen.getByText('60 of 60 vendors')).toBeInTheDocument()
  })

  it('takes the perimeter finding, the tier counts and the category choices from the facets', async () => {
    mockServer.use(
      http.get('/api/vendors/facets', () =>
        HttpResponse.json({
          total: 50_000,
          outsidePerimeter: 12_345,
          tiers: { critical: 1_000, high: 9_000, medium: 20_000, low: 20_000 },
          categories: ['Analytics', 'Payroll', 'Zebra Logistics'],
          asOf: MOCK_AS_OF,
        } satisfies VendorFacetsResponse),
      ),
    )
    renderWithProviders(<VendorsPage />)
    const findings = await screen.findByRole('region', { name: 'Findings' })

    expect(findings).toHaveTextContent(
      '12345 of 50000 vendors hold our data in their own environment, outside our perimeter.',
    )
    expect(
      within(findings)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['1000 critical', '9000 high', '20000 medium', '20000 low'])
    const category = screen.getByRole('combobox', { name: 'Category' })
    expect(
      within(category)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All', 'Analytics', 'Payroll', 'Zebra Logistics'])
    expect(screen.getByText('60 of 50000 vendors')).toBeInTheDocument()
  })

  it('sends the search and filters to the server, keeping the previous rows on screen until the answer', async () => {
    const user = userEvent.setup()
    const before = expectedNames()
    const release = holdList((params) => params.has('q'))
    renderWithProviders(<VendorsPage />)
    const grid = await screen.findByRole('grid', { name: 'Vendors' })

    await user.type(screen.getByRole('searchbox', { name: 'Search vendors' }), 'payroll')

    // Asked, not yet answered: the whole list stays, with its count, and no skeleton replaces it.
    await waitFor(() => expect(paramsOf(listRequests.at(-1)!).q).toBe('payroll'))
    expect(grid).toHaveAttribute('aria-rowcount', '61')
    expect(grid).toHaveAttribute('aria-busy', 'true')
    expect(rowNames()).toEqual(before.slice(0, rowNames().length))
    expect(screen.queryByLabelText('Loading vendors')).not.toBeInTheDocument()
    // Each keystroke asked for its own list; the answers no one waits for any more were cancelled.
    const typed = listRequests.filter((r) => paramsOf(r).q !== undefined)
    expect(typed.map((r) => paramsOf(r).q)).toEqual(['p', 'pa', 'pay', 'payr', 'payro', 'payrol', 'payroll'])
    expect(typed.slice(0, -1).every((r) => r.signal.aborted)).toBe(true)

    release()
    const payroll = expectedNames({ q: 'payroll' })
    expect(payroll.length).toBeGreaterThan(0)
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', String(payroll.length + 1)))
    // The new count and the new rows arrive together.
    expect(rowNames()).toEqual(payroll)
    expect(grid).not.toHaveAttribute('aria-busy')
    expect(screen.getByText(/ of 60 vendors/)).toHaveTextContent(
      `${payroll.length} of 60 vendors · Clear filters`,
    )

    await user.click(screen.getByRole('checkbox', { name: 'Only data outside our perimeter' }))
    await waitFor(() => expect(paramsOf(listRequests.at(-1)!).outsidePerimeter).toBe('1'))
    expect(paramsOf(listRequests.at(-1)!)).toMatchObject({ q: 'payroll', offset: '0', limit: '100' })
    const outside = expectedNames({ q: 'payroll', outsidePerimeter: true })
    await waitFor(() => expect(rowNames()).toEqual(outside))
  })

  it('asks the server to sort when a column header is clicked', async () => {
    const user = userEvent.setup()
    const { router } = renderWithProviders(<VendorsPage />)
    const grid = await screen.findByRole('grid', { name: 'Vendors' })

    await user.click(within(grid).getByRole('button', { name: 'Vendor' }))

    await waitFor(() => expect(paramsOf(listRequests.at(-1)!)).toMatchObject({ sort: 'name', order: 'asc' }))
    const summaries = mockVendors().map((v) => summarizeVendor(v, MOCK_AS_OF))
    const byName = sortVendorSummaries(summaries, 'name', 'asc').map((v) => v.name)
    await waitFor(() => expect(rowNames()).toEqual(byName.slice(0, rowNames().length)))
    expect(within(grid).getByRole('columnheader', { name: /Vendor/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )
    expect(new URLSearchParams(router.state.location.search).get('sort')).toBe('name')
  })

  it('fetches the page of the rows scrolled to, showing placeholder rows until it arrives', async () => {
    resetMockVendors(generateDemoVendors({ count: 250, asOf: MOCK_AS_OF }))
    const names = expectedNames()
    const release = holdList((params) => params.get('offset') === '200')
    renderWithProviders(<VendorsPage />)
    const grid = await screen.findByRole('grid', { name: 'Vendors' })
    expect(grid).toHaveAttribute('aria-rowcount', '251')
    expect(screen.getByText('250 of 250 vendors')).toBeInTheDocument()

    fireEvent.scroll(grid, { target: { scrollTop: 205 * GRID_ROW_HEIGHT } })

    const row = (index: number) => grid.querySelector(`[role="row"][aria-rowindex="${index + 2}"]`)!
    expect(row(205)).toHaveAttribute('aria-busy', 'true')
    expect(within(row(205) as HTMLElement).getByRole('rowheader')).toHaveTextContent('Loading')
    // Rows 190 to 199 sit on the page before, which is asked for too.
    await waitFor(() =>
      expect(listRequests.map((r) => paramsOf(r).offset)).toEqual(expect.arrayContaining(['100', '200'])),
    )
    expect(listRequests.every((r) => paramsOf(r).limit === '100')).toBe(true)
    await waitFor(() => expect(row(195)).not.toHaveAttribute('aria-busy'))
    expect(row(205)).toHaveAttribute('aria-busy', 'true')

    release()
    await waitFor(() => expect(row(205)).not.toHaveAttribute('aria-busy'))
    expect(within(row(205) as HTMLElement).getByRole('rowheader')).toHaveTextContent(names[205]!)
    expect(grid).toHaveAttribute('aria-rowcount', '251')
  })

  it('keeps the filters on screen when the server refuses the list asked for, and shows why', async () => {
    const user = userEvent.setup()
    renderWithProviders(<VendorsPage />)
    await screen.findByRole('grid', { name: 'Vendors' })
    mockServer.use(
      http.get('/api/vendors', () =>
        HttpResponse.json(
          {
            title: 'Invalid query parameter',
            status: 400,
            detail: 'q: Too long',
            errors: [{ path: 'q', message: 'Too long' }],
          },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    )

    await user.type(screen.getByRole('searchbox', { name: 'Search vendors' }), 'x')

    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid query parameter')
    expect(screen.queryByRole('grid')).not.toBeInTheDocument()
    expect(screen.getByRole('searchbox', { name: 'Search vendors' })).toHaveValue('x')
  })

  it("shows the server's problem details and retries when asked", async () => {
    const user = userEvent.setup()
    let calls = 0
    mockServer.use(
      http.get('/api/vendors', () => {
        calls += 1
        return HttpResponse.json(
          { title: 'Database unavailable', status: 503, detail: 'The data directory is read-only.' },
          { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
        )
      }),
    )
    renderWithProviders(<VendorsPage />)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Database unavailable')
    expect(alert).toHaveTextContent('The data directory is read-only.')
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(calls).toBe(2))
  })

  it('says what to do when there are no vendors at all', async () => {
    resetMockVendors([])
    renderWithProviders(<VendorsPage />)
    expect(await screen.findByText(/No vendors yet/)).toBeInTheDocument()
  })

  it('renders vendor names as text, never as markup', async () => {
    resetMockVendors([createVendor({ id: 'x', name: '<img src=x onerror=alert(1)>' })])
    const { container } = renderWithProviders(<VendorsPage />)
    expect(await screen.findByRole('button', { name: '<img src=x onerror=alert(1)>' })).toBeInTheDocument()
    expect(container.querySelector('img')).toBeNull()
  })
})
