/**
 * The audit log: every change anyone made (who, when, what, and the object before and after), filtered by user,
 * action, object and days, paged back to the first entry. Anyone may read it and verify its hash chain; exporting
 * it as a file is for the roles that may export.
 */
import { useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { PermissionGate } from '../../components/permission-gate'
import { ProblemMessage } from '../../components/problem-message'
import { AuditLogFilters, can, plural, type AuditEntryDto, type RoleName } from '../../domain'
import { useSession } from '../auth/api/session'
import { useAuditLog } from './api/get-audit-log'
import { KNOWN_AUDIT_ACTIONS } from './audit-actions'
import { readAuditFilters, writeAuditFilters } from './audit-filter-params'
import { AuditExport } from './components/audit-export'
import { AuditFilters } from './components/audit-filters'
import { AuditTable } from './components/audit-table'
import { VerifyChain } from './components/verify-chain'

const heading = <h1>Audit log</h1>

export function AuditLogPage() {
  const session = useSession()
  return (
    <PermissionGate
      heading={heading}
      session={session}
      permission="audit:read"
      forbidden={(role) => (
        <>
          {heading}
          <p className="callout">
            {role === null ? 'You are not signed in.' : `Your role (${role}) cannot read the audit log.`}
          </p>
        </>
      )}
    >
      {session.data && <AuditLog role={session.data.role} />}
    </PermissionGate>
  )
}

function AuditLog({ role }: { role: RoleName }) {
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => readAuditFilters(params), [params])
  // A hand-edited link may hold a range that ends before it starts: say so rather than ask the server.
  const invalid = AuditLogFilters.safeParse(filters).error?.issues[0]?.message ?? null
  const log = useAuditLog(filters, invalid === null)
  const entries = useMemo(() => log.data?.pages.flatMap((page) => page.items) ?? [], [log.data])

  const actors = useMemo(() => [...new Set(entries.map((e) => e.actor))].sort(), [entries])
  const actions = useMemo(
    () => [
      ...KNOWN_AUDIT_ACTIONS,
      ...[...new Set(entries.map((e) => e.action))].filter((a) => !KNOWN_AUDIT_ACTIONS.includes(a)).sort(),
    ],
    [entries],
  )

  const apply = (next: AuditLogFilters) => setParams(writeAuditFilters(next, params))
  const onlyObject = (entry: AuditEntryDto) =>
    apply({ ...filters, entityType: entry.entityType, entityId: entry.entityId })
  const filtered = Object.keys(filters).length > 0

  return (
    <div className="audit-page">
      {heading}
      <p className="muted audit-intro">
        Every change is recorded here: who made it, when, and the object before and after. Each entry carries
        the hash of the one before it, so changing, removing or reordering any entry breaks the chain from
        there on.
      </p>

      <div className="audit-tools">
        <VerifyChain />
        <AuditExport filters={filters} role={role} canExport={can(role, 'exports:read')} />
      </div>

      <AuditFilters
        key={params.toString()}
        filters={filters}
        actors={actors}
        actions={actions}
        onApply={apply}
      />

      {invalid ? (
        <p role="alert" className="callout danger">
          These filters cannot be applied: “to” {invalid.toLowerCase()}. Change the dates above.
        </p>
      ) : log.isPending ? (
        <div className="skeleton table-skeleton" aria-busy="true" aria-label="Loading the audit log" />
      ) : log.isError && entries.length === 0 ? (
        <ProblemMessage error={log.error} onRetry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <div className="empty">
          {filtered ? (
            <>
              <p>No entries match these filters.</p>
              <button type="button" onClick={() => apply({})}>
                Clear filters
              </button>
            </>
          ) : (
            <p>The log is empty: nothing has been changed yet.</p>
          )}
        </div>
      ) : (
        <section aria-label="Entries">
          <p className="result-count muted" role="status">
            {`${plural(entries.length, 'entry', 'entries')}${filtered ? ' matching the filters' : ''} shown, newest first${log.hasNextPage ? '; older ones below' : ''}.`}
          </p>
          <AuditTable entries={entries} onFilterObject={onlyObject} />
          {log.isFetchNextPageError && (
            <ProblemMessage error={log.error} onRetry={() => void log.fetchNextPage()} />
          )}
          <div className="audit-more">
            {log.hasNextPage ? (
              <button
                type="button"
                onClick={() => void log.fetchNextPage()}
                disabled={log.isFetchingNextPage}
              >
                {log.isFetchingNextPage ? 'Loading older entries…' : 'Load older entries'}
              </button>
            ) : (
              <p className="muted small">That is the oldest {filtered ? 'matching ' : ''}entry.</p>
            )}
          </div>
        </section>
      )}
    </div>
  )
}
