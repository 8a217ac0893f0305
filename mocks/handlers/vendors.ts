/** msw handlers for the vendor API, built on the same domain functions and schemas as the server. */
import { http, HttpResponse } from 'msw'
import { z } from 'zod'
import type { ScoreHistoryResponse } from '../../src/domain'
import {
  addDays,
  can,
  futureDateErrors,
  incidentDateErrors,
  issuesToErrors,
  forbidden,
  Incident,
  IncidentInput,
  IncidentPatch,
  mergePatch,
  type IncidentChangeResponse,
  type Permission,
  type VendorDetailResponse,
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
  vendorFacets,
  VendorListQuery,
  IsoDate,
  summarizeVendor,
  type Problem,
  vendorDetail,
  type VendorFacetsResponse,
  type VendorListResponse,
} from '../../src/domain'
import { generateDemoVendors } from '../data'
import { currentMockUser, MOCK_CSRF_TOKEN } from './session'

/** The mocked API answers for a fixed day so the offline demo and tests are reproducible. */
export const MOCK_AS_OF = '2026-11-26'

/** The vendors, and each one's version: it starts at 1 and every stored change adds one, as on the server. */
const state: { vendors: Vendor[]; versions: Map<string, number>; incidentCount: number } = {
  vendors: [],
  versions: new Map(),
  incidentCount: 0,
}

export function resetMockVendors(vendors: Vendor[] = generateDemoVendors({ count: 60, asOf: MOCK_AS_OF })) {
  state.vendors = structuredClone(vendors)
  state.versions = new Map()
  state.incidentCount = 0
}
resetMockVendors()

function problem(
  status: number,
  title: string,
  detail: string,
  instance: string,
  extra: Pick<Problem, 'errors' | 'currentVersion'> = {},
) {
  return HttpResponse.json(
    { type: 'about:blank', title, status, detail, instance, ...extra } satisfies Problem,
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  )
}

/** A 422 naming each field, as the server's parseWith answers: `access.records`, `incidents.0.kind`. */
function invalid(request: Request, title: string, errors: { path: string; message: string }[]) {
  return problem(
    422,
    title,
    errors.map((e) => `${e.path}: ${e.message}`).join('; '),
    new URL(request.url).pathname,
    { errors },
  )
}
const issuesOf = issuesToErrors

const findVendor = (id: unknown) => state.vendors.find((v) => v.id === id)
const versionOf = (id: string) => state.versions.get(id) ?? 1

/** Stores `next` in place of the vendor with its id and moves its version on, as a server commit does. */
function store(next: Vendor) {
  state.vendors = state.vendors.map((v) => (v.id === next.id ? next : v))
  state.versions.set(next.id, versionOf(next.id) + 1)
}

const detailOf = (vendor: Vendor, asOf = MOCK_AS_OF): VendorDetailResponse =>
  vendorDetail(vendor, asOf, { version: versionOf(vendor.id), riskAcceptance: null })

/** The vendor as JSON with its ETag, so the SPA can send the version back in If-Match. */
const withEtag = (body: VendorDetailResponse, status = 200) =>
  HttpResponse.json(body, { status, headers: { ETag: `"${body.version}"` } })

/** The mock's vendor as stored now, for tests to compare what the page shows with what was saved. */
export const mockVendor = (id: string): Vendor | undefined => findVendor(id)

/** Someone else's edit, for tests: changes the vendor (or only its version) behind the signed-in user's back. */
export function editMockVendorConcurrently(id: string, patch: VendorPatch = {}): VendorDetailResponse {
  const vendor = findVendor(id)
  if (!vendor) throw new Error(`No mock vendor has id ${id}`)
  store(Vendor.parse(applyVendorPatch(vendor, patch)))
  return detailOf(findVendor(id)!)
}

/** 401 or 403 as the server's CSRF check and requirePermission answer, or null when the request may go on. */
function refused(request: Request, permission: Permission) {
  const role = currentMockUser()
  const instance = new URL(request.url).pathname
  if (role === null) return problem(401, 'Sign in required', 'Sign in to use the API.', instance)
  if (request.headers.get('X-CSRF-Token') !== MOCK_CSRF_TOKEN) {
    return problem(
      403,
      'Missing or wrong CSRF token',
      'Send the csrfToken from GET /api/session in the X-CSRF-Token header.',
      instance,
    )
  }
  return can(role, permission)
    ? null
    : problem(403, forbidden(role, permission).title, forbidden(role, permission).detail, instance)
}

const readBody = async (request: Request): Promise<unknown> => {
  try {
    return await request.json()
  } catch {
    return undefined
  }
}
const vendorNotFound = (request: Request, id: unknown) =>
  problem(404, 'Vendor not found', `No vendor has id ${String(id)}`, new URL(request.url).pathname)
const incidentNotFound = (request: Request, vendorId: string, id: unknown) =>
  problem(
    404,
    'Incident not found',
    `Vendor ${vendorId} has no incident ${String(id)}`,
    new URL(request.url).pathname,
  )

function asOfFrom(request: Request): string | Response {
  const url = new URL(request.url)
  const raw = url.searchParams.get('asOf')
  if (raw === null || raw === '') return MOCK_AS_OF
  const parsed = IsoDate.safeParse(raw)
  if (parsed.success) return raw
  const errors = issuesToErrors(parsed.error).map((e) => ({ ...e, path: 'asOf' }))
  return problem(400, 'Invalid query parameter', `asOf: ${errors[0]!.message}`, url.pathname, { errors })
}

export const vendorHandlers = [
  http.get('/api/vendors', ({ request }) => {
    const url = new URL(request.url)
    const parsed = VendorListQuery.safeParse(Object.fromEntries(url.searchParams))
    if (!parsed.success) {
      const errors = issuesToErrors(parsed.error)
      const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ')
      return problem(400, 'Invalid query parameter', detail, url.pathname, { errors })
    }
    const query = parsed.data
    const asOf = query.asOf ?? MOCK_AS_OF
    const all = filterVendorSummaries(
      state.vendors.map((v) => summarizeVendor(v, asOf)),
      query,
    )
    sortVendorSummaries(all, query.sort, query.order)
    // `offset` jumps to any row (the virtualized grid); the mock's cursor is a plain offset too, opaque to clients.
    const offset = query.offset ?? (query.cursor ? Number(query.cursor) || 0 : 0)
    const items = all.slice(offset, offset + query.limit)
    const next = offset + items.length
    return HttpResponse.json({
      items,
      total: all.length,
      nextCursor: next < all.length ? String(next) : null,
      asOf,
    } satisfies VendorListResponse)
  }),
  // Before '/:id', which would otherwise take "facets" for a vendor id.
  http.get('/api/vendors/facets', () =>
    HttpResponse.json(
      vendorFacets(
        state.vendors.map((v) => summarizeVendor(v, MOCK_AS_OF)),
        MOCK_AS_OF,
      ) satisfies VendorFacetsResponse,
    ),
  ),
  http.get('/api/vendors/:id', ({ request, params }) => {
    const asOf = asOfFrom(request)
    if (asOf instanceof Response) return asOf
    const vendor = findVendor(params.id)
    if (!vendor) return vendorNotFound(request, params.id)
    return withEtag(detailOf(vendor, asOf))
  }),
  http.patch('/api/vendors/:id', async ({ request, params }) => {
    const denied = refused(request, 'vendors:write')
    if (denied) return denied
    const url = new URL(request.url)
    const patch = VendorPatch.safeParse(await readBody(request))
    if (!patch.success) return invalid(request, 'Invalid request body', issuesOf(patch.error))
    const vendor = findVendor(params.id)
    if (!vendor) return vendorNotFound(request, params.id)
    const ifMatch = request.headers.get('If-Match')?.trim()
    if (ifMatch === undefined) {
      return problem(
        428,
        'If-Match required',
        'Send the ETag of the vendor you edited in If-Match.',
        url.pathname,
      )
    }
    const current = versionOf(vendor.id)
    const expected = ifMatch === '*' ? current : Number(/^(?:W\/)?"(\d+)"$/.exec(ifMatch)?.[1])
    if (!Number.isInteger(expected)) {
      return problem(400, 'Malformed If-Match', 'If-Match must be the ETag from GET, like "3".', url.pathname)
    }
    const next = Vendor.safeParse(applyVendorPatch(vendor, patch.data))
    if (!next.success) return invalid(request, 'Invalid vendor', issuesOf(next.error))
    const future = futureDateErrors(next.data, MOCK_AS_OF)
    if (future.length > 0) return invalid(request, 'Invalid vendor', future)
    if (expected !== current) {
      return problem(
        412,
        'Changed meanwhile',
        `vendor ${vendor.id} changed meanwhile (now version ${current}). Reload it, then reapply your change.`,
        url.pathname,
        { currentVersion: current },
      )
    }
    store(next.data)
    return withEtag(detailOf(next.data))
  }),
  http.post('/api/vendors/:id/incidents', async ({ request, params }) => {
    const denied = refused(request, 'incidents:write')
    if (denied) return denied
    const vendor = findVendor(params.id)
    if (!vendor) return vendorNotFound(request, params.id)
    const input = IncidentInput.safeParse(await readBody(request))
    if (!input.success) return invalid(request, 'Invalid incident', issuesOf(input.error))
    const dateErrors = incidentDateErrors(input.data, MOCK_AS_OF)
    if (dateErrors.length > 0) return invalid(request, 'Invalid incident', dateErrors)
    state.incidentCount += 1
    const incident: Incident = {
      ...input.data,
      id: `inc-mock-${String(state.incidentCount).padStart(4, '0')}`,
    }
    const next: Vendor = { ...vendor, incidents: [...vendor.incidents, incident] }
    store(next)
    const body = { incident, vendor: detailOf(next) } satisfies IncidentChangeResponse
    return HttpResponse.json(body, { status: 201, headers: { ETag: `"${body.vendor.version}"` } })
  }),
  http.patch('/api/vendors/:id/incidents/:incidentId', async ({ request, params }) => {
    const denied = refused(request, 'incidents:write')
    if (denied) return denied
    const patch = IncidentPatch.safeParse(await readBody(request))
    if (!patch.success) return invalid(request, 'Invalid request body', issuesOf(patch.error))
    const vendor = findVendor(params.id)
    if (!vendor) return vendorNotFound(request, params.id)
    const before = vendor.incidents.find((i) => i.id === params.incidentId)
    if (!before) return incidentNotFound(request, vendor.id, params.incidentId)
    const incident = Incident.safeParse({ ...mergePatch(patch.data, before), id: before.id })
    if (!incident.success) return invalid(request, 'Invalid incident', issuesOf(incident.error))
    const dateErrors = incidentDateErrors(incident.data, MOCK_AS_OF)
    if (dateErrors.length > 0) return invalid(request, 'Invalid incident', dateErrors)
    const next: Vendor = {
      ...vendor,
      incidents: vendor.incidents.map((i) => (i.id === before.id ? incident.data : i)),
    }
    store(next)
    const body = { incident: incident.data, vendor: detailOf(next) } satisfies IncidentChangeResponse
    return HttpResponse.json(body, { headers: { ETag: `"${body.vendor.version}"` } })
  }),
  http.delete('/api/vendors/:id/incidents/:incidentId', ({ request, params }) => {
    const denied = refused(request, 'incidents:write')
    if (denied) return denied
    const vendor = findVendor(params.id)
    if (!vendor) return vendorNotFound(request, params.id)
    if (!vendor.incidents.some((i) => i.id === params.incidentId)) {
      return incidentNotFound(request, vendor.id, params.incidentId)
    }
    const next: Vendor = { ...vendor, incidents: vendor.incidents.filter((i) => i.id !== params.incidentId) }
    store(next)
    return withEtag(detailOf(next))
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
      return invalid(
        request,
        patch.success ? 'Invalid vendor' : 'Invalid request body',
        issuesOf(candidate.error),
      )
    }
    return HttpResponse.json(
      previewScore(vendor, candidate.data, { asOf: url.searchParams.get('asOf') ?? MOCK_AS_OF }),
    )
  }),
  http.post('/api/vendors/:id/reviews', async ({ request, params }) => {
    const denied = refused(request, 'reviews:write')
    if (denied) return denied
    const input = ReviewInput.safeParse(await readBody(request))
    if (!input.success) return invalid(request, 'Invalid request body', issuesOf(input.error))
    const vendor = findVendor(params.id)
    if (!vendor) return vendorNotFound(request, params.id)
    const { completedAt, notes } = input.data
    if (completedAt > MOCK_AS_OF) {
      return invalid(request, 'Invalid review', [{ path: 'completedAt', message: 'Cannot be in the future' }])
    }
    // A later assessment date is a change to the vendor, so its version moves on, as on the server.
    if (vendor.controls.lastAssessedAt === undefined || vendor.controls.lastAssessedAt < completedAt) {
      store({ ...vendor, controls: { ...vendor.controls, lastAssessedAt: completedAt } })
    }
    const detail = detailOf(findVendor(vendor.id)!)
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

/** The mock inventory as it stands, for the import handlers; read it afresh each time, as a reset replaces it. */
export const mockVendors = (): readonly Vendor[] => state.vendors
export const mockVendorVersion = (id: string) => versionOf(id)

/** Adds the vendors that are new and stores the others in place, moving their versions on, as an import does. */
export function saveMockVendors(vendors: readonly Vendor[]) {
  const at = new Map(state.vendors.map((v, index) => [v.id, index]))
  for (const vendor of vendors) {
    const index = at.get(vendor.id)
    if (index === undefined) {
      state.vendors.push(vendor)
    } else {
      state.vendors[index] = vendor
      state.versions.set(vendor.id, versionOf(vendor.id) + 1)
    }
  }
}
