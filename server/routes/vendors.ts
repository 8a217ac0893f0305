import { Hono } from 'hono'
import {
  byScoreThenName,
  IsoDate,
  summarizeVendor,
  todayIsoDate,
  vendorDetail,
  type VendorListResponse,
} from '../../src/domain'
import type { VendorStore } from '../db/store'
import { HttpProblem } from '../http/problem'

/** `?asOf=YYYY-MM-DD` scores as of that day; without it, as of today (UTC). */
function asOfParam(raw: string | undefined): string {
  if (raw === undefined || raw === '') return todayIsoDate()
  const parsed = IsoDate.safeParse(raw)
  if (!parsed.success) {
    throw new HttpProblem(400, 'Invalid query parameter', `asOf: ${raw} is not a YYYY-MM-DD date`, [
      { path: 'asOf', message: parsed.error.issues[0]?.message ?? 'Invalid date' },
    ])
  }
  return parsed.data
}

export function vendorRoutes(store: VendorStore) {
  return new Hono()
    .get('/', (c) => {
      const asOf = asOfParam(c.req.query('asOf'))
      const items = store
        .listVendors()
        .map((v) => summarizeVendor(v, asOf))
        .sort(byScoreThenName)
      return c.json({ items, total: items.length, nextCursor: null, asOf } satisfies VendorListResponse)
    })
    .get('/:id', (c) => {
      const asOf = asOfParam(c.req.query('asOf'))
      const vendor = store.getVendor(c.req.param('id'))
      if (!vendor) throw new HttpProblem(404, 'Vendor not found', `No vendor has id ${c.req.param('id')}`)
      return c.json(vendorDetail(vendor, asOf))
    })
}
