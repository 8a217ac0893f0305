import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { setTheme } from '../lib/theme'
import { MOCK_PASSWORD, setMockSession } from '../../mocks/handlers'
import { QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { createMemoryRouter } from 'react-router'
import { App } from './app'
import { AppProvider } from './provider'
import { createRoutes } from './routes'

// Pages are lazy route modules. Load them once up front, so a test waits for its page to render rather than for
// the first import of a page's module graph (seconds on a busy machine).
beforeAll(async () => {
  const pages = createRoutes(new QueryClient()).flatMap((route) => route.children ?? [])
  await Promise.all(pages.map((page) => (typeof page.lazy === 'function' ? page.lazy() : undefined)))
}, 60_000)

function renderApp(path = '/') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const router = createMemoryRouter(createRoutes(client), { initialEntries: [path] })
  render(
    <AppProvider client={client}>
      <App router={router} />
    </AppProvider>,
  )
  return router
}

describe('App', () => {
  it('asks for sign-in when there is no session, and shows the inventory after it', async () => {
    setMockSession(null)
    const user = userEvent.setup()
    renderApp()
    await user.type(await screen.findByLabelText('Username'), 'auditor')
    await user.type(screen.getByLabelText('Password'), MOCK_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    // Found is the assertion: the page swaps its heading's element when its data arrives, so a reference held
    // across that render may already be detached.
    await screen.findByRole('heading', { level: 1, name: 'Vendors' })
    expect(within(screen.getByRole('banner')).getByText('· auditor')).toBeInTheDocument()
  })

  it("shows the server's message when the password is wrong, and stays on the sign-in page", async () => {
    setMockSession(null)
    const user = userEvent.setup()
    renderApp()
    await user.type(await screen.findByLabelText('Username'), 'ciso')
    await user.type(screen.getByLabelText('Password'), 'wrong-password-999')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password')
    expect(screen.queryByRole('heading', { name: 'Vendors' })).not.toBeInTheDocument()
  })

  it('opens on the vendor inventory and shows a 404 page for unknown paths, with a way back', async () => {
    const router = renderApp()
    await screen.findByRole('heading', { level: 1, name: 'Vendors' })
    expect(router.state.location.pathname).toBe('/vendors')
    await router.navigate('/no/such/page')
    // Router updates are transitions: the inventory's own render (its data arriving) may come first.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(screen.getByText('/no/such/page')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Go to the vendor inventory' })).toHaveAttribute(
      'href',
      '/vendors',
    )
  })

  it('signs out back to the sign-in page', async () => {
    const user = userEvent.setup()
    renderApp()
    await user.click(await screen.findByRole('button', { name: 'Sign out' }))
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument()
  })

  it.each([
    ['procurement', ['Vendors', 'Dashboard', 'Audit log', 'Reviews', 'Import']],
    ['admin', ['Vendors', 'Dashboard', 'Reports', 'Audit log', 'Reviews', 'Import']],
    ['ciso', ['Vendors', 'Dashboard', 'Reports', 'Audit log', 'Reviews']],
    ['auditor', ['Vendors', 'Dashboard', 'Reports', 'Audit log', 'Reviews']],
  ] as const)('offers %s the pages its role may use', async (role, pages) => {
    setMockSession(role)
    renderApp()
    const nav = await screen.findByRole('navigation', { name: 'Main' })
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(pages)
  })

  describe('theme', () => {
    afterEach(() => setTheme('system'))

    it('follows the system until the user pins a theme, and remembers the choice', async () => {
      const user = userEvent.setup()
      renderApp()
      const system = await screen.findByRole('radio', { name: 'System' })
      expect(system).toBeChecked()
      expect(document.documentElement).not.toHaveAttribute('data-theme')

      await user.click(screen.getByRole('radio', { name: 'Dark' }))
      expect(document.documentElement).toHaveAttribute('data-theme', 'dark')
      expect(localStorage.getItem('vendor-risk.theme')).toBe('dark')

      await user.click(screen.getByRole('radio', { name: 'System' }))
      expect(document.documentElement).not.toHaveAttribute('data-theme')
      expect(localStorage.getItem('vendor-risk.theme')).toBeNull()
    })

    it('offers the theme on the sign-in page too', async () => {
      setMockSession(null)
      const user = userEvent.setup()
      renderApp()
      await user.click(await screen.findByRole('radio', { name: 'Light' }))
      expect(document.documentElement).toHaveAttribute('data-theme', 'light')
    })
  })
})
