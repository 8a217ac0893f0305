/** Shapes of API responses, shared by the server, the SPA's fetchers and the msw handlers. */
import { z } from 'zod'
import { TIERS } from '../scoring/model'
import {
  CRITICALITY_LEVELS,
  DATA_CLASSES,
  DATA_LOCATIONS,
  Incident,
  IncidentInput,
  IsoDate,
  NETWORK_ACCESS_LEVELS,
  Vendor,
  VENDOR_STATUSES,
} from './vendor'

export const TierSchema = z.enum(TIERS)

export const VendorSummary = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  owner: z.string(),
  status: z.enum(VENDOR_STATUSES),
  dataClasses: z.array(z.enum(DATA_CLASSES)),
  /**
   * The vendor's sub-processors, so the list can filter by one. About 10 % more JSON at 50,000 vendors (2.5 names
   * each); the alternative, asking the server for the ids behind each sub-processor, would cost a second request.
   */
  fourthParties: z.array(z.string()),
  records: z.number().int().min(0),
  dataLocation: z.enum(DATA_LOCATIONS),
  /** Our data sits in the vendor's own environment, beyond our monitoring. */
  outsidePerimeter: z.boolean(),
  networkAccess: z.enum(NETWORK_ACCESS_LEVELS),
  criticality: z.enum(CRITICALITY_LEVELS),
  score: z.number().min(0).max(100),
  tier: TierSchema,
  exposure: z.number().min(0).max(100),
  likelihood: z.number().min(0).max(100),
  openIncidents: z.number().int().min(0),
  lastIncidentAt: IsoDate.nullable(),
  nextReviewDue: IsoDate.nullable(),
  reviewOverdue: z.boolean(),
  /** Set while a CISO's risk acceptance is in force; null when none or when it has lapsed. */
  riskAcceptedUntil: IsoDate.nullable(),
})
export type VendorSummary = z.infer<typeof VendorSummary>

export const VendorListResponse = z.object({
  items: z.array(VendorSummary),
  total: z.number().int().min(0),
  nextCursor: z.string().nullable(),
  asOf: IsoDate,
})
export type VendorListResponse = z.infer<typeof VendorListResponse>

export const ScoreFactorSchema = z.object({
  id: z.string(),
  group: z.enum(['exposure', 'likelihood']),
  label: z.string(),
  points: z.number(),
  groupPoints: z.number(),
  detail: z.string(),
  sentence: z.string(),
  decay: z.number().min(0).max(1).optional(),
  incidentId: z.string().optional(),
})
/** A score factor as it arrives over the wire. */
export type ScoreFactorDto = z.infer<typeof ScoreFactorSchema>

export const VendorScoreSchema = z.object({
  score: z.number().min(0).max(100),
  tier: TierSchema,
  exposure: z.number().min(0).max(100),
  likelihood: z.number().min(0).max(100),
  factors: z.array(ScoreFactorSchema),
  modelVersion: z.string(),
  asOf: IsoDate,
})

export const RiskAcceptanceSchema = z.object({
  note: z.string(),
  until: IsoDate,
  acceptedBy: z.string(),
  acceptedAt: z.string(),
  /** False once `until` has passed: the risk is flagged again. */
  active: z.boolean(),
})
export type RiskAcceptanceDto = z.infer<typeof RiskAcceptanceSchema>

export const VendorDetailResponse = z.object({
  vendor: Vendor,
  score: VendorScoreSchema,
  summary: VendorSummary,
  /** The vendor's version; the response's ETag carries it, and PATCH takes it back in If-Match. */
  version: z.number().int().min(1),
  riskAcceptance: RiskAcceptanceSchema.nullable(),
})
export type VendorDetailResponse = z.infer<typeof VendorDetailResponse>

export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  modelVersion: z.string(),
})
export type HealthResponse = z.infer<typeof HealthResponse>

/** RFC 9457 problem details; `errors` lists field-level problems with their paths. */
export const Problem = z.object({
  type: z.string().optional(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** Extension member of a 412: the version the resource has now (null when it was deleted meanwhile). */
  currentVersion: z.number().int().nullable().optional(),
})
export type Problem = z.infer<typeof Problem>

/** PATCH /api/vendors/:id: any top-level field; `access` and `controls` merge field by field; null removes an optional field. */
export const VendorPatch = z
  .object({
    name: z.string(),
    category: z.string(),
    owner: z.string(),
    description: z.string().nullable(),
    website: z.string().nullable(),
    status: z.enum(VENDOR_STATUSES),
    contractEnd: z.string().nullable(),
    access: z.record(z.string(), z.unknown()),
    controls: z.record(z.string(), z.unknown()),
  })
  .partial()
  .strict()
export type VendorPatch = z.infer<typeof VendorPatch>

/** PATCH …/incidents/:incidentId: any of the incident's fields; null removes an optional one. Unknown keys are refused. */
export const IncidentPatch = IncidentInput.partial()
  .extend({
    notifiedAfterDays: IncidentInput.shape.notifiedAfterDays.unwrap().nullable(),
    source: IncidentInput.shape.source.unwrap().nullable(),
    resolvedAt: IncidentInput.shape.resolvedAt.unwrap().nullable(),
  })
  .partial()
  .strict()
export type IncidentPatch = z.infer<typeof IncidentPatch>

/** POST /api/vendors/:id/incidents and PATCH …/incidents/:incidentId: the incident as stored, and the vendor now. */
export const IncidentChangeResponse = z.object({ incident: Incident, vendor: VendorDetailResponse })
export type IncidentChangeResponse = z.infer<typeof IncidentChangeResponse>

export const ReviewInput = z
  .object({
    completedAt: IsoDate,
    notes: z.string().trim().max(5000, 'Notes must be at most 5000 characters').default(''),
  })
  .strict()
export type ReviewInput = z.input<typeof ReviewInput>

export const ReviewSchema = z.object({
  id: z.number().int(),
  vendorId: z.string(),
  completedAt: IsoDate,
  notes: z.string(),
  reviewer: z.string(),
  recordedAt: z.string(),
})
export type ReviewDto = z.infer<typeof ReviewSchema>

export const RiskAcceptanceInput = z
  .object({
    note: z.string().trim().min(1, 'Say why the risk is accepted').max(5000),
    until: IsoDate,
  })
  .strict()
export type RiskAcceptanceInput = z.infer<typeof RiskAcceptanceInput>

export const ScoreSnapshotSchema = z.object({
  recordedAt: z.string(),
  asOf: IsoDate,
  score: z.number(),
  tier: TierSchema,
  exposure: z.number(),
  likelihood: z.number(),
  modelVersion: z.string(),
  reason: z.string(),
})
export const ScoreHistoryResponse = z.object({ items: z.array(ScoreSnapshotSchema) })

const booleanParam = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')
const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)))

/** A score bound, 0–100; `exposureMin=` (empty) is no bound rather than 0. */
const rangeParam = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : Number(s)))
  .pipe(z.number('Expected a number from 0 to 100').min(0).max(100).optional())

export const VENDOR_SORT_KEYS = [
  'score',
  'name',
  'category',
  'owner',
  'tier',
  'exposure',
  'likelihood',
  'records',
  'lastIncidentAt',
  'nextReviewDue',
] as const
export type VendorSortKey = (typeof VENDOR_SORT_KEYS)[number]

/** GET /api/vendors query. Lists take comma-separated values: `tier=critical,high`. */
export const VendorListQuery = z
  .object({
    q: z.string().max(200).optional(),
    tier: listOf(TIERS).optional(),
    category: z.string().max(200).optional(),
    status: listOf(VENDOR_STATUSES).optional(),
    dataLocation: listOf(DATA_LOCATIONS).optional(),
    networkAccess: listOf(NETWORK_ACCESS_LEVELS).optional(),
    outsidePerimeter: booleanParam.optional(),
    openIncident: booleanParam.optional(),
    reviewOverdue: booleanParam.optional(),
    /** Holds any of these data classes. */
    dataClass: listOf(DATA_CLASSES).optional(),
    /** Uses this sub-processor (the name compared case-insensitively). */
    fourthParty: z.string().max(200).optional(),
    /** A region of the risk map: each lower bound is inclusive, each upper bound exclusive. */
    exposureMin: rangeParam.optional(),
    exposureMax: rangeParam.optional(),
    likelihoodMin: rangeParam.optional(),
    likelihoodMax: rangeParam.optional(),
    sort: z.enum(VENDOR_SORT_KEYS).default('score'),
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.coerce.number().int().min(1).max(50_000).default(100),
    /** Opaque position from a previous page's `nextCursor`: follows the list page by page. */
    cursor: z.string().max(200).optional(),
    /** Zero-based row to start at: random access for a virtualized grid. Not together with `cursor`. */
    offset: z.coerce.number('Expected a whole number from 0').int().min(0).max(10_000_000).optional(),
    asOf: IsoDate.optional(),
  })
  .refine((q) => q.cursor === undefined || q.offset === undefined, {
    path: ['offset'],
    message: 'Use either cursor or offset, not both',
  })
export type VendorListQuery = z.input<typeof VendorListQuery>

/**
 * GET /api/vendors/facets: what the inventory holds as a whole, for the list's findings and filter choices
 * (the list itself is fetched a page at a time).
 */
export const VendorFacetsResponse = z.object({
  total: z.number().int().min(0),
  /** Vendors holding our data in their own environment, outside our perimeter. */
  outsidePerimeter: z.number().int().min(0),
  tiers: z.object({
    critical: z.number().int().min(0),
    high: z.number().int().min(0),
    medium: z.number().int().min(0),
    low: z.number().int().min(0),
  }),
  /** Distinct categories, sorted A–Z. */
  categories: z.array(z.string()),
  asOf: IsoDate,
})
export type VendorFacetsResponse = z.infer<typeof VendorFacetsResponse>

export const ROLE_NAMES = ['admin', 'procurement', 'ciso', 'auditor'] as const
export type RoleName = (typeof ROLE_NAMES)[number]

export const SessionResponse = z.object({
  username: z.string(),
  role: z.enum(ROLE_NAMES),
  csrfToken: z.string(),
  expiresAt: z.string(),
})
export type SessionResponse = z.infer<typeof SessionResponse>

/** POST /api/vendors/:id/reviews: the review, when the next one falls due, and the vendor as it is now. */
export const RecordReviewResponse = z.object({
  review: ReviewSchema.omit({ id: true }),
  nextReviewDue: IsoDate.nullable(),
  cadenceDays: z.number().int(),
  vendor: VendorDetailResponse,
})
export type RecordReviewResponse = z.infer<typeof RecordReviewResponse>
