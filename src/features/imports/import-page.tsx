/**
 * Spreadsheet import for procurement: choose a CSV or XLSX file, read the dry run row by row, fix and retry until
 * it is clean, then apply every change at once. Nothing changes before "Apply".
 */
import { useId, useMemo, useRef, useState } from 'react'
import { Link } from 'react-router'
import { PermissionGate } from '../../components/permission-gate'
import { ImportReport, MAX_IMPORT_BYTES, plural, whoCan, type RoleName } from '../../domain'
import { ApiError } from '../../lib/api-client'
import { formatBytes } from '../../lib/format-ui'
import { useSession } from '../auth/api/session'
import { useRunImport, type ImportStage } from './api/run-import'
import { FileDropZone } from './components/file-drop-zone'
import { ImportProblem } from './components/import-problem'
import { ImportProgress } from './components/import-progress'
import { ImportReportTable } from './components/import-report-table'
import { ImportSummary } from './components/import-summary'
import { ImportTemplates } from './components/import-templates'

const heading = <h1>Import vendors and incidents</h1>

export function ImportPage() {
  return (
    <PermissionGate
      heading={heading}
      session={useSession()}
      permission="imports:write"
      forbidden={(role) => <ImportForbidden role={role} />}
    >
      <ImportWorkflow />
    </PermissionGate>
  )
}

/** Why this role cannot import, and who can: the server would refuse the upload with a 403 anyway. */
function ImportForbidden({ role }: { role: RoleName | null }) {
  const who = whoCan('imports:write')
  return (
    <div className="import-page">
      {heading}
      <div className="callout import-forbidden">
        <p>
          <strong>Only {who} can import spreadsheets</strong>, because an import adds and changes vendors in
          bulk.
        </p>
        <p>
          {role === null
            ? 'You are not signed in.'
            : `Your role (${role}) can read the inventory but not import.`}{' '}
          Ask {who} to import the file for you.
        </p>
        <Link to="/vendors">Back to the vendor list</Link>
      </div>
    </div>
  )
}

const isCancelled = (error: unknown) => error instanceof DOMException && error.name === 'AbortError'

function progressText(stage: ImportStage | null, fileName: string, server: string) {
  return stage?.phase === 'processing' ? server : `Uploading ${fileName}…`
}

function ImportWorkflow() {
  const dryRun = useRunImport('dry-run')
  const apply = useRunImport('apply')
  const [file, setFile] = useState<File | null>(null)
  const [tooLarge, setTooLarge] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const blockedId = useId()

  function choose(next: File) {
    dryRun.cancel()
    dryRun.reset()
    apply.reset()
    setFile(next)
    // The server refuses more than this without reading it; saying so here saves uploading 20 MB for nothing.
    const large = next.size > MAX_IMPORT_BYTES
    setTooLarge(large)
    if (!large) dryRun.mutate(next)
  }
  const chooseAgain = () => inputRef.current?.click()

  // A real run refused with 422 carries the server's fresh report: it replaces the dry run's.
  const refusedReport = useMemo(() => {
    const report = apply.error instanceof ApiError ? apply.error.extensions.report : undefined
    return report === undefined ? null : (ImportReport.safeParse(report).data ?? null)
  }, [apply.error])
  const report = apply.data ?? refusedReport ?? dryRun.data ?? null
  const name = file?.name ?? ''

  let status = ''
  if (dryRun.isPending) status = progressText(dryRun.stage, name, 'Checking rows…')
  else if (apply.isPending) status = progressText(apply.stage, name, 'Applying changes…')
  else if (apply.isSuccess) status = `Imported ${name}.`
  else if (dryRun.isError && isCancelled(dryRun.error)) status = 'Upload cancelled; nothing was changed.'
  else if (dryRun.isSuccess && !apply.isError) status = `Dry run of ${name} done; nothing has changed yet.`

  return (
    <div className="import-page">
      {heading}
      <p className="muted">
        Add or update many vendors, or record their incidents, from a spreadsheet. Every upload is checked
        first and shows what each row would do; nothing changes until you apply it, and then every row changes
        or none does.
      </p>
      <ImportTemplates />

      <section className="import-upload" aria-label="Upload">
        <FileDropZone onFile={choose} disabled={apply.isPending} inputRef={inputRef} />
        <p role="status" className="import-status">
          {status}
        </p>
        {dryRun.isPending && <ImportProgress stage={dryRun.stage} onCancel={dryRun.cancel} />}
        {/* No cancel once applying: the server may already be committing, and would finish regardless. */}
        {apply.isPending && <ImportProgress stage={apply.stage} />}

        {file && tooLarge && (
          <div role="alert" className="problem import-problem">
            <strong>File too large</strong>
            <p>
              {file.name} is {formatBytes(file.size)}, over the {formatBytes(MAX_IMPORT_BYTES)} limit, so it
              was not uploaded. Split it into smaller files and import them one at a time.
            </p>
          </div>
        )}
        {dryRun.isError && !isCancelled(dryRun.error) && (
          <ImportProblem error={dryRun.error}>
            {dryRun.error instanceof ApiError ? (
              <p>Nothing was imported. Fix the file and choose it again.</p>
            ) : (
              file && (
                <button type="button" onClick={() => choose(file)}>
                  Try again
                </button>
              )
            )}
          </ImportProblem>
        )}
      </section>

      {report && file && (
        <section className="import-result" aria-label={report.applied ? 'Import result' : 'Dry run'}>
          <h2>{report.applied ? `Imported ${report.file}` : `Dry run of ${report.file}`}</h2>
          <ImportSummary report={report} />

          {apply.isError && (
            <ImportProblem error={apply.error}>
              {!refusedReport && (
                <button type="button" onClick={() => choose(file)}>
                  Check the file again
                </button>
              )}
            </ImportProblem>
          )}

          {apply.isSuccess ? (
            <div className="import-actions">
              <p>
                Every change is applied. <Link to="/vendors">See the vendor list</Link>
              </p>
              <button type="button" onClick={chooseAgain}>
                Import another file
              </button>
            </div>
          ) : apply.isPending || (apply.isError && !refusedReport) ? null : report.counts.error > 0 ? (
            <>
              <div className="import-actions">
                <button type="button" className="primary" disabled aria-describedby={blockedId}>
                  Apply changes
                </button>
                <button type="button" onClick={chooseAgain}>
                  Fix and retry
                </button>
              </div>
              <p id={blockedId} className="callout danger">
                Apply is unavailable: {plural(report.counts.error, 'row')}{' '}
                {report.counts.error === 1 ? 'has an error' : 'have errors'}, and an import applies every row
                or none. Correct the file, then choose it again with “Fix and retry”.
              </p>
            </>
          ) : report.counts.create + report.counts.update === 0 ? (
            <p className="callout">Nothing to apply: every row already matches the inventory.</p>
          ) : (
            <div className="import-actions">
              <button type="button" className="primary" onClick={() => apply.mutate(file)}>
                Apply {plural(report.counts.create + report.counts.update, 'change')}
              </button>
              <span className="muted">All of them in one go, or none if any row fails on the server.</span>
            </div>
          )}

          <ImportReportTable report={report} />
        </section>
      )}
    </div>
  )
}
