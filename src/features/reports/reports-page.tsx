/**
 * Reports for auditors and the board: export the vendor register (CSV, XLSX, full JSON) or the PDF risk report
 * as of any past day, follow the export while the server writes it, then download the file with its integrity
 * manifest. Every export is written to the audit log by the server.
 */
import { Link, useSearchParams } from 'react-router'
import { ExportManifestView } from '../../components/export-manifest-view'
import { PermissionGate } from '../../components/permission-gate'
import { ProblemMessage } from '../../components/problem-message'
import { whoCan, type ExportRequest, type RoleName } from '../../domain'
import { useSession } from '../auth/api/session'
import { useCreateExport } from './api/create-export'
import { useExport } from './api/get-export'
import { ExportForm } from './components/export-form'
import { ExportHistory } from './components/export-history'

const heading = <h1>Reports</h1>

export function ReportsPage() {
  return (
    <PermissionGate
      heading={heading}
      session={useSession()}
      permission="exports:read"
      forbidden={(role) => <ReportsForbidden role={role} />}
    >
      <Reports />
    </PermissionGate>
  )
}

/** Why this role cannot export, and who can: the server would refuse with a 403 anyway. */
function ReportsForbidden({ role }: { role: RoleName | null }) {
  const who = whoCan('exports:read')
  return (
    <div className="reports-page">
      {heading}
      <div className="callout reports-forbidden">
        <p>
          <strong>Only {who} can export reports</strong>, because an export hands the whole register, with
          every vendor’s data and score, out of the application.
        </p>
        <p>
          {role === null
            ? 'You are not signed in.'
            : `Your role (${role}) can read the inventory and the audit log but not export them.`}{' '}
          Ask {who} for the file you need.
        </p>
        <p>
          <Link to="/vendors">Back to the vendor list</Link> · <Link to="/audit">Audit log</Link>
        </p>
      </div>
    </div>
  )
}

/** The export on show, polled until it is done or failed. */
function CurrentExport({ id }: { id: string }) {
  const { data, error, refetch } = useExport(id)
  if (error) return <ProblemMessage error={error} onRetry={() => void refetch()} />
  if (!data)
    return <div className="skeleton manifest-skeleton" aria-busy="true" aria-label="Loading the export" />
  return <ExportManifestView manifest={data} />
}

function Reports() {
  const create = useCreateExport()
  // The export on show is in the URL, so a manifest can be linked to and survives a reload.
  const [params, setParams] = useSearchParams()
  const selected = params.get('export')
  const select = (id: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current)
      next.set('export', id)
      return next
    })

  function start(request: ExportRequest) {
    create.mutate(request, { onSuccess: (manifest) => select(manifest.id) })
  }

  return (
    <div className="reports-page">
      {heading}
      <p className="muted reports-intro">
        Export the vendor register or the board’s risk report as it stood on any day. Each file comes with a
        manifest: its SHA-256, the day, the row count, the scoring model and the audit log’s head, so anyone
        can check later that the file is the one exported. Every export is itself recorded in the{' '}
        <Link to="/audit">audit log</Link>.
      </p>
      <div className="reports-layout">
        <ExportForm onCreate={start} pending={create.isPending} />
        <div className="reports-current">
          {create.isError && <ProblemMessage error={create.error} />}
          {selected ? (
            <CurrentExport key={selected} id={selected} />
          ) : (
            <p className="empty">Create an export, or open one from the history, to see its manifest here.</p>
          )}
        </div>
      </div>
      <ExportHistory selectedId={selected} onSelect={select} />
    </div>
  )
}
