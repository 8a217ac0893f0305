import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { shapeFourthParties } from '../../../domain'
import { installChartLayout } from '../../../testing/chart-layout'
import { answerDashboard } from '../../../testing/dashboard-fixtures'
import { renderWithProviders } from '../../../testing/render'
import { FourthPartyCard } from './fourth-party-card'

installChartLayout()

const fourthParties = shapeFourthParties('2026-11-26', { subProcessors: 14, vendorsWithSubProcessors: 9 }, [
  {
    name: 'AWS',
    vendors: 3,
    records: 12_000_000,
    outsideRecords: 9_000_000,
    tiers: { critical: 1, high: 1, medium: 1, low: 0 },
  },
  {
    name: 'Twilio & Co',
    vendors: 2,
    records: 5_000,
    outsideRecords: 0,
    tiers: { critical: 0, high: 0, medium: 0, low: 2 },
  },
])

describe('FourthPartyCard', () => {
  it('names the most shared sub-processor and the records behind it', async () => {
    answerDashboard('fourth-parties', fourthParties)
    renderWithProviders(<FourthPartyCard />)
    expect(
      await screen.findByRole('heading', { name: '3 vendors share AWS, holding 12M records' }),
    ).toBeInTheDocument()
    expect(
      await screen.findByRole('img', {
        name: /^Bar chart of the sub-processors.*AWS 3 vendors, 12M records; Twilio & Co 2/,
      }),
    ).toBeInTheDocument()
    expect(screen.getByText(/14 sub-processors behind 9 vendors/)).toBeInTheDocument()
    // Each bar ends with the records behind it, even when its last tier has no vendors.
    expect(screen.getByText('12M rec.')).toBeInTheDocument()
    expect(screen.getByText('5K rec.')).toBeInTheDocument()
  })

  it('opens the vendors of one tier on a sub-processor from its bar segment', async () => {
    const user = userEvent.setup()
    answerDashboard('fourth-parties', fourthParties)
    const { router, container } = renderWithProviders(<FourthPartyCard />)
    await screen.findByRole('img', { name: /^Bar chart of the sub-processors/ })
    // The critical segments come first; AWS's is the first bar.
    const critical = container.querySelector('.bar-segment')!
    await user.click(critical)
    expect(router.state.location.search).toBe('?tier=critical&status=active%2Conboarding&fourthParty=AWS')
  })

  it('links every sub-processor in the table to the vendors that use it', async () => {
    const user = userEvent.setup()
    answerDashboard('fourth-parties', fourthParties)
    renderWithProviders(<FourthPartyCard />)
    await user.click(await screen.findByRole('button', { name: 'Show table' }))
    const table = screen.getByRole('table')
    expect(within(table).getByRole('link', { name: 'Twilio & Co' })).toHaveAttribute(
      'href',
      '/vendors?status=active%2Conboarding&fourthParty=Twilio+%26+Co',
    )
    expect(within(table).getByRole('row', { name: /^AWS/ })).toHaveTextContent('1 critical, 1 high, 1 medium')
  })
})
