import { useEffect, useRef, useState } from 'react'
import { ExportManifestView } from '../../../components/export-manifest-view'
import { ProblemMessage } from '../../../components/problem-message'
import { whoCan, type AuditLogFilters, type RoleName } from '../../../domain'
import { useExportAuditLog, type AuditExportFormat } from '../api/export-audit-log'

/** Hands the file to the browser's download: an object URL on a link that is clicked once. */
function saveFile(url: string, filename: string) {
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.click()
}

/**
 * "Export CSV" / "Export JSON" of the log with the filters on screen. The server writes the file, records its
 * manifest and logs the export; the page saves the file, checks its bytes against the manifest's SHA-256 and
 * shows the manifest. Roles that may not export are told who can instead.
 */
export function AuditExport({
  filters,
  role,
  canExport,
}: {
  filters: AuditLogFilters
  role: RoleName
  canExport: boolean
}) {
  const exporting = useExportAuditLog()
  const result = exporting.data
  // One object URL per exported file, released when the next export replaces it or the page closes.
  const urlRef = useRef<string | null>(null)
  const [fileUrl, setFileUrl] = useState<string | null>(null)
  useEffect(
    () => () => {
      if (urlRef.current) URL.revokeObjectURL(urlRef.current)
    },
    [],
  )

  if (!canExport) {
    return (
      <p className="muted audit-export-forbidden">
        Exporting the log as a file is for {whoCan('exports:read')}; your role ({role}) can read and verify it
        here.
      </p>
    )
  }

  function run(format: AuditExportFormat) {
    exporting.mutate(
      { filters, format },
      {
        onSuccess: ({ file, manifest }) => {
          if (urlRef.current) URL.revokeObjectURL(urlRef.current)
          const url = URL.createObjectURL(file)
          urlRef.current = url
          setFileUrl(url)
          saveFile(url, manifest.filename)
        },
      },
    )
  }
  const pendingFormat = exporting.isPending ? exporting.variables.format : null

  return (
    <section className="audit-export" aria-label="Export the audit log">
      <div className="audit-export-actions">
        <button type="button" onClick={() => run('csv')} disabled={exporting.isPending}>
          Export CSV
        </button>
        <button type="button" onClick={() => run('json')} disabled={exporting.isPending}>
          Export JSON
        </button>
        <span className="muted small">
          The entries matching the filters, oldest first, with their hashes.
        </span>
      </div>
      <p role="status" className="audit-export-status">
        {pendingFormat
          ? `Exporting the filtered log as ${pendingFormat.toUpperCase()}…`
          : result
            ? `Exported ${result.manifest.filename}.`
            : ''}
      </p>
      {exporting.isPending && <progress aria-label="Export in progress" />}
      {exporting.isError && <ProblemMessage error={exporting.error} />}
      {result && !exporting.isPending && (
        <div className="audit-export-result">
          {result.hashMatches === false ? (
            <p role="alert" className="callout danger">
              The file received does not hash to the SHA-256 in its manifest: it was changed on the way. Do
              not rely on it; export again.
            </p>
          ) : result.hashMatches ? (
            <p className="callout">
              Checked in your browser: the file received hashes to the SHA-256 in its manifest.
            </p>
          ) : null}
          {fileUrl && (
            <p>
              <a href={fileUrl} download={result.manifest.filename}>
                Save {result.manifest.filename} again
              </a>
            </p>
          )}
          <ExportManifestView manifest={result.manifest} headingLevel={3} download={false} />
        </div>
      )}
    </section>
  )
}
