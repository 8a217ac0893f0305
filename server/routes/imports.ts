import { Hono } from 'hono'
import { z } from 'zod'
import { requirePermission } from '../auth/session'
import type { AppEnv } from '../http/app-env'
import { HttpProblem } from '../http/problem'
import { readQuery } from '../http/validate'
import { templateCsv } from '../import/parse-import'
import { xlsxUnpackProblem } from '../import/xlsx-guard'
import type { ImportService } from '../services/import-service'

const ImportQuery = z.object({
  dryRun: z
    .enum(['1', '0', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  filename: z.string().max(255).optional(),
})

/** POST /api/imports?dryRun=1|0 with multipart/form-data (field `file`) or the raw file body. */
export function importRoutes(imports: ImportService) {
  return new Hono<AppEnv>()
    .get('/templates/:file{(vendors|incidents)\\.csv}', requirePermission('vendors:read'), (c) => {
      const kind = c.req.param('file').startsWith('vendors') ? 'vendors' : 'incidents'
      c.header('Content-Type', 'text/csv; charset=utf-8')
      c.header('Content-Disposition', `attachment; filename="${kind}-template.csv"`)
      return c.body(templateCsv(kind))
    })
    .post('/', requirePermission('imports:write'), async (c) => {
      const query = readQuery(c, ImportQuery)
      const type = c.req.header('content-type') ?? ''
      let file: { name: string; type?: string; bytes: Uint8Array }
      if (type.startsWith('multipart/form-data')) {
        const body = await c.req.parseBody()
        const upload = body.file
        if (!(upload instanceof File)) {
          throw new HttpProblem(400, 'No file', 'Send the spreadsheet in the form field "file".', [
            { path: 'file', message: 'Missing' },
          ])
        }
        file = { name: upload.name, type: upload.type, bytes: new Uint8Array(await upload.arrayBuffer()) }
      } else {
        file = {
          name: query.filename ?? (type.includes('csv') ? 'import.csv' : 'import.xlsx'),
          type,
          bytes: new Uint8Array(await c.req.arrayBuffer()),
        }
      }
      if (file.bytes.length === 0)
        throw new HttpProblem(400, 'Empty file', 'The uploaded file has no content.')
      // Any ZIP is read as a workbook (parse-import's detectFormat): check what it unpacks to before it is opened.
      const unpack = xlsxUnpackProblem(file.bytes)
      if (unpack !== null) {
        throw new HttpProblem(422, 'Cannot import this file', unpack, [{ path: 'file', message: unpack }])
      }
      const report = await imports.run(file, query.dryRun, { username: c.get('user')!.username })
      return c.json(report, 200)
    })
}
