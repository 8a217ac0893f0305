/**
 * msw handlers for reading the audit log: GET /api/audit-log (filters, paging backwards) and /verify, as
 * server/routes/audit.ts answers them. The audit-log export is in ./exports.ts.
 *
 * The offline demo's log is a seeded fixture, not a record: about forty entries (vendors added, edited, an
 * incident, a review, a risk acceptance, a model change, sign-ins) made up from the first demo vendors and
 * hash-chained the way the server chains them, so "Verify chain" really verifies. The vendor, import and export
 * handlers do not write to it, so what you change in the demo does not appear here.
 */
import { http, HttpResponse } from 'msw'
import {
  auditHashInput,
  AuditLogQuery,
  DEFAULT_WEIGHTS,
  GENESIS_HASH,
  type AuditEntryDto,
  type AuditLogResponse,
  type Vendor,
} from '../../src/domain'
import { invalid, refused } from './problem-responses'
import { MOCK_AS_OF, mockVendors } from './vendors'

type Content = Omit<AuditEntryDto, 'prevHash' | 'hash'>

/** The server's hash (server/audit/hash-chain.ts) of the same text, with Web Crypto: node:crypto is not here. */
async function hashEntry(content: Content, prevHash: string): Promise<string> {
  const text = auditHashInput(content, prevHash)
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The fixture's entries, oldest first, before hashing: one day apart, ending the day before MOCK_AS_OF. */
function fixture(vendors: readonly Vendor[]): Omit<Content, 'seq' | 'at'>[] {
  const some = vendors.slice(0, 12)
  const out: Omit<Content, 'seq' | 'at'>[] = [
    {
      actor: 'admin',
      action: 'session.create',
      entityType: 'user',
      entityId: 'admin',
      before: null,
      after: null,
    },
  ]
  for (const vendor of some) {
    out.push({
      actor: 'procurement',
      action: 'vendor.create',
      entityType: 'vendor',
      entityId: vendor.id,
      before: null,
      after: vendor,
    })
  }
  for (const vendor of some.slice(0, 6)) {
    const next: Vendor = {
      ...vendor,
      owner: `${vendor.owner} (acting)`,
      access: { ...vendor.access, records: vendor.access.records * 2 + 1000 },
    }
    out.push({
      actor: 'procurement',
      action: 'vendor.update',
      entityType: 'vendor',
      entityId: vendor.id,
      before: vendor,
      after: next,
    })
  }
  const first = some[0]
  if (first) {
    out.push(
      {
        actor: 'procurement',
        action: 'incident.create',
        entityType: 'incident',
        entityId: 'inc-fixture-1',
        before: null,
        after: {
          vendorId: first.id,
          id: 'inc-fixture-1',
          occurredAt: '2026-10-02',
          kind: 'breach',
          severity: 'high',
          recordsExposed: 12_000,
          status: 'open',
          summary: 'Customer records exposed through a misconfigured storage bucket.',
        },
      },
      {
        actor: 'procurement',
        action: 'review.create',
        entityType: 'vendor',
        entityId: first.id,
        before: null,
        after: { completedAt: '2026-10-15', reviewer: 'procurement', notes: 'Annual review; MFA confirmed.' },
      },
      {
        actor: 'ciso',
        action: 'risk.accept',
        entityType: 'vendor',
        entityId: first.id,
        before: null,
        after: {
          note: 'Compensating controls until the migration.',
          until: '2027-03-31',
          acceptedBy: 'ciso',
        },
      },
    )
  }
  out.push(
    {
      actor: 'ciso',
      action: 'session.create',
      entityType: 'user',
      entityId: 'ciso',
      before: null,
      after: null,
    },
    {
      actor: 'ciso',
      action: 'model.update',
      entityType: 'scoring_model',
      entityId: 'current',
      before: DEFAULT_WEIGHTS,
      after: DEFAULT_WEIGHTS,
    },
    {
      actor: 'auditor',
      action: 'session.create',
      entityType: 'user',
      entityId: 'auditor',
      before: null,
      after: null,
    },
  )
  return out
}

const state: { entries: AuditEntryDto[] | null } = { entries: null }

/** Forgets the built log, so the next request builds it again from the current mock vendors. */
export function resetMockAuditLog() {
  state.entries = null
}

async function entries(): Promise<AuditEntryDto[]> {
  if (state.entries) return state.entries
  const contents = fixture(mockVendors())
  const start = Date.parse(`${MOCK_AS_OF}T09:00:00.000Z`) - contents.length * 86_400_000
  const built: AuditEntryDto[] = []
  let prev = GENESIS_HASH
  for (const [i, content] of contents.entries()) {
    const entry: Content = { ...content, seq: i + 1, at: new Date(start + i * 86_400_000).toISOString() }
    const hash = await hashEntry(entry, prev)
    built.push({ ...entry, prevHash: prev, hash })
    prev = hash
  }
  state.entries = built
  return built
}

export const auditHandlers = [
  http.get('/api/audit-log/verify', async ({ request }) => {
    const denied = refused(request, 'audit:read')
    if (denied) return denied
    const log = await entries()
    let prev = GENESIS_HASH
    for (const [i, entry] of log.entries()) {
      const broken = (reason: string) =>
        HttpResponse.json({ ok: false, entries: i, head: prev, brokenAt: entry.seq, reason })
      if (entry.seq !== i + 1)
        return broken(`expected entry ${i + 1}, found ${entry.seq}: entries are missing`)
      if (entry.prevHash !== prev) return broken('its link to the previous entry does not match')
      if ((await hashEntry(entry, prev)) !== entry.hash) return broken('its content does not match its hash')
      prev = entry.hash
    }
    return HttpResponse.json({ ok: true, entries: log.length, head: prev })
  }),

  http.get('/api/audit-log', async ({ request }) => {
    const denied = refused(request, 'audit:read')
    if (denied) return denied
    const parsed = AuditLogQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams))
    if (!parsed.success) {
      return invalid(request, 400, 'Invalid query parameter', parsed.error)
    }
    const { before, limit, actor, action, entityType, entityId, from, to } = parsed.data
    const matching = (await entries())
      .filter(
        (e) =>
          (before === undefined || e.seq < before) &&
          (actor === undefined || e.actor === actor) &&
          (action === undefined || e.action === action) &&
          (entityType === undefined || e.entityType === entityType) &&
          (entityId === undefined || e.entityId === entityId) &&
          (from === undefined || e.at.slice(0, 10) >= from) &&
          (to === undefined || e.at.slice(0, 10) <= to),
      )
      .reverse()
    const page = matching.slice(0, limit)
    return HttpResponse.json({
      items: page,
      nextBefore: matching.length > limit ? page[page.length - 1]!.seq : null,
    } satisfies AuditLogResponse)
  }),
]
