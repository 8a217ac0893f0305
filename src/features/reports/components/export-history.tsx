import { ProblemMessage } from '../../../components/problem-message'
import { Timestamp } from '../../../components/timestamp'
import { formatWhole } from '../../../domain'
import { exportFileUrl, exportTitle, EXPORT_STATUS_LABELS } from '../../../lib/exports'
import { formatDate } from '../../../lib/format-ui'
import { useExports } from '../api/get-exports'

/** Enough of the hash to tell exports apart at a glance; the manifest has all of it. */
const HASH_PREFIX = 12

/** Past exports, newest first: what, when, by whom, and the file while it is ready. */
export function ExportHistory({
  selectedId,
  onSelect,
}: {
  selectedId: string | null
  onSelect: (id: string) => void
}) {
  const { data, error, isPending, refetch } = useExports()

  return (
    <section className="export-history" aria-labelledby="export-history-title">
      <h2 id="export-history-title">Past exports</h2>
      {isPending ? (
        <div className="skeleton table-skeleton" aria-busy="true" aria-label="Loading past exports" />
      ) : error ? (
        <ProblemMessage error={error} onRetry={() => void refetch()} />
      ) : data.items.length === 0 ? (
        <p className="empty">No exports yet. Choose a format and a day above, then “Create export”.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table export-table">
            <thead>
              <tr>
                <th scope="col">Export</th>
                <th scope="col">Status</th>
                <th scope="col">As of</th>
                <th scope="col" className="num">
                  Rows
                </th>
                <th scope="col">SHA-256</th>
                <th scope="col">By</th>
                <th scope="col">Created</th>
                <th scope="col">File</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((m) => (
                <tr key={m.id} aria-current={m.id === selectedId ? 'true' : undefined}>
                  <th scope="row">
                    <button type="button" className="link-button" onClick={() => onSelect(m.id)}>
                      {exportTitle(m)}
                    </button>
                  </th>
                  <td>
                    <span className={`export-status export-status-${m.status}`}>
                      {EXPORT_STATUS_LABELS[m.status]}
                    </span>
                    {m.status === 'failed' && m.error && <p className="export-error small">{m.error}</p>}
                  </td>
                  <td>
                    <time dateTime={m.asOf}>{formatDate(m.asOf)}</time>
                  </td>
                  <td className="num">{m.rows === null ? '–' : formatWhole(m.rows)}</td>
                  <td>{m.sha256 ? <code title={m.sha256}>{m.sha256.slice(0, HASH_PREFIX)}…</code> : '–'}</td>
                  <td>{m.createdBy}</td>
                  <td>
                    <Timestamp iso={m.createdAt} />
                  </td>
                  <td>
                    {m.status === 'done' ? (
                      <a
                        href={exportFileUrl(m.id)}
                        download={m.filename}
                        aria-label={`Download ${m.filename}`}
                      >
                        {m.filename}
                      </a>
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
