import { describeAuditValue, type AuditChange } from '../../../domain'

/** More than this and the list says how many it leaves out: a full import can log a vendor with hundreds of fields. */
const SHOWN = 300

/**
 * The fields an entry changed, each with its value before and after. Every value is rendered as a text node
 * (JSON for nested ones), so whatever a user once typed into a field is shown, never interpreted.
 */
export function AuditDiff({ changes }: { changes: AuditChange[] }) {
  if (changes.length === 0) return <p className="muted">This entry records no field values.</p>
  const shown = changes.slice(0, SHOWN)
  return (
    <>
      <ul className="audit-diff">
        {shown.map((change) => (
          <li key={change.path}>
            <code className="audit-diff-path">{change.path || '(whole value)'}</code>
            <span className="audit-diff-values">
              <span className="visually-hidden">before: </span>
              <span className={change.before === undefined ? 'audit-diff-absent' : 'change-before'}>
                {describeAuditValue(change.before)}
              </span>
              <span aria-hidden="true"> → </span>
              <span className="visually-hidden">, after: </span>
              <span className={change.after === undefined ? 'audit-diff-absent' : 'change-after'}>
                {describeAuditValue(change.after)}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {changes.length > SHOWN && (
        <p className="muted small">
          …and {changes.length - SHOWN} more fields. Export the log as JSON to read all of them.
        </p>
      )}
    </>
  )
}
