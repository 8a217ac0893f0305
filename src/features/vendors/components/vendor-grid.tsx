/**
 * The vendor inventory as a virtualized ARIA grid: only the rows in view (plus overscan) are in the DOM, so
 * 50,000 vendors cost what 50 do. The rows arrive a page at a time: the grid reports the rows it renders, and shows
 * a row whose page is still on its way as a placeholder of the same height. Keyboard first: one tab stop, arrows
 * move the active row, Enter opens it.
 */
import {
  createColumnHelper,
  createRow,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
} from '@tanstack/react-table'
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type JSX,
  type KeyboardEvent,
  type MouseEvent,
} from 'react'
import { flushSync } from 'react-dom'
import { RelativeDate } from '../../../components/relative-date'
import { TierBadge } from '../../../components/tier-badge'
import { DEFAULT_ORDER, formatCompact, type VendorSortKey, type VendorSummary } from '../../../domain'
import type { VendorRows } from '../api/get-vendors'
import type { VendorSort } from '../vendor-view-params'
import type { Table } from '@tanstack/react-table'

export type { VendorSort }

export interface VendorGridProps {
  /** Already filtered and sorted by the server; the grid never reorders. A row not loaded yet is a placeholder. */
  rows: VendorRows
  /** Told the rows the grid renders (in view, overscan and the active row), so their pages can be fetched. */
  onRowsRendered?: (indexes: readonly number[]) => void
  /**
   * Which list the rows are (its query): when another list is shown, the selected vendor is brought into view if
   * it is among the loaded rows.
   */
  list?: string | undefined
  /** The rows are the previous list's, kept on screen while the next is on its way. */
  busy?: boolean
  asOf: string
  sort: VendorSort
  onSortChange: (sort: VendorSort) => void
  selectedId: string | null
  /** Enter, a double-click or a click on the name opens a vendor. */
  onOpen: (id: string) => void
  /** Viewport height in px; without it the stylesheet sizes the grid to the window. */
  height?: number
}

/** Must match `.vendor-grid-row` and `.vendor-grid-head` heights in global.css. */
const ROW_HEIGHT = 36
const HEADER_HEIGHT = 36
const OVERSCAN = 10
/** Space kept below the grid when it fits itself to the window (the page's own bottom padding), and its least height. */
const BOTTOM_GAP = 40
const MIN_HEIGHT = 240

/** The table model only describes columns: rows are built for the visible window alone (see below). */
const NO_ROWS: VendorSummary[] = []

const NUMERIC = new Set<string>(['score', 'exposure', 'likelihood'])
const TRUNCATED = new Set<string>(['category', 'owner'])

const column = createColumnHelper<VendorSummary>()

function vendorColumns(asOf: string, onOpen: (id: string) => void) {
  // Column ids are the API's sort keys, so a header click needs no mapping table.
  return [
    column.accessor('name', {
      id: 'name',
      header: 'Vendor',
      cell: ({ row: { original: v } }) => (
        <>
          <button
            type="button"
            className="row-open"
            // The row is the tab stop; the name is a mouse target, and Enter on the row does the same.
            tabIndex={-1}
            title={v.name}
            onClick={() => onOpen(v.id)}
          >
            {v.name}
          </button>
          {v.status !== 'active' && <span className="muted vendor-grid-status"> · {v.status}</span>}
        </>
      ),
    }),
    column.accessor('tier', { id: 'tier', header: 'Tier', cell: (c) => <TierBadge tier={c.getValue()} /> }),
    column.accessor('score', { id: 'score', header: 'Score', cell: (c) => c.getValue().toFixed(1) }),
    column.accessor('exposure', { id: 'exposure', header: 'Exposure', cell: (c) => c.getValue().toFixed(1) }),
    column.accessor('likelihood', {
      id: 'likelihood',
      header: 'Likelihood',
      cell: (c) => c.getValue().toFixed(1),
    }),
    column.accessor('records', {
      id: 'records',
      header: 'Our data',
      cell: ({ row: { original: v } }) => (
        <>
          {v.outsidePerimeter ? (
            <span className="perimeter-flag" title="Our data lives in the vendor's own environment">
              Outside perimeter
            </span>
          ) : v.dataLocation === 'our_environment' ? (
            'Our environment'
          ) : (
            <span className="muted">None held</span>
          )}
          {v.records > 0 && <span className="muted"> · {formatCompact(v.records)} records</span>}
        </>
      ),
    }),
    column.accessor('lastIncidentAt', {
      id: 'lastIncidentAt',
      header: 'Last incident',
      cell: ({ row: { original: v } }) => (
        <>
          {v.lastIncidentAt ? (
            <RelativeDate iso={v.lastIncidentAt} asOf={asOf} />
          ) : (
            <span className="muted">None</span>
          )}
          {v.openIncidents > 0 && <span className="open-flag"> · {v.openIncidents} open</span>}
        </>
      ),
    }),
    column.accessor('nextReviewDue', {
      id: 'nextReviewDue',
      header: 'Next review',
      cell: ({ row: { original: v } }) =>
        v.nextReviewDue === null ? (
          <span className="overdue">Never assessed</span>
        ) : (
          <span className={v.reviewOverdue ? 'overdue' : undefined}>
            <RelativeDate iso={v.nextReviewDue} asOf={asOf} />
            {v.reviewOverdue && ' · overdue'}
          </span>
        ),
    }),
    column.accessor('category', { id: 'category', header: 'Category' }),
    column.accessor('owner', { id: 'owner', header: 'Owner' }),
    // Accessors differ in value type; the table only needs them as one list.
  ] as ColumnDef<VendorSummary, unknown>[]
}

function cellClass(columnId: string): string {
  return ['vendor-grid-cell', NUMERIC.has(columnId) && 'num', TRUNCATED.has(columnId) && 'truncate']
    .filter(Boolean)
    .join(' ')
}

/** Same key flips the order; a new key starts in its natural direction (worst first for numbers). */
function nextSort(sort: VendorSort, key: VendorSortKey): VendorSort {
  if (sort.key === key) return { key, order: sort.order === 'asc' ? 'desc' : 'asc' }
  return { key, order: DEFAULT_ORDER[key] }
}

export function VendorGrid({
  rows,
  onRowsRendered,
  list,
  busy = false,
  asOf,
  sort,
  onSortChange,
  selectedId,
  onOpen,
  height,
}: VendorGridProps): JSX.Element {
  const gridRef = useRef<HTMLDivElement>(null)

  // The active row is kept by its vendor's id, so re-sorting or filtering keeps it on the same vendor while that
  // vendor is among the loaded rows. A placeholder row has no vendor yet: it is kept by its index.
  const [active, setActive] = useState<{ id: string | null; index: number }>({ id: selectedId, index: 0 })
  const [seenSelectedId, setSeenSelectedId] = useState(selectedId)
  if (selectedId !== seenSelectedId) {
    // A selection made elsewhere (the URL, the back button) moves the active row to it.
    setSeenSelectedId(selectedId)
    if (selectedId !== null) setActive({ id: selectedId, index: 0 })
  }
  /** Whether the tab stop is on a sort button rather than a row. */
  const [inHeader, setInHeader] = useState(false)
  const [activeColumn, setActiveColumn] = useState(0)

  const count = rows.count
  const selectedIndex = selectedId === null ? -1 : rows.indexOf(selectedId)
  let activeIndex = -1
  if (count > 0) {
    const byId = active.id === null ? -1 : rows.indexOf(active.id)
    activeIndex =
      byId >= 0 ? byId : active.id === null ? Math.min(active.index, count - 1) : Math.max(selectedIndex, 0)
  }
  const headerIsTabStop = inHeader || count === 0

  // The parent's callbacks change every render; the rows and columns hold stable ones that call the current
  // handlers, so a keystroke in the search box (which re-renders the page) does not re-render every row.
  const latestEvents = useRef<RowEvents | null>(null)
  const rowEvents = useMemo<RowEvents>(
    () => ({
      keyDown: (event, index, id) => latestEvents.current?.keyDown(event, index, id),
      click: (event, index, id) => latestEvents.current?.click(event, index, id),
      focus: (index, id) => latestEvents.current?.focus(index, id),
      open: (id) => latestEvents.current?.open(id),
    }),
    [],
  )
  const columns = useMemo(() => vendorColumns(asOf, rowEvents.open), [asOf, rowEvents])
  const columnIds = useMemo(() => columns.map((c) => c.id!), [columns])
  const sorting = useMemo(() => [{ id: sort.key, desc: sort.order === 'desc' }], [sort.key, sort.order])
  // eslint-disable-next-line react-hooks/incompatible-library -- this build has no React Compiler to skip
  const table = useReactTable({
    data: NO_ROWS,
    columns,
    getCoreRowModel: getCoreRowModel(),
    // The parent sorts: the table only reports which header is sorted.
    manualSorting: true,
    state: { sorting },
  })

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      // Keep the focused row mounted while it is scrolled out of view, or focus would fall back to <body>.
      if (activeIndex >= 0 && activeIndex < range.count && !indexes.includes(activeIndex)) {
        indexes.push(activeIndex)
        indexes.sort((a, b) => a - b)
      }
      return indexes
    },
    [activeIndex],
  )
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows are keyed by index, not by vendor: a placeholder that becomes its vendor stays the same element, and
    // keeps focus if it has it.
    overscan: OVERSCAN,
    rangeExtractor,
    // The rows start below the sticky header, and must scroll into view below it, not under it.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    // A first render with a plausible size, before the browser has measured the viewport.
    initialRect: { width: 1200, height: height ?? 720 },
  })

  const virtualItems = virtualizer.getVirtualItems()
  const rendered = virtualItems.map((item) => item.index).join(',')
  useLayoutEffect(() => {
    // Before paint, so the pages of rows scrolled into view are asked for in the same frame.
    onRowsRendered?.(rendered === '' ? [] : rendered.split(',').map(Number))
  }, [rendered, onRowsRendered])

  const scrolledFor = useRef<string | null>(null)
  useEffect(() => {
    // Bring the open vendor into view when it is chosen elsewhere or a new list (a new sort) is shown, if it is
    // among the loaded rows; not when a later page brings it in, for the user scrolled there.
    const target = `${list ?? ''}\n${selectedId ?? ''}`
    if (scrolledFor.current === target) return
    scrolledFor.current = target
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex)
  }, [list, selectedId, selectedIndex, virtualizer])

  useLayoutEffect(() => {
    // Without a set height, fill the window below wherever the grid starts: the filters above it wrap, and a fixed
    // allowance put the grid's horizontal scrollbar below the fold, out of reach, as the grid keeps the wheel.
    const grid = gridRef.current
    if (height !== undefined || !grid) return
    const fit = () => {
      const top = grid.getBoundingClientRect().top + window.scrollY
      grid.style.height = `${Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - top - BOTTOM_GAP))}px`
    }
    fit()
    window.addEventListener('resize', fit)
    // What sits above the grid may change height (filter chips, a wrapped line) and move it.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit)
    observer?.observe(document.body)
    return () => {
      window.removeEventListener('resize', fit)
      observer?.disconnect()
    }
  }, [height])

  function focusRow(index: number) {
    if (count === 0) return
    const target = Math.max(0, Math.min(count - 1, index))
    const vendor = rows.at(target)
    // Render the new active row now (a placeholder if its page is on its way), so it exists to take focus in
    // this same keystroke.
    flushSync(() => {
      setActive({ id: vendor?.id ?? null, index: target })
      setInHeader(false)
    })
    virtualizer.scrollToIndex(target)
    // The virtualizer has scrolled; letting focus scroll too would fight it under the sticky header.
    gridRef.current?.querySelector<HTMLElement>(`[role="row"][data-index="${target}"]`)?.focus({
      preventScroll: true,
    })
  }

  function focusHeader(index: number) {
    const buttons = gridRef.current?.querySelectorAll<HTMLButtonElement>('.vendor-grid-sort') ?? []
    const target = Math.max(0, Math.min(buttons.length - 1, index))
    flushSync(() => {
      setActiveColumn(target)
      setInHeader(true)
    })
    buttons[target]?.focus()
  }

  function pageSize(): number {
    const viewport = gridRef.current?.clientHeight ?? 0
    return Math.max(1, Math.floor((viewport - HEADER_HEIGHT) / ROW_HEIGHT))
  }

  function onRowKeyDown(event: KeyboardEvent<HTMLDivElement>, index: number, id: string | null) {
    if (event.altKey || event.metaKey) return
    let next: number
    switch (event.key) {
      case 'ArrowDown':
        next = index + 1
        break
      case 'ArrowUp':
        if (index === 0) {
          event.preventDefault()
          focusHeader(activeColumn)
          return
        }
        next = index - 1
        break
      case 'PageDown':
        next = index + pageSize()
        break
      case 'PageUp':
        next = index - pageSize()
        break
      case 'Home':
        next = 0
        break
      case 'End':
        next = count - 1
        break
      case 'Enter':
        // On the name button, its own click opens the vendor; opening twice would push two history entries.
        if (event.target !== event.currentTarget) return
        event.preventDefault()
        // A placeholder row has nothing to open yet.
        if (id !== null) onOpen(id)
        return
      default:
        return
    }
    event.preventDefault()
    focusRow(next)
  }

  function onHeaderKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    let next: number
    switch (event.key) {
      case 'ArrowLeft':
        next = index - 1
        break
      case 'ArrowRight':
        next = index + 1
        break
      case 'Home':
        next = 0
        break
      case 'End':
        next = Number.MAX_SAFE_INTEGER
        break
      case 'ArrowDown':
        if (activeIndex < 0) return
        event.preventDefault()
        focusRow(activeIndex)
        return
      default:
        // Enter and Space fall through to the button's click.
        return
    }
    event.preventDefault()
    focusHeader(next)
  }

  function onRowClick(event: MouseEvent<HTMLDivElement>, index: number, id: string | null) {
    setActive({ id, index })
    setInHeader(false)
    // Safari does not focus on click; the row must still become the keyboard's starting point.
    if (!event.currentTarget.contains(document.activeElement))
      event.currentTarget.focus({ preventScroll: true })
  }

  const headerGroup = table.getHeaderGroups()[0]

  useLayoutEffect(() => {
    latestEvents.current = {
      keyDown: onRowKeyDown,
      click: onRowClick,
      focus: (index, id) => {
        setActive({ id, index })
        setInHeader(false)
      },
      open: onOpen,
    }
  })

  return (
    <div
      ref={gridRef}
      role="grid"
      aria-label="Vendors"
      aria-rowcount={count + 1}
      aria-colcount={columns.length}
      aria-busy={busy || undefined}
      className="vendor-grid"
      style={height === undefined ? undefined : { height }}
    >
      <div role="rowgroup" className="vendor-grid-head">
        <div role="row" aria-rowindex={1} className="vendor-grid-row">
          {headerGroup?.headers.map((header, index) => {
            const sorted = header.column.getIsSorted()
            const key = header.column.id as VendorSortKey
            return (
              <div
                key={header.id}
                role="columnheader"
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                className={cellClass(header.column.id)}
              >
                <button
                  type="button"
                  className="vendor-grid-sort"
                  tabIndex={headerIsTabStop && index === activeColumn ? 0 : -1}
                  onClick={() => onSortChange(nextSort(sort, key))}
                  onKeyDown={(event) => onHeaderKeyDown(event, index)}
                  onFocus={() => {
                    setActiveColumn(index)
                    setInHeader(true)
                  }}
                >
                  {flexRender(header.column.columnDef.header, header.getContext())}
                  {/* aria-sort already tells assistive technology; the arrow is for the eye. */}
                  <span aria-hidden="true" className="vendor-grid-arrow">
                    {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                  </span>
                </button>
              </div>
            )
          })}
        </div>
      </div>
      <div role="rowgroup" className="vendor-grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map((item) => (
          <GridRow
            key={item.key}
            index={item.index}
            top={item.start - HEADER_HEIGHT}
            vendor={rows.at(item.index)}
            tabbable={!headerIsTabStop && item.index === activeIndex}
            selected={selectedId !== null && rows.at(item.index)?.id === selectedId}
            table={table}
            columns={columns}
            columnIds={columnIds}
            events={rowEvents}
          />
        ))}
      </div>
    </div>
  )
}

/** What a row does on keys, clicks and focus: the grid's handlers, reached through a stable object. */
interface RowEvents {
  keyDown(event: KeyboardEvent<HTMLDivElement>, index: number, id: string | null): void
  click(event: MouseEvent<HTMLDivElement>, index: number, id: string | null): void
  focus(index: number, id: string | null): void
  open(id: string): void
}

interface GridRowProps {
  index: number
  /** Offset below the header, px. */
  top: number
  /** Undefined while its page is on its way. */
  vendor: VendorSummary | undefined
  tabbable: boolean
  selected: boolean
  table: Table<VendorSummary>
  /** Passed so the row renders again when the columns change (a new day); the table holds them too. */
  columns: readonly ColumnDef<VendorSummary, unknown>[]
  columnIds: readonly string[]
  events: RowEvents
}

/**
 * One row of the grid. Memoized: typing a search re-renders the page, and the rows on screen stay as they are until
 * the new list arrives; then each row keeps its element and cells (keyed by position and column) and only its
 * text changes.
 */
const GridRow = memo(function GridRow({
  index,
  top,
  vendor,
  tabbable,
  selected,
  table,
  columnIds,
  events,
}: GridRowProps) {
  const id = vendor?.id ?? null
  const rowProps = {
    role: 'row',
    'aria-rowindex': index + 2,
    'data-index': index,
    tabIndex: tabbable ? 0 : -1,
    style: { transform: `translateY(${top}px)` },
    onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => events.keyDown(event, index, id),
    onClick: (event: MouseEvent<HTMLDivElement>) => events.click(event, index, id),
    onFocus: () => events.focus(index, id),
  } as const
  if (!vendor) {
    // Its page is on its way: the same cells, empty, so nothing moves when it arrives.
    return (
      <div {...rowProps} aria-busy="true" aria-selected={false} className="vendor-grid-row placeholder">
        {columnIds.map((columnId) => (
          <div
            key={columnId}
            role={columnId === 'name' ? 'rowheader' : 'gridcell'}
            className={cellClass(columnId)}
          >
            {columnId === 'name' && <span className="visually-hidden">Loading</span>}
            <span className="vendor-grid-skeleton" aria-hidden="true" />
          </div>
        ))}
      </div>
    )
  }
  // A react-table row for this vendor only: its core row model would build 50,000 rows (over a second) just to
  // render the fifty in view.
  const row = createRow(table, vendor.id, vendor, index, 0)
  return (
    <div
      {...rowProps}
      aria-selected={selected}
      className={selected ? 'vendor-grid-row selected' : 'vendor-grid-row'}
      onDoubleClick={(event) => {
        // A double-click on the name has opened it already, twice.
        if ((event.target as HTMLElement).closest('button')) return
        events.open(vendor.id)
      }}
    >
      {row.getVisibleCells().map((cell) => (
        <div
          // By column, not by cell id (which holds the vendor's id): a row showing another vendor after a search or
          // a sort updates its cells' text instead of rebuilding them.
          key={cell.column.id}
          role={cell.column.id === 'name' ? 'rowheader' : 'gridcell'}
          className={cellClass(cell.column.id)}
          title={TRUNCATED.has(cell.column.id) ? String(cell.getValue()) : undefined}
        >
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </div>
      ))}
    </div>
  )
})
