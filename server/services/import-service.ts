/**
 * Spreadsheet imports: every row's outcome in a dry run (create, update by name, unchanged, or error with column
 * and reason); the real run applies all rows in one transaction, or none when any row is in error.
 */
import type { ImportAction, ImportReport, Incident, RowOutcome, Vendor } from '../../src/domain'
import { ImportFileError, parseImportFile, type ParsedImport } from '../import/parse-import'
import { HttpProblem } from '../http/problem'
import { newId } from './ids'
import type { Actor, VendorService } from './vendor-service'

// The report's shapes are the domain's zod schemas, so the SPA parses exactly what this service writes.
export type { ImportAction, ImportReport, RowOutcome }

/**
 * What an import needs of the inventory. The server passes its VendorService; the msw handlers pass the mock
 * inventory, so the offline demo plans rows exactly as the server does.
 */
export type ImportTarget = Pick<VendorService, 'today' | 'findByName' | 'commitVendors'>

const key = (name: string) => name.trim().toLowerCase()
const sameIncident = (a: Omit<Incident, 'id'>, b: Omit<Incident, 'id'>) =>
  a.occurredAt === b.occurredAt && a.kind === b.kind && a.summary === b.summary

export function createImportService(vendors: ImportTarget, log: (line: string) => void = () => {}) {
  function plan(parsed: ParsedImport) {
    const today = vendors.today()
    const rows: RowOutcome[] = []
    // The next state of every vendor the file touches, keyed by name: created, updated, or given incidents.
    const touched = new Map<string, { next: Vendor; expectedVersion: number | null; before: Vendor | null }>()
    const incidents: { vendorId: string; incident: Incident }[] = []

    for (const row of parsed.rows) {
      if (row.kind !== 'vendors') continue
      const base = { sheet: row.sheet, line: row.line, kind: row.kind, vendor: row.name }
      if (row.errors.length > 0 || row.input === null) {
        rows.push({ ...base, action: 'error', errors: row.errors })
        continue
      }
      const { incidents: _none, ...fields } = row.input
      if (fields.controls.lastAssessedAt !== undefined && fields.controls.lastAssessedAt > today) {
        rows.push({
          ...base,
          action: 'error',
          errors: [{ column: 'last_assessed_at', message: `Cannot be after today (${today})` }],
        })
        continue
      }
      const existing = vendors.findByName(fields.name)
      if (!existing) {
        const id = newId('ven')
        touched.set(key(fields.name), {
          next: { ...fields, id, incidents: [] },
          expectedVersion: null,
          before: null,
        })
        rows.push({ ...base, action: 'create', errors: [] })
        continue
      }
      const next: Vendor = {
        ...existing.vendor,
        ...fields,
        id: existing.vendor.id,
        incidents: existing.vendor.incidents,
      }
      const unchanged = JSON.stringify(next) === JSON.stringify(existing.vendor)
      if (!unchanged)
        touched.set(key(fields.name), { next, expectedVersion: existing.version, before: existing.vendor })
      rows.push({ ...base, action: unchanged ? 'unchanged' : 'update', errors: [] })
    }

    for (const row of parsed.rows) {
      if (row.kind !== 'incidents') continue
      const base = { sheet: row.sheet, line: row.line, kind: row.kind, vendor: row.vendorName }
      if (row.errors.length > 0 || row.input === null || row.vendorName === null) {
        rows.push({ ...base, action: 'error', errors: row.errors })
        continue
      }
      if (row.input.occurredAt > today) {
        rows.push({
          ...base,
          action: 'error',
          errors: [{ column: 'occurred_at', message: `Cannot be after today (${today})` }],
        })
        continue
      }
      let target = touched.get(key(row.vendorName))
      if (!target) {
        const existing = vendors.findByName(row.vendorName)
        if (!existing) {
          rows.push({
            ...base,
            action: 'error',
            errors: [
              {
                column: 'vendor',
                message: `No vendor named "${row.vendorName}"; add it first or in the same file`,
              },
            ],
          })
          continue
        }
        target = { next: existing.vendor, expectedVersion: existing.version, before: existing.vendor }
        touched.set(key(row.vendorName), target)
      }
      if (target.next.incidents.some((i) => sameIncident(i, row.input!))) {
        rows.push({ ...base, action: 'unchanged', errors: [] })
        continue
      }
      const incident: Incident = { ...row.input, id: newId('inc') }
      target.next = { ...target.next, incidents: [...target.next.incidents, incident] }
      incidents.push({ vendorId: target.next.id, incident })
      rows.push({ ...base, action: 'create', errors: [] })
    }
    rows.sort((a, b) => (a.sheet === b.sheet ? a.line - b.line : a.sheet.localeCompare(b.sheet)))
    return { rows, touched, incidents }
  }

  return {
    async run(
      file: { name: string; type?: string; bytes: Uint8Array },
      dryRun: boolean,
      actor: Actor,
    ): Promise<ImportReport> {
      let parsed: ParsedImport
      try {
        parsed = await parseImportFile(file)
      } catch (error) {
        if (error instanceof ImportFileError) {
          const where = [
            error.details?.sheet && `sheet ${error.details.sheet}`,
            error.details?.line && `line ${error.details.line}`,
          ]
            .filter(Boolean)
            .join(', ')
          throw new HttpProblem(
            422,
            'Cannot import this file',
            where ? `${error.message} (${where})` : error.message,
            [{ path: error.details?.column ?? 'file', message: error.message }],
          )
        }
        throw error
      }
      const { rows, touched, incidents } = plan(parsed)
      const counts: Record<ImportAction, number> = { create: 0, update: 0, unchanged: 0, error: 0 }
      for (const r of rows) counts[r.action] += 1
      const report: ImportReport = {
        file: file.name,
        format: parsed.format,
        dryRun,
        applied: false,
        counts,
        rows,
      }
      if (dryRun) return report
      if (counts.error > 0) {
        throw new HttpProblem(
          422,
          'Import not applied',
          `${counts.error} of ${rows.length} rows have errors; nothing was applied. Fix them and import again.`,
          rows
            .flatMap((r) =>
              r.errors.map((e) => ({ path: `${r.sheet}:${r.line}:${e.column}`, message: e.message })),
            )
            .slice(0, 1000),
          { report },
        )
      }
      const changes = [...touched.values()]
      const created = new Set(incidents.map((i) => i.incident.id))
      const audit = [
        ...changes.map((c) =>
          c.before === null
            ? { action: 'vendor.create', entityType: 'vendor', entityId: c.next.id, after: c.next }
            : {
                action: 'vendor.update',
                entityType: 'vendor',
                entityId: c.next.id,
                before: c.before,
                after: c.next,
              },
        ),
        ...incidents.map(({ vendorId, incident }) => ({
          action: 'incident.create',
          entityType: 'incident',
          entityId: incident.id,
          after: { vendorId, ...incident },
        })),
        {
          action: 'import.apply',
          entityType: 'import',
          entityId: file.name,
          after: { format: parsed.format, counts },
        },
      ]
      log(
        `import ${file.name}: applying ${rows.length} rows (${changes.length} vendors, ${created.size} incidents) in one transaction`,
      )
      await vendors.commitVendors(
        actor,
        changes.map((c) => ({ id: c.next.id, expectedVersion: c.expectedVersion, next: c.next })),
        audit,
        'import',
      )
      log(`import ${file.name}: committed`)
      return { ...report, applied: true }
    },
  }
}

export type ImportService = ReturnType<typeof createImportService>
