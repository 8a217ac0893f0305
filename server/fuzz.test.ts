/**
 * Generated input against one real server (fast-check): CSV files for the import, JSON bodies for vendors,
 * edits, incidents and reviews, and query strings for the inventory and the dashboard. Whatever arrives, the answer
 * is never a 5xx, every 2xx parses with the shared schema, every refusal is a problem+json, and afterwards every
 * stored vendor still parses with the Vendor schema. The seed is printed; FUZZ_SEED=<seed> replays a run and
 * FUZZ_RUNS=<n> changes how many cases each property tries.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  CERTIFICATIONS,
  CRITICALITY_LEVELS,
  DATA_CLASSES,
  DATA_LOCATIONS,
  ExposureResponse,
  FourthPartyResponse,
  IMPORT_COLUMNS,
  ImportReport,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  IncidentChangeResponse,
  IncidentTrendResponse,
  NETWORK_ACCESS_LEVELS,
  Problem,
  RecordReviewResponse,
  ReviewsByTierResponse,
  RiskMapResponse,
  SEVERITIES,
  TierDistributionResponse,
  TopRisksResponse,
  TrendResponse,
  Vendor,
  VENDOR_STATUSES,
  VendorDetailResponse,
  VendorListResponse,
} from '../src/domain'
import { signedIn, type ApiClient, type RequestOptions } from './testing/api-client'
import { daysFromToday, fetchVendor } from './testing/api-fixtures'
import { startServer, type ServerProcess } from './testing/server-process'

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
const numRuns = Number(process.env.FUZZ_RUNS ?? 100)
const settings = { seed, numRuns }

let server: ServerProcess
let procurement: ApiClient
let ids: string[] = []
let knownNames: string[] = []
/** Every answer: none may be a 5xx. */
const answers: { request: string; status: number }[] = []

beforeAll(async () => {
  console.log(`fuzz seed ${seed}, ${numRuns} runs per property: replay with FUZZ_SEED=${seed}`)
  server = await startServer()
  procurement = await signedIn(server.url, 'procurement')
  const listed = VendorListResponse.parse(await procurement.json('/api/vendors?limit=1000')).items
  ids = listed.map((v) => v.id)
  knownNames = listed.map((v) => v.name)
}, 30_000)
afterAll(async () => {
  await server?.stop()
})

/**
 * Sends a request and checks the answer: below 500; a 2xx parses with `schema`; anything else is problem+json.
 * Answers the parsed 2xx body, or null.
 */
async function check<S extends z.ZodType>(
  schema: S,
  method: string,
  url: string,
  options: RequestOptions = {},
  client: ApiClient = procurement,
): Promise<z.infer<S> | null> {
  const response = await client.request(method, url, options)
  const text = await response.text()
  answers.push({ request: `${method} ${url}`, status: response.status })
  const context = `${method} ${url} (seed ${seed}) answered ${response.status}: ${text.slice(0, 500)}`
  expect(response.status, context).toBeLessThan(500)
  if (response.ok) {
    const parsed = schema.safeParse(JSON.parse(text))
    expect(parsed.error?.issues ?? [], context).toEqual([])
    return parsed.data as z.infer<S>
  }
  expect(response.headers.get('content-type'), context).toBe('application/problem+json')
  expect(Problem.safeParse(JSON.parse(text)).success, context).toBe(true)
  return null
}

// ---- Strings that break things -------------------------------------------------------------------------------

const nasty = fc.constantFrom(
  '',
  ' ',
  '"',
  '""',
  "'",
  ',',
  ';',
  'a,b',
  'line\nbreak',
  'cr\r\nlf',
  '=1+1',
  '=HYPERLINK("http://x","y")',
  '+cmd|calc',
  '-2+3',
  '@SUM(A1)',
  '\t=tab',
  '0',
  '-0',
  '-1',
  '1.5',
  '1e308',
  '1e400',
  'NaN',
  'Infinity',
  '99999999999999999999999',
  '9007199254740993',
  '0x10',
  'null',
  'true',
  'yes',
  'no',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '1900-01-01',
  'ä̈ö',
  '🦄',
  '\u202ereversed',
  '\u200b',
  '\u0000',
  '\ufeffbom',
  'ﬀ',
  '<script>alert(1)</script>',
  "'; DROP TABLE vendors; --",
  '%zz',
  '%E0%A4%A',
  '../../etc/passwd',
  'x'.repeat(300),
)
const text = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
)
const isoDay = fc.integer({ min: -4000, max: 400 }).map((days) => daysFromToday(days))
const pastDay = fc.integer({ min: -4000, max: 0 }).map((days) => daysFromToday(days))
const number = fc.oneof(
  fc.integer(),
  fc.nat({ max: 10_000_000 }),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -0, 1e300),
)

// ---- CSV files -------------------------------------------------------------------------------------------------

const list = <T extends string>(values: readonly T[]) =>
  fc.subarray([...values]).map((picked) => picked.join(';'))

/** A plausible value for each column, so that some rows get through to the planner and the commit. */
const CELLS: Record<string, fc.Arbitrary<string>> = {
  name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map((s) => `Fuzz ${s}`),
  // Incidents join their vendor by name: mostly one that exists (known once the server runs), now and then not.
  vendor: fc.oneof(
    { weight: 5, arbitrary: fc.nat().map((i) => knownNames[i % knownNames.length] ?? 'Nobody') },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 30 }).map((s) => `Fuzz ${s}`) },
  ),
  category: fc.constantFrom('IT services', 'Payroll', 'Cloud'),
  owner: fc.constantFrom('Operations', 'Finance'),
  data_classes: list(DATA_CLASSES),
  records: fc.nat({ max: 10_000_000 }).map(String),
  records_exposed: fc.nat({ max: 10_000_000 }).map(String),
  data_location: fc.constantFrom(...DATA_LOCATIONS),
  network_access: fc.constantFrom(...NETWORK_ACCESS_LEVELS),
  criticality: fc.constantFrom(...CRITICALITY_LEVELS),
  fourth_parties: fc.constantFrom('', 'Amazon Web Services', 'Okta;Stripe'),
  certifications: list(CERTIFICATIONS),
  mfa: fc.constantFrom('yes', 'no'),
  encryption_at_rest: fc.constantFrom('yes', 'no'),
  last_assessed_at: pastDay,
  occurred_at: pastDay,
  contract_end: isoDay,
  kind: fc.constantFrom(...INCIDENT_KINDS),
  severity: fc.constantFrom(...SEVERITIES),
  notified_after_days: fc.nat({ max: 30 }).map(String),
  summary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map((s) => `Incident ${s}`),
  source: fc.constantFrom('', 'https://status.example'),
  description: fc.string({ maxLength: 50 }),
  website: fc.constantFrom('', 'https://fuzz.example', 'javascript:alert(1)'),
}

const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`
/** A cell as written: bare (even where its commas, quotes or line breaks then break the row) or quoted. */
const written = (cell: fc.Arbitrary<string>) =>
  fc
    .tuple(cell, fc.constantFrom('bare', 'bare', 'quoted', 'quoted', 'quoted'))
    .map(([value, style]) => (style === 'bare' ? value : quote(value)))

/** Now and then the whole file is broken in one of the ways spreadsheets and hand edits break CSV. */
const CORRUPTIONS: Record<string, (csv: string) => string> = {
  none: (csv) => csv,
  'unterminated quote': (csv) => `${csv}\n"never closed,x`,
  'text after a closing quote': (csv) => `${csv}\n "padded" ,x`,
  'a NUL byte': (csv) => `${csv.slice(0, csv.length >> 1)}\u0000${csv.slice(csv.length >> 1)}`,
  'a lone carriage return': (csv) => csv.replace('\n', '\r'),
  'cut mid-character': (csv) => `${csv}é`.slice(0, -1) + '\ud83e',
}

const header = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      [...IMPORT_COLUMNS.vendors.required],
      [...IMPORT_COLUMNS.vendors.required, ...IMPORT_COLUMNS.vendors.optional],
      [...IMPORT_COLUMNS.incidents.required],
    ),
  },
  // The template's columns in any order, some left out, or mixed with the other kind's.
  {
    weight: 1,
    arbitrary: fc.shuffledSubarray([...IMPORT_COLUMNS.vendors.required, ...IMPORT_COLUMNS.vendors.optional]),
  },
  {
    weight: 1,
    arbitrary: fc.shuffledSubarray([
      ...IMPORT_COLUMNS.vendors.required,
      ...IMPORT_COLUMNS.vendors.optional,
      ...IMPORT_COLUMNS.incidents.required,
    ]),
  },
  { weight: 1, arbitrary: fc.array(text, { maxLength: 6 }) },
)

/** A cell for `column`: mostly a plausible value, now and then anything. */
function cellFor(column: string, columns: readonly string[]) {
  const plausible =
    column === 'status'
      ? fc.constantFrom(...(columns.includes('vendor') ? INCIDENT_STATUSES : VENDOR_STATUSES))
      : // Own keys only: a random header such as "constructor" must not find Object's.
        Object.hasOwn(CELLS, column)
        ? CELLS[column]!
        : text
  return written(fc.oneof({ weight: 12, arbitrary: plausible }, { weight: 1, arbitrary: text }))
}

const csvFile = header.chain((columns: readonly string[]) =>
  fc
    .record({
      rows: fc.array(fc.tuple(...columns.map((column) => cellFor(column, columns))), { maxLength: 6 }),
      newline: fc.constantFrom('\n', '\r\n'),
      bom: fc.boolean(),
      trailing: fc.constantFrom('', '\n', '\n\n', ',,,'),
      extraCell: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      corruption: fc.oneof(
        { weight: 12, arbitrary: fc.constant('none') },
        { weight: 1, arbitrary: fc.constantFrom(...Object.keys(CORRUPTIONS)) },
      ),
    })
    .map(({ rows, newline, bom, trailing, extraCell, corruption }) => {
      const lines = [columns.map((c) => (c.includes(',') ? quote(c) : c)).join(',')]
      for (const row of rows) lines.push([...row, ...(extraCell ? ['extra'] : [])].join(','))
      return CORRUPTIONS[corruption]!(`${bom ? '\ufeff' : ''}${lines.join(newline)}${trailing}`)
    }),
)

// ---- JSON bodies ---------------------------------------------------------------------------------------------

/** Anything in place of a field: a JSON value of any type, a nasty string, an odd number or a date. */
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), text, number, isoDay)

/** Text that is valid where a non-empty, trimmed string is asked for: unicode, formulas and markup included. */
const label = (prefix: string) =>
  fc
    .oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), nasty)
    .map((s) => `${prefix} ${s}`.slice(0, 200))

function setPath(target: Record<string, unknown>, keys: string[], value: unknown) {
  const [head, ...rest] = keys
  if (head === undefined) return
  if (rest.length === 0) {
    if (value === undefined) delete target[head]
    else target[head] = value
    return
  }
  const child = target[head]
  if (typeof child === 'object' && child !== null && !Array.isArray(child)) {
    target[head] = { ...(child as Record<string, unknown>) }
    setPath(target[head] as Record<string, unknown>, rest, value)
  }
}

/**
 * A valid body with up to two of its fields (dotted paths) replaced by anything or removed, or, now and then, any
 * JSON at all: most requests get past the first check, so the service and the commit see odd values too.
 */
function mutated(valid: fc.Arbitrary<Record<string, unknown>>, paths: string[]) {
  const changes = fc.array(
    fc.tuple(fc.constantFrom(...paths, 'unknownField'), fc.option(anyValue, { nil: undefined, freq: 4 })),
    { maxLength: 2 },
  )
  return fc.oneof(
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    {
      weight: 6,
      arbitrary: fc.tuple(valid, changes).map(([body, edits]) => {
        const out = { ...body }
        for (const [field, value] of edits) setPath(out, field.split('.'), value)
        return out
      }),
    },
  )
}

const validIncident = fc.record(
  {
    occurredAt: pastDay,
    kind: fc.constantFrom(...INCIDENT_KINDS),
    severity: fc.constantFrom(...SEVERITIES),
    recordsExposed: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
    status: fc.constantFrom(...INCIDENT_STATUSES),
    notifiedAfterDays: fc.nat({ max: 3650 }),
    summary: label('Fuzz incident'),
    source: fc.oneof(text, fc.webUrl()),
  },
  { requiredKeys: ['occurredAt', 'kind', 'severity', 'recordsExposed', 'status', 'summary'] },
)
const INCIDENT_PATHS = ['occurredAt', 'kind', 'severity', 'recordsExposed', 'status', 'resolvedAt', 'summary']

const validVendor = fc.record(
  {
    name: label('Fuzz vendor'),
    category: label('Category'),
    owner: label('Owner'),
    description: fc.string({ unit: 'grapheme', maxLength: 100 }),
    website: fc.webUrl(),
    status: fc.constantFrom(...VENDOR_STATUSES),
    contractEnd: isoDay,
    access: fc.record({
      dataClasses: fc.subarray([...DATA_CLASSES]),
      records: fc.oneof(fc.nat({ max: 10_000_000 }), fc.constant(Number.MAX_SAFE_INTEGER)),
      dataLocation: fc.constantFrom(...DATA_LOCATIONS),
      networkAccess: fc.constantFrom(...NETWORK_ACCESS_LEVELS),
      criticality: fc.constantFrom(...CRITICALITY_LEVELS),
      fourthParties: fc.uniqueArray(label('Sub'), { maxLength: 3, selector: (s) => s.toLowerCase() }),
    }),
    controls: fc.record(
      {
        certifications: fc.subarray([...CERTIFICATIONS]),
        mfa: fc.boolean(),
        encryptionAtRest: fc.boolean(),
        lastAssessedAt: pastDay,
      },
      { requiredKeys: ['certifications', 'mfa', 'encryptionAtRest'] },
    ),
    incidents: fc.array(validIncident, { maxLength: 2 }),
  },
  { requiredKeys: ['name', 'category', 'owner', 'status', 'access', 'controls'] },
)

const vendorBody = mutated(validVendor, [
  'name',
  'category',
  'owner',
  'website',
  'status',
  'contractEnd',
  'incidents',
  'access.records',
  'access.dataClasses',
  'access.dataLocation',
  'access.fourthParties',
  'controls.mfa',
  'controls.lastAssessedAt',
  'controls.certifications',
])

const incidentBody = mutated(validIncident, INCIDENT_PATHS)

const reviewBody = mutated(
  fc.record({ completedAt: pastDay, notes: fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 200 })) }),
  ['completedAt', 'notes'],
)

/** A patch of a few fields; `access` and `controls` merge member by member, `null` clears an optional field. */
const patchBody = mutated(
  fc.record(
    {
      name: label('Fuzz edit'),
      owner: label('Owner'),
      description: fc.oneof(text, fc.constant(null)),
      website: fc.oneof(fc.webUrl(), fc.constant(null)),
      status: fc.constantFrom(...VENDOR_STATUSES),
      contractEnd: fc.oneof(isoDay, fc.constant(null)),
      access: fc.record(
        {
          records: fc.nat({ max: 10_000_000 }),
          dataClasses: fc.subarray([...DATA_CLASSES]),
          networkAccess: fc.constantFrom(...NETWORK_ACCESS_LEVELS),
        },
        { requiredKeys: [] },
      ),
      controls: fc.record(
        { mfa: fc.boolean(), lastAssessedAt: fc.oneof(pastDay, fc.constant(null)) },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  ),
  ['name', 'owner', 'status', 'access.records', 'access.bogus', 'controls.mfa', 'controls.lastAssessedAt'],
)

// ---- Query strings -------------------------------------------------------------------------------------------

/** `key=value` pairs, percent-encoded or raw (raw ones may be malformed percent-encoding). */
const queryString = (keys: string[]) =>
  fc
    .array(
      fc.tuple(
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: text }),
        fc.oneof(
          { weight: 2, arbitrary: text },
          { weight: 2, arbitrary: isoDay },
          { weight: 1, arbitrary: number.map(String) },
          { weight: 2, arbitrary: fc.nat({ max: 120 }).map(String) },
          {
            weight: 2,
            arbitrary: fc
              .subarray([
                'critical',
                'high',
                'medium',
                'low',
                'active',
                'onboarding',
                'pii',
                'api',
                'bogus',
                '',
              ])
              .map((v) => v.join(',')),
          },
          {
            weight: 3,
            arbitrary: fc.constantFrom(
              'day',
              'week',
              'month',
              'asc',
              'desc',
              'score',
              'name',
              'true',
              'false',
              '1',
            ),
          },
        ),
        fc.constantFrom('encoded', 'encoded', 'raw'),
      ),
      { maxLength: 5 },
    )
    .map((pairs) =>
      pairs
        .map(([key, value, style]) =>
          style === 'raw'
            ? `${key.replace(/[#&\s]/g, '')}=${value.replace(/[#&\s]/g, '')}`
            : `${encodeURIComponent(key)}=${encodeURIComponent(value)}`,
        )
        .join('&'),
    )

const LIST_KEYS = [
  'q',
  'tier',
  'category',
  'status',
  'dataLocation',
  'networkAccess',
  'outsidePerimeter',
  'openIncident',
  'reviewOverdue',
  'dataClass',
  'fourthParty',
  'exposureMin',
  'exposureMax',
  'likelihoodMin',
  'likelihoodMax',
  'sort',
  'order',
  'limit',
  'cursor',
  'asOf',
]

const DASHBOARD: [string, z.ZodType, string[]][] = [
  ['tiers', TierDistributionResponse, ['asOf']],
  ['risk-map', RiskMapResponse, ['asOf']],
  ['trend', TrendResponse, ['asOf', 'interval', 'periods']],
  ['top-risks', TopRisksResponse, ['asOf', 'limit']],
  ['exposure', ExposureResponse, ['asOf']],
  ['incidents', IncidentTrendResponse, ['asOf', 'months']],
  ['fourth-parties', FourthPartyResponse, ['asOf', 'limit']],
  ['reviews', ReviewsByTierResponse, ['asOf']],
]

const vendorId = () => fc.constantFrom(...ids, 'ven-does-not-exist', '..%2F..', '%00')

// ---- Properties -----------------------------------------------------------------------------------------------

describe('fuzzed input against the real server', () => {
  it('imports any CSV file without a 5xx, answering a report the schema accepts', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvFile,
        fc.boolean(),
        fc.constantFrom('fuzz.csv', 'fuzz.csv', 'fuzz.csv', 'fuzz.csv', 'fuzz.CSV', 'fuzz.xlsx', 'fuzz.txt'),
        fc.constantFrom('text/csv', 'application/octet-stream', 'text/plain; charset=utf-8'),
        async (csv, dryRun, filename, type) => {
          await check(ImportReport, 'POST', `/api/imports?dryRun=${dryRun ? 1 : 0}&filename=${filename}`, {
            body: csv,
            headers: { 'content-type': type },
          })
        },
      ),
      settings,
    )
  }, 120_000)

  it('creates vendors from any JSON body without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(vendorBody, async (body) => {
        await check(VendorDetailResponse, 'POST', '/api/vendors', { json: body })
      }),
      settings,
    )
  }, 120_000)

  it('edits vendors with any patch and If-Match without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ids),
        patchBody,
        fc.constantFrom('current', 'current', '*', '"0"', 'W/"1"', 'garbage', 'absent'),
        async (id, body, ifMatch) => {
          const etag = ifMatch === 'current' ? (await fetchVendor(procurement, id)).etag : ifMatch
          await check(VendorDetailResponse, 'PATCH', `/api/vendors/${id}`, {
            json: body,
            ...(etag !== 'absent' && { headers: { 'if-match': etag } }),
          })
        },
      ),
      settings,
    )
  }, 120_000)

  it('records incidents and reviews from any JSON body without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(vendorId(), incidentBody, reviewBody, async (id, incident, review) => {
        await check(IncidentChangeResponse, 'POST', `/api/vendors/${id}/incidents`, { json: incident })
        await check(RecordReviewResponse, 'POST', `/api/vendors/${id}/reviews`, { json: review })
      }),
      settings,
    )
  }, 120_000)

  it('lists vendors for any query string without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(queryString(LIST_KEYS), async (query) => {
        await check(VendorListResponse, 'GET', `/api/vendors?${query}`)
      }),
      settings,
    )
  }, 120_000)

  it('answers every dashboard endpoint for any query string without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...DASHBOARD)
          .chain(([name, schema, keys]) => queryString(keys).map((query) => ({ name, schema, query }))),
        async ({ name, schema, query }) => {
          await check(schema, 'GET', `/api/dashboard/${name}?${query}`)
        },
      ),
      settings,
    )
  }, 120_000)

  it('leaves every stored vendor valid, the audit chain whole and the log free of server errors', async () => {
    const listed = VendorListResponse.parse(await procurement.json('/api/vendors?limit=50000'))
    expect(listed.total).toBe(listed.items.length)
    for (const { id } of listed.items) {
      await check(VendorDetailResponse, 'GET', `/api/vendors/${id}`)
    }
    const db = new Database(path.join(server.dataDir, 'vendor-risk.sqlite'), { readonly: true })
    try {
      const docs = db.prepare('SELECT id, doc FROM vendors').all() as { id: string; doc: string }[]
      expect(docs.length).toBe(listed.total)
      for (const { id, doc } of docs) {
        const parsed = Vendor.safeParse(JSON.parse(doc))
        expect(parsed.error?.issues ?? [], `stored vendor ${id} (seed ${seed})`).toEqual([])
      }
    } finally {
      db.close()
    }
    expect(await procurement.json('/api/audit-log/verify')).toMatchObject({ ok: true })
    expect(answers.filter((a) => a.status >= 500)).toEqual([])
    expect(server.output()).not.toContain('[error]')
    // How deep the cases went: how many got past validation into the service and the commit.
    const byRoute = new Map<string, Map<number, number>>()
    for (const { request, status } of answers) {
      const route = request
        .replace(/\?.*$/, '')
        .replace(/\/api\/vendors\/[^/]+/, '/api/vendors/:id')
        .replace(/\/api\/dashboard\/.*/, '/api/dashboard/*')
      const counts = byRoute.get(route) ?? new Map<number, number>()
      counts.set(status, (counts.get(status) ?? 0) + 1)
      byRoute.set(route, counts)
    }
    console.log(
      [
        `fuzz seed ${seed}: ${answers.length} requests, ${listed.total} vendors stored afterwards`,
        ...[...byRoute].map(
          ([route, counts]) =>
            `  ${route.padEnd(40)} ${[...counts]
              .sort(([a], [b]) => a - b)
              .map(([status, n]) => `${n} × ${status}`)
              .join(', ')}`,
        ),
      ].join('\n'),
    )
  }, 120_000)
})
