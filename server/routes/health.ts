import { Hono } from 'hono'
import { MODEL_VERSION, type HealthResponse } from '../../src/domain'
import { APP_VERSION } from '../version'

export const healthRoutes = new Hono().get('/', (c) =>
  c.json({ status: 'ok', version: APP_VERSION, modelVersion: MODEL_VERSION } satisfies HealthResponse),
)
