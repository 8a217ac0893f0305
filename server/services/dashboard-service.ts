/**
 * The CISO dashboard: portfolio figures aggregated in SQL by the store (docs/decisions/004-dashboard-aggregates.md)
 * and shaped by the domain. For today the store reads the scores kept in the vendor facts; for any other `asOf`
 * the vendor service scores every vendor for that day, as the vendor list does, and the store aggregates those.
 */
import type { z } from 'zod'
import {
  addDays,
  byScoreThenName,
  DEFAULT_TREND_PERIODS,
  incidentMonths,
  REVIEW_CADENCE_DAYS,
  shapeExposure,
  shapeFourthParties,
  shapeIncidents,
  shapeReviews,
  shapeRiskMap,
  shapeTierDistribution,
  shapeTrend,
  TIER_COMPARISON_DAYS,
  topRiskItem,
  TREND_STEP_DAYS,
  trendDays,
  type DashboardQuery,
  type ExposureResponse,
  type FourthPartyQuery,
  type FourthPartyResponse,
  type IncidentTrendQuery,
  type IncidentTrendResponse,
  type ReviewsByTierResponse,
  type RiskMapResponse,
  type TierComparisonRow,
  type TierDistributionResponse,
  type TopRisksQuery,
  type TopRisksResponse,
  type TrendQuery,
  type TrendResponse,
} from '../../src/domain'
import type { ScoreOverride, Store } from '../db/store'
import type { VendorService } from './vendor-service'

type Parsed<S extends z.ZodType> = z.output<S>
type Query = Parsed<typeof DashboardQuery>

export function createDashboardService(store: Store, vendors: VendorService) {
  const dashboard = store.dashboard
  const asOfOf = (query: Query) => query.asOf ?? vendors.today()

  /** Undefined: use the stored facts (scored for today, made sure of here). Else every vendor's score that day. */
  async function scoresFor(asOf: string): Promise<ScoreOverride[] | undefined> {
    if (asOf !== vendors.today()) return vendors.scoresAsOf(asOf)
    await vendors.ensureFactsScored()
    return undefined
  }

  return {
    async tiers(query: Query): Promise<TierDistributionResponse> {
      const asOf = asOfOf(query)
      const now = await dashboard.tierCounts(await scoresFor(asOf))
      const comparisons: TierComparisonRow[] = []
      for (const days of TIER_COMPARISON_DAYS) {
        const day = addDays(asOf, -days)
        comparisons.push({ days, asOf: day, counts: await dashboard.tierCountsOn(day) })
      }
      return shapeTierDistribution(asOf, now, comparisons)
    },

    async riskMap(query: Query): Promise<RiskMapResponse> {
      const asOf = asOfOf(query)
      return shapeRiskMap(asOf, await dashboard.riskMap(await scoresFor(asOf)))
    },

    /**
     * `riskMap` as the JSON text the route sends: at 50,000 vendors the points are 3 MB, which the store answers as
     * JSON already (kept until the facts change), so nothing is parsed and serialised again per request.
     */
    async riskMapJson(query: Query): Promise<string> {
      const asOf = asOfOf(query)
      const { vendors: count, points } = await dashboard.riskMapJson(await scoresFor(asOf))
      // The members of shapeRiskMap's answer, in its order.
      return `{"asOf":${JSON.stringify(asOf)},"vendors":${count},"points":${points}}`
    },

    async trend(query: Parsed<typeof TrendQuery>): Promise<TrendResponse> {
      const asOf = asOfOf(query)
      const periods = query.periods ?? DEFAULT_TREND_PERIODS[query.interval]
      const days = trendDays(asOf, query.interval, periods)
      const rows = await dashboard.trend(days[0]!, TREND_STEP_DAYS[query.interval], periods)
      return shapeTrend(asOf, query.interval, days, rows)
    },

    async topRisks(query: Parsed<typeof TopRisksQuery>): Promise<TopRisksResponse> {
      const asOf = asOfOf(query)
      const candidates = await dashboard.topCandidates(query.limit, await scoresFor(asOf))
      // SQL finds the candidates (ties at the cut included); the inventory's order decides among them.
      const top = candidates.sort(byScoreThenName).slice(0, query.limit)
      return {
        asOf,
        items: top.map(({ id }) => {
          const { summary, score } = vendors.get(id, asOf)
          return topRiskItem(summary, score.factors)
        }),
      }
    },

    async exposure(query: Query): Promise<ExposureResponse> {
      const { locations, classes } = await dashboard.exposure()
      return shapeExposure(asOfOf(query), locations, classes)
    },

    async incidents(query: Parsed<typeof IncidentTrendQuery>): Promise<IncidentTrendResponse> {
      const asOf = asOfOf(query)
      const months = incidentMonths(asOf, query.months)
      const { cells, open } = await dashboard.incidents(asOf, `${months[0]!}-01`)
      return shapeIncidents(asOf, months, cells, open)
    },

    async fourthParties(query: Parsed<typeof FourthPartyQuery>): Promise<FourthPartyResponse> {
      const asOf = asOfOf(query)
      const { items, ...totals } = await dashboard.fourthParties(query.limit, await scoresFor(asOf))
      return shapeFourthParties(asOf, totals, items)
    },

    async reviews(query: Query): Promise<ReviewsByTierResponse> {
      const asOf = asOfOf(query)
      const rows = await dashboard.reviews(asOf, REVIEW_CADENCE_DAYS, await scoresFor(asOf))
      return shapeReviews(asOf, rows)
    },
  }
}

export type DashboardService = ReturnType<typeof createDashboardService>
