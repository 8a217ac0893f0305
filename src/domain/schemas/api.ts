/** Shapes of API responses, shared by the server, the SPA's fetchers and the msw handlers. */
import { z } from 'zod'
import { TIERS } from '../scoring/model'
import {
  CRITICALITY_LEVELS,
  DATA_CLASSES,
  DATA_LOCATIONS,
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

export const VendorDetailResponse = z.object({
  vendor: Vendor,
  score: VendorScoreSchema,
  summary: VendorSummary,
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
})
export type Problem = z.infer<typeof Problem>
