import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { createVendor } from '../../../mocks/data'
import { MOCK_AS_OF, resetMockVendors } from '../../../mocks/handlers'
import { addDays } from '../../domain'
import { renderWithProviders } from '../../testing/render'
import { ReviewsPage } from './reviews-page'

/** A low-risk vendor (no data, no incidents) last assessed `daysAgo` days before the mock's today. */
function assessed(name: string, daysAgo: number | null, overrides: Parameters<typeof createVendor>[0] = {}) {
  const vendor = createVendor({
    name,
    owner: 'Aisha',
    access: { dataClasses: [], records: 0, networkAccess: 'none', criticality: 'low' },
    controls: { lastAssessedAt: addDays(MOCK_AS_OF, -(daysAgo ?? 0)) },
    ...overrides,
  })
  if (daysAgo === null) delete vendor.controls.lastAssessedAt
  return vendor
}

function tableRows() {
  return within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [within(row).getByRole('rowheader').textContent, row.lastElementChild?.textContent])
}

describe('ReviewsPage', () => {
  it('lists overdue reviews first, never-assessed vendors at the top, and links each to its profile', async () => {
    resetMockVendors([
      assessed('Fresh', 10),
      assessed('Long overdue', 800),
      assessed('Never looked at', null),
      assessed('Just overdue', 740),
    ])
    renderWithProviders(<ReviewsPage />, { route: '/reviews' })
    expect(await screen.findByText(/reviews are overdue/)).toHaveTextContent('3 reviews are overdue')
    expect(tableRows()).toEqual([
      ['Never looked at', 'never assessed'],
      ['Long overdue', '70 days overdue'],
      ['Just overdue', '10 days overdue'],
    ])
    expect(screen.getByRole('link', { name: 'Long overdue' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/vendors\/ven-/),
    )
  })

  it('looks ahead 30 and 90 days, keeping the choice in the URL', async () => {
    resetMockVendors([assessed('Due in 5', 725), assessed('Due in 60', 670), assessed('Due in a year', 365)])
    const user = userEvent.setup()
    const { router } = renderWithProviders(<ReviewsPage />, { route: '/reviews' })
    expect(await screen.findByText('No review is overdue.', { exact: false })).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: /Due in 30 days/ }))
    expect(tableRows()).toEqual([['Due in 5', 'due in 5 days']])
    expect(router.state.location.search).toBe('?due=30')

    await user.click(screen.getByRole('button', { name: /Due in 90 days/ }))
    expect(tableRows().map(([name]) => name)).toEqual(['Due in 5', 'Due in 60'])
  })

  it("narrows the list to one owner's vendors", async () => {
    resetMockVendors([assessed('Mine', null), assessed('Theirs', null, { owner: 'Budi' })])
    const user = userEvent.setup()
    renderWithProviders(<ReviewsPage />, { route: '/reviews' })
    await screen.findByRole('table')
    await user.selectOptions(screen.getByLabelText('Owner'), 'Budi')
    expect(tableRows().map(([name]) => name)).toEqual(['Theirs'])
    expect(screen.getByText(/reviews? (is|are) overdue/)).toHaveTextContent('for vendors owned by Budi')
  })
})
