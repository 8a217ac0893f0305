/**
 * The CISO dashboard's contract: queries and responses of `GET /api/dashboard/...`, shared by the server (which
 * computes the figures in SQL), the msw handlers (which compute them in JS) and the SPA's fetchers.
 * The portfolio is every vendor that is not offboarded.
 */
import { z } from 'zod'
import { TIERS } from '../scoring/model'
import { DATA_CLASSES, DATA_LOCATIONS, INCIDENT_KINDS, IsoDate, SEVERITIES } from './vendor'

const count = z.number().int().min(0)
/** Sums of declared records: whole numbers, but a sum may pass 2^53, so not checked as a safe integer. */
const records = z.number().min(0)
/** A fraction 0–1, rounded to 4 decimals. */
const share = z.number().min(0).max(1)
const score = z.number().min(0).max(100)
const DashboardTier = z.enum(TIERS)

export const TierCounts = z.record(DashboardTier, count)
export type TierCounts = z.infer<typeof TierCounts>

/** Every dashboard endpoint takes `asOf` (default today), like the vendor list: scores as of that day. */
export const DashboardQuery = z.object({ asOf: IsoDate.optional() })
export type DashboardQuery = z.input<typeof DashboardQuery>

/** How many days back the tier distribution compares itself with. */
export const TIER_COMPARISON_DAYS = [30, 90] as const

/** GET /api/dashboard/tiers */
export const TierDistributionResponse = z.object({
  asOf: IsoDate,
  vendors: count,
  tiers: z.array(z.object({ tier: DashboardTier, count, share })),
  /**
   * The portfolio as it was `days` ago (vendors added since not yet in it, vendors offboarded since still in it),
   * each vendor with the tier of its latest score snapshot on or before that day; `change` is now minus then.
   */
  comparisons: z.array(
    z.object({
      days: z.number().int().min(1),
      asOf: IsoDate,
      vendors: count,
      tiers: z.array(z.object({ tier: DashboardTier, count, change: z.number().int() })),
    }),
  ),
})
export type TierDistributionResponse = z.infer<typeof TierDistributionResponse>

/**
 * GET /api/dashboard/risk-map: every vendor as a point, exposure (x) against likelihood (y), sized by records.
 * Columns rather than objects (index i of each array is one vendor): 50,000 points stay about half the size of
 * the same data as objects. Ordered by score, lowest first, so the riskiest are drawn last, on top.
 */
export const RiskMapResponse = z
  .object({
    asOf: IsoDate,
    vendors: count,
    points: z.object({
      id: z.array(z.string()),
      name: z.array(z.string()),
      tier: z.array(DashboardTier),
      score: z.array(score),
      exposure: z.array(score),
      likelihood: z.array(score),
      records: z.array(records),
    }),
  })
  .refine((r) => Object.values(r.points).every((column) => column.length === r.vendors), {
    message: 'Every column holds one value per vendor',
    path: ['points'],
  })
export type RiskMapResponse = z.infer<typeof RiskMapResponse>

export const TREND_INTERVALS = ['day', 'week'] as const
export type TrendInterval = (typeof TREND_INTERVALS)[number]
export const DEFAULT_TREND_PERIODS: Record<TrendInterval, number> = { day: 90, week: 26 }

export const TrendQuery = DashboardQuery.extend({
  interval: z.enum(TREND_INTERVALS).default('week'),
  /** How many points, the last one on `asOf`; default 90 days or 26 weeks. */
  periods: z.coerce.number().int().min(2).max(366).optional(),
})
export type TrendQuery = z.input<typeof TrendQuery>

/**
 * GET /api/dashboard/trend: the portfolio's score over time, from the score snapshots: on each day, the vendors in
 * the portfolio then, each with its latest snapshot on or before that day.
 */
export const TrendResponse = z.object({
  asOf: IsoDate,
  interval: z.enum(TREND_INTERVALS),
  points: z.array(
    z.object({
      asOf: IsoDate,
      vendors: count,
      /** Nearest-rank median and 90th percentile of the scores; null when no vendor was scored yet. */
      median: score.nullable(),
      p90: score.nullable(),
      tiers: TierCounts,
    }),
  ),
})
export type TrendResponse = z.infer<typeof TrendResponse>

export const TopRisksQuery = DashboardQuery.extend({
  limit: z.coerce.number().int().min(1).max(50).default(10),
})
export type TopRisksQuery = z.input<typeof TopRisksQuery>

/** GET /api/dashboard/top-risks: the riskiest vendors (the inventory's default order) and why. */
export const TopRisksResponse = z.object({
  asOf: IsoDate,
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      category: z.string(),
      score,
      tier: DashboardTier,
      exposure: score,
      likelihood: score,
      records,
      dataLocation: z.enum(DATA_LOCATIONS),
      openIncidents: count,
      /** The two factors adding the most points, largest first. */
      topFactors: z.array(
        z.object({
          id: z.string(),
          group: z.enum(['exposure', 'likelihood']),
          label: z.string(),
          points: z.number(),
          sentence: z.string(),
        }),
      ),
    }),
  ),
})
export type TopRisksResponse = z.infer<typeof TopRisksResponse>

/** GET /api/dashboard/exposure: where our data sits. Records are the vendors' declared record counts. */
export const ExposureResponse = z.object({
  asOf: IsoDate,
  vendors: count,
  records,
  /** Data in the vendor's environment (`vendor_environment` or `both`): beyond our monitoring. */
  outsidePerimeter: z.object({ vendors: count, records, vendorShare: share, recordShare: share }),
  byLocation: z.array(
    z.object({
      dataLocation: z.enum(DATA_LOCATIONS),
      outsidePerimeter: z.boolean(),
      vendors: count,
      records,
      recordShare: share,
    }),
  ),
  /** A vendor holding several classes counts in each, so these rows overlap. */
  byDataClass: z.array(
    z.object({
      dataClass: z.enum(DATA_CLASSES),
      vendors: count,
      records,
      outsideVendors: count,
      outsideRecords: records,
      /** Share of this class's records held outside our perimeter. */
      outsideRecordShare: share,
    }),
  ),
})
export type ExposureResponse = z.infer<typeof ExposureResponse>

export const IncidentTrendQuery = DashboardQuery.extend({
  months: z.coerce.number().int().min(1).max(60).default(12),
})
export type IncidentTrendQuery = z.input<typeof IncidentTrendQuery>

const KindCounts = z.record(z.enum(INCIDENT_KINDS), count)
const SeverityCounts = z.record(z.enum(SEVERITIES), count)

/** GET /api/dashboard/incidents: incidents by the month they occurred (up to `asOf`), and those still open. */
export const IncidentTrendResponse = z.object({
  asOf: IsoDate,
  months: z.array(
    z.object({
      /** `YYYY-MM`; the last month ends on `asOf`. */
      month: z.string().regex(/^\d{4}-\d{2}$/),
      total: count,
      /** Of these, still open today. */
      open: count,
      byKind: KindCounts,
      bySeverity: SeverityCounts,
    }),
  ),
  /** Every open incident known on `asOf`, however old. */
  open: z.object({ total: count, byKind: KindCounts, bySeverity: SeverityCounts }),
})
export type IncidentTrendResponse = z.infer<typeof IncidentTrendResponse>

export const FourthPartyQuery = DashboardQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(10),
})
export type FourthPartyQuery = z.input<typeof FourthPartyQuery>

/** GET /api/dashboard/fourth-parties: the sub-processors most vendors share, and the records behind them. */
export const FourthPartyResponse = z.object({
  asOf: IsoDate,
  /** Distinct sub-processors (names compared case-insensitively) and the vendors that use any. */
  subProcessors: count,
  vendorsWithSubProcessors: count,
  items: z.array(
    z.object({
      name: z.string(),
      vendors: count,
      /** The records of the vendors that use it: what a breach at this sub-processor could reach. */
      records,
      outsideRecords: records,
      tiers: TierCounts,
    }),
  ),
})
export type FourthPartyResponse = z.infer<typeof FourthPartyResponse>

/** GET /api/dashboard/reviews: overdue security reviews by tier (the tier sets the cadence). */
export const ReviewsByTierResponse = z.object({
  asOf: IsoDate,
  vendors: count,
  overdue: count,
  byTier: z.array(
    z.object({
      tier: DashboardTier,
      cadenceDays: z.number().int().min(1),
      vendors: count,
      /** Due before `asOf`, or never assessed. */
      overdue: count,
      neverAssessed: count,
      /** Not overdue, due within 30 days. */
      dueWithin30: count,
    }),
  ),
})
export type ReviewsByTierResponse = z.infer<typeof ReviewsByTierResponse>
