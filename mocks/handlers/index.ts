import { http, HttpResponse } from 'msw'
import { MODEL_VERSION, type HealthResponse } from '../../src/domain'
import { auditHandlers } from './audit'
import { dashboardHandlers } from './dashboard'
import { exportHandlers } from './exports'
import { importHandlers } from './imports'
import { reviewHandlers } from './reviews'
import { sessionHandlers } from './session'
import { vendorHandlers } from './vendors'

export { MOCK_AS_OF, resetMockVendors } from './vendors'
export { resetMockExports } from './exports'
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
  ...reviewHandlers,
  ...importHandlers,
  ...dashboardHandlers,
  ...exportHandlers,
  ...auditHandlers,
]
