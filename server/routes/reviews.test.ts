/** The review work list against the real server: the domain's queue, by window and owner, a page at a time. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  REVIEW_WINDOWS,
  reviewOwners,
  reviewQueue,
  ReviewQueueResponse,
  VendorListResponse,
  type ReviewWindow,
} from '../../src/domain'
import { ApiClient, signedInAs } from '../testing/api-client'
import {
  createVendor,
  daysFromToday,
  expectJson,
  expectProblem,
  fetchVendor,
  today,
} from '../testing/api-fixtures'
import { startServer, type ServerProcess } from '../testing/server-process'

let server: ServerProcess
let procurement: ApiClient
let auditor: ApiClient

beforeAll(async () => {
  // Enough vendors that every window holds more than a page of the sizes below.
  server = await startServer({ DEMO_SIZE: '400' })
  ;[procurement, auditor] = await signedInAs(server.url, 'procurement', 'auditor')
}, 30_000)
afterAll(async () => {
  await server?.stop()
})

async function reviews(query: string): Promise<ReviewQueueResponse> {
  return ReviewQueueResponse.parse(await expectJson(await auditor.get(`/api/reviews?${query}`), 200))
}

/** The inventory as the work list used to fetch it, and the queue the SPA computed from it. */
async function expectedQueue(window: ReviewWindow, owner?: string) {
  const all = VendorListResponse.parse(await auditor.json('/api/vendors?limit=50000'))
  const mine = owner === undefined ? all.items : all.items.filter((v) => v.owner === owner)
  return { all, queue: reviewQueue(mine, all.asOf, window) }
}

const ids = (items: ReviewQueueResponse['items']) => items.map((i) => i.vendor.id)

describe('GET /api/reviews', () => {
  it.each(REVIEW_WINDOWS)(
    'answers the window %s in exactly the order reviewQueue gives, with its counts and every owner',
    async (window) => {
      const { all, queue } = await expectedQueue(window)
      const body = await reviews(`due=${window}&limit=1000`)
      expect(queue.items.length).toBeGreaterThan(5)
      expect(body).toMatchObject({
        asOf: all.asOf,
        window,
        owner: null,
        total: queue.items.length,
        counts: queue.counts,
        overdueByTier: queue.overdueByTier,
        owners: reviewOwners(all.items.map((v) => v.owner)),
        offset: 0,
        limit: 1000,
      })
      expect(body.items).toEqual(queue.items)
    },
  )

  it('lists the overdue reviews by default, a hundred at a time', async () => {
    const { queue } = await expectedQueue('overdue')
    const body = await reviews('')
    expect(body).toMatchObject({ window: 'overdue', offset: 0, limit: 100, total: queue.items.length })
    expect(ids(body.items)).toEqual(queue.items.slice(0, 100).map((i) => i.vendor.id))
  })

  it("narrows the queue and its counts to one owner's vendors; an empty owner is everyone", async () => {
    const { all, queue: everyone } = await expectedQueue('90')
    const owner = everyone.items.at(-1)!.vendor.owner
    const { queue } = await expectedQueue('90', owner)
    expect(queue.items.length).toBeGreaterThan(0)
    expect(queue.items.length).toBeLessThan(everyone.items.length)
    const body = await reviews(`due=90&owner=${encodeURIComponent(owner)}&limit=1000`)
    expect(body).toMatchObject({ owner, total: queue.items.length, counts: queue.counts })
    expect(body.items).toEqual(queue.items)
    expect(body.items.every((i) => i.vendor.owner === owner)).toBe(true)
    expect(body.owners).toEqual(reviewOwners(all.items.map((v) => v.owner)))

    expect((await reviews('owner=')).owner).toBeNull()
    expect((await reviews('owner=')).total).toBe((await reviews('')).total)
    const nobody = await reviews('owner=Nobody%20at%20all')
    expect(nobody).toMatchObject({ total: 0, items: [], counts: { overdue: 0, '30': 0, '90': 0 } })
  })

  it('pages by offset and limit through the same queue', async () => {
    const whole = await reviews('due=90&limit=1000')
    const pages: string[] = []
    for (let offset = 0; offset < whole.total; offset += 7) {
      const page = await reviews(`due=90&offset=${offset}&limit=7`)
      expect(page).toMatchObject({ offset, limit: 7, total: whole.total })
      pages.push(...ids(page.items))
    }
    expect(pages).toEqual(ids(whole.items))
    const past = await reviews(`due=90&offset=${whole.total + 50}&limit=7`)
    expect(past).toMatchObject({ total: whole.total, items: [] })
  })

  it('follows every change: a recorded review takes the vendor off, a new owner moves it', async () => {
    const created = await createVendor(procurement, 'Reviews queue newcomer', {
      owner: 'Queue test owner',
      controls: {
        certifications: [],
        mfa: true,
        encryptionAtRest: true,
        lastAssessedAt: daysFromToday(-2000),
      },
    })
    const id = created.vendor.id
    const before = await reviews('limit=1000')
    expect(ids(before.items)).toContain(id)
    expect(before.owners).toContain('Queue test owner')
    const mine = await reviews('owner=Queue%20test%20owner')
    expect(ids(mine.items)).toEqual([id])

    const { etag } = await fetchVendor(procurement, id)
    await expectJson(
      await procurement.patch(
        `/api/vendors/${id}`,
        { owner: 'Queue test owner 2' },
        { headers: { 'if-match': etag } },
      ),
      200,
    )
    expect((await reviews('owner=Queue%20test%20owner')).total).toBe(0)
    expect(ids((await reviews('owner=Queue%20test%20owner%202')).items)).toEqual([id])
    expect((await reviews('')).owners).not.toContain('Queue test owner')

    await expectJson(await procurement.post(`/api/vendors/${id}/reviews`, { completedAt: today() }), 201)
    const after = await reviews('limit=1000')
    expect(ids(after.items)).not.toContain(id)
    expect(after.counts.overdue).toBe(before.counts.overdue - 1)
    expect(after.items).toEqual((await expectedQueue('overdue')).queue.items)
  })

  it.each([
    ['an unknown window', 'due=soon', ['due']],
    ['a limit of 0', 'limit=0', ['limit']],
    ['a limit over 1000', 'limit=1001', ['limit']],
    ['a limit that is not a number', 'limit=all', ['limit']],
    ['a negative offset', 'offset=-1', ['offset']],
    ['a fractional offset', 'offset=1.5', ['offset']],
    ['an owner of more than 200 characters', `owner=${'x'.repeat(201)}`, ['owner']],
    ['an unknown parameter', 'due=30&colour=red', ['colour']],
    ['a vendor-list parameter it does not take', 'sort=name', ['sort']],
  ])('refuses %s with a 400 naming the parameter', async (_name, query, paths) => {
    await expectProblem(await auditor.get(`/api/reviews?${query}`), 400, {
      title: 'Invalid query parameter',
      paths,
    })
  })

  it('answers 401 to an anonymous caller', async () => {
    await expectProblem(await new ApiClient(server.url).get('/api/reviews'), 401)
  })
})
