/**
 * Spreadsheet imports: every row's outcome in a dry run (create, update by name, unchanged, or error with column
 * and reason); the real run applies all rows in one transaction, or none when any row is in error.
 */
import type { CellError, ImportAction, ImportReport, Incident, RowOutcome, Vendor } from '../../src/domain'
import {
  ImportFileError,
  parseImportFile,
  type ParsedImport,
  type ParsedRow,
  type VendorInputParsed,
} from '../import/parse-import'
import { HttpProblem } from '../http/problem'
import type { Actor, VendorService } from './vendor-service'

// The report's shapes are the domain's zod schemas, so the SPA parses exactly what this service writes.
export type { ImportAction, ImportReport, RowOutcome }

/**
 * What an import needs of the inventory. The server passes its VendorService; the msw handlers pass the mock
 * inventory, so the offline demo plans rows exactly as the server does.
 */
export type ImportTarget = Pick<VendorService, 'today' | 'findByName' | 'commitVendors'> &
  Partial<Pick<VendorService, 'findByNames'>>

const key = (name: string) => name.trim().toLowerCase()

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

/**
 * Ids as ./ids makes them (`ven-3f9a1c0b2d4e`: 48 random bits from Web Crypto), with the random bytes drawn 6 KB
 * at a time: one Web Crypto call per id cost more than everything else in planning a 50,000-row file.
 */
function idSource() {
  let pool = new Uint8Array(0)
  let at = 0
  return (prefix: 'ven' | 'inc') => {
    if (at + 6 > pool.length) {
      pool = crypto.getRandomValues(new Uint8Array(6 * 1024))
      at = 0
    }
    let id = `${prefix}-`
    for (const end = at + 6; at < end; at++) id += HEX[pool[at]!]
    return id
  }
}

/** Incidents with the same day, kind and summary are the same incident: a file imported twice adds nothing. */
const incidentKey = (i: Omit<Incident, 'id'>) => JSON.stringify([i.occurredAt, i.kind, i.summary])

/**
 * Planning runs once per row of files of up to 50,000 rows, so the two objects made for most rows are written out
 * rather than spread: spreading a shared base into each outcome, and the row's fields into each new vendor, cost
 * several times more than the rest of planning the row.
 */
const outcome = (
  row: ParsedRow,
  vendor: string | null,
  action: ImportAction,
  errors: CellError[],
): RowOutcome => ({ sheet: row.sheet, line: row.line, kind: row.kind, vendor, action, errors })

/** A new vendor from its row: the fields in the row's order, then its id, then no incidents yet. */
function newVendor(input: VendorInputParsed, id: string): Vendor {
  const vendor: Record<string, unknown> = {}
  for (const field of Object.keys(input) as (keyof VendorInputParsed)[]) {
    if (field !== 'incidents') vendor[field] = input[field]
  }
  vendor.id = id
  vendor.incidents = []
  return vendor as Vendor
}

/** The next state of a vendor the file touches: created, updated, or given incidents. */
interface Touched {
  next: Vendor
  expectedVersion: number | null
  before: Vendor | null
}

export function createImportService(vendors: ImportTarget, log: (line: string) => void = () => {}) {
  function plan(parsed: ParsedImport) {
    const today = vendors.today()
    const newId = idSource()
    const findExisting = existingVendors(parsed)
    const rows: RowOutcome[] = []
    // The next state of every vendor the file touches, keyed by name.
    const touched = new Map<string, Touched>()
    const incidents: { vendorId: string; incident: Incident }[] = []
    // Per vendor given incidents: the keys of those it has, and the new ones, added to its next state at the end
    // (checking and copying its whole list per row made a file of many incidents for one vendor quadratic).
    const knownIncidents = new Map<Touched, Set<string>>()
    const addedIncidents = new Map<Touched, Incident[]>()

    for (const row of parsed.rows) {
      if (row.kind !== 'vendors') continue
      const input = row.input
      if (row.errors.length > 0 || input === null) {
        rows.push(outcome(row, row.name, 'error', row.errors))
        continue
      }
      if (input.controls.lastAssessedAt !== undefined && input.controls.lastAssessedAt > today) {
        rows.push(
          outcome(row, row.name, 'error', [
            { column: 'last_assessed_at', message: `Cannot be after today (${today})` },
          ]),
        )
        continue
      }
      const existing = findExisting(input.name)
      if (!existing) {
        touched.set(key(input.name), {
          next: newVendor(input, newId('ven')),
          expectedVersion: null,
          before: null,
        })
        rows.push(outcome(row, row.name, 'create', []))
        continue
      }
      const { incidents: _none, ...fields } = input
      const next: Vendor = {
        ...existing.vendor,
        ...fields,
        id: existing.vendor.id,
        incidents: existing.vendor.incidents,
      }
      const unchanged = JSON.stringify(next) === JSON.stringify(existing.vendor)
      if (!unchanged)
        touched.set(key(fields.name), { next, expectedVersion: existing.version, before: existing.vendor })
      rows.push(outcome(row, row.name, unchanged ? 'unchanged' : 'update', []))
    }

    for (const row of parsed.rows) {
      if (row.kind !== 'incidents') continue
      if (row.errors.length > 0 || row.input === null || row.vendorName === null) {
        rows.push(outcome(row, row.vendorName, 'error', row.errors))
        continue
      }
      if (row.input.occurredAt > today) {
        rows.push(
          outcome(row, row.vendorName, 'error', [
            { column: 'occurred_at', message: `Cannot be after today (${today})` },
          ]),
        )
        continue
      }
      let target = touched.get(key(row.vendorName))
      if (!target) {
        const existing = findExisting(row.vendorName)
        if (!existing) {
          rows.push(
            outcome(row, row.vendorName, 'error', [
              {
                column: 'vendor',
                message: `No vendor named "${row.vendorName}"; add it first or in the same file`,
              },
            ]),
          )
          continue
        }
        target = { next: existing.vendor, expectedVersion: existing.version, before: existing.vendor }
        touched.set(key(row.vendorName), target)
      }
      let known = knownIncidents.get(target)
      if (known === undefined) {
        known = new Set(target.next.incidents.map(incidentKey))
        knownIncidents.set(target, known)
      }
      const rowKey = incidentKey(row.input)
      if (known.has(rowKey)) {
        rows.push(outcome(row, row.vendorName, 'unchanged', []))
        continue
      }
      known.add(rowKey)
      const incident: Incident = { ...row.input, id: newId('inc') }
      const added = addedIncidents.get(target)
      if (added === undefined) addedIncidents.set(target, [incident])
      else added.push(incident)
      incidents.push({ vendorId: target.next.id, incident })
      rows.push(outcome(row, row.vendorName, 'create', []))
    }
    for (const [target, added] of addedIncidents) {
      target.next = { ...target.next, incidents: [...target.next.incidents, ...added] }
    }
    rows.sort((a, b) => (a.sheet === b.sheet ? a.line - b.line : a.sheet.localeCompare(b.sheet)))
    return { rows, touched, incidents }
  }

  /** The vendors the file names, found in one pass when the target can (the server), else one name at a time. */
  function existingVendors(parsed: ParsedImport) {
    if (vendors.findByNames === undefined) return (name: string) => vendors.findByName(name)
    const names: string[] = []
    for (const row of parsed.rows) {
      if (row.kind === 'vendors' && row.input !== null) names.push(row.input.name)
      else if (row.kind === 'incidents' && row.vendorName !== null) names.push(row.vendorName)
    }
    const found = vendors.findByNames(names)
    return (name: string) => found.get(key(name))
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
