import { AuditDiff } from './audit-diff'
import { useState } from 'react'
import { Link } from 'react-router'
import { Timestamp } from '../../../components/timestamp'
import { formatWhole, type AuditEntryDto } from '../../../domain'
import { diffJson } from '../../../domain'
import { actionLabel, AUDIT_ENTITY_TYPES } from '../audit-actions'

type Fields = Record<string, unknown>
const fieldsOf = (value: unknown): Fields | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : null

/** A text field of the entry's after (or else before) value: the vendor's name, the export's file name. */
function textField(entry: AuditEntryDto, key: string): string | undefined {
  for (const side of [fieldsOf(entry.after), fieldsOf(entry.before)]) {
    const value = side?.[key]
    if (typeof value === 'string' && value !== '') return value
  }
  return undefined
}

const vendorHref = (id: string) => `/vendors/${encodeURIComponent(id)}`

/** What the entry is about, in words; vendors (and an incident's vendor) link to their profile. */
function AuditObject({ entry }: { entry: AuditEntryDto }) {
  const { entityType, entityId } = entry
  if (entityType === 'vendor') {
    return (
      <>
        <span className="muted">Vendor </span>
        <Link to={vendorHref(entityId)}>{textField(entry, 'name') ?? entityId}</Link>
      </>
    )
  }
  if (entityType === 'incident') {
    const vendorId = textField(entry, 'vendorId')
    return (
      <>
        <span className="muted">Incident </span>
        <code>{entityId}</code>
        {vendorId && (
          <>
            <span className="muted"> of </span>
            <Link to={vendorHref(vendorId)}>{vendorId}</Link>
          </>
        )}
      </>
    )
  }
  if (entityType === 'scoring_model') return <>Scoring model</>
  if (entityType === 'export') {
    return (
      <>
        <span className="muted">Export </span>
        {textField(entry, 'filename') ?? <code>{entityId}</code>}
      </>
    )
  }
  return (
    <>
      <span className="muted">{AUDIT_ENTITY_TYPES[entityType] ?? entityType} </span>
      <code>{entityId}</code>
    </>
  )
}

function AuditRow({
  entry,
  onFilterObject,
}: {
  entry: AuditEntryDto
  onFilterObject: (entry: AuditEntryDto) => void
}) {
  const [open, setOpen] = useState(false)
  // Computed on opening only: a page of a hundred vendor edits need not diff a hundred documents up front.
  const changes = open ? diffJson(entry.before ?? null, entry.after ?? null) : null
  const detailId = `audit-entry-${entry.seq}`
  return (
    <tbody className={open ? 'audit-entry open' : 'audit-entry'}>
      <tr>
        <td className="num">{formatWhole(entry.seq)}</td>
        <td>
          <Timestamp iso={entry.at} />
        </td>
        <td>{entry.actor}</td>
        <td title={entry.action}>{actionLabel(entry.action)}</td>
        <td className="audit-object">
          <AuditObject entry={entry} />{' '}
          <button
            type="button"
            className="link-button small"
            onClick={() => onFilterObject(entry)}
            aria-label={`Show only entries about ${entry.entityType} ${entry.entityId}`}
          >
            only this
          </button>
        </td>
        <td>
          <button
            type="button"
            aria-expanded={open}
            aria-controls={open ? detailId : undefined}
            aria-label={`${open ? 'Hide changes' : 'Show changes'} of entry ${entry.seq}`}
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide changes' : 'Show changes'}
          </button>
        </td>
      </tr>
      {open && changes && (
        <tr className="audit-detail">
          <td colSpan={6} id={detailId}>
            <AuditDiff changes={changes} />
            <p className="muted small audit-hashes">
              Hash <code>{entry.hash}</code> · previous <code>{entry.prevHash}</code>
            </p>
          </td>
        </tr>
      )}
    </tbody>
  )
}

/** The entries, newest first, each with its before/after diff one click away. */
export function AuditTable({
  entries,
  onFilterObject,
}: {
  entries: AuditEntryDto[]
  onFilterObject: (entry: AuditEntryDto) => void
}) {
  return (
    <div className="table-scroll">
      <table className="data-table audit-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Object</th>
            <th scope="col">Before / after</th>
          </tr>
        </thead>
        {entries.map((entry) => (
          <AuditRow key={entry.seq} entry={entry} onFilterObject={onFilterObject} />
        ))}
      </table>
    </div>
  )
}
