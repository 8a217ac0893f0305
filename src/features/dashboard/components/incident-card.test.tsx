import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { shapeIncidents } from '../../../domain'
import { installChartLayout } from '../../../testing/chart-layout'
import { answerDashboard } from '../../../testing/dashboard-fixtures'
import { renderWithProviders } from '../../../testing/render'
import { IncidentCard } from './incident-card'

installChartLayout()

const incidents = shapeIncidents(
  '2026-11-26',
  ['2026-09', '2026-10', '2026-11'],
  [
    { month: '2026-10', kind: 'breach', severity: 'high', count: 2, open: 1 },
    { month: '2026-11', kind: 'outage', severity: 'low', count: 1, open: 0 },
  ],
  [
    { kind: 'breach', severity: 'high', count: 1 },
    { kind: 'claimed_leak', severity: 'critical', count: 1 },
  ],
)

describe('IncidentCard', () => {
  it('counts the incidents and the open ones in its title, and stacks months by kind', async () => {
    answerDashboard('incidents', incidents)
    renderWithProviders(<IncidentCard />)
    expect(
      await screen.findByRole('heading', {
        name: '3 incidents in 3 months; 2 still open, 2 of them high or critical',
      }),
    ).toBeInTheDocument()
    expect(
      await screen.findByRole('img', {
        name: 'Stacked bar chart of incidents per month by kind, Sep 2026 to Nov 2026: Sep 2026 0, Oct 2026 2 (1 open), Nov 2026 1.',
      }),
    ).toBeInTheDocument()
    expect(
      within(screen.getByRole('list', { name: 'Incident kinds' })).getAllByRole('listitem'),
    ).toHaveLength(6)
  })

  it('calls out the open incidents, however old, with a link to the vendors that have one', async () => {
    answerDashboard('incidents', incidents)
    renderWithProviders(<IncidentCard />)
    const link = await screen.findByRole('link', { name: 'See the vendors with an open incident' })
    expect(link.closest('p')).toHaveTextContent('2 open incidents (1 critical, 1 high), however old.')
    expect(link).toHaveAttribute('href', '/vendors?status=active%2Conboarding&openIncident=1')
  })

  it('switches the stacks to severity, in the chart, its key and its table', async () => {
    const user = userEvent.setup()
    answerDashboard('incidents', incidents)
    renderWithProviders(<IncidentCard />)
    await user.click(await screen.findByRole('button', { name: 'By severity' }))
    expect(screen.getByRole('button', { name: 'By severity' })).toHaveAttribute('aria-pressed', 'true')
    expect(await screen.findByRole('img', { name: /by severity/ })).toBeInTheDocument()
    expect(screen.getByRole('list', { name: 'Incident severities' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Show table' }))
    expect(
      within(screen.getByRole('table'))
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Month', 'Critical', 'High', 'Medium', 'Low', 'Total', 'Still open'])
  })
})
