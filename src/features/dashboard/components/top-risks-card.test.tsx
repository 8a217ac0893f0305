import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { TopRisksResponse } from '../../../domain'
import { answerDashboard } from '../../../testing/dashboard-fixtures'
import { renderWithProviders } from '../../../testing/render'
import { TopRisksCard } from './top-risks-card'

const item = (
  i: number,
  over: Partial<TopRisksResponse['items'][number]> = {},
): TopRisksResponse['items'][number] => ({
  id: `ven-${i}`,
  name: `Vendor ${i}`,
  category: 'Payroll',
  score: 90 - i,
  tier: 'critical',
  exposure: 80,
  likelihood: 80,
  records: 1_200_000,
  dataLocation: 'our_environment',
  openIncidents: 0,
  topFactors: [
    {
      id: 'incident',
      group: 'likelihood',
      label: 'Claimed leak (high), open',
      points: 18.24,
      sentence: 'A claimed leak.',
    },
    {
      id: 'location',
      group: 'exposure',
      label: 'Data in their environment',
      points: 12,
      sentence: 'Outside.',
    },
  ],
  ...over,
})

const top: TopRisksResponse = {
  asOf: '2026-11-26',
  items: Array.from({ length: 10 }, (_, i) =>
    i === 0
      ? item(i, {
          name: '<img src=x onerror=alert(1)>',
          dataLocation: 'vendor_environment',
          openIncidents: 2,
        })
      : item(i, i < 3 ? { dataLocation: 'both' } : {}),
  ),
}

describe('TopRisksCard', () => {
  it('lists the ten riskiest vendors with their two largest factors, each linking to its profile', async () => {
    answerDashboard('top-risks', top)
    const { container } = renderWithProviders(<TopRisksCard />)
    expect(
      await screen.findByRole('heading', {
        name: '3 of the 10 riskiest vendors hold our data outside our perimeter; 1 has an open incident',
      }),
    ).toBeInTheDocument()
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(10)
    const first = rows[0]!
    expect(within(first).getByRole('link', { name: '<img src=x onerror=alert(1)>' })).toHaveAttribute(
      'href',
      '/vendors/ven-0',
    )
    expect(container.querySelector('img')).toBeNull()
    expect(within(first).getByText('Critical')).toBeInTheDocument()
    expect(within(first).getByText('90.0')).toBeInTheDocument()
    expect(
      within(first)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['+18.2 Claimed leak (high), open', '+12.0 Data in their environment'])
    expect(first).toHaveTextContent('1.2M records · 2 open incidents')
    // A table already: no chart to toggle.
    expect(screen.queryByRole('button', { name: 'Show table' })).not.toBeInTheDocument()
  })
})
