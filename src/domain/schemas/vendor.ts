/**
 * The vendor inventory's public contract: these names and values are what the API, imports and exports speak.
 */
import { z } from 'zod'

export const DATA_CLASSES = [
  'public',
  'internal',
  'confidential',
  'pii',
  'payment',
  'health',
  'credentials',
  'source_code',
] as const
export const DATA_LOCATIONS = ['none', 'our_environment', 'vendor_environment', 'both'] as const
export const NETWORK_ACCESS_LEVELS = ['none', 'api', 'remote', 'privileged'] as const
export const CRITICALITY_LEVELS = ['low', 'medium', 'high', 'critical'] as const
export const VENDOR_STATUSES = ['active', 'onboarding', 'offboarded'] as const
export const CERTIFICATIONS = ['soc2_type2', 'iso27001', 'pci_dss', 'hitrust'] as const
export const INCIDENT_KINDS = ['breach', 'ransomware', 'claimed_leak', 'outage', 'vulnerability'] as const
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const
export const INCIDENT_STATUSES = ['open', 'contained', 'resolved'] as const

export type DataClass = (typeof DATA_CLASSES)[number]
export type DataLocation = (typeof DATA_LOCATIONS)[number]
export type NetworkAccess = (typeof NETWORK_ACCESS_LEVELS)[number]
export type Criticality = (typeof CRITICALITY_LEVELS)[number]
export type VendorStatus = (typeof VENDOR_STATUSES)[number]
export type Certification = (typeof CERTIFICATIONS)[number]
export type IncidentKind = (typeof INCIDENT_KINDS)[number]
export type Severity = (typeof SEVERITIES)[number]
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number]

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 is refused, not rolled over). */
export const IsoDate = z
  .string()
  .regex(ISO_DATE, 'Use a date in the form YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  }, 'Not a real calendar date')
export type IsoDate = z.infer<typeof IsoDate>

/** A set of enum values: no repeats, so a subset is a subset. */
const subsetOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.array(z.enum(values)).refine((list) => new Set(list).size === list.length, `List each ${what} once`)

const trimmed = (min: number, max: number, label: string) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? `${label} is required` : `${label} needs at least ${min} characters`)
    .max(max, `${label} must be at most ${max} characters`)

export const Access = z.object({
  dataClasses: subsetOf(DATA_CLASSES, 'data class'),
  records: z
    .number()
    .int('Records must be a whole number')
    .min(0, 'Records cannot be negative')
    .max(Number.MAX_SAFE_INTEGER),
  dataLocation: z.enum(DATA_LOCATIONS),
  networkAccess: z.enum(NETWORK_ACCESS_LEVELS),
  criticality: z.enum(CRITICALITY_LEVELS),
  fourthParties: z
    .array(trimmed(1, 200, 'Sub-processor name'))
    .max(500, 'At most 500 sub-processors')
    .refine(
      (list) => new Set(list.map((name) => name.toLowerCase())).size === list.length,
      'List each sub-processor once',
    ),
})
export type Access = z.infer<typeof Access>

export const Controls = z.object({
  certifications: subsetOf(CERTIFICATIONS, 'certification'),
  mfa: z.boolean(),
  encryptionAtRest: z.boolean(),
  lastAssessedAt: IsoDate.optional(),
})
export type Controls = z.infer<typeof Controls>

export const Incident = z.object({
  id: z.string().min(1).max(64),
  occurredAt: IsoDate,
  kind: z.enum(INCIDENT_KINDS),
  severity: z.enum(SEVERITIES),
  recordsExposed: z
    .number()
    .int('Records exposed must be a whole number')
    .min(0, 'Records exposed cannot be negative')
    .max(Number.MAX_SAFE_INTEGER),
  status: z.enum(INCIDENT_STATUSES),
  /** When it was closed; informational (decay runs from `occurredAt`), and never before it occurred. */
  resolvedAt: IsoDate.optional(),
  notifiedAfterDays: z
    .number()
    .int('Days must be a whole number')
    .min(0, 'Days cannot be negative')
    .max(3650)
    .optional(),
  summary: trimmed(1, 2000, 'Summary'),
  source: z.string().trim().max(2000, 'Source must be at most 2000 characters').optional(),
})
export type Incident = z.infer<typeof Incident>

export const IncidentInput = Incident.omit({ id: true })
export type IncidentInput = z.infer<typeof IncidentInput>

const vendorFields = {
  name: trimmed(1, 200, 'Name'),
  category: trimmed(1, 100, 'Category'),
  owner: trimmed(1, 200, 'Owner'),
  description: z.string().trim().max(5000, 'Description must be at most 5000 characters').optional(),
  website: z
    .url({ protocol: /^https?$/, error: 'Website must be an http(s) URL' })
    .max(2000)
    .optional(),
  status: z.enum(VENDOR_STATUSES),
  contractEnd: IsoDate.optional(),
  access: Access,
  controls: Controls,
}

export const Vendor = z.object({
  id: z.string().min(1).max(64),
  ...vendorFields,
  incidents: z.array(Incident).max(10_000),
})
export type Vendor = z.infer<typeof Vendor>

/** What a client sends to create a vendor: the vendor without ids (incidents may come along, also without ids). */
export const VendorInput = z.object({
  ...vendorFields,
  incidents: z.array(IncidentInput).max(10_000).default([]),
})
export type VendorInput = z.input<typeof VendorInput>
