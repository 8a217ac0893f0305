import { QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { AppProvider } from '../app/provider'

/** Renders with a fresh query client that does not retry, so error states show at once. */
export function renderWithProviders(ui: ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } })
  return { client, ...render(<AppProvider client={client}>{ui}</AppProvider>) }
}
