import { setupWorker } from 'msw/browser'
import { handlers } from './handlers'

/** The offline demo's service worker: the same handlers as the component tests, in the browser. */
export const worker = setupWorker(...handlers)
