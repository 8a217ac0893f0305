import { QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { AppProvider } from '../app/provider'

/**
 * Renders `ui` at `route` inside a memory router, with a fresh query client that does not retry, so error
 * states show at once. Returns the router so tests can read the URL the page wrote.
 */
export function renderWithProviders(ui: ReactElement, { route = '/' }: { route?: string } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } })
  const router = createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [route] })
  return {
    client,
    router,
    ...render(
      <AppProvider client={client}>
        <RouterProvider router={router} />
      </AppProvider>,
    ),
  }
}
