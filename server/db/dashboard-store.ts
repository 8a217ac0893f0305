/**
 * The dashboard's part of the Store: aggregations over the vendor facts (docs/decisions/004-dashboard-aggregates.md).
 * Each method answers raw aggregates that `src/domain/dashboard.ts` shapes into the API's contract. Methods are
 * async so a PostgreSQL store can implement them with the same SQL, near enough.
 */
import type {
  DataClassRow,
  FourthPartyRow,
  FourthPartyTotals,
  IncidentCell,
  LocationRow,
  OpenIncidentCell,
  ReviewTierRow,
  RiskMapResponse,
  Tier,
  TierCounts,
  TrendRow,
} from '../../src/domain'

/** A vendor's score numbers for one day, as its facts hold them. */
export interface FactScore {
  /** The day the numbers were computed for. */
  asOf: string
  score: number
  tier: Tier
  exposure: number
  likelihood: number
}

/**
 * Scores computed for a day other than the one the stored facts were scored for (the dashboard as of a past
 * date). Queries that take them use these numbers instead of the stored ones, for the vendors listed.
 */
export interface ScoreOverride {
  vendorId: string
  score: number
  tier: Tier
  exposure: number
  likelihood: number
}

/** Every query covers the portfolio only: vendors that are not offboarded. */
export interface DashboardQueries {
  /** Vendors whose facts are not scored for `asOf`: never scored, or scored for another day. */
  unscoredFacts(asOf: string): Promise<string[]>
  tierCounts(scores?: readonly ScoreOverride[]): Promise<TierCounts>
  /** The portfolio as it was on `day`: its vendors by the tier of their latest snapshot on or before it. */
  tierCountsOn(day: string): Promise<TierCounts>
  /** Every vendor as a point, lowest score first (ties by id). */
  riskMap(scores?: readonly ScoreOverride[]): Promise<RiskMapResponse['points']>
  /**
   * One row per day `first + i × stepDays` (i < periods): the portfolio as it was that day, each vendor with its
   * latest snapshot on or before it.
   */
  trend(first: string, stepDays: number, periods: number): Promise<TrendRow[]>
  /** The vendors scoring at least the `limit`-th highest score (so ties at the cut are all there), highest first. */
  topCandidates(
    limit: number,
    scores?: readonly ScoreOverride[],
  ): Promise<{ id: string; name: string; score: number }[]>
  exposure(): Promise<{ locations: LocationRow[]; classes: DataClassRow[] }>
  /** Incidents that occurred from `from` to `asOf`, per month, kind and severity; and all open ones to `asOf`. */
  incidents(asOf: string, from: string): Promise<{ cells: IncidentCell[]; open: OpenIncidentCell[] }>
  fourthParties(
    limit: number,
    scores?: readonly ScoreOverride[],
  ): Promise<FourthPartyTotals & { items: FourthPartyRow[] }>
  reviews(
    asOf: string,
    cadence: Readonly<Record<Tier, number>>,
    scores?: readonly ScoreOverride[],
  ): Promise<ReviewTierRow[]>
}
