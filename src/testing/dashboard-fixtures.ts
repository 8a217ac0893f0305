/** Test answers for the dashboard's endpoints: a body that satisfies the contract, or a problem. */
import { http, HttpResponse, type JsonBodyType } from 'msw'
import type { Problem } from '../domain'
import { mockServer } from '../../mocks/node'

export type DashboardEndpoint =
  'tiers' | 'risk-map' | 'trend' | 'top-risks' | 'exposure' | 'incidents' | 'fourth-parties' | 'reviews'

/** Answers `GET /api/dashboard/<endpoint>` with `body` for the rest of the test; returns the request count. */
export function answerDashboard(endpoint: DashboardEndpoint, body: JsonBodyType) {
  const calls = { count: 0 }
  mockServer.use(
    http.get(`/api/dashboard/${endpoint}`, () => {
      calls.count += 1
      return HttpResponse.json(body)
    }),
  )
  return calls
}

/** Answers `GET /api/dashboard/<endpoint>` with a problem (RFC 9457); returns the request count. */
export function failDashboard(
  endpoint: DashboardEndpoint,
  problem: Pick<Problem, 'title' | 'detail'>,
  status = 503,
) {
  const calls = { count: 0 }
  mockServer.use(
    http.get(`/api/dashboard/${endpoint}`, () => {
      calls.count += 1
      return HttpResponse.json({ type: 'about:blank', status, ...problem } satisfies Problem, {
        status,
        headers: { 'Content-Type': 'application/problem+json' },
      })
    }),
  )
  return calls
}
