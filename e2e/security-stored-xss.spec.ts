/**
 * Stored XSS: markup and script payloads go into every text field through the real API (a procurement session
 * with its CSRF token, as the SPA sends them), then every view that renders those fields must show them as text.
 * No script may run (`window.__xss` stays unset, no dialog opens) and the page must not even try to run inline
 * code: the CSP would refuse it, and the refusal would show up as a violation event or a console message.
 */
import type { APIRequestContext, Page } from '@playwright/test'
import { addDays, IMPORT_COLUMNS, todayIsoDate } from '../src/domain'
import { E2E_PASSWORDS, expect, expectNoAxeViolations, signIn, test, type Role } from './fixtures'

const PAYLOADS = [
  `<img src=x onerror="window.__xss=1">`,
  `<script>window.__xss=1</script>`,
  `"><svg onload=window.__xss=1>`,
  `{{constructor.constructor('window.__xss=1')()}}`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe><a href="javascript:alert(1)">x</a>`,
] as const

/** Sub-processors every payload vendor shares, so they rank among the dashboard's most shared. */
const SHARED_SUBS = [
  `<img src=x onerror="window.__xss=1"> sub-processor`,
  `"><svg onload=alert(1)> sub-processor`,
]

const nameOf = (i: number) => `${PAYLOADS[i]} XSS vendor ${i + 1}`
const today = todayIsoDate()
// Critical vendors are reviewed every 90 days: assessed 80 days ago, each is due in 10 days, not overdue, so the
// reviews journey (which records a review on the first overdue vendor) leaves these alone.
const lastAssessedAt = addDays(today, -80)

interface Created {
  id: string
  name: string
  payload: string
}
const vendors: Created[] = []

async function apiSession(
  newContext: (options: { baseURL: string }) => Promise<APIRequestContext>,
  baseURL: string,
  role: Role,
) {
  const api = await newContext({ baseURL })
  const signIn = await api.post('/api/session', { data: { username: role, password: E2E_PASSWORDS[role] } })
  expect(signIn.status()).toBe(204)
  const { csrfToken } = (await (await api.get('/api/session')).json()) as { csrfToken: string }
  return { api, headers: { 'x-csrf-token': csrfToken } }
}

test.describe.configure({ mode: 'serial' })

test.beforeAll(async ({ playwright }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!
  const newContext = (options: { baseURL: string }) => playwright.request.newContext(options)
  const { api, headers } = await apiSession(newContext, baseURL, 'procurement')

  for (const [i, payload] of PAYLOADS.entries()) {
    const response = await api.post('/api/vendors', {
      headers,
      data: {
        name: nameOf(i),
        category: payload,
        owner: `${payload} owner`,
        description: `${payload} description`,
        // Only an http(s) URL is valid; the payload rides in its query and fragment.
        website: `https://vendor${i + 1}.example/?q=${payload}#${payload}`,
        status: 'active',
        access: {
          dataClasses: ['pii', 'payment', 'health', 'credentials'],
          records: 50_000_000,
          // Not vendor_environment: the CISO journey counts those vendors while this one runs.
          dataLocation: 'both',
          networkAccess: 'privileged',
          criticality: 'critical',
          fourthParties: [...SHARED_SUBS, `${payload} sub-processor ${i + 1}`],
        },
        controls: { certifications: [], mfa: false, encryptionAtRest: false, lastAssessedAt },
        incidents: [
          {
            occurredAt: today,
            kind: 'breach',
            severity: 'critical',
            recordsExposed: 10_000_000,
            status: 'open',
            notifiedAfterDays: 45,
            summary: `${payload} incident summary`,
            source: `${payload} incident source`,
          },
        ],
      },
    })
    expect(response.status(), await response.text()).toBe(201)
    const body = (await response.json()) as { vendor: { id: string; name: string }; score: { tier: string } }
    expect(body.vendor.name).toBe(nameOf(i))
    expect(body.score.tier).toBe('critical')
    vendors.push({ id: body.vendor.id, name: body.vendor.name, payload })

    const review = await api.post(`/api/vendors/${body.vendor.id}/reviews`, {
      headers,
      data: { completedAt: lastAssessedAt, notes: `${payload} review notes` },
    })
    expect(review.status(), await review.text()).toBe(201)
  }

  // A second incident through its own route.
  const incident = await api.post(`/api/vendors/${vendors[0]!.id}/incidents`, {
    headers,
    data: {
      occurredAt: addDays(today, -3),
      kind: 'ransomware',
      severity: 'high',
      recordsExposed: 0,
      status: 'contained',
      summary: `${PAYLOADS[1]} second incident`,
      source: `${PAYLOADS[2]} second source`,
    },
  })
  expect(incident.status(), await incident.text()).toBe(201)

  // A javascript: website is refused, on create and on edit.
  for (const website of ['javascript:alert(1)', 'JaVaScRiPt:window.__xss=1', ' javascript:alert(1)']) {
    const created = await api.post('/api/vendors', {
      headers,
      data: {
        name: `Refused website ${website.trim()}`,
        category: 'c',
        owner: 'o',
        status: 'active',
        website,
        access: {
          dataClasses: [],
          records: 0,
          dataLocation: 'none',
          networkAccess: 'none',
          criticality: 'low',
          fourthParties: [],
        },
        controls: { certifications: [], mfa: true, encryptionAtRest: true },
      },
    })
    expect(created.status(), website).toBe(422)
    const current = await api.get(`/api/vendors/${vendors[0]!.id}`)
    const edited = await api.patch(`/api/vendors/${vendors[0]!.id}`, {
      headers: { ...headers, 'if-match': current.headers().etag! },
      data: { website },
    })
    expect(edited.status(), website).toBe(422)
    expect((await edited.json()).errors).toEqual([expect.objectContaining({ path: 'website' })])
  }
  await api.dispose()

  // The risk acceptance note, which only a CISO (or an admin) may write.
  const ciso = await apiSession(newContext, baseURL, 'ciso')
  for (const v of vendors) {
    const accepted = await ciso.api.put(`/api/vendors/${v.id}/risk-acceptance`, {
      headers: ciso.headers,
      data: { note: `${v.payload} risk note`, until: addDays(today, 30) },
    })
    expect(accepted.status(), await accepted.text()).toBe(200)
  }
  await ciso.api.dispose()
})

/**
 * Everything that would betray a payload being run or parsed as markup: the flag it sets, dialogs, CSP
 * violations (event and console), uncaught errors, and a request for the `x` its <img> would load.
 */
async function watch(page: Page) {
  const problems: string[] = []
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('console', (message) => {
    if (/content security policy|refused to (execute|load|apply|evaluate)/i.test(message.text())) {
      problems.push(`console: ${message.text()}`)
    }
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname.endsWith('/x') || url.protocol === 'javascript:')
      problems.push(`request: ${request.url()}`)
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const w = window as unknown as { __csp?: string[] }
      w.__csp = [
        ...(w.__csp ?? []),
        `${event.violatedDirective}: ${event.blockedURI} ${event.sample} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      ]
    })
  })
  return async (where: string) => {
    const state = await page.evaluate(() => {
      const w = window as unknown as { __xss?: unknown; __csp?: string[] }
      return { xss: w.__xss, csp: w.__csp ?? [] }
    })
    expect(state, where).toEqual({ xss: undefined, csp: [] })
    expect(problems, where).toEqual([])
  }
}

/** The text is on the page as text: visible, and present in the DOM as a text node, not as elements. */
async function expectShownAsText(page: Page, text: string, scope = page.locator('body')) {
  await expect(scope.getByText(text, { exact: false }).first()).toBeVisible()
}

test('payloads in every vendor field render as text in the inventory, score panel and profile', async ({
  page,
}) => {
  const check = await watch(page)
  await signIn(page, 'admin')
  await check('sign-in')

  // Inventory grid and score panel.
  await page.getByRole('searchbox').fill('XSS vendor')
  const grid = page.getByRole('grid', { name: 'Vendors' })
  await expect(grid).toHaveAttribute('aria-rowcount', String(PAYLOADS.length + 1))
  for (const v of vendors) await expectShownAsText(page, v.name, grid)
  await expectNoAxeViolations(page)
  await grid.getByRole('button', { name: vendors[0]!.name }).click()
  const panel = page.getByRole('article')
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(vendors[0]!.name)
  await expectShownAsText(page, `${vendors[0]!.payload} owner`, panel)
  await check('inventory and score panel')

  for (const v of vendors) {
    await page.goto(`/vendors/${v.id}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(v.name)
    for (const text of [
      `${v.payload} owner`,
      `${v.payload} description`,
      `${v.payload} risk note`,
      `${v.payload} incident summary`,
      `${v.payload} sub-processor`,
      SHARED_SUBS[0]!,
      SHARED_SUBS[1]!,
    ]) {
      await expectShownAsText(page, text)
    }
    // The website is a link to exactly what was stored, its text the same string.
    const link = page.getByRole('link', { name: `https://vendor${vendors.indexOf(v) + 1}.example/` })
    await expect(link).toHaveAttribute(
      'href',
      `https://vendor${vendors.indexOf(v) + 1}.example/?q=${v.payload}#${v.payload}`,
    )
    await expect(link).toHaveAttribute('rel', /noopener/)

    // What-if: a preview round trip with the payload vendor.
    const whatIf = page.getByRole('region', { name: 'What would change it' })
    await whatIf.getByRole('checkbox', { name: 'Enforce MFA' }).check()
    await expect(whatIf.locator('.what-if-score')).toHaveText(/^Score \d+\.\d → \d+\.\d/)
    await check(`profile of ${v.name}`)
  }
  await expectNoAxeViolations(page)
})

test('payloads render as text in the edit forms', async ({ page }) => {
  const check = await watch(page)
  await signIn(page, 'admin')
  const v = vendors[4]!
  await page.goto(`/vendors/${v.id}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(v.name)
  await page.getByRole('button', { name: 'Edit vendor' }).click()
  const form = page.getByRole('form', { name: 'Edit vendor' })
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue(v.name)
  await expect(form.getByLabel('Category', { exact: true })).toHaveValue(v.payload)
  await expect(form.getByLabel('Owner', { exact: true })).toHaveValue(`${v.payload} owner`)
  await expect(form.getByLabel('Description', { exact: true })).toHaveValue(`${v.payload} description`)
  await expectShownAsText(page, `${v.payload} sub-processor 5`, form)
  await check('vendor edit form')
  await form.getByRole('button', { name: 'Cancel' }).click()

  await page
    .getByRole('button', { name: /^Edit (?!vendor)/ })
    .first()
    .click()
  await expect(page.getByLabel(/^Source/)).toHaveValue(/incident source|second source/)
  await check('incident edit form')
})

test('payloads render as text on the reviews page, the dashboard, the audit log and the reports page', async ({
  page,
}) => {
  const check = await watch(page)
  await signIn(page, 'admin')

  await page.goto('/reviews?due=30')
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible()
  for (const v of vendors) await expectShownAsText(page, v.name, page.getByRole('table'))
  await check('reviews')

  await page.goto('/dashboard')
  await expect(page.locator('section.chart-card')).toHaveCount(8)
  await expect(page.locator('section.chart-card[aria-busy="true"]')).toHaveCount(0)
  const showTable = page.getByRole('button', { name: 'Show table' })
  while ((await showTable.count()) > 0) await showTable.first().click()
  for (const v of vendors) await expectShownAsText(page, v.name)
  for (const sub of SHARED_SUBS) await expectShownAsText(page, sub)
  await check('dashboard')

  await page.goto(`/audit?entityType=vendor&entityId=${vendors[0]!.id}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible()
  const showChanges = page.getByRole('button', { name: /^Show changes of entry/ })
  await expect(showChanges.first()).toBeVisible()
  while ((await showChanges.count()) > 0) await showChanges.first().click()
  await expectShownAsText(page, vendors[0]!.name)
  await expectShownAsText(page, `${vendors[0]!.payload} review notes`)
  await expectShownAsText(page, `${vendors[0]!.payload} risk note`)
  await check('audit log')

  await page.goto('/reports')
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible()
  await check('reports')
})

test('payloads in an uploaded CSV render as text in the import dry run', async ({ page }) => {
  const check = await watch(page)
  await signIn(page, 'admin')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Import vendors and incidents' })).toBeVisible()

  const header = IMPORT_COLUMNS.vendors.required
  const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`
  const row = (payload: string, i: number, website?: string) => {
    const cells: Record<string, string> = {
      name: `${payload} import row ${i + 1}`,
      category: payload,
      owner: `${payload} owner`,
      status: 'active',
      data_classes: 'pii',
      records: '1000',
      data_location: 'our_environment',
      network_access: 'none',
      criticality: 'low',
      fourth_parties: `${payload} import sub`,
      certifications: '',
      mfa: 'yes',
      encryption_at_rest: 'yes',
      last_assessed_at: '',
      description: `${payload} import description`,
      website: website ?? `https://import${i + 1}.example/?q=${payload}`,
    }
    return [...header, 'description', 'website'].map((c) => quoted(cells[c] ?? '')).join(',')
  }
  const csv = [
    [...header, 'description', 'website'].join(','),
    ...PAYLOADS.map((p, i) => row(p, i)),
    row(PAYLOADS[0], PAYLOADS.length, 'javascript:alert(1)'),
  ].join('\n')
  await page.getByLabel('Spreadsheet to import (CSV or XLSX)').setInputFiles({
    name: 'xss.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${csv}\n`),
  })
  const summary = page.getByRole('list', { name: 'Dry run summary' })
  await expect(summary).toContainText(`${PAYLOADS.length} to create`)
  await expect(summary).toContainText('1 with errors')
  const table = page.getByRole('table', { name: 'Rows of xss.csv' })
  await expect(table.getByRole('row', { name: /import row 6/ })).toContainText('website')
  // A report with errors opens on its errors only; show every row.
  await page.getByRole('checkbox', { name: 'Errors only' }).uncheck()
  for (const [i, p] of PAYLOADS.entries()) await expectShownAsText(page, `${p} import row ${i + 1}`, table)
  await check('import dry run')
  await expectNoAxeViolations(page)
})

test('the watch notices markup that does reach the DOM, so a pass above means something', async ({
  page,
}) => {
  const check = await watch(page)
  await signIn(page, 'admin')
  await page.evaluate(() =>
    document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__xss=1" alt="">'),
  )
  // The CSP refuses the inline handler (so the flag stays unset), and that refusal is what gets reported.
  await expect
    .poll(() =>
      check('self-test').then(
        () => 'missed',
        (error: Error) =>
          /script-src-attr|Content Security Policy|\/x/.test(error.message) ? 'noticed' : error.message,
      ),
    )
    .toBe('noticed')
})
