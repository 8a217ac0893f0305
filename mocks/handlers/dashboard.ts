/**
 * msw handlers for the dashboard API: the server's contract, computed in JS from the mock inventory with the
 * domain's in-memory aggregations (the server computes the same figures in SQL).
 */
import { http, HttpResponse } from 'msw'
import type { z } from 'zod'
import {
  computeScore,
  DashboardQuery,
  DEFAULT_TREND_PERIODS,
  exposureOf,
  FourthPartyQuery,
  fourthPartiesOf,
  IncidentTrendQuery,
  incidentTrendOf,
  reviewsOf,
  riskMapOf,
  scoreVendor,
  summarizeVendor,
  TIER_COMPARISON_DAYS,
  tierDistributionOf,
  TopRisksQuery,
  topRisksOf,
  TrendQuery,
  trendDays,
  trendOf,
  addDays,
  type ExposureResponse,
  type FourthPartyResponse,
  type IncidentTrendResponse,
  type PortfolioEntry,
  type Problem,
  type ReviewsByTierResponse,
  type RiskMapResponse,
  type ScoredAt,
  type TierDistributionResponse,
  type TopRisksResponse,
  type TrendResponse,
  type Vendor,
  type VendorHistory,
} from '../../src/domain'
import { MOCK_AS_OF, mockVendors } from './vendors'

/** The query parsed with the contract's schema, or the 400 problem the server would answer. */
function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> | Response {
  const url = new URL(request.url)
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams))
  if (parsed.success) return parsed.data
  const errors = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }))
  return HttpResponse.json(
    {
      type: 'about:blank',
      title: 'Invalid query parameter',
      status: 400,
      detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      instance: url.pathname,
      errors,
    } satisfies Problem,
    { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
  )
}

const portfolio = (asOf: string): PortfolioEntry[] =>
  mockVendors().map((vendor) => ({ vendor, summary: summarizeVendor(vendor, asOf) }))

/**
 * The mock keeps no snapshots: a vendor's history is its score recomputed on each of the given days. It keeps no
 * record of when a vendor was offboarded either: an offboarded vendor never counted.
 */
const rescoredOn =
  (days: readonly string[]) =>
  (vendor: Vendor): VendorHistory => ({
    scores:
      vendor.status === 'offboarded'
        ? []
        : days.map((asOf): ScoredAt => {
            const { score, tier } = computeScore(vendor, { asOf })
            return { asOf, score, tier }
          }),
  })

export const dashboardHandlers = [
  http.get('/api/dashboard/tiers', ({ request }) => {
    const query = parseQuery(request, DashboardQuery)
    if (query instanceof Response) return query
    const asOf = query.asOf ?? MOCK_AS_OF
    const days = TIER_COMPARISON_DAYS.map((d) => addDays(asOf, -d))
    return HttpResponse.json(
      tierDistributionOf(portfolio(asOf), asOf, rescoredOn(days)) satisfies TierDistributionResponse,
    )
  }),
  http.get('/api/dashboard/risk-map', ({ request }) => {
    const query = parseQuery(request, DashboardQuery)
    if (query instanceof Response) return query
    const asOf = query.asOf ?? MOCK_AS_OF
    return HttpResponse.json(riskMapOf(portfolio(asOf), asOf) satisfies RiskMapResponse)
  }),
  http.get('/api/dashboard/trend', ({ request }) => {
    const query = parseQuery(request, TrendQuery)
    if (query instanceof Response) return query
    const asOf = query.asOf ?? MOCK_AS_OF
    const periods = query.periods ?? DEFAULT_TREND_PERIODS[query.interval]
    const days = trendDays(asOf, query.interval, periods)
    return HttpResponse.json(
      trendOf(portfolio(asOf), asOf, query.interval, periods, rescoredOn(days)) satisfies TrendResponse,
    )
  }),
  http.get('/api/dashboard/top-risks', ({ request }) => {
    const query = parseQuery(request, TopRisksQuery)
    if (query instanceof Response) return query
    const asOf = query.asOf ?? MOCK_AS_OF
    return HttpResponse.json(
      topRisksOf(
        portfolio(asOf),
        asOf,
        query.limit,
        (vendor) => scoreVendor(vendor, { asOf }).factors,
      ) satisfies TopRisksResponse,
    )
  }),
  http.get('/api/dashboard/exposure', ({ request }) => {
    const query = parseQuery(request, DashboardQuery)
    if (query instanceof Response) return query
    const asOf = query.asOf ?? MOCK_AS_OF
    return HttpResponse.json(exposureOf(portfolio(asOf), asOf) satisfies ExposureResponse)
  }),
  http.get('/api/dashboard/incidents', ({ request }) => {
    const query = parseQuery(request, IncidentTrendQuery)
    if (query instanceof Response) return query
    const asOf = query.asOf ?? MOCK_AS_OF
    return HttpResponse.json(
      incidentTrendOf(portfolio(asOf), asOf, query.months) satisfies IncidentTrendResponse,
    )
  }),
  http.get('/api/dashboard/fourth-parties', ({ request }) => {
    const query = parseQuery(request, FourthPartyQuery)
    if (query instanceof Response) return query
    const asOf = query.asOf ?? MOCK_AS_OF
    return HttpResponse.json(
      fourthPartiesOf(portfolio(asOf), asOf, query.limit) satisfies FourthPartyResponse,
    )
  }),
  http.get('/api/dashboard/reviews', ({ request }) => {
    const query = parseQuery(request, DashboardQuery)
    if (query instanceof Response) return query
    const asOf = query.asOf ?? MOCK_AS_OF
    return HttpResponse.json(reviewsOf(portfolio(asOf), asOf) satisfies ReviewsByTierResponse)
  }),
]
