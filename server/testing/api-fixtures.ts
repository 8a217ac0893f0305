/** Request bodies and assertions shared by the API tests that run against the real server. */
import { expect } from 'vitest'
import {
  addDays,
  Problem,
  todayIsoDate,
  type IncidentInput,
  type VendorDetailResponse,
  type VendorInput,
} from '../../src/domain'
import type { ApiClient } from './api-client'

export const today = () => todayIsoDate()
export const daysFromToday = (days: number) => addDays(todayIsoDate(), days)

/** A complete, valid body for POST /api/vendors: a mid-sized SaaS vendor holding some PII on its platform. */
export function vendorInput(name: string, overrides: Partial<VendorInput> = {}): VendorInput {
  return {
    name,
    category: 'Test fixtures',
    owner: 'API test suite',
    description: 'Created by an API test.',
    website: 'https://fixture.example',
    status: 'active',
    access: {
      dataClasses: ['internal', 'pii'],
      records: 250_000,
      dataLocation: 'vendor_environment',
      networkAccess: 'api',
      criticality: 'medium',
      fourthParties: ['Amazon Web Services'],
    },
    controls: {
      certifications: ['iso27001'],
      mfa: true,
      encryptionAtRest: true,
      lastAssessedAt: daysFromToday(-100),
    },
    incidents: [],
    ...overrides,
  }
}

/** A valid body for POST /api/vendors/:id/incidents: a critical, open breach that happened today. */
export function incidentInput(overrides: Partial<IncidentInput> = {}): IncidentInput {
  return {
    occurredAt: today(),
    kind: 'breach',
    severity: 'critical',
    recordsExposed: 200_000,
    status: 'open',
    notifiedAfterDays: 1,
    summary: 'Customer records were exfiltrated from the vendor platform.',
    ...overrides,
  }
}

export interface ExpectedProblem {
  title?: string
  /** The distinct `errors[].path`, in order of first appearance. */
  paths?: string[]
  detail?: string | RegExp
  /** The whole `errors` list, paths and messages. */
  errors?: { path: string; message: string }[]
}

/** Asserts an RFC 9457 problem response with the given status and returns its parsed body. */
export async function expectProblem(
  response: Response,
  status: number,
  expected: ExpectedProblem = {},
): Promise<Problem & Record<string, unknown>> {
  const text = await response.text()
  expect(response.status, text).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const body = JSON.parse(text) as Record<string, unknown>
  const problem = Problem.parse(body)
  expect(problem.status).toBe(status)
  if (expected.title !== undefined) expect(problem.title).toBe(expected.title)
  if (expected.paths !== undefined) {
    // One field may fail several checks (1e300 is neither a safe integer nor under the maximum): compare the set.
    expect([...new Set(problem.errors?.map((e) => e.path))]).toEqual(expected.paths)
  }
  if (expected.errors !== undefined) expect(problem.errors).toEqual(expected.errors)
  if (typeof expected.detail === 'string') expect(problem.detail).toBe(expected.detail)
  else if (expected.detail) expect(problem.detail).toMatch(expected.detail)
  return { ...body, ...problem }
}

/** Asserts a JSON response with exactly this status and returns its body. */
export async function expectJson<T = unknown>(response: Response, status: number): Promise<T> {
  const text = await response.text()
  expect(response.status, text).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  return JSON.parse(text) as T
}

/** Creates a vendor through the API (the client must be allowed to) and returns its detail. */
export async function createVendor(
  client: ApiClient,
  name: string,
  overrides: Partial<VendorInput> = {},
): Promise<VendorDetailResponse> {
  return expectJson<VendorDetailResponse>(
    await client.post('/api/vendors', vendorInput(name, overrides)),
    201,
  )
}

/** The vendor as it is now, with the ETag the server sent for it. */
export async function fetchVendor(
  client: ApiClient,
  id: string,
): Promise<{ detail: VendorDetailResponse; etag: string }> {
  const response = await client.get(`/api/vendors/${id}`)
  const detail = await expectJson<VendorDetailResponse>(response, 200)
  return { detail, etag: response.headers.get('etag')! }
}
