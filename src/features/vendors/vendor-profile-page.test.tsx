import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setMockSession } from '../../../mocks/handlers'
import { renderWithProviders } from '../../testing/render'
import { VendorProfilePage } from './vendor-profile-page'
import { Route, Routes } from 'react-router'

const renderProfile = (id: string) =>
  renderWithProviders(
    <Routes>
      <Route path="/vendors/:id" element={<VendorProfilePage />} />
    </Routes>,
    { route: `/vendors/${id}` },
  )

describe('VendorProfilePage', () => {
  it('shows the Maxis-pattern vendor: score, perimeter warning, why it scores so, access, controls and incidents', async () => {
    renderProfile('ven-000001')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Nusantara Customer Data Services' }),
    ).toBeInTheDocument()
    expect(screen.getByText(/outside our network and our monitoring/)).toBeInTheDocument()
    const why = screen.getByRole('region', { name: /Why it scores/ })
    expect(
      within(why).getByText(/Holds 12.4M PII and internal records in its own environment/),
    ).toBeInTheDocument()
    const access = screen.getByRole('region', { name: 'Access scope' })
    expect(within(access).getByText('12,400,000')).toBeInTheDocument()
    expect(within(access).getByText('Vendor environment (outside our perimeter)')).toBeInTheDocument()
    const incidents = screen.getByRole('region', { name: 'Incidents, newest first' })
    const items = within(incidents).getAllByRole('listitem')
    expect(items[0]).toHaveClass('open')
    expect(within(items[0]!).getByText('Claimed leak')).toBeInTheDocument()
    expect(within(items[0]!).getByText(/counts 100 % today/)).toBeInTheDocument()
    expect(within(items[1]!).getByText(/counts \d+ % today/)).toBeInTheDocument()
    expect(screen.getByRole('region', { name: /Fourth parties \(3\)/ })).toHaveTextContent('Snowflake')
  })

  it('previews changes without saving them and suggests the three that would lower the score most', async () => {
    const user = userEvent.setup()
    renderProfile('ven-000001')
    const whatIf = await screen.findByRole('region', { name: 'What would change it' })
    const suggestions = await within(whatIf).findAllByRole('listitem')
    expect(suggestions).toHaveLength(3)
    const deltas = suggestions.map((li) =>
      Number(li.querySelector('strong')!.textContent!.replace('\u2212', '-')),
    )
    expect(deltas.every((d) => d < 0)).toBe(true)
    expect(deltas).toEqual([...deltas].sort((a, b) => a - b))

    await user.click(within(whatIf).getByRole('checkbox', { name: 'Move their data into our environment' }))
    expect(await within(whatIf).findByText(/Score/)).toHaveTextContent(/Score 66\.2 → \d+\.\d/)
    expect(within(whatIf).getByText('Data location').parentElement).toHaveTextContent(/\(\u2212\d+\.\d\)/)
    // The profile itself still shows the saved score.
    expect(screen.getByRole('heading', { name: 'Why it scores 66.2' })).toBeInTheDocument()
  })

  it('records a completed review as the signed-in user and shows when the next one falls due', async () => {
    const user = userEvent.setup()
    renderProfile('ven-000001')
    const review = await screen.findByRole('form', { name: 'Record a completed review' })
    expect(within(review).getByLabelText('Review completed on')).toHaveValue('2026-11-26')
    await user.type(
      within(review).getByLabelText('Notes'),
      'Annual questionnaire and pen-test report reviewed.',
    )
    await user.click(within(review).getByRole('button', { name: 'Record review' }))
    const status = await within(review).findByRole('status')
    expect(status).toHaveTextContent('Review recorded by procurement.')
    expect(status).toHaveTextContent(/Next review due .*2027.*\(every (90|180) days for this tier\)/)
    const controls = screen.getByRole('region', { name: 'Controls' })
    expect(within(controls).queryByText(/overdue/)).not.toBeInTheDocument()
  })

  it('tells roles that cannot record reviews who can, instead of offering the form', async () => {
    setMockSession('auditor')
    renderProfile('ven-000001')
    expect(
      await screen.findByText(/Procurement or an admin records reviews; your role \(auditor\) reads them/),
    ).toBeInTheDocument()
    expect(screen.queryByRole('form', { name: 'Record a completed review' })).not.toBeInTheDocument()
  })

  it('says so when the vendor does not exist, with a way back', async () => {
    renderProfile('ven-nope')
    expect(await screen.findByRole('heading', { level: 1, name: 'Vendor not found' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '← Vendors' })).toHaveAttribute('href', '/vendors')
  })
})
