import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { shapeTierDistribution } from '../../../domain'
import { installChartLayout } from '../../../testing/chart-layout'
import { answerDashboard } from '../../../testing/dashboard-fixtures'
import { renderWithProviders } from '../../../testing/render'
import { TierDistributionCard } from './tier-distribution-card'

installChartLayout()

const tiers = shapeTierDistribution('2026-11-26', { critical: 4, high: 8, medium: 20, low: 28 }, [
  { days: 30, asOf: '2026-10-27', counts: { critical: 3, high: 6, medium: 20, low: 25 } },
  { days: 90, asOf: '2026-08-28', counts: { critical: 4, high: 8, medium: 20, low: 28 } },
])

describe('TierDistributionCard', () => {
  it('states the critical-and-high finding and draws vendors per tier as a labelled chart', async () => {
    answerDashboard('tiers', tiers)
    renderWithProviders(<TierDistributionCard />)
    expect(
      await screen.findByRole('heading', {
        name: '12 of 60 vendors are critical or high risk (20\u202f%), 3 more than 30 days ago',
      }),
    ).toBeInTheDocument()
    expect(
      await screen.findByRole('img', {
        name: /^Bar chart of vendors per tier: Critical 4 \(7\u202f%\), High 8/,
      }),
    ).toBeInTheDocument()
  })

  it('links each tier to the vendor list filtered by that tier, with its change in 30 and 90 days', async () => {
    const user = userEvent.setup()
    answerDashboard('tiers', tiers)
    const { router } = renderWithProviders(<TierDistributionCard />)
    const critical = await screen.findByRole('link', {
      name: 'Critical: 4 vendors, +1 in 30 days, ±0 in 90 days',
    })
    expect(critical).toHaveAttribute('href', '/vendors?tier=critical&status=active%2Conboarding')
    await user.click(critical)
    expect(router.state.location.search).toBe('?tier=critical&status=active%2Conboarding')
  })

  it('opens a tier from its bar', async () => {
    const user = userEvent.setup()
    answerDashboard('tiers', tiers)
    const { router, container } = renderWithProviders(<TierDistributionCard />)
    await screen.findByRole('img', { name: /Bar chart of vendors per tier/ })
    const bars = container.querySelectorAll('.bar-segment')
    expect(bars).toHaveLength(4)
    await user.click(bars[1]!)
    expect(router.state.location.search).toBe('?tier=high&status=active%2Conboarding')
  })

  it('shows the same figures as a table, and goes back to the chart', async () => {
    const user = userEvent.setup()
    answerDashboard('tiers', tiers)
    renderWithProviders(<TierDistributionCard />)
    await user.click(await screen.findByRole('button', { name: 'Show table' }))
    const table = screen.getByRole('table')
    const high = within(table).getByRole('row', { name: /^High/ })
    expect(
      within(high)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['8', '13\u202f%', '+2', '±0'])
    expect(within(high).getByRole('link', { name: 'High' })).toHaveAttribute(
      'href',
      '/vendors?tier=high&status=active%2Conboarding',
    )
    await user.click(screen.getByRole('button', { name: 'Show chart' }))
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    expect(await screen.findByRole('img', { name: /Bar chart of vendors per tier/ })).toBeInTheDocument()
  })
})
