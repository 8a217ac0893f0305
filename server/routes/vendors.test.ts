/** The vendor lifecycle against the real server: CRUD with ETags, lists, incidents, reviews, risk, scoring, audit. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addDays,
  DEFAULT_WEIGHTS,
  MODEL_VERSION,
  REVIEW_CADENCE_DAYS,
  ScoringWeights,
  VendorDetailResponse,
  VendorFacetsResponse,
  VendorListResponse,
  type Tier,
  type VendorSummary,
} from '../../src/domain'
import type { AuditEntry } from '../audit/hash-chain'
import { signedIn, signedInAs, type ApiClient } from '../testing/api-client'
import {
  createVendor,
  daysFromToday,
  expectJson,
  expectProblem,
  fetchVendor,
  incidentInput,
  today,
  vendorInput,
} from '../testing/api-fixtures'
import { startServer, type ServerProcess } from '../testing/server-process'

let server: ServerProcess
let procurement: ApiClient
let ciso: ApiClient
let auditor: ApiClient

beforeAll(async () => {
  server = await startServer()
  ;[procurement, ciso, auditor] = await signedInAs(server.url, 'procurement', 'ciso', 'auditor')
}, 30_000)
afterAll(async () => {
  await server?.stop()
})

const MAXIS = 'Nusantara Customer Data Services'

async function list(query = ''): Promise<VendorListResponse> {
  return VendorListResponse.parse(await auditor.json(`/api/vendors?limit=50000${query ? `&${query}` : ''}`))
}

async function maxisId(): Promise<string> {
  const found = (await list(`q=${encodeURIComponent(MAXIS)}`)).items.find((v) => v.name === MAXIS)
  return found!.id
}

async function audit(query: string): Promise<{ items: AuditEntry[]; nextBefore: number | null }> {
  return auditor.json(`/api/audit-log?${query}`)
}

type History = { items: { score: number; reason: string; asOf: string }[] }

describe('vendor create, read, update and archive', () => {
  it('creates a vendor: 201, ETag "1", a score with factors, and a vendor.create audit entry', async () => {
    const input = vendorInput('Lifecycle Create Co')
    const response = await procurement.post('/api/vendors', input)
    expect(response.headers.get('etag')).toBe('"1"')
    const body = VendorDetailResponse.parse(await expectJson(response, 201))
    expect(body.version).toBe(1)
    expect(body.vendor).toMatchObject({ name: input.name, access: input.access, controls: input.controls })
    expect(body.vendor.id).toMatch(/^ven-/)
    expect(body.score.score).toBeGreaterThan(0)
    expect(body.score.factors.length).toBeGreaterThan(0)
    expect(body.summary).toMatchObject({ id: body.vendor.id, score: body.score.score, tier: body.score.tier })

    const entries = (await audit(`entityId=${body.vendor.id}`)).items
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      action: 'vendor.create',
      actor: 'procurement',
      entityType: 'vendor',
      entityId: body.vendor.id,
      before: null,
      after: body.vendor,
    })
  })

  it('returns a vendor with its version as the ETag', async () => {
    const created = await createVendor(procurement, 'Lifecycle Get Co')
    const response = await auditor.get(`/api/vendors/${created.vendor.id}`)
    expect(response.headers.get('etag')).toBe('"1"')
    const body = VendorDetailResponse.parse(await expectJson(response, 200))
    expect(body.vendor).toEqual(created.vendor)
  })

  it('applies a PATCH with the current If-Match: version 2, access merged field by field, null removes a field', async () => {
    const created = await createVendor(procurement, 'Lifecycle Patch Co')
    const response = await procurement.patch(
      `/api/vendors/${created.vendor.id}`,
      { owner: 'New Owner', description: null, access: { records: 9_000_000 } },
      { headers: { 'if-match': '"1"' } },
    )
    expect(response.headers.get('etag')).toBe('"2"')
    const body = VendorDetailResponse.parse(await expectJson(response, 200))
    expect(body.version).toBe(2)
    expect(body.vendor.owner).toBe('New Owner')
    expect(body.vendor.access).toEqual({ ...created.vendor.access, records: 9_000_000 })
    expect(body.vendor.controls).toEqual(created.vendor.controls)
    expect(body.vendor).not.toHaveProperty('description')
    expect(body.vendor.website).toBe(created.vendor.website)

    const again = await fetchVendor(auditor, created.vendor.id)
    expect(again.etag).toBe('"2"')
    expect(again.detail.vendor).toEqual(body.vendor)
  })

  it('refuses a PATCH with a stale If-Match with 412 and the current version, and keeps the other edit', async () => {
    const { vendor } = await createVendor(procurement, 'Lifecycle Stale Co')
    const first = await procurement.patch(
      `/api/vendors/${vendor.id}`,
      { owner: 'First editor' },
      { headers: { 'if-match': '"1"' } },
    )
    expect(first.status).toBe(200)
    const stale = await procurement.patch(
      `/api/vendors/${vendor.id}`,
      { owner: 'Stale editor', category: 'Stale category' },
      { headers: { 'if-match': '"1"' } },
    )
    const problem = await expectProblem(stale, 412, { title: 'Changed meanwhile' })
    expect(problem.currentVersion).toBe(2)

    const now = await fetchVendor(auditor, vendor.id)
    expect(now.detail.version).toBe(2)
    expect(now.detail.vendor.owner).toBe('First editor')
    expect(now.detail.vendor.category).toBe(vendor.category)
    expect((await audit(`entityId=${vendor.id}`)).items.map((e) => e.action)).toEqual([
      'vendor.update',
      'vendor.create',
    ])
  })

  it('refuses a PATCH without If-Match with 428', async () => {
    const { vendor } = await createVendor(procurement, 'Lifecycle No If-Match Co')
    await expectProblem(await procurement.patch(`/api/vendors/${vendor.id}`, { owner: 'Nobody' }), 428, {
      title: 'If-Match required',
    })
    expect((await fetchVendor(auditor, vendor.id)).detail.version).toBe(1)
  })

  it('treats a PATCH that changes nothing as a no-op: same version, no audit entry', async () => {
    const { vendor } = await createVendor(procurement, 'Lifecycle No-op Co')
    for (const body of [{}, { owner: vendor.owner, access: { records: vendor.access.records } }]) {
      const response = await procurement.patch(`/api/vendors/${vendor.id}`, body, {
        headers: { 'if-match': '"1"' },
      })
      expect(VendorDetailResponse.parse(await expectJson(response, 200)).version).toBe(1)
    }
    expect((await audit(`entityId=${vendor.id}`)).items.map((e) => e.action)).toEqual(['vendor.create'])
  })

  it('accepts If-Match: * as "whatever the current version is"', async () => {
    const { vendor } = await createVendor(procurement, 'Lifecycle Star Co')
    const response = await procurement.patch(
      `/api/vendors/${vendor.id}`,
      { owner: 'Star' },
      { headers: { 'if-match': '*' } },
    )
    expect(VendorDetailResponse.parse(await expectJson(response, 200))).toMatchObject({
      version: 2,
      vendor: { owner: 'Star' },
    })
  })

  it('refuses dates that cannot be true yet: an assessment or an incident after today, with the field path', async () => {
    const { vendor } = await createVendor(procurement, 'Lifecycle Future Co')
    const tomorrow = daysFromToday(1)
    const assessed = await procurement.patch(
      `/api/vendors/${vendor.id}`,
      { controls: { lastAssessedAt: tomorrow } },
      { headers: { 'if-match': '"1"' } },
    )
    await expectProblem(assessed, 422, { paths: ['controls.lastAssessedAt'] })
    const incident = await procurement.post(
      `/api/vendors/${vendor.id}/incidents`,
      incidentInput({ occurredAt: tomorrow }),
    )
    await expectProblem(incident, 422, { paths: ['occurredAt'] })
    const created = await procurement.post(
      '/api/vendors',
      vendorInput('Lifecycle Future Two', { incidents: [incidentInput({ occurredAt: tomorrow })] }),
    )
    await expectProblem(created, 422, { paths: ['incidents.0.occurredAt'] })
    expect((await fetchVendor(auditor, vendor.id)).detail.version).toBe(1)
  })

  it('archives on DELETE: the vendor is offboarded, still readable, and listed under status=offboarded', async () => {
    const { vendor } = await createVendor(procurement, 'Lifecycle Archive Co')
    const response = await procurement.delete(`/api/vendors/${vendor.id}`)
    expect(response.headers.get('etag')).toBe('"2"')
    const body = VendorDetailResponse.parse(await expectJson(response, 200))
    expect(body.vendor.status).toBe('offboarded')
    expect((await fetchVendor(auditor, vendor.id)).detail.vendor.status).toBe('offboarded')
    const offboarded = await list('status=offboarded')
    expect(offboarded.items.map((v) => v.id)).toContain(vendor.id)
    expect(offboarded.items.every((v) => v.status === 'offboarded')).toBe(true)
    expect((await list('status=active')).items.map((v) => v.id)).not.toContain(vendor.id)
  })

  it('refuses a duplicate name, ignoring case and surrounding spaces, with 409 on path name', async () => {
    await createVendor(procurement, 'Lifecycle Duplicate Co')
    const before = (await list()).total
    await expectProblem(
      await procurement.post('/api/vendors', vendorInput('  lifecycle DUPLICATE co ')),
      409,
      { title: 'Already exists', paths: ['name'] },
    )
    expect((await list()).total).toBe(before)
  })

  it('refuses renaming a vendor to another vendor’s name with 409 and leaves it unchanged', async () => {
    await createVendor(procurement, 'Lifecycle Rename Taken Co')
    const { vendor } = await createVendor(procurement, 'Lifecycle Rename Co')
    await expectProblem(
      await procurement.patch(
        `/api/vendors/${vendor.id}`,
        { name: 'LIFECYCLE RENAME TAKEN CO' },
        { headers: { 'if-match': '"1"' } },
      ),
      409,
      { paths: ['name'] },
    )
    expect((await fetchVendor(auditor, vendor.id)).detail).toMatchObject({
      version: 1,
      vendor: { name: vendor.name },
    })
  })
})

describe('the vendor list', () => {
  it.each([
    ['tier=critical', (v: VendorSummary) => v.tier === 'critical'],
    ['tier=high,medium', (v: VendorSummary) => v.tier === 'high' || v.tier === 'medium'],
    ['dataLocation=vendor_environment', (v: VendorSummary) => v.dataLocation === 'vendor_environment'],
    ['outsidePerimeter=true', (v: VendorSummary) => v.outsidePerimeter],
    ['openIncident=true', (v: VendorSummary) => v.openIncidents > 0],
    ['reviewOverdue=true', (v: VendorSummary) => v.reviewOverdue],
    ['reviewOverdue=false', (v: VendorSummary) => !v.reviewOverdue],
    ['dataClass=pii,health', (v: VendorSummary) => v.dataClasses.some((c) => c === 'pii' || c === 'health')],
    [
      'fourthParty=amazon%20web%20services',
      (v: VendorSummary) => v.fourthParties.includes('Amazon Web Services'),
    ],
    [
      'exposureMin=40&exposureMax=70&likelihoodMin=10',
      (v: VendorSummary) => v.exposure >= 40 && v.exposure < 70 && v.likelihood >= 10,
    ],
  ])('filters by %s to exactly the matching vendors', async (query, matches) => {
    const all = await list()
    const filtered = await list(query)
    const expected = all.items.filter(matches).map((v) => v.id)
    expect(expected.length).toBeGreaterThan(0)
    expect(filtered.total).toBe(expected.length)
    expect(filtered.items.map((v) => v.id)).toEqual(expected)
  })

  it('searches name, category and owner case-insensitively with q', async () => {
    const byName = await list('q=nUSANTARA')
    expect(byName.items.map((v) => v.name)).toContain(MAXIS)
    const needle = 'payroll'
    const found = await list(`q=${needle}`)
    expect(found.total).toBeGreaterThan(0)
    for (const v of found.items) expect(`${v.name} ${v.category} ${v.owner}`.toLowerCase()).toContain(needle)
    const expected = (await list()).items.filter((v) =>
      [v.name, v.category, v.owner].some((s) => s.toLowerCase().includes(needle)),
    )
    expect(found.total).toBe(expected.length)
  })

  it('sorts by name ascending with sort=name&order=asc', async () => {
    const names = (await list('sort=name&order=asc')).items.map((v) => v.name)
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })
    expect(names).toEqual([...names].sort(collator.compare))
    expect(names.length).toBe((await list()).total)
  })

  it('walks every vendor exactly once with limit and cursor, with the same total on every page', async () => {
    const all = await list('sort=name')
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: VendorListResponse = VendorListResponse.parse(
        await auditor.json(`/api/vendors?sort=name&limit=7${cursor ? `&cursor=${cursor}` : ''}`),
      )
      expect(page.total).toBe(all.total)
      expect(page.items.length).toBeLessThanOrEqual(7)
      seen.push(...page.items.map((v) => v.id))
      cursor = page.nextCursor
      pages += 1
    } while (cursor !== null && pages < 1000)
    expect(seen).toEqual(all.items.map((v) => v.id))
    expect(new Set(seen).size).toBe(all.total)
    expect(pages).toBe(Math.ceil(all.total / 7))
  })

  it('serves any window of the sorted list by offset, the same rows the full list holds there', async () => {
    const all = await list('sort=name&tier=critical,high,medium')
    for (const offset of [0, 3, all.total - 2, all.total]) {
      const page = VendorListResponse.parse(
        await auditor.json(`/api/vendors?sort=name&tier=critical,high,medium&limit=4&offset=${offset}`),
      )
      expect(page.total).toBe(all.total)
      expect(page.items.map((v) => v.id)).toEqual(all.items.slice(offset, offset + 4).map((v) => v.id))
    }
  })

  it('refuses cursor and offset together, and a negative offset, with 400 on path offset', async () => {
    const first = VendorListResponse.parse(await auditor.json('/api/vendors?sort=name&limit=5'))
    await expectProblem(
      await auditor.get(`/api/vendors?sort=name&offset=5&cursor=${first.nextCursor}`),
      400,
      {
        paths: ['offset'],
      },
    )
    await expectProblem(await auditor.get('/api/vendors?offset=-1'), 400, { paths: ['offset'] })
  })

  it('a cursor from an offset page continues after it', async () => {
    const all = await list('sort=name')
    const page = VendorListResponse.parse(await auditor.json('/api/vendors?sort=name&limit=3&offset=2'))
    const next = VendorListResponse.parse(
      await auditor.json(`/api/vendors?sort=name&limit=3&cursor=${page.nextCursor}`),
    )
    expect(next.items.map((v) => v.id)).toEqual(all.items.slice(5, 8).map((v) => v.id))
  })

  it('lists the inventory as a whole in facets, and follows an edit at once', async () => {
    const facets = VendorFacetsResponse.parse(await auditor.json('/api/vendors/facets'))
    const all = (await list()).items
    expect(facets.total).toBe(all.length)
    expect(facets.outsidePerimeter).toBe(all.filter((v) => v.outsidePerimeter).length)
    for (const tier of ['critical', 'high', 'medium', 'low'] as const)
      expect(facets.tiers[tier]).toBe(all.filter((v) => v.tier === tier).length)
    expect(facets.categories).toEqual(
      [...new Set(all.map((v) => v.category))].sort(
        new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare,
      ),
    )
    const created = await createVendor(procurement, 'Facets Newcomer Ltd', { category: 'Zz facet category' })
    const after = VendorFacetsResponse.parse(await auditor.json('/api/vendors/facets'))
    expect(after.total).toBe(facets.total + 1)
    expect(after.categories).toContain('Zz facet category')
    expect((await list('sort=name&q=facets%20newcomer')).items.map((v) => v.id)).toEqual([created.vendor.id])
  })

  it('treats an empty list filter (tier=) as no filter', async () => {
    expect((await list('tier=&status=&dataLocation=&networkAccess=')).total).toBe((await list()).total)
  })

  it('refuses an unknown sort key with 400 on path sort', async () => {
    await expectProblem(await auditor.get('/api/vendors?sort=password'), 400, {
      title: 'Invalid query parameter',
      paths: ['sort'],
    })
  })

  it('refuses a forged cursor, or one from another query, with 400 on path cursor', async () => {
    await expectProblem(await auditor.get('/api/vendors?cursor=not-a-cursor'), 400, {
      title: 'Invalid cursor',
      paths: ['cursor'],
    })
    const first = VendorListResponse.parse(await auditor.json('/api/vendors?sort=name&limit=5'))
    await expectProblem(
      await auditor.get(`/api/vendors?sort=score&limit=5&cursor=${first.nextCursor}`),
      400,
      {
        paths: ['cursor'],
      },
    )
  })
})

describe('incidents', () => {
  it('records a severe open breach: 201, the vendor version bumps and its score rises', async () => {
    const created = await createVendor(procurement, 'Incident Breach Co')
    const response = await procurement.post(`/api/vendors/${created.vendor.id}/incidents`, incidentInput())
    expect(response.headers.get('etag')).toBe('"2"')
    const body = await expectJson<{ incident: { id: string }; vendor: VendorDetailResponse }>(response, 201)
    expect(body.incident).toMatchObject({ ...incidentInput(), id: expect.stringMatching(/^inc-/) })
    expect(body.vendor.version).toBe(2)
    expect(body.vendor.score.score).toBeGreaterThan(created.score.score)
    expect(body.vendor.summary.openIncidents).toBe(1)
    expect(body.vendor.score.factors.some((f) => f.incidentId === body.incident.id)).toBe(true)
    expect((await audit(`entityId=${body.incident.id}`)).items[0]).toMatchObject({
      action: 'incident.create',
      after: { vendorId: created.vendor.id, id: body.incident.id },
    })
  })

  it('lowers the score when an incident is resolved, and restores it when the incident is deleted', async () => {
    const created = await createVendor(procurement, 'Incident Lifecycle Co')
    const id = created.vendor.id
    const opened = await expectJson<{ incident: { id: string }; vendor: VendorDetailResponse }>(
      await procurement.post(`/api/vendors/${id}/incidents`, incidentInput()),
      201,
    )
    const incidentId = opened.incident.id

    const resolved = await expectJson<{ incident: { status: string }; vendor: VendorDetailResponse }>(
      await procurement.patch(`/api/vendors/${id}/incidents/${incidentId}`, { status: 'resolved' }),
      200,
    )
    expect(resolved.incident.status).toBe('resolved')
    expect(resolved.vendor.version).toBe(3)
    expect(resolved.vendor.score.score).toBeLessThan(opened.vendor.score.score)
    expect(resolved.vendor.summary.openIncidents).toBe(0)

    const removed = VendorDetailResponse.parse(
      await expectJson(await procurement.delete(`/api/vendors/${id}/incidents/${incidentId}`), 200),
    )
    expect(removed.version).toBe(4)
    expect(removed.vendor.incidents).toEqual([])
    expect(removed.score.score).toBe(created.score.score)
  })

  it('records when an incident was resolved, and refuses a resolution date before it occurred, after today or on an open incident', async () => {
    const { vendor } = await createVendor(procurement, 'Incident Resolution Co')
    const opened = await expectJson<{ incident: { id: string; occurredAt: string } }>(
      await procurement.post(`/api/vendors/${vendor.id}/incidents`, incidentInput()),
      201,
    )
    const path = `/api/vendors/${vendor.id}/incidents/${opened.incident.id}`
    await expectProblem(await procurement.patch(path, { resolvedAt: today() }), 422, {
      errors: [{ path: 'resolvedAt', message: 'Only a resolved incident has a resolution date' }],
    })
    await expectProblem(
      await procurement.patch(path, { status: 'resolved', resolvedAt: daysFromToday(1) }),
      422,
      {
        errors: [{ path: 'resolvedAt', message: `Cannot be after today (${today()})` }],
      },
    )
    await expectProblem(
      await procurement.patch(path, { status: 'resolved', resolvedAt: '2000-01-01' }),
      422,
      {
        errors: [
          { path: 'resolvedAt', message: `Cannot be before it occurred (${opened.incident.occurredAt})` },
        ],
      },
    )
    const resolved = await expectJson<{ incident: { status: string; resolvedAt: string } }>(
      await procurement.patch(path, { status: 'resolved', resolvedAt: today() }),
      200,
    )
    expect(resolved.incident).toMatchObject({ status: 'resolved', resolvedAt: today() })
    const reopened = await expectJson<{ incident: Record<string, unknown> }>(
      await procurement.patch(path, { status: 'open', resolvedAt: null }),
      200,
    )
    expect(reopened.incident).not.toHaveProperty('resolvedAt')
  })

  it('refuses an incident PATCH with a field incidents do not have, instead of dropping it silently', async () => {
    const { vendor } = await createVendor(procurement, 'Incident Typo Co')
    const opened = await expectJson<{ incident: { id: string } }>(
      await procurement.post(`/api/vendors/${vendor.id}/incidents`, incidentInput()),
      201,
    )
    await expectProblem(
      await procurement.patch(`/api/vendors/${vendor.id}/incidents/${opened.incident.id}`, {
        sevrity: 'low',
      }),
      422,
      { errors: [{ path: 'sevrity', message: 'Unknown field "sevrity"' }] },
    )
    expect((await fetchVendor(auditor, vendor.id)).detail.version).toBe(2)
  })

  it('answers 404 for an incident the vendor does not have', async () => {
    const { vendor } = await createVendor(procurement, 'Incident Missing Co')
    await expectProblem(
      await procurement.patch(`/api/vendors/${vendor.id}/incidents/inc-nope`, { status: 'resolved' }),
      404,
      { title: 'Incident not found' },
    )
    await expectProblem(await procurement.delete(`/api/vendors/${vendor.id}/incidents/inc-nope`), 404, {
      title: 'Incident not found',
    })
    await expectProblem(await procurement.post('/api/vendors/ven-nope/incidents', incidentInput()), 404, {
      title: 'Vendor not found',
    })
    expect((await fetchVendor(auditor, vendor.id)).detail.version).toBe(1)
  })
})

describe('reviews', () => {
  const CADENCE: Record<Tier, number> = { critical: 90, high: 180, medium: 365, low: 730 }

  it('uses the documented review cadence per tier', () => {
    expect(REVIEW_CADENCE_DAYS).toEqual(CADENCE)
  })

  it.each(['critical', 'high', 'medium', 'low'] as const)(
    'records a review of a %s vendor: lastAssessedAt becomes the date, the next review is due one cadence later',
    async (tier) => {
      // The tier after the review counts (a fresh assessment may lower it): find a vendor that ends up in `tier`.
      let vendorId: string | undefined
      for (const v of (await list()).items) {
        if (v.name === MAXIS) continue
        const preview = await expectJson<{ preview: { tier: Tier } }>(
          await auditor.post(`/api/vendors/${v.id}/score-preview`, { controls: { lastAssessedAt: today() } }),
          200,
        )
        if (preview.preview.tier === tier) {
          vendorId = v.id
          break
        }
      }
      expect(vendorId, `a demo vendor in tier ${tier} after a review`).toBeDefined()

      const notes = `Annual ${tier} review: questionnaire and evidence checked.`
      const body = await expectJson<{
        review: { completedAt: string; notes: string; reviewer: string }
        nextReviewDue: string
        cadenceDays: number
        vendor: VendorDetailResponse
      }>(await procurement.post(`/api/vendors/${vendorId}/reviews`, { completedAt: today(), notes }), 201)
      expect(body.review).toMatchObject({ completedAt: today(), notes, reviewer: 'procurement' })
      expect(body.vendor.vendor.controls.lastAssessedAt).toBe(today())
      expect(body.vendor.score.tier).toBe(tier)
      expect(body.cadenceDays).toBe(CADENCE[tier])
      expect(body.nextReviewDue).toBe(addDays(today(), CADENCE[tier]))
      expect(body.vendor.summary.reviewOverdue).toBe(false)

      const reviews = await auditor.json<{
        items: { completedAt: string; notes: string; reviewer: string }[]
      }>(`/api/vendors/${vendorId}/reviews`)
      expect(reviews.items[0]).toMatchObject({ completedAt: today(), notes, reviewer: 'procurement' })
    },
  )

  it('refuses a review completed in the future with 422 on path completedAt', async () => {
    const { vendor } = await createVendor(procurement, 'Review Future Co')
    await expectProblem(
      await procurement.post(`/api/vendors/${vendor.id}/reviews`, {
        completedAt: daysFromToday(1),
        notes: '',
      }),
      422,
      { paths: ['completedAt'] },
    )
    expect(await auditor.json(`/api/vendors/${vendor.id}/reviews`)).toEqual({ items: [] })
    expect((await fetchVendor(auditor, vendor.id)).detail.version).toBe(1)
  })
})

describe('risk acceptance', () => {
  it('lets a CISO accept a vendor’s risk until a future date without changing its score', async () => {
    const created = await createVendor(procurement, 'Risk Accepted Co')
    const until = daysFromToday(60)
    const body = VendorDetailResponse.parse(
      await expectJson(
        await ciso.put(`/api/vendors/${created.vendor.id}/risk-acceptance`, {
          note: 'Compensating controls in place until migration.',
          until,
        }),
        200,
      ),
    )
    expect(body.summary.riskAcceptedUntil).toBe(until)
    expect(body.riskAcceptance).toMatchObject({ until, acceptedBy: 'ciso', active: true })
    expect(body.score.score).toBe(created.score.score)
    expect(body.version).toBe(created.version)
    expect((await list(`q=${encodeURIComponent('Risk Accepted Co')}`)).items[0]?.riskAcceptedUntil).toBe(
      until,
    )

    const revoked = VendorDetailResponse.parse(
      await expectJson(await ciso.delete(`/api/vendors/${created.vendor.id}/risk-acceptance`), 200),
    )
    expect(revoked.riskAcceptance).toBeNull()
    expect(revoked.summary.riskAcceptedUntil).toBeNull()
    expect((await audit(`entityId=${created.vendor.id}`)).items.map((e) => e.action)).toEqual([
      'risk.revoke',
      'risk.accept',
      'vendor.create',
    ])
  })

  it.each([
    ['yesterday', -1],
    ['today', 0],
  ])('refuses an acceptance that ends %s with 422 on path until', async (_label, offset) => {
    const { vendor } = await createVendor(procurement, `Risk Past Co ${offset}`)
    await expectProblem(
      await ciso.put(`/api/vendors/${vendor.id}/risk-acceptance`, {
        note: 'Too late',
        until: daysFromToday(offset),
      }),
      422,
      { paths: ['until'] },
    )
    expect((await fetchVendor(auditor, vendor.id)).detail.riskAcceptance).toBeNull()
  })

  it('does not let procurement accept risk (403)', async () => {
    const { vendor } = await createVendor(procurement, 'Risk Procurement Co')
    await expectProblem(
      await procurement.put(`/api/vendors/${vendor.id}/risk-acceptance`, {
        note: 'Not mine to accept',
        until: daysFromToday(30),
      }),
      403,
    )
    expect((await fetchVendor(auditor, vendor.id)).detail.riskAcceptance).toBeNull()
  })
})

describe('score preview, asOf and history', () => {
  it('previews moving the Nusantara data into our environment: lower score, negative data_location delta, nothing saved', async () => {
    const id = await maxisId()
    const before = await fetchVendor(auditor, id)
    const body = await expectJson<{
      current: { score: number }
      preview: { score: number }
      delta: number
      factors: { id: string; delta: number }[]
    }>(
      await auditor.post(`/api/vendors/${id}/score-preview`, { access: { dataLocation: 'our_environment' } }),
      200,
    )
    expect(body.current.score).toBe(before.detail.score.score)
    expect(body.preview.score).toBeLessThan(body.current.score)
    expect(body.delta).toBeLessThan(0)
    expect(body.factors.find((f) => f.id === 'data_location')?.delta).toBeLessThan(0)

    const after = await fetchVendor(auditor, id)
    expect(after.etag).toBe(before.etag)
    expect(after.detail.vendor).toEqual(before.detail.vendor)
    expect(after.detail.score.score).toBe(before.detail.score.score)
  })

  it('scores a vendor as of a past date with ?asOf=', async () => {
    const id = await maxisId()
    const current = await fetchVendor(auditor, id)
    const past = daysFromToday(-30)
    const then = VendorDetailResponse.parse(await auditor.json(`/api/vendors/${id}?asOf=${past}`))
    expect(then.score.asOf).toBe(past)
    // The open leak 24 days ago had not happened yet.
    expect(then.score.score).toBeLessThan(current.detail.score.score)
    expect(then.summary.openIncidents).toBeLessThan(current.detail.summary.openIncidents)
  })

  it('adds one history snapshot for an edit that changes the score, and none for one that does not', async () => {
    const { vendor, score } = await createVendor(procurement, 'History Co')
    const first = await auditor.json<History>(`/api/vendors/${vendor.id}/history`)
    expect(first.items).toHaveLength(1)
    expect(first.items[0]).toMatchObject({ reason: 'vendor created', score: score.score, asOf: today() })

    await expectJson(
      await procurement.patch(
        `/api/vendors/${vendor.id}`,
        { owner: 'Someone else' },
        { headers: { 'if-match': '"1"' } },
      ),
      200,
    )
    expect((await auditor.json<History>(`/api/vendors/${vendor.id}/history`)).items).toHaveLength(1)

    const edited = VendorDetailResponse.parse(
      await expectJson(
        await procurement.patch(
          `/api/vendors/${vendor.id}`,
          { access: { dataClasses: ['credentials', 'payment'], records: 50_000_000 } },
          { headers: { 'if-match': '"2"' } },
        ),
        200,
      ),
    )
    expect(edited.score.score).not.toBe(score.score)
    const second = await auditor.json<History>(`/api/vendors/${vendor.id}/history`)
    expect(second.items).toHaveLength(2)
    expect(second.items[1]).toMatchObject({ reason: 'vendor edited', score: edited.score.score })
  })
})

describe('the scoring model', () => {
  type Model = { weights: ScoringWeights; revision: number; modelVersion: string; defaults: ScoringWeights }

  it('returns the weights, their revision, the model version and the defaults', async () => {
    const model = await auditor.json<Model>('/api/scoring/model')
    expect(ScoringWeights.safeParse(model.weights).success).toBe(true)
    expect(Number.isInteger(model.revision)).toBe(true)
    expect(model.modelVersion).toBe(MODEL_VERSION)
    expect(model.defaults).toEqual(DEFAULT_WEIGHTS)
  })

  it('rescores every vendor when a CISO changes a weight, with a "scoring model changed" snapshot each', async () => {
    const model = await ciso.json<Model>('/api/scoring/model')
    const maxis = await maxisId()
    const before = (await fetchVendor(auditor, maxis)).detail.score.score
    const changed: ScoringWeights = {
      ...model.weights,
      exposure: { ...model.weights.exposure, dataLocation: model.weights.exposure.dataLocation + 15 },
    }
    const vendors = await list()
    const historyLengths = new Map<string, number>()
    for (const v of vendors.items) {
      historyLengths.set(v.id, (await auditor.json<History>(`/api/vendors/${v.id}/history`)).items.length)
    }

    const body = await expectJson<{ revision: number; rescored: number; weights: ScoringWeights }>(
      await ciso.put('/api/scoring/model', { weights: changed, revision: model.revision }),
      200,
    )
    try {
      expect(body).toMatchObject({ revision: model.revision + 1, rescored: vendors.total, weights: changed })
      expect((await auditor.json<Model>('/api/scoring/model')).weights).toEqual(changed)
      for (const v of vendors.items) {
        const history = (await auditor.json<History>(`/api/vendors/${v.id}/history`)).items
        expect(history, v.name).toHaveLength(historyLengths.get(v.id)! + 1)
        expect(history.at(-1)?.reason).toBe('scoring model changed')
      }
      expect((await fetchVendor(auditor, maxis)).detail.score.score).toBeGreaterThan(before)
      expect((await audit('action=model.update&limit=1')).items[0]).toMatchObject({
        actor: 'ciso',
        before: model.weights,
        after: changed,
      })

      await expectProblem(
        await ciso.put('/api/scoring/model', { weights: model.weights, revision: model.revision }),
        412,
        { title: 'Scoring model changed meanwhile' },
      )
      expect((await auditor.json<Model>('/api/scoring/model')).revision).toBe(model.revision + 1)
    } finally {
      // Put the original weights back so other tests see the usual scores.
      const restored = await ciso.put('/api/scoring/model', {
        weights: model.weights,
        revision: body.revision,
      })
      expect(restored.status).toBe(200)
    }
  })

  it('refuses unknown weight names instead of dropping them silently', async () => {
    const { revision } = await ciso.json<{ revision: number }>('/api/scoring/model')
    const weights = { ...DEFAULT_WEIGHTS, exposure: { ...DEFAULT_WEIGHTS.exposure, bogus: 5 } }
    await expectProblem(await ciso.put('/api/scoring/model', { weights, revision }), 422, {
      paths: ['weights.exposure.bogus'],
    })
    expect((await ciso.json<{ revision: number }>('/api/scoring/model')).revision).toBe(revision)
  })

  it('refuses weights whose certification credit exceeds the baseline with 422 on that path', async () => {
    const model = await ciso.json<Model>('/api/scoring/model')
    const bad = {
      ...model.weights,
      likelihood: { ...model.weights.likelihood, certifications: model.weights.likelihood.baseline + 1 },
    }
    await expectProblem(
      await ciso.put('/api/scoring/model', { weights: bad, revision: model.revision }),
      422,
      {
        paths: ['weights.likelihood.certifications'],
      },
    )
    expect((await auditor.json<Model>('/api/scoring/model')).revision).toBe(model.revision)
  })
})

describe('the audit log', () => {
  it('lists entries newest first, with before and after of an update, filtered by entityId', async () => {
    const { vendor } = await createVendor(procurement, 'Audit Trail Co')
    await expectJson(
      await procurement.patch(
        `/api/vendors/${vendor.id}`,
        { owner: 'Audited Owner' },
        { headers: { 'if-match': '"1"' } },
      ),
      200,
    )
    const latest = await audit('limit=50')
    const seqs = latest.items.map((e) => e.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a))
    expect(latest.items[0]).toMatchObject({ action: 'vendor.update', entityId: vendor.id })

    const mine = await audit(`entityId=${vendor.id}`)
    expect(mine.items.every((e) => e.entityId === vendor.id)).toBe(true)
    expect(mine.items.map((e) => e.action)).toEqual(['vendor.update', 'vendor.create'])
    expect(mine.items[0]).toMatchObject({
      actor: 'procurement',
      before: { owner: vendor.owner },
      after: { owner: 'Audited Owner' },
    })
    expect(mine.nextBefore).toBeNull()
  })

  it('pages backwards with before, with no gaps or repeats', async () => {
    const first = await audit('limit=5')
    expect(first.items).toHaveLength(5)
    expect(first.nextBefore).toBe(first.items[4]!.seq)
    const second = await audit(`limit=5&before=${first.nextBefore}`)
    expect(second.items.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5].map((i) => first.nextBefore! - i))
  })

  it('verifies the whole hash chain: ok, with the entry count and head hash of the newest entry', async () => {
    const newest = (await audit('limit=1')).items[0]!
    const result = await auditor.json('/api/audit-log/verify')
    expect(result).toEqual({ ok: true, entries: newest.seq, head: newest.hash })
  })

  it('detects an entry changed behind its back: the trigger refuses updates, and without it verify reports the seq', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'vendor-risk-tamper-'))
    try {
      const first = await startServer({ DATA_DIR: dataDir, DEMO_DATA: '0' })
      let seq: number
      try {
        const admin = await signedIn(first.url, 'admin')
        const { vendor } = await createVendor(admin, 'Tamper Target Co')
        seq = (await admin.json<{ items: AuditEntry[] }>(`/api/audit-log?entityId=${vendor.id}`)).items[0]!
          .seq
        expect(await admin.json('/api/audit-log/verify')).toMatchObject({ ok: true })
      } finally {
        expect(await first.stop()).toBe(0)
      }

      const db = new Database(path.join(dataDir, 'vendor-risk.sqlite'))
      try {
        const tamper = db.prepare('UPDATE audit_log SET after = ? WHERE seq = ?')
        const row = db.prepare('SELECT after FROM audit_log WHERE seq = ?').get(seq) as { after: string }
        const forged = JSON.stringify({ ...JSON.parse(row.after), name: 'Forged Name Co' })
        expect(() => tamper.run(forged, seq)).toThrow(/append-only/)
        expect(() => db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq)).toThrow(/append-only/)
        db.exec('DROP TRIGGER audit_log_no_update')
        expect(tamper.run(forged, seq).changes).toBe(1)
      } finally {
        db.close()
      }

      const second = await startServer({ DATA_DIR: dataDir, DEMO_DATA: '0' })
      try {
        const admin = await signedIn(second.url, 'admin')
        expect(await admin.json('/api/audit-log/verify')).toMatchObject({
          ok: false,
          brokenAt: seq,
          entries: seq - 1,
          reason: expect.stringMatching(/content does not match its hash/),
        })
      } finally {
        await second.stop()
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 30_000)
})
