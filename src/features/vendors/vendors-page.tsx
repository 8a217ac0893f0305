import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { ProblemMessage } from '../../components/problem-message'
import { TIERS, type VendorSummary } from '../../domain'
import { useVendors } from './api/get-vendors'
import { VendorScorePanel } from './components/vendor-score-panel'
import { VendorTable } from './components/vendor-table'

function matches(v: VendorSummary, query: string) {
  const q = query.trim().toLowerCase()
  return q === '' || [v.name, v.category, v.owner].some((field) => field.toLowerCase().includes(q))
}

export function VendorsPage() {
  const { data, error, isPending, refetch } = useVendors()
  const [query, setQuery] = useState('')
  const [outsideOnly, setOutsideOnly] = useState(false)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const deferredQuery = useDeferredValue(query)
  const searchRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    // `/` focuses search, as in GitHub and Linear.
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement
      if (event.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) {
        event.preventDefault()
        searchRef.current?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const visible = useMemo(
    () =>
      (data?.items ?? []).filter((v) => matches(v, deferredQuery) && (!outsideOnly || v.outsidePerimeter)),
    [data, deferredQuery, outsideOnly],
  )

  if (isPending)
    return <div className="skeleton table-skeleton" aria-busy="true" aria-label="Loading vendors" />
  if (error) return <ProblemMessage error={error} onRetry={() => void refetch()} />

  const outside = data.items.filter((v) => v.outsidePerimeter)
  const tierCounts = TIERS.map((tier) => ({ tier, count: data.items.filter((v) => v.tier === tier).length }))

  return (
    <div className="vendors-page">
      <section className="findings" aria-label="Findings">
        <p className="finding">
          <strong className="num">{outside.length}</strong> of {data.total} vendors hold our data in their own
          environment, outside our perimeter.
        </p>
        <ul className="tier-counts">
          {tierCounts.map(({ tier, count }) => (
            <li key={tier} className={`tier-count tier-${tier}`}>
              <span className="num">{count}</span> {tier}
            </li>
          ))}
        </ul>
      </section>

      <div className="toolbar">
        <label className="search">
          <span className="visually-hidden">Search vendors</span>
          <input
            ref={searchRef}
            type="search"
            placeholder="Search name, category, owner  ( / )"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <label className="toggle">
          <input type="checkbox" checked={outsideOnly} onChange={(e) => setOutsideOnly(e.target.checked)} />
          Only data outside our perimeter
        </label>
        <span className="muted" aria-live="polite">
          {visible.length} of {data.total} vendors
        </span>
      </div>

      <div className="split">
        <div className="table-wrap">
          {visible.length === 0 ? (
            <p className="empty">
              {data.total === 0
                ? 'No vendors yet. Start the server with DEMO_DATA=1 to load the demo inventory.'
                : 'No vendor matches this search. Clear the search or the filter to see all vendors.'}
            </p>
          ) : (
            <VendorTable
              vendors={visible}
              asOf={data.asOf}
              selectedId={selectedId}
              onSelect={setSelectedId}
            />
          )}
        </div>
        <aside className="detail" aria-label="Score explanation">
          {selectedId ? (
            <VendorScorePanel vendorId={selectedId} />
          ) : (
            <p className="empty">Select a vendor to see why it scores as it does, factor by factor.</p>
          )}
        </aside>
      </div>
    </div>
  )
}
