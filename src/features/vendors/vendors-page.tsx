import { useEffect, useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import { ProblemMessage } from '../../components/problem-message'
import { TIERS, type VendorFilter } from '../../domain'
import { useVendorFacets, useVendorPages } from './api/get-vendors'
import { VendorFilters } from './components/vendor-filters'
import { VendorScorePanel } from './components/vendor-score-panel'
import { VendorGrid } from './components/vendor-grid'
import { readVendorView, writeVendorView, type VendorView } from './vendor-view-params'

/** How long typing in the search may pause before the URL follows it. */
const URL_SETTLE_MS = 300

export function VendorsPage() {
  const [params, setParams] = useSearchParams()
  // The view lives in state so inputs answer at once; the URL follows it. Router updates are transitions, and a
  // controlled input that waited for one would drop keystrokes.
  const [view, setView] = useState(() => readVendorView(params))
  const [urlSeen, setUrlSeen] = useState(params.toString())
  // The URL this page last wrote: when it arrives after more typing, the view is newer than it, not older.
  const [written, setWritten] = useState<string | null>(null)
  if (params.toString() !== urlSeen) {
    // Back, forward or a link changed the URL: adopt it (React's "adjust state on a prop change" pattern).
    setUrlSeen(params.toString())
    if (params.toString() !== written && params.toString() !== writeVendorView(view).toString())
      setView(readVendorView(params))
  }
  const searchRef = useRef<HTMLInputElement>(null)
  // The server filters and sorts; each keystroke asks for the new list's first page, and the grid keeps the
  // previous list until it arrives.
  const list = useVendorPages(view.filter, view.sort)
  const facets = useVendorFacets()

  // Typing writes the URL once it pauses: a router navigation per keystroke re-rendered the page a second time and
  // laid it out again, on the path from the keystroke to its result. Other changes write it at once.
  const pendingUrl = useRef<ReturnType<typeof setTimeout>>(undefined)
  const urlNow = useRef(urlSeen)
  useEffect(() => {
    urlNow.current = urlSeen
  }, [urlSeen])
  useEffect(() => () => clearTimeout(pendingUrl.current), [])

  const update = (next: Partial<VendorView>) => {
    const nextView = { ...view, ...next }
    setView(nextView)
    const search = writeVendorView(nextView)
    const typing =
      next.sort === undefined &&
      next.selected === undefined &&
      next.filter !== undefined &&
      writeVendorView({ ...nextView, filter: { ...next.filter, q: view.filter.q } }).toString() ===
        writeVendorView(view).toString()
    clearTimeout(pendingUrl.current)
    const write = () => {
      setWritten(search.toString())
      setParams(search, { replace: true, preventScrollReset: true })
    }
    if (!typing) {
      write()
      return
    }
    const from = urlNow.current
    pendingUrl.current = setTimeout(() => {
      // Back, forward or a link moved the URL meanwhile: that view was adopted, and this one is stale.
      if (urlNow.current === from) write()
    }, URL_SETTLE_MS)
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

  const heading = <h1>Vendors</h1>
  // Both answers come in parallel; waiting for the two keeps the grid from moving when the findings arrive.
  if (list.head.isPending || facets.isPending) {
    return (
      <>
        {heading}
        <div className="skeleton table-skeleton" aria-busy="true" aria-label="Loading vendors" />
      </>
    )
  }

  const filtered = Object.values(view.filter).some((v) => v !== undefined)
  const inventory = facets.data?.total
  const first = list.head.data

  return (
    <div className="vendors-page">
      {heading}
      <section className="findings" aria-label="Findings">
        {facets.data ? (
          <>
            <p className="finding">
              <strong className="num">{facets.data.outsidePerimeter}</strong> of {facets.data.total} vendors
              hold our data in their own environment, outside our perimeter.
            </p>
            <ul className="tier-counts">
              {TIERS.map((tier) => (
                <li key={tier} className={`tier-count tier-${tier}`}>
                  <span className="num">{facets.data.tiers[tier]}</span> {tier}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <ProblemMessage error={facets.error} onRetry={() => void facets.refetch()} />
        )}
      </section>

      <VendorFilters
        ref={searchRef}
        filter={view.filter}
        categories={facets.data?.categories ?? []}
        onChange={(filter: VendorFilter) => update({ filter })}
      />
      {first && (
        <p className="muted result-count" aria-live="polite">
          {list.rows.count}
          {inventory !== undefined && ` of ${inventory}`} vendors
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
      )}
      {list.pageError && <ProblemMessage error={list.pageError} onRetry={list.retryPages} />}

      <div className="split">
        {!first ? (
          // The list asked for could not be had (the filters stay, to change what was asked).
          <ProblemMessage error={list.head.error} onRetry={() => void list.head.refetch()} />
        ) : list.rows.count === 0 ? (
          <p className="empty panel">
            {(inventory === undefined ? !filtered : inventory === 0)
              ? 'No vendors yet. Start the server with DEMO_DATA=1 to load the demo inventory.'
              : 'No vendor matches this search. Clear the search or the filters to see all vendors.'}
          </p>
        ) : (
          <VendorGrid
            rows={list.rows}
            onRowsRendered={list.showRows}
            list={list.list}
            busy={list.previous}
            asOf={first.asOf}
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
