import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { shapeExposure } from '../../../domain'
import { installChartLayout } from '../../../testing/chart-layout'
import { answerDashboard } from '../../../testing/dashboard-fixtures'
import { renderWithProviders } from '../../../testing/render'
import { ExposureCard } from './exposure-card'

installChartLayout()

const exposure = shapeExposure(
  '2026-11-26',
  [
    { dataLocation: 'vendor_environment', vendors: 3, records: 4_000_000 },
    { dataLocation: 'both', vendors: 1, records: 100_000 },
    { dataLocation: 'our_environment', vendors: 5, records: 5_900_000 },
    { dataLocation: 'none', vendors: 2, records: 0 },
  ],
  [
    { dataClass: 'pii', vendors: 6, records: 9_000_000, outsideVendors: 3, outsideRecords: 4_000_000 },
    { dataClass: 'payment', vendors: 2, records: 1_000_000, outsideVendors: 0, outsideRecords: 0 },
  ],
)

describe('ExposureCard', () => {
  it('answers the Maxis question in its title: the share of our records outside our perimeter', async () => {
    answerDashboard('exposure', exposure)
    renderWithProviders(<ExposureCard />)
    expect(
      await screen.findByRole('heading', {
        name: '41\u202f% of the records our vendors hold sit outside our perimeter, at 4 vendors',
      }),
    ).toBeInTheDocument()
    expect(
      await screen.findByRole('img', {
        name: /^Ring chart of records by where our data sits: Vendor environment 40\u202f%/,
      }),
    )
    expect(
      screen.getByRole('img', { name: /^Bar chart of records per data class.*PII 4M outside, 5M inside/ }),
    )
  })

  it('links each location to the inventory filtered to it, named by its vendors and records', async () => {
    const user = userEvent.setup()
    answerDashboard('exposure', exposure)
    const { router } = renderWithProviders(<ExposureCard />)
    const legend = await screen.findByRole('list', { name: 'Where our data sits; each opens its vendors' })
    expect(
      within(legend)
        .getAllByRole('link')
        .map((a) => [a.getAttribute('aria-label'), a.getAttribute('href')]),
    ).toEqual([
      [
        'Vendor environment: 3 vendors, 4M records',
        '/vendors?status=active%2Conboarding&dataLocation=vendor_environment',
      ],
      ['Both environments: 1 vendor, 100K records', '/vendors?status=active%2Conboarding&dataLocation=both'],
      [
        'Our environment: 5 vendors, 5.9M records',
        '/vendors?status=active%2Conboarding&dataLocation=our_environment',
      ],
      [
        'Holds none of our data: 2 vendors, 0 records',
        '/vendors?status=active%2Conboarding&dataLocation=none',
      ],
    ])
    await user.click(within(legend).getByRole('link', { name: 'Vendor environment: 3 vendors, 4M records' }))
    expect(router.state.location.search).toBe('?status=active%2Conboarding&dataLocation=vendor_environment')
  })

  it('opens the vendor-environment vendors from their slice of the ring', async () => {
    const user = userEvent.setup()
    answerDashboard('exposure', exposure)
    const { router, container } = renderWithProviders(<ExposureCard />)
    await screen.findByRole('img', { name: /^Ring chart/ })
    const slices = container.querySelectorAll('.ring-slice')
    // Slices with records only, outside our perimeter first: vendor environment, both, ours.
    expect(slices).toHaveLength(3)
    await user.click(slices[0]!)
    expect(router.state.location.search).toBe('?status=active%2Conboarding&dataLocation=vendor_environment')
  })

  it('tabulates locations and data classes, linking the vendors that hold a class outside our perimeter', async () => {
    const user = userEvent.setup()
    answerDashboard('exposure', exposure)
    renderWithProviders(<ExposureCard />)
    await user.click(await screen.findByRole('button', { name: 'Show table' }))
    const [locations, classes] = screen.getAllByRole('table')
    expect(
      within(locations!)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Vendor environment · outside our perimeter',
      'Both environments · outside our perimeter',
      'Our environment',
      'Holds none of our data',
    ])
    expect(
      within(classes!).getByRole('link', { name: '3 vendors holding PII outside our perimeter' }),
    ).toHaveAttribute('href', '/vendors?status=active%2Conboarding&outside=1&dataClass=pii')
    expect(within(classes!).getByRole('link', { name: 'payment' })).toHaveAttribute(
      'href',
      '/vendors?status=active%2Conboarding&dataClass=payment',
    )
  })
})
