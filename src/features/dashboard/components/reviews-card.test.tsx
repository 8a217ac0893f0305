import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { shapeReviews } from '../../../domain'
import { installChartLayout } from '../../../testing/chart-layout'
import { answerDashboard } from '../../../testing/dashboard-fixtures'
import { renderWithProviders } from '../../../testing/render'
import { ReviewsCard } from './reviews-card'

installChartLayout()

const reviews = shapeReviews('2026-11-26', [
  { tier: 'critical', vendors: 4, overdue: 2, neverAssessed: 1, dueWithin30: 1 },
  { tier: 'high', vendors: 6, overdue: 0, neverAssessed: 0, dueWithin30: 2 },
  { tier: 'low', vendors: 10, overdue: 3, neverAssessed: 0, dueWithin30: 0 },
])

describe('ReviewsCard', () => {
  it('counts overdue reviews and the critical ones in its title', async () => {
    answerDashboard('reviews', reviews)
    renderWithProviders(<ReviewsCard />)
    expect(
      await screen.findByRole('heading', {
        name: '5 of 20 security reviews are overdue, 2 for critical vendors',
      }),
    ).toBeInTheDocument()
    expect(
      await screen.findByRole('img', {
        name: /^Stacked bar chart of security reviews per tier: Critical 2 overdue of 4/,
      }),
    ).toBeInTheDocument()
  })

  it('links each tier’s overdue reviews to those vendors, and the work list', async () => {
    answerDashboard('reviews', reviews)
    renderWithProviders(<ReviewsCard />)
    const legend = await screen.findByRole('list', {
      name: 'Overdue reviews per tier; each opens those vendors',
    })
    expect(within(legend).getByRole('link', { name: 'Critical: 2 overdue reviews' })).toHaveAttribute(
      'href',
      '/vendors?tier=critical&status=active%2Conboarding&reviewOverdue=1',
    )
    expect(screen.getByRole('link', { name: 'Open the reviews work list' })).toHaveAttribute(
      'href',
      '/reviews',
    )
    expect(screen.getByRole('link', { name: 'All 5 overdue vendors' })).toHaveAttribute(
      'href',
      '/vendors?status=active%2Conboarding&reviewOverdue=1',
    )
  })

  it('opens a tier’s overdue vendors from the overdue part of its bar', async () => {
    const user = userEvent.setup()
    answerDashboard('reviews', reviews)
    const { router, container } = renderWithProviders(<ReviewsCard />)
    await screen.findByRole('img', { name: /^Stacked bar chart of security reviews/ })
    // The first series is "never assessed"; its first bar is the critical tier's.
    await user.click(container.querySelector('.bar-segment')!)
    expect(router.state.location.search).toBe('?tier=critical&status=active%2Conboarding&reviewOverdue=1')
  })

  it('tabulates every tier with its cadence', async () => {
    const user = userEvent.setup()
    answerDashboard('reviews', reviews)
    renderWithProviders(<ReviewsCard />)
    await user.click(await screen.findByRole('button', { name: 'Show table' }))
    const critical = within(screen.getByRole('table')).getByRole('row', { name: /^Critical/ })
    expect(
      within(critical)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['90 days', '4', '2', '1', '1'])
  })
})
