import { useDeferredValue, useId, useState, type FormEvent } from 'react'
import { AuditLogFilters, todayIsoDate } from '../../../domain'
import { useVendorSearch } from '../api/search-vendors'
import { actionLabel, AUDIT_ENTITY_TYPES } from '../audit-actions'

interface Props {
  filters: AuditLogFilters
  /** Users seen in the entries loaded so far, offered as suggestions. */
  actors: string[]
  /** Every action the filter offers (the known ones and any others seen). */
  actions: string[]
  onApply: (filters: AuditLogFilters) => void
}

const hasAny = (filters: AuditLogFilters) => Object.values(filters).some((v) => v !== undefined && v !== '')

/**
 * The log's filters as a form: user, action, object (a vendor by name or any object by id) and a range of days.
 * Applied together with "Apply filters" (or Enter), so typing a name does not query the log at every keystroke.
 * The parent remounts it when the URL's filters change, which resets the draft.
 */
export function AuditFilters({ filters, actors, actions, onApply }: Props) {
  const id = useId()
  const [draft, setDraft] = useState<AuditLogFilters>(filters)
  const [error, setError] = useState<string | null>(null)
  const vendorQuery = useDeferredValue(draft.entityId ?? '')
  const { data: vendors } = useVendorSearch(vendorQuery)
  const today = todayIsoDate()

  const set = (key: keyof AuditLogFilters, value: string) => {
    setDraft((d) => ({ ...d, [key]: value === '' ? undefined : value }))
    setError(null)
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    // A vendor typed by its name becomes its id: the log records ids.
    const typed = draft.entityId?.trim()
    const byName = typed
      ? vendors?.items.find((v) => v.name.toLowerCase() === typed.toLowerCase())
      : undefined
    const next: AuditLogFilters = {
      ...draft,
      ...(byName && { entityId: byName.id, entityType: draft.entityType ?? 'vendor' }),
    }
    const parsed = AuditLogFilters.safeParse(next)
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the filters')
      return
    }
    onApply(next)
  }

  const listedActions = draft.action && !actions.includes(draft.action) ? [...actions, draft.action] : actions

  return (
    <form className="filters audit-filters" onSubmit={submit} aria-label="Filter the audit log" noValidate>
      <label>
        <span className="filter-label">User</span>
        <input
          type="search"
          value={draft.actor ?? ''}
          onChange={(e) => set('actor', e.target.value)}
          list={`${id}-actors`}
          placeholder="Anyone"
          autoComplete="off"
        />
        <datalist id={`${id}-actors`}>
          {actors.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </label>
      <label>
        <span className="filter-label">Action</span>
        <select value={draft.action ?? ''} onChange={(e) => set('action', e.target.value)}>
          <option value="">Any action</option>
          {listedActions.map((a) => (
            <option key={a} value={a}>
              {actionLabel(a) === a ? a : `${actionLabel(a)} (${a})`}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="filter-label">Object type</span>
        <select value={draft.entityType ?? ''} onChange={(e) => set('entityType', e.target.value)}>
          <option value="">Any object</option>
          {Object.entries(AUDIT_ENTITY_TYPES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="filter-label">Vendor name or object id</span>
        <input
          type="search"
          value={draft.entityId ?? ''}
          onChange={(e) => set('entityId', e.target.value)}
          list={`${id}-vendors`}
          placeholder="Any"
          autoComplete="off"
        />
        <datalist id={`${id}-vendors`}>
          {vendors?.items.map((v) => (
            <option key={v.id} value={v.name}>
              {v.id}
            </option>
          ))}
        </datalist>
      </label>
      <label>
        <span className="filter-label">From</span>
        <input
          type="date"
          value={draft.from ?? ''}
          max={today}
          onChange={(e) => set('from', e.target.value)}
        />
      </label>
      <label>
        <span className="filter-label">To</span>
        <input type="date" value={draft.to ?? ''} max={today} onChange={(e) => set('to', e.target.value)} />
      </label>
      <div className="audit-filter-actions">
        <button type="submit" className="primary">
          Apply filters
        </button>
        {hasAny(filters) && (
          <button type="button" onClick={() => onApply({})}>
            Clear filters
          </button>
        )}
      </div>
      {error && (
        <p className="field-error audit-filter-error" role="alert">
          {error === 'Must not be before "from"' ? '“To” must not be before “From”.' : error}
        </p>
      )}
    </form>
  )
}
