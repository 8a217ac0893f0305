import { setupServer } from 'msw/node'
import { handlers } from './handlers'

/** The msw server for Vitest: the same handlers the offline demo's browser worker uses. */
export const mockServer = setupServer(...handlers)
