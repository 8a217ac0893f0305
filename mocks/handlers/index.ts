import { http, HttpResponse } from 'msw'
import { MODEL_VERSION, type HealthResponse } from '../../src/domain'
import { sessionHandlers } from './session'
import { vendorHandlers } from './vendors'

export { MOCK_AS_OF, resetMockVendors } from './vendors'
export { MOCK_PASSWORD, setMockSession } from './session'

export const handlers = [
  http.get('/api/health', () =>
    HttpResponse.json({
      status: 'ok',
      version: 'mock',
      modelVersion: MODEL_VERSION,
    } satisfies HealthResponse),
  ),
  ...sessionHandlers,
  ...vendorHandlers,
]
