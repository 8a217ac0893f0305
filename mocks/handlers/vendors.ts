/** msw handlers for the vendor API, built on the same domain functions and schemas as the server. */
import { http, HttpResponse } from 'msw'
import { z } from 'zod'
import type { ScoreHistoryResponse } from '../../src/domain'
import {
  addDays,
  REVIEW_CADENCE_DAYS,
  ReviewInput,
  type RecordReviewResponse,
  applyVendorPatch,
  previewScore,
  Vendor,
  VendorPatch,
  computeScore,
  filterVendorSummaries,
  sortVendorSummaries,
  VendorListQuery,
  IsoDate,
  summarizeVendor,
  type Problem,
  vendorDetail,
  type VendorListResponse,
} from '../../src/domain'
import { generateDemoVendors } from '../data'
import { currentMockUser } from './session'

/** The mocked API answers for a fixed day so the offline demo and tests are reproducible. */
export const MOCK_AS_OF = '2026-11-26'

const state: { vendors: Vendor[] } = { vendors: [] }

export function resetMockVendors(vendors: Vendor[] = generateDemoVendors({ count: 60, asOf: MOCK_AS_OF })) {
  state.vendors = structuredClone(vendors)
}
resetMockVendors()

function problem(status: number, title: string, detail: string, instance: string) {
  return HttpResponse.json({ type: 'about:blank', title, status, detail, instance } satisfies Problem, {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  })
}

const findVendor = (id: unknown) => state.vendors.find((v) => v.id === id)
const vendorNotFound = (request: Request, id: unknown) =>
  problem(404, 'Vendor not found', `No vendor has id ${String(id)}`, new URL(request.url).pathname)

function asOfFrom(request: Request): string | Response {
  const url = new URL(request.url)
  const raw = url.searchParams.get('asOf')
  if (raw === null || raw === '') return MOCK_AS_OF
  return IsoDate.safeParse(raw).success
    ? raw
    : problem(400, 'Invalid query parameter', `asOf: ${raw} is not a YYYY-MM-DD date`, url.pathname)
}

export const vendorHandlers = [
  http.get('/api/vendors', ({ request }) => {
    const url = new URL(request.url)
    const parsed = VendorListQuery.safeParse(Object.fromEntries(url.searchParams))
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      return problem(
        400,
        'Invalid query parameter',
        `${issue.path.join('.')}: ${issue.message}`,
        url.pathname,
      )
    }
    const query = parsed.data
    const asOf = query.asOf ?? MOCK_AS_OF
    const all = filterVendorSummaries(
      state.vendors.map((v) => summarizeVendor(v, asOf)),
      query,
    )
    sortVendorSummaries(all, query.sort, query.order)
    const offset = query.cursor ? Number(query.cursor) || 0 : 0
    const items = all.slice(offset, offset + query.limit)
    const next = offset + items.length
    return HttpResponse.json({
      items,
      total: all.length,
      nextCursor: next < all.length ? String(next) : null,
      asOf,
    } satisfies VendorListResponse)
  }),
  http.get('/api/vendors/:id', ({ request, params }) => {
    const asOf = asOfFrom(request)
    if (asOf instanceof Response) return asOf
    const vendor = findVendor(params.id)
    if (!vendor) return vendorNotFound(request, params.id)
    return HttpResponse.json(vendorDetail(vendor, asOf, { version: 1, riskAcceptance: null }))
  }),
  http.get('/api/vendors/:id/history', ({ request, params }) => {
    const vendor = findVendor(params.id)
    if (!vendor) return vendorNotFound(request, params.id)
    // The mock keeps no history: it rescores the vendor monthly over the last year, keeping each change.
    const items: z.infer<typeof ScoreHistoryResponse>['items'] = []
    for (let monthsAgo = 12; monthsAgo >= 0; monthsAgo--) {
      const asOf = addDays(MOCK_AS_OF, -30 * monthsAgo)
      const s = computeScore(vendor, { asOf })
      if (items.at(-1)?.score === s.score) continue
      items.push({ recordedAt: `${asOf}T00:00:00.000Z`, ...s, reason: 'daily rescore' })
    }
    return HttpResponse.json({ items } satisfies z.infer<typeof ScoreHistoryResponse>)
  }),
  http.post('/api/vendors/:id/score-preview', async ({ request, params }) => {
    const url = new URL(request.url)
    const vendor = findVendor(params.id)
    if (!vendor) return vendorNotFound(request, params.id)
    const patch = VendorPatch.safeExtend({ incidents: z.array(z.unknown()).optional() }).safeParse(
      await request.json(),
    )
    const candidate = patch.success ? Vendor.safeParse(applyVendorPatch(vendor, patch.data)) : patch
    if (!candidate.success) {
      const issue = candidate.error.issues[0]!
      return problem(422, 'Invalid vendor', `${issue.path.join('.')}: ${issue.message}`, url.pathname)
    }
    return HttpResponse.json(
      previewScore(vendor, candidate.data, { asOf: url.searchParams.get('asOf') ?? MOCK_AS_OF }),
    )
  }),
  http.post('/api/vendors/:id/reviews', async ({ request, params }) => {
    const vendor = findVendor(params.id)
    if (!vendor) return vendorNotFound(request, params.id)
    const input = ReviewInput.safeParse(await request.json())
    if (!input.success) {
      const issue = input.error.issues[0]!
      return problem(
        422,
        'Invalid review',
        `${issue.path.join('.')}: ${issue.message}`,
        new URL(request.url).pathname,
      )
    }
    const { completedAt, notes } = input.data
    if (vendor.controls.lastAssessedAt === undefined || vendor.controls.lastAssessedAt < completedAt) {
      vendor.controls = { ...vendor.controls, lastAssessedAt: completedAt }
    }
    const detail = vendorDetail(vendor, MOCK_AS_OF, { version: 1, riskAcceptance: null })
    return HttpResponse.json(
      {
        review: {
          vendorId: vendor.id,
          completedAt,
          notes,
          reviewer: currentMockUser() ?? 'anonymous',
          recordedAt: `${MOCK_AS_OF}T12:00:00.000Z`,
        },
        nextReviewDue: detail.summary.nextReviewDue,
        cadenceDays: REVIEW_CADENCE_DAYS[detail.score.tier],
        vendor: detail,
      } satisfies RecordReviewResponse,
      { status: 201 },
    )
  }),
]
