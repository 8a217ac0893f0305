import { useState } from 'react'
import { CopyButton } from '../../../components/copy-button'
import { ProblemMessage } from '../../../components/problem-message'
import { Timestamp } from '../../../components/timestamp'
import { formatWhole, plural } from '../../../domain'
import { useAuditVerification } from '../api/verify-audit-log'

/**
 * "Verify chain": the server walks the whole log and recomputes every entry's hash from its content and the
 * previous hash. Either every entry holds, or the first one that does not is named with the reason.
 */
export function VerifyChain() {
  const [requested, setRequested] = useState(false)
  const { data, error, isFetching, dataUpdatedAt, refetch } = useAuditVerification(requested)

  return (
    <section className="verify-chain" aria-label="Verify the audit log">
      <div className="verify-chain-action">
        <button
          type="button"
          onClick={() => (requested ? void refetch() : setRequested(true))}
          disabled={isFetching}
        >
          {isFetching ? 'Verifying…' : 'Verify chain'}
        </button>
        <span className="muted small">
          Recomputes every entry’s hash on the server, from the first entry on.
        </span>
      </div>
      {error && !isFetching ? (
        <ProblemMessage error={error} onRetry={() => void refetch()} />
      ) : data && !isFetching ? (
        data.ok ? (
          <div role="status" className="callout verify-ok">
            <p>
              <strong>The chain is intact.</strong> All {plural(data.entries, 'entry', 'entries')} verified:
              none was changed, removed or reordered.
            </p>
            <p className="small">
              Head hash <code className="hash">{data.head}</code>{' '}
              <CopyButton value={data.head} what="head hash" />{' '}
              <span className="muted">
                · checked <Timestamp iso={new Date(dataUpdatedAt).toISOString()} />
              </span>
            </p>
          </div>
        ) : (
          <div role="alert" className="callout danger verify-broken">
            <p>
              <strong>The chain is broken at entry #{formatWhole(data.brokenAt)}</strong>: {data.reason}.
            </p>
            <p className="small">
              The {plural(data.entries, 'entry', 'entries')} before it verified (last good hash{' '}
              <code className="hash">{data.head}</code>). Entry #{formatWhole(data.brokenAt)} and everything
              after it cannot be trusted as recorded: keep the database as it is and tell an admin, who can
              compare it with the last audit-log export.
            </p>
          </div>
        )
      ) : null}
    </section>
  )
}
