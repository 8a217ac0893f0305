import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { MOCK_AS_OF, resetMockVendors } from '../../../mocks/handlers'
import { mockVendors } from '../../../mocks/handlers/vendors'
import { formatCompact, plural } from '../../domain'
import { installChartLayout } from '../../testing/chart-layout'
import { failDashboard } from '../../testing/dashboard-fixtures'
import { renderWithProviders } from '../../testing/render'
import { DashboardPage } from './dashboard-page'

installChartLayout()

const card = (heading: RegExp | string) =>
  screen.getByRole('heading', { level: 2, name: heading }).closest('section')!

describe('DashboardPage', () => {
  it('shows the day the scores are for, the headline numbers and a finding as the title of every card', async () => {
    renderWithProviders(<DashboardPage />, { route: '/dashboard' })
    expect(screen.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument()
    const asOf = await screen.findByText(
      (_, el) => el?.tagName === 'TIME' && el.getAttribute('dateTime') === MOCK_AS_OF,
    )
    expect(asOf.closest('p')).toHaveTextContent(/Scores as of/)

    const headlines = screen.getByRole('list', { name: 'Headline numbers' })
    const portfolio = mockVendors().filter((v) => v.status !== 'offboarded').length
    expect(
      await within(headlines).findByRole('link', { name: `${portfolio} vendors in the portfolio` }),
    ).toHaveAttribute('href', '/vendors?status=active%2Conboarding')
    expect(within(headlines).getByRole('link', { name: /overdue reviews$/ })).toHaveAttribute(
      'href',
      '/vendors?status=active%2Conboarding&reviewOverdue=1',
    )

    // Every card's title says what the data shows, not only what it measures.
    for (const finding of [
      /^\d+ of \d+ vendors are critical or high risk/,
      /of the records our vendors hold sit outside our perimeter, at \d+ vendors$/,
      /in the critical band, holding .* records/,
      /^Median risk score (rose|fell|held)/,
      /security reviews are overdue/,
      /of the 10 riskiest vendors hold our data outside our perimeter/,
      /^\d+ incidents in 12 months/,
      /vendors share Amazon Web Services, holding/,
    ]) {
      expect(await screen.findByRole('heading', { level: 2, name: finding })).toBeInTheDocument()
    }
  })

  it('links the vendor-environment slice to exactly those vendors, named by their count and records', async () => {
    const user = userEvent.setup()
    const { router } = renderWithProviders(<DashboardPage />, { route: '/dashboard' })
    const outside = mockVendors().filter(
      (v) => v.status !== 'offboarded' && v.access.dataLocation === 'vendor_environment',
    )
    const records = outside.reduce((sum, v) => sum + v.access.records, 0)
    expect(outside.length).toBeGreaterThan(0)

    const link = await screen.findByRole('link', {
      name: `Vendor environment: ${plural(outside.length, 'vendor')}, ${formatCompact(records)} records`,
    })
    expect(link).toHaveAttribute(
      'href',
      '/vendors?status=active%2Conboarding&dataLocation=vendor_environment',
    )
    await user.click(link)
    expect(router.state.location.pathname).toBe('/vendors')
    expect(new URLSearchParams(router.state.location.search).get('dataLocation')).toBe('vendor_environment')
  })

  it('shows a failing card’s problem with a retry while the other cards carry on', async () => {
    const user = userEvent.setup()
    const calls = failDashboard('exposure', {
      title: 'Dashboard unavailable',
      detail: 'The exposure figures are being recomputed.',
    })
    renderWithProviders(<DashboardPage />, { route: '/dashboard' })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Dashboard unavailable')
    expect(alert).toHaveTextContent('The exposure figures are being recomputed.')
    expect(alert.closest('section')).toHaveAccessibleName('Exposure outside our perimeter')
    expect(
      await screen.findByRole('heading', { level: 2, name: /critical or high risk/ }),
    ).toBeInTheDocument()
    // The headline that needs the failed figure says so rather than showing a stale or made-up number.
    const headlines = screen.getByRole('list', { name: 'Headline numbers' })
    expect(
      within(headlines).getByRole('link', { name: '– of records outside our perimeter' }),
    ).toBeInTheDocument()

    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(calls.count).toBe(2))
  })

  it('says what to do next on every card when the portfolio is empty', async () => {
    resetMockVendors([])
    renderWithProviders(<DashboardPage />, { route: '/dashboard' })
    await waitFor(() => expect(screen.getAllByText(/appears once the portfolio has vendors/)).toHaveLength(5))
    for (const measure of ['Vendors by tier', 'Exposure outside our perimeter', 'Overdue reviews by tier']) {
      expect(within(card(measure)).getByRole('link', { name: 'Vendors' })).toHaveAttribute('href', '/vendors')
    }
    expect(await screen.findByText(/No score has been recorded yet/)).toBeInTheDocument()
    expect(screen.getByText(/No incident in the last 12 months/)).toBeInTheDocument()
    expect(screen.getByText(/No vendor lists a sub-processor/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Show table' })).not.toBeInTheDocument()
  })
})
