import { formatWhole, IMPORT_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../../domain'
import { formatBytes } from '../../../lib/format-ui'

const columnList = (names: readonly string[]) =>
  names.map((name, index) => (
    <span key={name}>
      {index > 0 && ', '}
      <code>{name}</code>
    </span>
  ))

/** The two templates to start from, and what their columns take. */
export function ImportTemplates() {
  const { vendors, incidents } = IMPORT_COLUMNS
  return (
    <section className="panel import-templates" aria-labelledby="import-templates-heading">
      <h2 id="import-templates-heading">Start from a template</h2>
      <ul className="import-template-list">
        <li>
          <a href="/api/imports/templates/vendors.csv" download>
            Vendors template (CSV)
          </a>
          <p>
            One row per vendor. A row whose <code>name</code> matches a vendor we have updates it; any other
            row adds a vendor. Columns: {columnList(vendors.required)}; optional:{' '}
            {columnList(vendors.optional)}.
          </p>
        </li>
        <li>
          <a href="/api/imports/templates/incidents.csv" download>
            Incidents template (CSV)
          </a>
          <p>
            One row per incident, added to the vendor named in <code>vendor</code> (already in the inventory
            or in the same file). Columns: {columnList(incidents.required)}.
          </p>
        </li>
      </ul>
      <p className="muted">
        Separate list items with <code>;</code>, write booleans as <code>yes</code> or <code>no</code> and
        dates as <code>YYYY-MM-DD</code>. An XLSX workbook takes both at once, in sheets named{' '}
        <code>vendors</code> and <code>incidents</code>. Up to {formatWhole(MAX_IMPORT_ROWS)} rows and{' '}
        {formatBytes(MAX_IMPORT_BYTES)} per file. Cells that start like a formula (<code>=</code>,{' '}
        <code>+</code>, <code>-</code>, <code>@</code>) are refused.
      </p>
    </section>
  )
}
