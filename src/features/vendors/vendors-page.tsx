import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import { ProblemMessage } from '../../components/problem-message'
import { filterVendorSummaries, sortVendorSummaries, TIERS, type VendorFilter } from '../../domain'
import { useVendors } from './api/get-vendors'
import { VendorFilters } from './components/vendor-filters'
import { VendorScorePanel } from './components/vendor-score-panel'
import { VendorGrid } from './components/vendor-grid'
import { readVendorView, writeVendorView, type VendorView } from './vendor-view-params'

export function VendorsPage() {
  const { data, error, isPending, refetch } = useVendors()
  const [params, setParams] = useSearchParams()
  // The view lives in state so inputs answer at once; the URL follows it. Router updates are transitions, and a
  // controlled input that waited for one would drop keystrokes.
  const [view, setView] = useState(() => readVendorView(params))
  const [urlSeen, setUrlSeen] = useState(params.toString())
  if (params.toString() !== urlSeen) {
    // Back, forward or a link changed the URL: adopt it (React's "adjust state on a prop change" pattern).
    setUrlSeen(params.toString())
    if (params.toString() !== writeVendorView(view).toString()) setView(readVendorView(params))
  }
  const deferredFilter = useDeferredValue(view.filter)
  const searchRef = useRef<HTMLInputElement>(null)

  const update = (next: Partial<VendorView>) => {
    const nextView = { ...view, ...next }
    setView(nextView)
    setParams(writeVendorView(nextView), { replace: true, preventScrollReset: true })
  }

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
      sortVendorSummaries(
        filterVendorSummaries(data?.items ?? [], deferredFilter),
        view.sort.key,
        view.sort.order,
      ),
    [data, deferredFilter, view.sort.key, view.sort.order],
  )
  const categories = useMemo(() => [...new Set((data?.items ?? []).map((v) => v.category))].sort(), [data])

  const heading = <h1>Vendors</h1>
  if (isPending) {
    return (
      <>
        {heading}
        <div className="skeleton table-skeleton" aria-busy="true" aria-label="Loading vendors" />
      </>
    )
  }
  if (error) {
    return (
      <>
        {heading}
        <ProblemMessage error={error} onRetry={() => void refetch()} />
      </>
    )
  }

  const outside = data.items.filter((v) => v.outsidePerimeter)
  const tierCounts = TIERS.map((tier) => ({ tier, count: data.items.filter((v) => v.tier === tier).length }))
  const filtered = Object.values(view.filter).some((v) => v !== undefined)

  return (
    <div className="vendors-page">
      {heading}
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

      <VendorFilters
        ref={searchRef}
        filter={view.filter}
        categories={categories}
        onChange={(filter: VendorFilter) => update({ filter })}
      />
      <p className="muted result-count" aria-live="polite">
        {visible.length} of {data.total} vendors
        {filtered && (
          <>
            {' '}
            ·{' '}
            <button type="button" className="link-button" onClick={() => update({ filter: {} })}>
              Clear filters
            </button>
          </>
        )}
      </p>

      <div className="split">
        {visible.length === 0 ? (
          <p className="empty panel">
            {data.total === 0
              ? 'No vendors yet. Start the server with DEMO_DATA=1 to load the demo inventory.'
              : 'No vendor matches this search. Clear the search or the filters to see all vendors.'}
          </p>
        ) : (
          <VendorGrid
            vendors={visible}
            asOf={data.asOf}
            sort={view.sort}
            onSortChange={(sort) => update({ sort })}
            selectedId={view.selected}
            onOpen={(selected) => update({ selected })}
          />
        )}
        <aside className="detail" aria-label="Score explanation">
          {view.selected ? (
            <VendorScorePanel vendorId={view.selected} />
          ) : (
            <p className="empty">Select a vendor to see why it scores as it does, factor by factor.</p>
          )}
        </aside>
      </div>
    </div>
  )
}
