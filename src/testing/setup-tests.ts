import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, vi } from 'vitest'
import { resetMockExports, resetMockVendors, setMockSession } from '../../mocks/handlers'
import { mockServer } from '../../mocks/node'

// jsdom fetch needs absolute URLs; the SPA calls its own origin.
const origin = 'http://localhost:3000'
const nativeFetch = globalThis.fetch
globalThis.fetch = (input, init) =>
  nativeFetch(typeof input === 'string' && input.startsWith('/') ? `${origin}${input}` : input, init)

beforeAll(() => mockServer.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanup()
  mockServer.resetHandlers()
  resetMockVendors()
  resetMockExports()
  setMockSession('procurement')
})
afterAll(() => mockServer.close())

// An unexpected console.error is a failing test, not noise.
const consoleError = console.error
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleError(...args)
    throw new Error(`console.error was called: ${args.map(String).join(' ')}`)
  })
})
