/**
 * Test factories: one boring, low-risk vendor and one unremarkable incident, so a test only spells out the
 * fields it is about. Defaults are fixed on purpose; tests that need variety use generateDemoVendors().
 */
import type { Access, Controls, Incident, Vendor } from '../../src/domain'

type OptionalKeys<T> = { [K in keyof T]-?: Partial<Pick<T, K>> extends Pick<T, K> ? K : never }[keyof T]

/**
 * Overrides for one object. `undefined` on an optional field removes it: with exactOptionalPropertyTypes a
 * vendor may not carry `lastAssessedAt: undefined`, yet "never assessed" is a case tests need to build.
 * Required fields cannot be removed, so a factory never hands out an object missing one.
 */
export type Overrides<T> = { [K in keyof T]?: K extends OptionalKeys<T> ? T[K] | undefined : T[K] }

export type IncidentOverrides = Overrides<Incident>

export type VendorOverrides = Overrides<Omit<Vendor, 'access' | 'controls'>> & {
  /** Merged field by field into the default access, so `{ access: { records: 0 } }` keeps the rest. */
  access?: Overrides<Access>
  /** Merged field by field into the default controls. */
  controls?: Overrides<Controls>
}

let vendorCount = 0
let incidentCount = 0

/**
 * Restarts the id counters. Vitest gives each test file fresh modules, so this is only needed when a test
 * compares ids across cases in one file.
 */
export function resetFactoryIds(): void {
  vendorCount = 0
  incidentCount = 0
}

const pad = (n: number) => String(n).padStart(4, '0')

/** Copies `base` with `overrides` applied; an `undefined` override deletes the key rather than storing it. */
function merge<T extends object>(base: T, overrides: Overrides<T> | undefined): T {
  const result = { ...base } as Record<string, unknown>
  if (overrides !== undefined) {
    for (const [key, value] of Object.entries(overrides)) {
      if (value === undefined) delete result[key]
      else result[key] = value
    }
  }
  return result as T
}

export function createIncident(overrides?: IncidentOverrides): Incident {
  incidentCount += 1
  const defaults: Incident = {
    id: `inc-test-${pad(incidentCount)}`,
    occurredAt: '2026-03-01',
    kind: 'breach',
    severity: 'medium',
    recordsExposed: 1000,
    status: 'resolved',
    notifiedAfterDays: 2,
    summary: 'A vendor employee emailed a spreadsheet of customer records to the wrong recipient.',
  }
  return merge(defaults, overrides)
}

/** A low-risk vendor: internal data only, in our environment, API access, strong controls, no incidents. */
export function createVendor(overrides?: VendorOverrides): Vendor {
  vendorCount += 1
  const n = pad(vendorCount)
  const { access, controls, ...top } = overrides ?? {}
  const defaults: Vendor = {
    id: `ven-test-${n}`,
    name: `Test Vendor ${n}`,
    category: 'Office SaaS',
    owner: 'Jordan Lee (IT)',
    description: 'Shared calendar and meeting-room booking tool.',
    website: `https://test-vendor-${n}.example`,
    status: 'active',
    contractEnd: '2027-12-31',
    access: merge<Access>(
      {
        dataClasses: ['internal'],
        records: 1000,
        dataLocation: 'our_environment',
        networkAccess: 'api',
        criticality: 'medium',
        fourthParties: [],
      },
      access,
    ),
    controls: merge<Controls>(
      {
        certifications: ['soc2_type2'],
        mfa: true,
        encryptionAtRest: true,
        lastAssessedAt: '2026-06-01',
      },
      controls,
    ),
    incidents: [],
  }
  return merge(defaults, top)
}
