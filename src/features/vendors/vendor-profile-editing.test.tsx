import { screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { http } from 'msw'
import { Route, Routes } from 'react-router'
import { describe, expect, it } from 'vitest'
import { MOCK_AS_OF, setMockSession } from '../../../mocks/handlers'
import { MOCK_CSRF_TOKEN } from '../../../mocks/handlers/session'
import { editMockVendorConcurrently, mockVendor } from '../../../mocks/handlers/vendors'
import { mockServer } from '../../../mocks/node'
import { scoreVendor } from '../../domain'
import { renderWithProviders } from '../../testing/render'
import { VendorProfilePage } from './vendor-profile-page'

const ID = 'ven-000001'

const renderProfile = (id = ID) =>
  renderWithProviders(
    <Routes>
      <Route path="/vendors/:id" element={<VendorProfilePage />} />
    </Routes>,
    { route: `/vendors/${id}` },
  )

/** Every write the page sends to the vendor API (what-if previews are reads and left out), in order. */
function recordWrites() {
  const writes: { method: string; path: string; ifMatch: string | null; body: unknown }[] = []
  mockServer.use(
    http.all('/api/vendors/*', async ({ request }) => {
      const path = new URL(request.url).pathname
      if (request.method === 'GET' || path.endsWith('/score-preview')) return
      const text = await request.clone().text()
      writes.push({
        method: request.method,
        path,
        ifMatch: request.headers.get('If-Match'),
        body: text === '' ? undefined : JSON.parse(text),
      })
      // Returning nothing lets the request go on to the mocked API.
    }),
  )
  return writes
}

/** The score the page should show for the vendor as the mock API now stores it. */
const storedScore = (id = ID) => scoreVendor(mockVendor(id)!, { asOf: MOCK_AS_OF }).score.toFixed(1)

async function openEditor(user: UserEvent) {
  renderProfile()
  await user.click(await screen.findByRole('button', { name: 'Edit vendor' }))
  return screen.getByRole('form', { name: 'Edit vendor' })
}

async function retype(user: UserEvent, input: HTMLElement, text: string) {
  await user.clear(input)
  if (text !== '') await user.type(input, text)
}

describe('editing a vendor on its profile', () => {
  it('refuses invalid values in the browser with the same message the server gives, and sends nothing', async () => {
    const user = userEvent.setup()
    const writes = recordWrites()
    const form = await openEditor(user)
    expect(within(form).getByLabelText('Name')).toHaveFocus()

    await retype(user, within(form).getByLabelText('Name'), '   ')
    await retype(user, within(form).getByLabelText('Website'), 'ftp://files.example')
    await retype(user, within(form).getByLabelText('Records held'), '-5')
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))

    expect(await within(form).findByText('Name is required')).toBeInTheDocument()
    expect(within(form).getByLabelText('Website')).toHaveAccessibleDescription(
      'Website must be an http(s) URL',
    )
    expect(within(form).getByLabelText('Records held')).toHaveAccessibleDescription(
      'Records cannot be negative',
    )
    expect(within(form).getByLabelText('Website')).toHaveAttribute('aria-invalid', 'true')
    expect(writes).toEqual([])

    // The same values sent straight to the API are refused with the very same words.
    const response = await fetch(`/api/vendors/${ID}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"1"', 'X-CSRF-Token': MOCK_CSRF_TOKEN },
      body: JSON.stringify({ name: '   ', website: 'ftp://files.example', access: { records: -5 } }),
    })
    expect(response.status).toBe(422)
    const { errors } = (await response.json()) as { errors: { path: string; message: string }[] }
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'Name is required' },
        { path: 'website', message: 'Website must be an http(s) URL' },
        { path: 'access.records', message: 'Records cannot be negative' },
      ]),
    )
  })

  it('saves only the changed fields with the version it was opened with, and the page shows the new score', async () => {
    const user = userEvent.setup()
    const writes = recordWrites()
    const form = await openEditor(user)
    expect(screen.getByRole('heading', { name: 'Why it scores 66.2' })).toBeInTheDocument()

    await user.selectOptions(within(form).getByLabelText('Network access'), 'privileged')
    await user.click(within(form).getByRole('checkbox', { name: 'health' }))
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))

    expect(await screen.findByRole('status')).toHaveTextContent('Changes saved.')
    expect(screen.queryByRole('form', { name: 'Edit vendor' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Edit vendor' })).toHaveFocus()
    expect(writes).toEqual([
      {
        method: 'PATCH',
        path: `/api/vendors/${ID}`,
        ifMatch: '"1"',
        body: { access: { dataClasses: ['internal', 'pii', 'health'], networkAccess: 'privileged' } },
      },
    ])
    const now = storedScore()
    expect(now).not.toBe('66.2')
    expect(screen.getByRole('heading', { name: `Why it scores ${now}` })).toBeInTheDocument()
    expect(within(screen.getByRole('region', { name: 'Access scope' })).getByText(/Privileged/)).toBeVisible()

    // The next edit starts from the version the save answered with.
    await user.click(screen.getByRole('button', { name: 'Edit vendor' }))
    const again = screen.getByRole('form', { name: 'Edit vendor' })
    await retype(user, within(again).getByLabelText('Owner'), 'Vendor Management Office')
    await user.click(within(again).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(writes).toHaveLength(2))
    expect(writes[1]).toMatchObject({ ifMatch: '"2"', body: { owner: 'Vendor Management Office' } })
    expect(await screen.findByText(/owned by Vendor Management Office/)).toBeInTheDocument()
  })

  it('adds and removes sub-processors as a list, and clears an optional field by emptying it', async () => {
    const user = userEvent.setup()
    const writes = recordWrites()
    const form = await openEditor(user)

    await user.click(within(form).getByRole('button', { name: 'Remove Twilio' }))
    await user.type(within(form).getByLabelText('Add a sub-processor'), 'Salesforce{Enter}')
    await retype(user, within(form).getByLabelText('Contract ends'), '')
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))

    await screen.findByText('Changes saved.')
    expect(writes[0]?.body).toEqual({
      contractEnd: null,
      access: { fourthParties: ['Amazon Web Services', 'Snowflake', 'Salesforce'] },
    })
    expect(mockVendor(ID)).not.toHaveProperty('contractEnd')
    expect(screen.getByRole('region', { name: /Fourth parties \(3\)/ })).toHaveTextContent('Salesforce')
  })

  it('shows the server’s refusal of a field against that field', async () => {
    const user = userEvent.setup()
    const form = await openEditor(user)

    // The browser cannot know the server's today; the server refuses an assessment dated after it.
    await retype(user, within(form).getByLabelText('Last assessed'), '2026-12-01')
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))

    const field = within(form).getByLabelText('Last assessed')
    await waitFor(() => expect(field).toHaveAccessibleDescription(`Cannot be after today (${MOCK_AS_OF})`))
    expect(field).toHaveFocus()
    expect(mockVendor(ID)?.controls.lastAssessedAt).toBe('2025-03-26')
  })

  it('does not treat an incident resolved on this page while the form is open as a conflict', async () => {
    const user = userEvent.setup()
    const writes = recordWrites()
    const form = await openEditor(user)
    await retype(user, within(form).getByLabelText('Owner'), 'Procurement Ops')

    const incidents = screen.getByRole('region', { name: 'Incidents, newest first' })
    await user.click(within(incidents).getByRole('button', { name: /^Mark resolved/ }))
    await waitFor(() =>
      expect(within(incidents).queryByRole('button', { name: /^Mark resolved/ })).not.toBeInTheDocument(),
    )
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))

    expect(await screen.findByText('Changes saved.')).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: /Someone changed this vendor/ })).not.toBeInTheDocument()
    expect(writes.map((w) => [w.method, w.ifMatch])).toEqual([
      ['PATCH', null],
      ['PATCH', '"2"'],
    ])
    expect(mockVendor(ID)?.owner).toBe('Procurement Ops')
    expect(mockVendor(ID)?.incidents.find((i) => i.id === 'inc-000002')?.status).toBe('resolved')
  })

  it('cancels with Escape, sending nothing and returning to the Edit button', async () => {
    const user = userEvent.setup()
    const writes = recordWrites()
    const form = await openEditor(user)
    await retype(user, within(form).getByLabelText('Name'), 'Renamed')
    await user.keyboard('{Escape}')

    expect(screen.queryByRole('form', { name: 'Edit vendor' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Edit vendor' })).toHaveFocus()
    expect(writes).toEqual([])
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Nusantara Customer Data Services')
  })
})

describe('when someone else saved the vendor first', () => {
  it('shows what each side changed and, on request, reapplies mine on top of theirs so both are kept', async () => {
    const user = userEvent.setup()
    const writes = recordWrites()
    const form = await openEditor(user)
    await retype(user, within(form).getByLabelText('Owner'), 'Procurement Ops')

    editMockVendorConcurrently(ID, { category: 'Telecom CRM', access: { networkAccess: 'remote' } })
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))

    const conflict = await screen.findByRole('region', {
      name: 'Someone changed this vendor since you opened it',
    })
    expect(within(conflict).getByRole('heading', { level: 3 })).toHaveFocus()
    const theirs = within(conflict).getByRole('region', { name: 'Their changes' })
    expect(theirs).toHaveTextContent('Category Telecom customer data processing → Telecom CRM')
    expect(theirs).toHaveTextContent('Network access API → Remote (VPN / remote desktop)')
    const mine = within(conflict).getByRole('region', { name: 'Your changes' })
    expect(mine).toHaveTextContent('Owner Aisha Rahman (Consumer Mobile) → Procurement Ops')
    expect(within(mine).getAllByRole('listitem')).toHaveLength(1)
    // Nothing of mine is lost while I decide.
    expect(within(form).getByLabelText('Owner')).toHaveValue('Procurement Ops')
    expect(mockVendor(ID)?.owner).toBe('Aisha Rahman (Consumer Mobile)')

    await user.click(within(conflict).getByRole('button', { name: 'Reapply my changes on top of theirs' }))

    expect(await screen.findByText('Changes saved.')).toBeInTheDocument()
    expect(writes.map((w) => [w.ifMatch, w.body])).toEqual([
      ['"1"', { owner: 'Procurement Ops' }],
      ['"2"', { owner: 'Procurement Ops' }],
    ])
    expect(mockVendor(ID)).toMatchObject({
      owner: 'Procurement Ops',
      category: 'Telecom CRM',
      access: { networkAccess: 'remote' },
    })
    expect(screen.getByText(/Telecom CRM · owned by Procurement Ops/)).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: `Why it scores ${storedScore()}` })).toBeInTheDocument()
  })

  it('warns when we both changed a field, and on discard shows the vendor as it is now, ready to edit again', async () => {
    const user = userEvent.setup()
    const writes = recordWrites()
    const form = await openEditor(user)
    await retype(user, within(form).getByLabelText('Owner'), 'Procurement Ops')

    editMockVendorConcurrently(ID, { owner: 'Someone Else', category: 'Telecom CRM' })
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))

    const conflict = await screen.findByRole('region', {
      name: 'Someone changed this vendor since you opened it',
    })
    expect(conflict).toHaveTextContent(
      'You both changed Owner. Reapplying keeps your value; discarding keeps theirs.',
    )
    expect(within(form).getByRole('button', { name: 'Save changes' })).toBeDisabled()

    await user.click(within(conflict).getByRole('button', { name: 'Discard my changes' }))

    expect(screen.queryByRole('region', { name: /Someone changed this vendor/ })).not.toBeInTheDocument()
    expect(within(form).getByLabelText('Owner')).toHaveValue('Someone Else')
    expect(within(form).getByLabelText('Category')).toHaveValue('Telecom CRM')
    expect(within(form).getByRole('status')).toHaveTextContent('Your changes were discarded')
    expect(mockVendor(ID)?.owner).toBe('Someone Else')

    await retype(user, within(form).getByLabelText('Name'), 'Nusantara CDS')
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument()
    expect(writes.at(-1)).toMatchObject({ ifMatch: '"2"', body: { name: 'Nusantara CDS' } })
    expect(mockVendor(ID)).toMatchObject({
      name: 'Nusantara CDS',
      owner: 'Someone Else',
      category: 'Telecom CRM',
    })
  })
})

describe('incidents on the profile', () => {
  it('records a new incident with the shared rules, and the score rises with it', async () => {
    const user = userEvent.setup()
    renderProfile()
    const section = await screen.findByRole('region', { name: 'Incidents, newest first' })
    expect(screen.getByRole('heading', { name: 'Why it scores 66.2' })).toBeInTheDocument()

    await user.click(within(section).getByRole('button', { name: 'Add incident' }))
    const form = within(section).getByRole('form', { name: 'Add an incident' })
    expect(within(form).getByLabelText('Kind')).toHaveFocus()
    expect(within(form).getByLabelText('Occurred on')).toHaveValue(MOCK_AS_OF)
    await user.click(within(form).getByRole('button', { name: 'Add incident' }))
    expect(await within(form).findByText('Summary is required')).toBeInTheDocument()

    await user.selectOptions(within(form).getByLabelText('Kind'), 'ransomware')
    await user.selectOptions(within(form).getByLabelText('Severity'), 'critical')
    await retype(user, within(form).getByLabelText('Records exposed'), '250000')
    await user.type(within(form).getByLabelText('Told us after (days)'), '3')
    await user.type(within(form).getByLabelText('Summary'), 'Ransomware encrypted the vendor’s CRM cluster.')
    await user.click(within(form).getByRole('button', { name: 'Add incident' }))

    await waitFor(() => expect(within(section).queryByRole('form')).not.toBeInTheDocument())
    const newest = within(section).getAllByRole('listitem')[0]!
    expect(newest).toHaveTextContent('Ransomware')
    expect(newest).toHaveTextContent('250K records exposed · told us after 3 days')
    expect(mockVendor(ID)?.incidents).toHaveLength(3)
    const now = storedScore()
    expect(Number(now)).toBeGreaterThan(66.2)
    expect(screen.getByRole('heading', { name: `Why it scores ${now}` })).toBeInTheDocument()
    expect(within(section).getByRole('button', { name: 'Add incident' })).toHaveFocus()
  })

  it('marks an open incident resolved in one click, and the score falls', async () => {
    const user = userEvent.setup()
    const writes = recordWrites()
    renderProfile()
    const section = await screen.findByRole('region', { name: 'Incidents, newest first' })
    const leak = within(section).getAllByRole('listitem')[0]!
    expect(leak).toHaveTextContent('Open')
    // Only the open incident offers it; the resolved outage does not.
    expect(within(section).getAllByRole('button', { name: /^Mark resolved/ })).toHaveLength(1)

    await user.click(within(leak).getByRole('button', { name: /^Mark resolved: Claimed leak/ }))

    await waitFor(() => expect(leak).toHaveTextContent('Resolved'))
    expect(leak).toHaveTextContent(/resolved \w+ \d+, 2026|resolved \d+ \w+ 2026/)
    expect(leak).not.toHaveClass('open')
    expect(within(leak).queryByRole('button', { name: /Mark resolved/ })).not.toBeInTheDocument()
    expect(within(leak).getByRole('button', { name: /^Edit Claimed leak/ })).toHaveFocus()
    expect(writes).toEqual([
      {
        method: 'PATCH',
        path: `/api/vendors/${ID}/incidents/inc-000002`,
        ifMatch: null,
        body: { status: 'resolved', resolvedAt: MOCK_AS_OF },
      },
    ])
    const now = storedScore()
    expect(Number(now)).toBeLessThan(66.2)
    expect(screen.getByRole('heading', { name: `Why it scores ${now}` })).toBeInTheDocument()
  })

  it('edits an incident sending only what changed, and deletes one only after a confirmation', async () => {
    const user = userEvent.setup()
    const writes = recordWrites()
    renderProfile()
    const section = await screen.findByRole('region', { name: 'Incidents, newest first' })
    const outage = within(section).getAllByRole('listitem')[1]!

    await user.click(within(outage).getByRole('button', { name: /^Edit Outage/ }))
    const form = within(outage).getByRole('form', { name: 'Edit incident' })
    await user.selectOptions(within(form).getByLabelText('Severity'), 'high')
    await user.click(within(form).getByRole('button', { name: 'Save incident' }))
    await waitFor(() => expect(within(outage).queryByRole('form')).not.toBeInTheDocument())
    expect(writes[0]).toMatchObject({ method: 'PATCH', body: { severity: 'high' } })
    expect(outage).toHaveTextContent('High')

    await user.click(within(outage).getByRole('button', { name: /^Edit Outage/ }))
    await user.click(within(outage).getByRole('button', { name: 'Delete incident…' }))
    expect(mockVendor(ID)?.incidents).toHaveLength(2)
    await user.click(within(outage).getByRole('button', { name: 'Yes, delete it' }))

    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(1))
    expect(writes[1]).toMatchObject({ method: 'DELETE', path: `/api/vendors/${ID}/incidents/inc-000001` })
    expect(within(section).queryByText('Outage')).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { name: `Why it scores ${storedScore()}` })).toBeInTheDocument()
  })
})

describe('the resolution date of an incident', () => {
  it('is asked for only once the incident is resolved, and dropped when it is reopened', async () => {
    const user = userEvent.setup()
    const writes = recordWrites()
    renderProfile()
    const section = await screen.findByRole('region', { name: 'Incidents, newest first' })
    const leak = within(section).getAllByRole('listitem')[0]!

    await user.click(within(leak).getByRole('button', { name: /^Edit Claimed leak/ }))
    let form = within(leak).getByRole('form', { name: 'Edit incident' })
    expect(within(form).queryByLabelText('Resolved on')).not.toBeInTheDocument()
    await user.selectOptions(within(form).getByLabelText('Status'), 'resolved')
    await user.type(within(form).getByLabelText('Resolved on'), '2026-11-20')
    await user.click(within(form).getByRole('button', { name: 'Save incident' }))
    await waitFor(() => expect(within(leak).queryByRole('form')).not.toBeInTheDocument())
    expect(writes[0]).toMatchObject({ body: { status: 'resolved', resolvedAt: '2026-11-20' } })
    expect(leak).toHaveTextContent(/resolved (Nov 20, 2026|20 Nov 2026)/)

    await user.click(within(leak).getByRole('button', { name: /^Edit Claimed leak/ }))
    form = within(leak).getByRole('form', { name: 'Edit incident' })
    await user.selectOptions(within(form).getByLabelText('Status'), 'open')
    await user.click(within(form).getByRole('button', { name: 'Save incident' }))
    await waitFor(() => expect(within(leak).queryByRole('form')).not.toBeInTheDocument())
    expect(writes[1]).toMatchObject({ body: { status: 'open', resolvedAt: null } })
    expect(mockVendor(ID)?.incidents.find((i) => i.status === 'open')).not.toHaveProperty('resolvedAt')
  })
})

describe.each(['ciso', 'auditor'] as const)('a %s on the profile', (role) => {
  it('is offered no edit controls and is told who can edit', async () => {
    setMockSession(role)
    renderProfile()
    expect(
      await screen.findByText(`Procurement or an admin edits vendors; your role (${role}) reads them.`),
    ).toBeInTheDocument()
    expect(
      screen.getByText(`Procurement or an admin records incidents; your role (${role}) reads them.`),
    ).toBeInTheDocument()
    const incidents = screen.getByRole('region', { name: 'Incidents, newest first' })
    expect(within(incidents).getAllByRole('listitem')).toHaveLength(2)
    expect(screen.queryByRole('button', { name: 'Edit vendor' })).not.toBeInTheDocument()
    expect(within(incidents).queryByRole('button')).not.toBeInTheDocument()
  })
})
