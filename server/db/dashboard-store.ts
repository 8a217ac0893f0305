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
  StoredRiskAcceptance,
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

/**
 * The register's inputs as stored now, for an export as of today (server/exports/register-source.ts), which builds
 * its register from them instead of replaying the audit log when `registerChanged` says the two agree.
 */
export interface CurrentRegister {
  /** The scoring model as stored (weights as JSON text); null while the defaults were never changed. */
  model: { weights: string; revision: number } | null
  acceptances: Map<string, StoredRiskAcceptance>
  /**
   * Every vendor's document exactly as stored (JSON text), offboarded ones included, read a page at a time when
   * iterated, so a caller may let other work run between pages (and check `registerChanged` again at the end).
   */
  documents: AsyncIterable<string[]>
}

/** Every aggregation covers the portfolio only: vendors that are not offboarded. */
export interface DashboardQueries {
  /**
   * Whether the stored vendors, acceptances and model may differ from the audit log replayed up to `afterSeq` and
   * before `before` (an ISO day or timestamp): the log holds an entry with one of `actions` after `afterSeq`, or
   * its last entry up to `afterSeq` was committed at or after `before` (commit times only move forward). Exports
   * use this and `currentRegister`; they live here, beside the SQL they share, until the Store interface takes them.
   */
  registerChanged(query: { afterSeq: number; before: string; actions: readonly string[] }): Promise<boolean>
  currentRegister(): Promise<CurrentRegister>
  /** Vendors whose facts are not scored for `asOf`: never scored, or scored for another day. */
  unscoredFacts(asOf: string): Promise<string[]>
  tierCounts(scores?: readonly ScoreOverride[]): Promise<TierCounts>
  /** The portfolio as it was on `day`: its vendors by the tier of their latest snapshot on or before it. */
  tierCountsOn(day: string): Promise<TierCounts>
  /**
   * Every vendor as a point, lowest score first (ties by id). Over the stored facts the answer is shared by every
   * caller until the facts change, and frozen: copy a column before changing it.
   */
  riskMap(scores?: readonly ScoreOverride[]): Promise<RiskMapResponse['points']>
  /** The same points as JSON text (`RiskMapResponse['points']`), with their count, for answering without a copy. */
  riskMapJson(scores?: readonly ScoreOverride[]): Promise<{ vendors: number; points: string }>
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
  /** Over the stored facts, shared and frozen as `riskMap` is. */
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
