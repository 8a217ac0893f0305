/**
 * msw handlers for spreadsheet imports. They run the server's own parser and import planner (both free of Node
 * APIs) against the mock inventory, so a dry run in the offline demo or a component test reports exactly what
 * the server would: the same row errors, the same create/update/unchanged decisions, all-or-nothing applies.
 */
import { http, HttpResponse } from 'msw'
import { can, forbidden, MAX_IMPORT_BYTES, type Problem, type Vendor } from '../../src/domain'
import { HttpProblem } from '../../server/http/problem'
import { templateCsv } from '../../server/import/parse-import'
import { createImportService, type ImportTarget } from '../../server/services/import-service'
import { currentMockUser, MOCK_CSRF_TOKEN } from './session'
import { MOCK_AS_OF, mockVendors, mockVendorVersion, saveMockVendors } from './vendors'

const IMPORTS_PATH = '/api/imports'
const TOO_LARGE = `The limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB; nothing was read or stored.`

function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}) {
  return HttpResponse.json(
    { type: 'about:blank', title, status, detail, instance: IMPORTS_PATH, ...extra },
    {
      status,
      headers: { 'Content-Type': 'application/problem+json' },
    },
  )
}

/** The mock inventory in the shape the import planner asks of the server's VendorService. */
const inventory: ImportTarget = {
  today: () => MOCK_AS_OF,
  findByName(name) {
    const key = name.trim().toLowerCase()
    const vendor: Vendor | undefined = mockVendors().find((v) => v.name.trim().toLowerCase() === key)
    if (!vendor) return undefined
    const at = `${MOCK_AS_OF}T00:00:00.000Z`
    return {
      vendor,
      version: mockVendorVersion(vendor.id),
      createdAt: at,
      updatedAt: at,
      riskAcceptance: null,
    }
  },
  commitVendors: async (_actor, changes) => saveMockVendors(changes.map((change) => change.next)),
}
const imports = createImportService(inventory)

/** 401 without a session, 403 for a role without imports:write, as the server's requirePermission answers. */
function refused(): Response | null {
  const role = currentMockUser()
  if (role === null) return problem(401, 'Sign in required', 'Sign in to use the API.')
  if (can(role, 'imports:write')) return null
  const { title, detail } = forbidden(role, 'imports:write')
  return problem(403, title, detail)
}

async function readUpload(request: Request, url: URL) {
  const type = request.headers.get('content-type') ?? ''
  if (type.startsWith('multipart/form-data')) {
    const upload = (await request.formData()).get('file')
    if (!(upload instanceof File)) return null
    return { name: upload.name, type: upload.type, bytes: new Uint8Array(await upload.arrayBuffer()) }
  }
  return {
    name: url.searchParams.get('filename') ?? (type.includes('csv') ? 'import.csv' : 'import.xlsx'),
    type,
    bytes: new Uint8Array(await request.arrayBuffer()),
  }
}

export const importHandlers = [
  http.get('/api/imports/templates/:file', ({ params }) => {
    if (currentMockUser() === null) return problem(401, 'Sign in required', 'Sign in to use the API.')
    const kind =
      params.file === 'vendors.csv' ? 'vendors' : params.file === 'incidents.csv' ? 'incidents' : null
    if (kind === null) return problem(404, 'Not found', `No import template named ${String(params.file)}`)
    return new HttpResponse(templateCsv(kind), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${kind}-template.csv"`,
      },
    })
  }),

  http.post(IMPORTS_PATH, async ({ request }) => {
    const url = new URL(request.url)
    // The server's order: body limit, session and CSRF, permission, then the query.
    if (Number(request.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES) {
      return problem(413, 'Request body too large', TOO_LARGE)
    }
    if (currentMockUser() !== null && request.headers.get('x-csrf-token') !== MOCK_CSRF_TOKEN) {
      return problem(
        403,
        'Missing or wrong CSRF token',
        'Send the csrfToken from GET /api/session in the x-csrf-token header.',
      )
    }
    const denied = refused()
    if (denied) return denied
    const dryRun = url.searchParams.get('dryRun') ?? '1'
    if (!['1', '0', 'true', 'false'].includes(dryRun)) {
      return problem(400, 'Invalid query parameter', `dryRun: ${dryRun} is not one of 1, 0, true, false`)
    }

    const file = await readUpload(request, url)
    if (file === null) {
      return problem(400, 'No file', 'Send the spreadsheet in the form field "file".', {
        errors: [{ path: 'file', message: 'Missing' }],
      })
    }
    if (file.bytes.length > MAX_IMPORT_BYTES) {
      return problem(413, 'Request body too large', TOO_LARGE)
    }
    if (file.bytes.length === 0) return problem(400, 'Empty file', 'The uploaded file has no content.')

    try {
      const report = await imports.run(file, dryRun === '1' || dryRun === 'true', {
        username: currentMockUser() ?? 'anonymous',
      })
      return HttpResponse.json(report)
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error
      return problem(error.status, error.title, error.detail ?? error.title, {
        ...(error.errors !== undefined && { errors: error.errors satisfies Problem['errors'] }),
        ...error.extra,
      })
    }
  }),
]
