/**
 * msw handlers for the dashboard API: the server's contract, computed in JS from the mock inventory with the
 * domain's in-memory aggregations (the server computes the same figures in SQL).
 */
import { http, HttpResponse, type JsonBodyType } from 'msw'
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

/** GET /api/dashboard/<path>: the query checked as the server checks it, then the answer for its day. */
function dashboardGet<S extends z.ZodType<{ asOf?: string | undefined }>>(
  path: string,
  schema: S,
  answer: (query: z.output<S>, asOf: string) => JsonBodyType,
) {
  return http.get(`/api/dashboard/${path}`, ({ request }) => {
    const query = parseQuery(request, schema)
    if (query instanceof Response) return query
    return HttpResponse.json(answer(query, query.asOf ?? MOCK_AS_OF))
  })
}

export const dashboardHandlers = [
  dashboardGet('tiers', DashboardQuery, (_query, asOf) => {
    const days = TIER_COMPARISON_DAYS.map((d) => addDays(asOf, -d))
    return tierDistributionOf(portfolio(asOf), asOf, rescoredOn(days)) satisfies TierDistributionResponse
  }),
  dashboardGet(
    'risk-map',
    DashboardQuery,
    (_query, asOf) => riskMapOf(portfolio(asOf), asOf) satisfies RiskMapResponse,
  ),
  dashboardGet('trend', TrendQuery, (query, asOf) => {
    const periods = query.periods ?? DEFAULT_TREND_PERIODS[query.interval]
    const days = trendDays(asOf, query.interval, periods)
    return trendOf(portfolio(asOf), asOf, query.interval, periods, rescoredOn(days)) satisfies TrendResponse
  }),
  dashboardGet(
    'top-risks',
    TopRisksQuery,
    (query, asOf) =>
      topRisksOf(
        portfolio(asOf),
        asOf,
        query.limit,
        (vendor) => scoreVendor(vendor, { asOf }).factors,
      ) satisfies TopRisksResponse,
  ),
  dashboardGet(
    'exposure',
    DashboardQuery,
    (_query, asOf) => exposureOf(portfolio(asOf), asOf) satisfies ExposureResponse,
  ),
  dashboardGet(
    'incidents',
    IncidentTrendQuery,
    (query, asOf) => incidentTrendOf(portfolio(asOf), asOf, query.months) satisfies IncidentTrendResponse,
  ),
  dashboardGet(
    'fourth-parties',
    FourthPartyQuery,
    (query, asOf) => fourthPartiesOf(portfolio(asOf), asOf, query.limit) satisfies FourthPartyResponse,
  ),
  dashboardGet(
    'reviews',
    DashboardQuery,
    (_query, asOf) => reviewsOf(portfolio(asOf), asOf) satisfies ReviewsByTierResponse,
  ),
]
