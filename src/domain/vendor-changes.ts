/**
 * What changed between two versions of a vendor, field by field and in words, and the smallest patch that turns
 * one into the other. Edit forms send only what the person changed, and a conflict shows both sides' changes.
 */
import type { z } from 'zod'
import { formatWhole } from './format'
import {
  CERTIFICATION_LABELS,
  CRITICALITY_LABELS,
  DATA_CLASS_LABELS,
  DATA_LOCATION_LABELS,
  NETWORK_ACCESS_LABELS,
  VENDOR_FIELD_LABELS,
  VENDOR_STATUS_LABELS,
  type VendorFieldPath,
} from './labels'
import { VendorPatch } from './schemas/api'
import { VendorInput, type Incident, type IncidentInput, type Vendor } from './schemas/vendor'

/** A vendor's own fields, without its id and incidents: what the edit form holds and validates. */
export const EditableVendor = VendorInput.omit({ incidents: true })
export type EditableVendor = z.output<typeof EditableVendor>

export const VENDOR_FIELD_PATHS = Object.keys(VENDOR_FIELD_LABELS) as VendorFieldPath[]

export function editableFields(vendor: Vendor): EditableVendor {
  const { id: _id, incidents: _incidents, ...fields } = vendor
  return fields
}

export function vendorFieldValue(vendor: EditableVendor, path: VendorFieldPath): unknown {
  const [head = '', field] = path.split('.')
  const top: unknown = (vendor as Record<string, unknown>)[head]
  return field === undefined ? top : (top as Record<string, unknown>)[field]
}

/** Lists are sets here (data classes, certifications, sub-processors): reordering them changes nothing. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false
    const sorted = (list: unknown[]) => list.map(String).sort()
    const [x, y] = [sorted(a), sorted(b)]
    return x.every((item, i) => item === y[i])
  }
  return a === b
}

const listOf = (labels: Record<string, string>) => (value: unknown) =>
  Array.isArray(value) && value.length > 0
    ? value.map((item: string) => labels[item] ?? item).join(', ')
    : 'none'

const FORMATS: Partial<Record<VendorFieldPath, (value: unknown) => string>> = {
  status: (v) => VENDOR_STATUS_LABELS[v as Vendor['status']],
  'access.dataClasses': listOf(DATA_CLASS_LABELS),
  'access.records': (v) => formatWhole(v as number),
  'access.dataLocation': (v) => DATA_LOCATION_LABELS[v as Vendor['access']['dataLocation']],
  'access.networkAccess': (v) => NETWORK_ACCESS_LABELS[v as Vendor['access']['networkAccess']],
  'access.criticality': (v) => CRITICALITY_LABELS[v as Vendor['access']['criticality']],
  'access.fourthParties': listOf({}),
  'controls.certifications': listOf(CERTIFICATION_LABELS),
  'controls.mfa': (v) => (v ? 'Enforced' : 'Not enforced'),
  'controls.encryptionAtRest': (v) => (v ? 'Yes' : 'No'),
}

/** A field's value in words, as the profile shows it: "Vendor environment (outside our perimeter)", "not set". */
export function describeFieldValue(path: VendorFieldPath, value: unknown): string {
  if (value === undefined) return 'not set'
  return FORMATS[path]?.(value) ?? String(value)
}

export interface FieldChange {
  path: VendorFieldPath
  label: string
  before: string
  after: string
}

/** The fields that differ between `before` and `after`, in form order, with both values in words. */
export function vendorChanges(before: EditableVendor, after: EditableVendor): FieldChange[] {
  return VENDOR_FIELD_PATHS.filter(
    (path) => !sameValue(vendorFieldValue(before, path), vendorFieldValue(after, path)),
  ).map((path) => ({
    path,
    label: VENDOR_FIELD_LABELS[path],
    before: describeFieldValue(path, vendorFieldValue(before, path)),
    after: describeFieldValue(path, vendorFieldValue(after, path)),
  }))
}

/**
 * The PATCH body that turns `before` into `after`: only the fields that differ, `access` and `controls` with only
 * their changed fields (the server merges them), and null for an optional field that was cleared.
 */
export function vendorPatchBetween(before: EditableVendor, after: EditableVendor): VendorPatch {
  const patch: Record<string, unknown> = {}
  const nested: Record<string, Record<string, unknown>> = {}
  for (const { path } of vendorChanges(before, after)) {
    const value = vendorFieldValue(after, path) ?? null
    const [head = '', field] = path.split('.')
    if (field === undefined) patch[head] = value
    else nested[head] = { ...nested[head], [field]: value }
  }
  return VendorPatch.parse({ ...patch, ...nested })
}

/** The PATCH body for an incident: the fields of `after` that differ from `before`, null for a cleared one. */
export function incidentPatchBetween(before: Incident, after: IncidentInput): Record<string, unknown> {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)].filter((key) => key !== 'id'))
  const patch: Record<string, unknown> = {}
  for (const key of keys) {
    const was = (before as Record<string, unknown>)[key]
    const now = (after as Record<string, unknown>)[key]
    if (was !== now) patch[key] = now ?? null
  }
  return patch
}
