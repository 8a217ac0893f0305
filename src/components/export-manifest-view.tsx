import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { formatWhole, plural, type AuditLogFilters, type ExportManifest } from '../domain'
import { exportFileUrl, exportTitle, EXPORT_STATUS_LABELS, isExportRunning } from '../lib/exports'
import { formatBytes, formatDate } from '../lib/format-ui'
import { CopyButton } from './copy-button'
import { Timestamp } from './timestamp'

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

const FILTER_NAMES: Record<keyof AuditLogFilters, string> = {
  actor: 'user',
  action: 'action',
  entityType: 'object type',
  entityId: 'object',
  from: 'from',
  to: 'to',
}

/** "user ciso, action vendor.update, from 2026-01-01", or "none: the whole log". */
export function describeAuditFilters(filters: AuditLogFilters | null): string {
  const given = Object.entries(filters ?? {}).filter(([, v]) => v !== undefined && v !== '')
  if (given.length === 0) return 'none: the whole log'
  return given.map(([k, v]) => `${FILTER_NAMES[k as keyof AuditLogFilters] ?? k} ${String(v)}`).join(', ')
}

/**
 * An export's status and, once it is done, its integrity manifest as plain facts: the file's SHA-256 (with a copy
 * button and the commands that check it), the rows, the size, the day it reproduces, the scoring model and the
 * audit log's head. `download` is false where the caller has already saved the file.
 */
export function ExportManifestView({
  manifest,
  headingLevel = 2,
  download = true,
}: {
  manifest: ExportManifest
  headingLevel?: 2 | 3
  download?: boolean
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const Subheading = headingLevel === 2 ? 'h3' : 'h4'
  const running = isExportRunning(manifest)
  const check = manifest.sha256 && `echo '${manifest.sha256}  ${manifest.filename}' | sha256sum --check`

  return (
    <section className="export-manifest" aria-label={`Export ${manifest.filename}`}>
      <header className="export-manifest-head">
        <Heading>{exportTitle(manifest)}</Heading>
        {/* A live region that stays put, so "Queued" → "Writing" → "Ready" is announced as it happens. */}
        <span role="status" className={`export-status export-status-${manifest.status}`}>
          {EXPORT_STATUS_LABELS[manifest.status]}
        </span>
        <span className="muted">
          as of <time dateTime={manifest.asOf}>{formatDate(manifest.asOf)}</time>
        </span>
      </header>

      {running && (
        <div className="export-progress" aria-busy="true">
          {/* No value: the server says only queued or writing, not how far it is. */}
          <progress aria-label="Export in progress" />
          <p>
            {manifest.status === 'pending'
              ? 'Queued: the server writes large exports one at a time.'
              : `Writing ${manifest.filename}…`}{' '}
            <span className="muted">
              Large exports finish in the background; you can leave this page and find the file in the history
              below.
            </span>
          </p>
        </div>
      )}

      {manifest.status === 'failed' && (
        <div role="alert" className="callout danger export-failed">
          <p>
            <strong>The export failed.</strong> {manifest.error ?? 'The server gave no reason.'}
          </p>
          <p>
            No file was kept. Create the export again; if it fails again, give an admin the id {manifest.id}.
          </p>
        </div>
      )}

      {manifest.status === 'done' && manifest.sha256 && (
        <>
          {download && (
            <p className="export-download">
              <a className="button primary" href={exportFileUrl(manifest.id)} download={manifest.filename}>
                Download {manifest.filename}
              </a>
              {manifest.bytes !== null && <span className="muted num">{formatBytes(manifest.bytes)}</span>}
            </p>
          )}
          <Subheading className="manifest-title">Manifest</Subheading>
          <dl className="facts manifest-facts">
            <Fact term="File">
              <code>{manifest.filename}</code>
            </Fact>
            <Fact term="SHA-256">
              <code className="hash">{manifest.sha256}</code>{' '}
              <CopyButton value={manifest.sha256} what="SHA-256" />
            </Fact>
            <Fact term="Rows">
              <span className="num">
                {manifest.rows === null
                  ? '–'
                  : manifest.kind === 'register'
                    ? plural(manifest.rows, 'vendor')
                    : plural(manifest.rows, 'entry', 'entries')}
              </span>
            </Fact>
            <Fact term="Size">
              <span className="num" title={manifest.bytes === null ? undefined : `${manifest.bytes} bytes`}>
                {manifest.bytes === null
                  ? '–'
                  : `${formatBytes(manifest.bytes)} (${formatWhole(manifest.bytes)} bytes)`}
              </span>
            </Fact>
            <Fact term="As of">
              {manifest.kind === 'register' ? (
                <>
                  The register at the end of <time dateTime={manifest.asOf}>{formatDate(manifest.asOf)}</time>{' '}
                  (UTC)
                </>
              ) : (
                <>
                  Taken on <time dateTime={manifest.asOf}>{formatDate(manifest.asOf)}</time>
                </>
              )}
            </Fact>
            {manifest.kind === 'audit-log' && (
              <Fact term="Filters">{describeAuditFilters(manifest.filters)}</Fact>
            )}
            <Fact term="Scoring model">
              version <code>{manifest.modelVersion}</code>
              {manifest.modelRevision !== null &&
                (manifest.modelRevision === 0
                  ? ', default weights'
                  : `, weights revision ${formatWhole(manifest.modelRevision)}`)}
            </Fact>
            <Fact term="Audit log head">
              entry <span className="num">#{formatWhole(manifest.auditSeq)}</span>,{' '}
              <code className="hash">{manifest.auditHead}</code>{' '}
              <CopyButton value={manifest.auditHead} what="audit log head hash" />
            </Fact>
            <Fact term="Created">
              by {manifest.createdBy}, <Timestamp iso={manifest.createdAt} />
              {manifest.finishedAt && (
                <span className="muted">
                  {' '}
                  · finished <Timestamp iso={manifest.finishedAt} />
                </span>
              )}
            </Fact>
            <Fact term="Export id">
              <code>{manifest.id}</code>
            </Fact>
          </dl>

          <div className="verify-howto">
            <Subheading>How to verify the file</Subheading>
            <p>Hash the downloaded file and compare the result with the SHA-256 above:</p>
            {/* Focusable: a long command scrolls sideways, and keyboard users must be able to scroll it too. */}
            <pre tabIndex={0}>
              <code>sha256sum {manifest.filename}</code>
            </pre>
            <p className="muted small">
              On macOS <code>shasum -a 256 {manifest.filename}</code>; in Windows PowerShell{' '}
              <code>Get-FileHash -Algorithm SHA256 {manifest.filename}</code>. Or let sha256sum compare for
              you (it prints “OK”):
            </p>
            <pre tabIndex={0}>
              <code>{check}</code>
            </pre>
            <CopyButton value={check ?? ''} what="check command" />
            <p className="muted small">
              The download carries the same hash (base64) in its <code>Repr-Digest</code> header. The audit
              log head ties the export to the log: everything it reflects was logged at or before entry #
              {manifest.auditSeq}, and <Link to="/audit">Verify chain</Link> on the audit log shows the log
              has not changed since.
            </p>
          </div>
        </>
      )}
    </section>
  )
}
