import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { createIncident, createVendor } from '../../../../mocks/data'
import { summarizeVendor, type VendorSummary } from '../../../domain'
import { GRID_ROW_HEIGHT, installGridLayout } from '../../../testing/grid-layout'
import type { VendorRows } from '../api/get-vendors'
import { VendorGrid, type VendorGridProps } from './vendor-grid'

const AS_OF = '2026-11-26'
const ROW_HEIGHT = GRID_ROW_HEIGHT
const VIEWPORT_HEIGHT = 720
/** Rows below the sticky header in one viewport: (720 - 36) / 36. */
const PAGE = 19

const risky = summarizeVendor(
  createVendor({
    name: 'Acme Payroll',
    access: {
      dataClasses: ['pii', 'payment'],
      records: 2_100_000,
      dataLocation: 'vendor_environment',
      networkAccess: 'privileged',
      criticality: 'critical',
    },
    controls: { certifications: [], mfa: false, lastAssessedAt: undefined },
    incidents: [createIncident({ occurredAt: '2026-10-01', status: 'open', severity: 'high' })],
  }),
  AS_OF,
)
const calm = summarizeVendor(createVendor({ name: 'Calm Calendars' }), AS_OF)

/** Scoring 50,000 vendors would take seconds; copies of one summary with their own ids do as well here. */
function manyVendors(count: number): VendorSummary[] {
  return Array.from({ length: count }, (_, i) =>
    i === 0 ? risky : i === 1 ? calm : { ...calm, id: `ven-${i}`, name: `Vendor ${i}` },
  )
}
const fiftyThousand = manyVendors(50_000)
const last = fiftyThousand[fiftyThousand.length - 1]!

/** The grid's rows over a list: every row loaded, or only the rows `loaded` says (the others' pages are on their way). */
function rowsOf(vendors: readonly VendorSummary[], loaded = (_index: number) => true): VendorRows {
  const at = new Map(vendors.map((v, index) => [v.id, index]))
  return {
    count: vendors.length,
    at: (index) => (loaded(index) ? vendors[index] : undefined),
    indexOf: (id) => {
      const index = at.get(id)
      return index !== undefined && loaded(index) ? index : -1
    },
  }
}
const allFiftyThousand = rowsOf(fiftyThousand)

function renderGrid(overrides: Partial<VendorGridProps> = {}) {
  const onSortChange = vi.fn<VendorGridProps['onSortChange']>()
  const onOpen = vi.fn<VendorGridProps['onOpen']>()
  const onRowsRendered = vi.fn<NonNullable<VendorGridProps['onRowsRendered']>>()
  const props: VendorGridProps = {
    rows: allFiftyThousand,
    onRowsRendered,
    asOf: AS_OF,
    sort: { key: 'score', order: 'desc' },
    onSortChange,
    selectedId: null,
    onOpen,
    height: VIEWPORT_HEIGHT,
    ...overrides,
  }
  return { ...render(<VendorGrid {...props} />), props, onSortChange, onOpen, onRowsRendered }
}

const dataRows = () => screen.getAllByRole('row').filter((row) => row.getAttribute('aria-rowindex') !== '1')
const rowAt = (index: number) =>
  screen.getAllByRole('row').find((row) => row.getAttribute('aria-rowindex') === String(index + 2))!
const rowOf = (vendor: VendorSummary) =>
  screen.getByRole('row', { name: new RegExp(`^${vendor.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) })

const { scrollTo } = installGridLayout({ height: VIEWPORT_HEIGHT })

describe('VendorGrid', () => {
  it('keeps fewer than 100 rows in the DOM for 50,000 vendors while announcing all of them', () => {
    renderGrid()

    const grid = screen.getByRole('grid', { name: 'Vendors' })
    expect(grid).toHaveAttribute('aria-rowcount', '50001')
    expect(dataRows().length).toBeGreaterThanOrEqual(PAGE)
    expect(dataRows().length).toBeLessThan(100)
    expect(screen.getAllByRole('row')[0]).toHaveAttribute('aria-rowindex', '1')
    expect(dataRows()[0]).toHaveAttribute('aria-rowindex', '2')
  })

  it('renders the rows around a scroll to the middle, still fewer than 100', async () => {
    renderGrid()

    fireEvent.scroll(screen.getByRole('grid'), { target: { scrollTop: 25_000 * ROW_HEIGHT } })

    const indexes = dataRows().map((row) => Number(row.getAttribute('aria-rowindex')))
    expect(indexes).toContain(25_002)
    expect(indexes.length).toBeLessThan(100)
    // Besides the window, only the active row stays mounted, so the row holding focus is never removed.
    const [active, ...window] = indexes
    expect(active).toBe(2)
    expect(window.every((index) => Math.abs(index - 25_002) <= 40)).toBe(true)
    // The virtualizer marks the scroll finished after a quiet spell; let that re-render happen inside act.
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)))
  })

  it('shows the tier as a word, numbers with one decimal and data held outside the perimeter', () => {
    renderGrid()

    const [first, second] = dataRows()
    expect(within(first!).getByRole('rowheader')).toHaveTextContent('Acme Payroll')
    const cells = within(first!)
      .getAllByRole('gridcell')
      .map((cell) => cell.textContent)
    expect(cells.slice(0, 5)).toEqual([
      'Critical',
      '80.6',
      '86.2',
      '75.5',
      'Outside perimeter · 2.1M records',
    ])
    expect(cells[5]).toMatch(/ago · 1 open$/)
    expect(cells.slice(6)).toEqual(['Never assessed', 'Office SaaS', 'Jordan Lee (IT)'])

    const calmCells = within(second!)
      .getAllByRole('gridcell')
      .map((cell) => cell.textContent)
    expect(calmCells.slice(0, 6)).toEqual([
      'Low',
      '15.9',
      '16.8',
      '15.0',
      'Our environment · 1K records',
      'None',
    ])
  })

  it('asks for the opposite order when the sorted column is clicked again', async () => {
    const user = userEvent.setup()
    const { onSortChange } = renderGrid({ sort: { key: 'score', order: 'desc' } })

    await user.click(screen.getByRole('button', { name: 'Score' }))

    expect(onSortChange).toHaveBeenCalledWith({ key: 'score', order: 'asc' })
  })

  it("asks for a new column's natural order: A to Z for names, most urgent first for reviews", async () => {
    const user = userEvent.setup()
    const { onSortChange } = renderGrid({ sort: { key: 'score', order: 'asc' } })

    await user.click(screen.getByRole('button', { name: 'Vendor' }))
    await user.click(screen.getByRole('button', { name: 'Our data' }))
    await user.click(screen.getByRole('button', { name: 'Next review' }))

    expect(onSortChange.mock.calls).toEqual([
      [{ key: 'name', order: 'asc' }],
      [{ key: 'records', order: 'desc' }],
      [{ key: 'nextReviewDue', order: 'asc' }],
    ])
  })

  it('marks the sorted column with aria-sort and every other column as unsorted', () => {
    const { rerender, props } = renderGrid({ sort: { key: 'score', order: 'desc' } })
    expect(screen.getByRole('columnheader', { name: 'Score' })).toHaveAttribute('aria-sort', 'descending')
    expect(screen.getByRole('columnheader', { name: 'Vendor' })).toHaveAttribute('aria-sort', 'none')

    rerender(<VendorGrid {...props} sort={{ key: 'name', order: 'asc' }} />)

    expect(screen.getByRole('columnheader', { name: 'Vendor' })).toHaveAttribute('aria-sort', 'ascending')
    expect(screen.getByRole('columnheader', { name: 'Score' })).toHaveAttribute('aria-sort', 'none')
    expect(screen.getAllByRole('columnheader')).toHaveLength(10)
  })

  it('is one tab stop, on the first row when nothing is selected', async () => {
    const user = userEvent.setup()
    renderGrid()
    const grid = screen.getByRole('grid')

    await user.tab()
    expect(document.activeElement).toBe(rowOf(risky))
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1)

    await user.tab()
    expect(grid).not.toContainElement(document.activeElement as HTMLElement)
  })

  it('starts at the selected vendor, marks it selected and scrolls it into view', async () => {
    const user = userEvent.setup()
    const selected = fiftyThousand[30]!
    renderGrid({ selectedId: selected.id })

    expect(rowOf(selected)).toHaveAttribute('aria-selected', 'true')
    expect(rowOf(risky)).toHaveAttribute('aria-selected', 'false')
    // Row 30 ends at 36 + 31 × 36 = 1152 px: scrolled so that its bottom meets the viewport's.
    expect(scrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ top: 1152 - VIEWPORT_HEIGHT }))

    await user.tab()
    expect(document.activeElement).toBe(rowOf(selected))
  })

  it('moves the active row with ArrowDown and ArrowUp and opens it with Enter', async () => {
    const user = userEvent.setup()
    const { onOpen } = renderGrid()

    await user.tab()
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowUp}')
    expect(document.activeElement).toHaveAttribute('aria-rowindex', '4')
    expect(screen.getByRole('grid').querySelectorAll('[tabindex="0"]')).toHaveLength(1)

    await user.keyboard('{Enter}')
    expect(onOpen).toHaveBeenCalledTimes(1)
    expect(onOpen).toHaveBeenCalledWith(fiftyThousand[2]!.id)
  })

  it('jumps to the last of 50,000 vendors with End, scrolls there and opens it with Enter', async () => {
    const user = userEvent.setup()
    const { onOpen } = renderGrid()

    await user.tab()
    await user.keyboard('{End}')

    expect(document.activeElement).toBe(rowOf(last))
    expect(document.activeElement).toHaveAttribute('aria-rowindex', '50001')
    expect(scrollTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ top: 50_001 * ROW_HEIGHT - VIEWPORT_HEIGHT }),
    )
    expect(dataRows().length).toBeLessThan(100)

    await user.keyboard('{Enter}')
    expect(onOpen).toHaveBeenLastCalledWith(last.id)

    await user.keyboard('{Home}')
    expect(document.activeElement).toBe(rowOf(risky))
    expect(scrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ top: 0 }))
    await user.keyboard('{Enter}')
    expect(onOpen).toHaveBeenLastCalledWith(risky.id)
  })

  it('moves a page of rows with PageDown and PageUp', async () => {
    const user = userEvent.setup()
    const { onOpen } = renderGrid()

    await user.tab()
    await user.keyboard('{PageDown}{PageDown}')
    expect(document.activeElement).toHaveAttribute('aria-rowindex', String(2 * PAGE + 2))
    await user.keyboard('{PageUp}{Enter}')
    expect(onOpen).toHaveBeenCalledWith(fiftyThousand[PAGE]!.id)
  })

  it('reaches the sort buttons with ArrowUp from the first row and sorts with Enter', async () => {
    const user = userEvent.setup()
    const { onSortChange } = renderGrid()

    await user.tab()
    await user.keyboard('{ArrowUp}')
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Vendor' }))

    await user.keyboard('{ArrowRight}{ArrowRight}{Enter}')
    expect(onSortChange).toHaveBeenCalledWith({ key: 'score', order: 'asc' })
    expect(screen.getByRole('grid').querySelectorAll('[tabindex="0"]')).toHaveLength(1)

    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(rowOf(risky))
  })

  it('opens a vendor when its name is clicked, and focuses its row', async () => {
    const user = userEvent.setup()
    const { onOpen } = renderGrid()

    await user.click(screen.getByRole('button', { name: 'Calm Calendars' }))

    expect(onOpen).toHaveBeenCalledTimes(1)
    expect(onOpen).toHaveBeenCalledWith(calm.id)
    expect(rowOf(calm)).toContainElement(document.activeElement as HTMLElement)
    expect(rowOf(calm)).toHaveAttribute('tabindex', '0')
  })

  it('selects a row on click and opens it on double-click', async () => {
    const user = userEvent.setup()
    const { onOpen } = renderGrid()
    const scoreCell = within(rowOf(calm)).getByText('15.9')

    await user.click(scoreCell)
    expect(onOpen).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(rowOf(calm))

    await user.dblClick(scoreCell)
    expect(onOpen).toHaveBeenCalledTimes(1)
    expect(onOpen).toHaveBeenCalledWith(calm.id)
  })

  it('renders a vendor name that looks like HTML as text', () => {
    const hostile = { ...calm, id: 'ven-hostile', name: '<img src=x onerror=alert(1)>' }
    const { container } = renderGrid({ rows: rowsOf([hostile]) })

    expect(screen.getByRole('button', { name: '<img src=x onerror=alert(1)>' })).toBeInTheDocument()
    expect(container.querySelector('img')).toBeNull()
  })

  it('shows a row whose page is on its way as a busy placeholder of the same cells, and reports what it renders', () => {
    // The first page of ten has arrived; the rest are on their way.
    const { onRowsRendered } = renderGrid({ rows: rowsOf(fiftyThousand, (i) => i < 10) })

    const rows = dataRows()
    expect(rows.length).toBeGreaterThanOrEqual(PAGE)
    expect(rows.slice(0, 10).every((row) => !row.hasAttribute('aria-busy'))).toBe(true)
    const placeholders = rows.slice(10)
    expect(placeholders.length).toBeGreaterThan(0)
    for (const row of placeholders) {
      expect(row).toHaveAttribute('aria-busy', 'true')
      expect(within(row).getByRole('rowheader')).toHaveTextContent('Loading')
      expect(within(row).getAllByRole('gridcell')).toHaveLength(9)
    }
    expect(placeholders[0]).toHaveAttribute('aria-rowindex', '12')
    expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '50001')
    expect(onRowsRendered).toHaveBeenLastCalledWith(rows.map((row) => Number(row.dataset.index)))
  })

  it('keeps the same number of rows in the DOM for 100 vendors as for 50,000', () => {
    renderGrid({ rows: rowsOf(fiftyThousand.slice(0, 100)) })
    const atHundred = dataRows().length
    expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '101')
    cleanup()

    renderGrid()
    expect(dataRows()).toHaveLength(atHundred)
  })

  it('reports the rows scrolled to, so their pages are fetched, with the focused row kept among them', async () => {
    const user = userEvent.setup()
    const { onRowsRendered } = renderGrid({ rows: rowsOf(fiftyThousand, (i) => i < 100) })
    await user.tab()

    fireEvent.scroll(screen.getByRole('grid'), { target: { scrollTop: 25_000 * ROW_HEIGHT } })

    const reported = onRowsRendered.mock.lastCall![0]
    expect(reported).toContain(0)
    expect(reported).toContain(25_000)
    expect(reported.length).toBeLessThan(100)
    expect(within(rowAt(25_000)).getByRole('rowheader')).toHaveTextContent('Loading')
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)))
  })

  it('moves onto a row still loading with End, opens nothing there, and opens it once it arrives, focus kept', async () => {
    const user = userEvent.setup()
    const { onOpen, rerender, props } = renderGrid({ rows: rowsOf(fiftyThousand, (i) => i < 100) })

    await user.tab()
    await user.keyboard('{End}')
    const placeholder = rowAt(49_999)
    expect(document.activeElement).toBe(placeholder)
    expect(placeholder).toHaveAttribute('aria-busy', 'true')
    await user.keyboard('{Enter}')
    expect(onOpen).not.toHaveBeenCalled()

    // Its page arrives: the same element now shows the vendor, and still has focus.
    rerender(<VendorGrid {...props} rows={allFiftyThousand} />)
    expect(document.activeElement).toBe(placeholder)
    expect(placeholder).not.toHaveAttribute('aria-busy')
    expect(within(placeholder).getByRole('rowheader')).toHaveTextContent(last.name)
    await user.keyboard('{Enter}')
    expect(onOpen).toHaveBeenCalledWith(last.id)
  })

  it('shows another list in the same row and cell elements, changing only their text', () => {
    const { rerender, props } = renderGrid()
    const row = rowAt(0)
    const nameCell = within(row).getByRole('rowheader')
    expect(nameCell).toHaveTextContent('Acme Payroll')
    const others = manyVendors(3).reverse()
    rerender(<VendorGrid {...props} rows={rowsOf(others)} list="q=vendor" />)
    expect(rowAt(0)).toBe(row)
    expect(within(rowAt(0)).getByRole('rowheader')).toBe(nameCell)
    expect(nameCell).toHaveTextContent('Vendor 2')
    expect(dataRows()).toHaveLength(3)
  })

  it('calls the onOpen it was last given, though the rows did not render again', async () => {
    const { rerender, props, onOpen } = renderGrid()
    const later = vi.fn<VendorGridProps['onOpen']>()
    rerender(<VendorGrid {...props} onOpen={later} />)
    await userEvent.setup().click(within(rowOf(calm)).getByRole('button', { name: 'Calm Calendars' }))
    expect(later).toHaveBeenCalledWith(calm.id)
    expect(onOpen).not.toHaveBeenCalled()
  })

  it('says it is busy while it shows the previous list', () => {
    const { rerender, props } = renderGrid({ busy: true })
    expect(screen.getByRole('grid')).toHaveAttribute('aria-busy', 'true')
    rerender(<VendorGrid {...props} busy={false} />)
    expect(screen.getByRole('grid')).not.toHaveAttribute('aria-busy')
  })

  it('renders only its header for an empty list, with the sort buttons as its tab stop', async () => {
    const user = userEvent.setup()
    renderGrid({ rows: rowsOf([]) })

    expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '1')
    expect(screen.getAllByRole('row')).toHaveLength(1)
    await user.tab()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Vendor' }))
  })
})
