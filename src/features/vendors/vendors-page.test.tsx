import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createVendor } from '../../../mocks/data'
import { resetMockVendors } from '../../../mocks/handlers'
import { mockServer } from '../../../mocks/node'
import { installGridLayout } from '../../testing/grid-layout'
import { renderWithProviders } from '../../testing/render'
import { VendorsPage } from './vendors-page'

/** The names of the vendors the grid renders (it renders only the rows in view). */
function rowNames() {
  return within(screen.getByRole('grid'))
    .getAllByRole('rowheader')
    .map((cell) => within(cell).getByRole('button').textContent)
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
