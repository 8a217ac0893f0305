import { formatBytes } from '../../../lib/format-ui'
import type { ImportStage } from '../api/run-import'

/**
 * The bar under the page's status line: bytes uploaded, then an indeterminate bar while the server works. The
 * phase itself is announced by the status line, not here: reading every progress event aloud would drown a
 * screen reader.
 */
export function ImportProgress({ stage, onCancel }: { stage: ImportStage | null; onCancel?: () => void }) {
  return (
    <div className="import-progress" aria-busy="true">
      {stage?.phase === 'uploading' ? (
        <>
          <progress max={stage.total} value={stage.loaded} aria-label="Upload progress" />
          <span className="muted num">
            {formatBytes(stage.loaded)} of {formatBytes(stage.total)} uploaded
          </span>
        </>
      ) : (
        // No value: indeterminate, since the server does not say how far through the rows it is.
        <progress aria-label="Waiting for the server" />
      )}
      {onCancel && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  )
}
