import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { JsonBodyType } from 'msw'
import type { ComponentType } from 'react'
import { describe, expect, it } from 'vitest'
import { installChartLayout } from '../../../testing/chart-layout'
import { answerDashboard, failDashboard, type DashboardEndpoint } from '../../../testing/dashboard-fixtures'
import { renderWithProviders } from '../../../testing/render'
import { ExposureCard } from './exposure-card'
import { FourthPartyCard } from './fourth-party-card'
import { IncidentCard } from './incident-card'
import { ReviewsCard } from './reviews-card'
import { RiskMapCard } from './risk-map-card'
import { RiskTrendCard } from './risk-trend-card'
import { TierDistributionCard } from './tier-distribution-card'
import { TopRisksCard } from './top-risks-card'

installChartLayout()

const none = { critical: 0, high: 0, medium: 0, low: 0 }
const kinds = { breach: 0, ransomware: 0, claimed_leak: 0, outage: 0, vulnerability: 0 }

/** Each card, its endpoint, what it measures, an empty answer and what the card then says. */
const CARDS: [string, ComponentType, DashboardEndpoint, JsonBodyType, RegExp][] = [
  [
    'Vendors by tier',
    TierDistributionCard,
    'tiers',
    { asOf: '2026-11-26', vendors: 0, tiers: [], comparisons: [] },
    /appears once the portfolio has vendors/,
  ],
  [
    'Likelihood × impact: every vendor',
    RiskMapCard,
    'risk-map',
    {
      asOf: '2026-11-26',
      vendors: 0,
      points: { id: [], name: [], tier: [], score: [], exposure: [], likelihood: [], records: [] },
    },
    /appears once the portfolio has vendors/,
  ],
  [
    'Risk trend, weekly',
    RiskTrendCard,
    'trend',
    {
      asOf: '2026-11-26',
      interval: 'week',
      points: [{ asOf: '2026-11-26', vendors: 0, median: null, p90: null, tiers: none }],
    },
    /No score has been recorded yet/,
  ],
  ['Top 10 riskiest vendors', TopRisksCard, 'top-risks', { asOf: '2026-11-26', items: [] }, /appears once/],
  [
    'Exposure outside our perimeter',
    ExposureCard,
    'exposure',
    {
      asOf: '2026-11-26',
      vendors: 0,
      records: 0,
      outsidePerimeter: { vendors: 0, records: 0, vendorShare: 0, recordShare: 0 },
      byLocation: [],
      byDataClass: [],
    },
    /appears once the portfolio has vendors/,
  ],
  [
    'Incidents per month',
    IncidentCard,
    'incidents',
    {
      asOf: '2026-11-26',
      months: [{ month: '2026-11', total: 0, open: 0, byKind: kinds, bySeverity: none }],
      open: { total: 0, byKind: kinds, bySeverity: none },
    },
    /No incident in the last 12 months/,
  ],
  [
    'Shared sub-processors',
    FourthPartyCard,
    'fourth-parties',
    { asOf: '2026-11-26', subProcessors: 0, vendorsWithSubProcessors: 0, items: [] },
    /No vendor lists a sub-processor/,
  ],
  [
    'Overdue reviews by tier',
    ReviewsCard,
    'reviews',
    { asOf: '2026-11-26', vendors: 0, overdue: 0, byTier: [] },
    /appears once the portfolio has vendors/,
  ],
]

describe.each(CARDS)('the “%s” card', (measure, Card, endpoint, empty, emptyText) => {
  it('shows a skeleton named after what it loads, then the server’s problem with a retry that asks again', async () => {
    const user = userEvent.setup()
    const calls = failDashboard(endpoint, {
      title: 'Figures unavailable',
      detail: `The ${endpoint} query timed out.`,
    })
    renderWithProviders(<Card />)
    expect(screen.getByRole('status', { name: `Loading ${measure.toLowerCase()}` })).toBeInTheDocument()
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Figures unavailable')
    expect(alert).toHaveTextContent(`The ${endpoint} query timed out.`)
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(measure)
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(calls.count).toBe(2))
  })

  it('says what to do next when there is nothing to show, and offers no empty chart', async () => {
    answerDashboard(endpoint, empty)
    renderWithProviders(<Card />)
    expect(await screen.findByText(emptyText)).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(measure)
    expect(screen.queryByRole('img')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Show table' })).not.toBeInTheDocument()
  })
})
