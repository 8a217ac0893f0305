import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { TrendResponse } from '../../../domain'
import { installChartLayout } from '../../../testing/chart-layout'
import { answerDashboard } from '../../../testing/dashboard-fixtures'
import { renderWithProviders } from '../../../testing/render'
import { RiskTrendCard } from './risk-trend-card'

installChartLayout()

const week = (asOf: string, median: number | null, tiers = { critical: 1, high: 2, medium: 3, low: 4 }) => ({
  asOf,
  vendors: median === null ? 0 : 10,
  median,
  p90: median === null ? null : median + 25,
  tiers: median === null ? { critical: 0, high: 0, medium: 0, low: 0 } : tiers,
})

const trend: TrendResponse = {
  asOf: '2026-11-26',
  interval: 'week',
  points: [
    week('2026-11-05', null),
    week('2026-11-12', 31.2),
    week('2026-11-19', 33),
    week('2026-11-26', 34.5, { critical: 2, high: 2, medium: 3, low: 3 }),
  ],
}

describe('RiskTrendCard', () => {
  it('says where the median went and draws both the scores and the tiers over time', async () => {
    answerDashboard('trend', trend)
    renderWithProviders(<RiskTrendCard />)
    expect(
      await screen.findByRole('heading', {
        name: 'Median risk score rose from 31.2 to 34.5 over 2 weeks; 90th percentile 59.5',
      }),
    ).toBeInTheDocument()
    const chart = await screen.findByRole('img', {
      name: /^Line chart of the median and 90th-percentile score from 2026-11-12 to 2026-11-26: median 31.2 to 34.5.*now 2 critical, 2 high, 3 medium, 3 low/,
    })
    // Scores and tiers on one time axis: two lines above, the four tiers stacked below.
    expect(chart.querySelectorAll('svg')).toHaveLength(2)
    expect(chart.querySelectorAll('.trend-line')).toHaveLength(2)
    expect(chart.querySelectorAll('.trend-area')).toHaveLength(4)
    expect(screen.getByRole('link', { name: 'Critical: 2 vendors now' })).toHaveAttribute(
      'href',
      '/vendors?tier=critical&status=active%2Conboarding',
    )
  })

  it('tabulates every week, newest first, with a dash where nothing was scored', async () => {
    const user = userEvent.setup()
    answerDashboard('trend', trend)
    renderWithProviders(<RiskTrendCard />)
    await user.click(await screen.findByRole('button', { name: 'Show table' }))
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1)
    expect(rows.map((r) => r.textContent)).toEqual([
      '2026-11-261034.559.52233',
      '2026-11-191033.058.01234',
      '2026-11-121031.256.21234',
      '2026-11-050––0000',
    ])
  })
})
