import { Hono } from 'hono'
import { z } from 'zod'
import { ScoringWeights } from '../../src/domain'
import { requirePermission } from '../auth/session'
import type { AppEnv } from '../http/app-env'
import { HttpProblem } from '../http/problem'
import { readJson } from '../http/validate'
import type { VendorService } from '../services/vendor-service'

const ModelInput = z.object({ weights: ScoringWeights, revision: z.number().int().min(0) }).strict()

export function scoringRoutes(vendors: VendorService) {
  return new Hono<AppEnv>()
    .get('/model', requirePermission('vendors:read'), (c) => c.json(vendors.model()))
    .put('/model', requirePermission('model:write'), async (c) => {
      const input = await readJson(c, ModelInput)
      const current = vendors.model().revision
      if (input.revision !== current) {
        throw new HttpProblem(
          412,
          'Scoring model changed meanwhile',
          `You edited revision ${input.revision}; the current revision is ${current}. Reload and reapply your change.`,
        )
      }
      return c.json(
        await vendors.putModel(input.weights, input.revision, { username: c.get('user')!.username }),
      )
    })
}
