/**
 * Every row of an import with what it does, as a virtualized table: only the rows in view are in the DOM, so a
 * 50,000-row file scrolls as a 50-row one does. A row with several errors takes one line per error.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { useId, useMemo, useRef, useState } from 'react'
import { formatWhole, type ImportAction, type ImportReport, type RowOutcome } from '../../../domain'

/** Must match `.import-table-row` and `.import-table-head` heights in global.css. */
const ROW_HEIGHT = 40
const HEADER_HEIGHT = 36
const OVERSCAN = 10

const ACTION_WORDS: Record<ImportAction, string> = {
  create: 'Create',
  update: 'Update',
  unchanged: 'Unchanged',
  error: 'Error',
}
const APPLIED_WORDS: Record<ImportAction, string> = {
  create: 'Created',
  update: 'Updated',
  unchanged: 'Unchanged',
  error: 'Error',
}
const KIND_WORDS: Record<RowOutcome['kind'], string> = { vendors: 'Vendor', incidents: 'Incident' }

const COLUMNS = ['Line', 'Sheet', 'Kind', 'Vendor', 'Action', 'Column', 'Reason'] as const

/** One table line: a row, or one of its errors. */
interface ReportLine {
  key: string
  row: RowOutcome
  error: RowOutcome['errors'][number] | null
}

function toLines(rows: readonly RowOutcome[]): ReportLine[] {
  const lines: ReportLine[] = []
  for (const row of rows) {
    const base = `${row.sheet}:${row.line}`
    if (row.errors.length === 0) {
      lines.push({ key: base, row, error: null })
    } else {
      row.errors.forEach((error, index) => lines.push({ key: `${base}:${index}`, row, error }))
    }
  }
  return lines
}

/** The action as a word and a colour (`import-action-create` …), never the colour alone. */
export function ActionLabel({ action, applied = false }: { action: ImportAction; applied?: boolean }) {
  return (
    <span className={`import-action import-action-${action}`}>
      {(applied ? APPLIED_WORDS : ACTION_WORDS)[action]}
    </span>
  )
}

export function ImportReportTable({ report }: { report: ImportReport }) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const filterId = useId()
  const hasErrors = report.counts.error > 0
  // Fixing the errors is the work at hand, so a report with errors opens on them; the toggle shows the rest.
  const [errorsOnly, setErrorsOnly] = useState(hasErrors)
  const [seenReport, setSeenReport] = useState(report)
  if (report !== seenReport) {
    // A new report (the file chosen again, or applied) starts from its own default.
    setSeenReport(report)
    setErrorsOnly(hasErrors)
  }

  const allLines = useMemo(() => toLines(report.rows), [report.rows])
  const lines = useMemo(
    () => (errorsOnly ? allLines.filter((line) => line.row.action === 'error') : allLines),
    [allLines, errorsOnly],
  )
  const shownRows = errorsOnly ? report.counts.error : report.rows.length

  // eslint-disable-next-line react-hooks/incompatible-library -- this build has no React Compiler to skip
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => lines[index]?.key ?? index,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    initialRect: { width: 1000, height: 480 },
  })

  return (
    <section className="import-report" aria-labelledby={`${filterId}-heading`}>
      <div className="import-report-bar">
        <h2 id={`${filterId}-heading`}>Rows</h2>
        <label className="toggle">
          <input
            type="checkbox"
            checked={errorsOnly}
            disabled={!hasErrors}
            onChange={(event) => setErrorsOnly(event.target.checked)}
          />
          Errors only
        </label>
        <span className="muted" aria-live="polite">
          {formatWhole(shownRows)} of {formatWhole(report.rows.length)} rows
        </span>
      </div>
      {lines.length === 0 ? (
        <p className="empty">The file has a header but no data rows.</p>
      ) : (
        <div
          ref={scrollRef}
          role="table"
          aria-label={`Rows of ${report.file}`}
          aria-rowcount={lines.length + 1}
          className="import-table"
          // Focusable so keyboard users can scroll it with the arrow keys.
          tabIndex={0}
        >
          <div role="rowgroup" className="import-table-head">
            <div role="row" aria-rowindex={1} className="import-table-row">
              {COLUMNS.map((name) => (
                <div key={name} role="columnheader" className={name === 'Line' ? 'num' : undefined}>
                  {name}
                </div>
              ))}
            </div>
          </div>
          <div role="rowgroup" className="import-table-body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const line = lines[item.index]
              if (!line) return null
              const { row, error } = line
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={`import-table-row${row.action === 'error' ? ' has-error' : ''}`}
                  style={{ transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
                >
                  <div role="cell" className="num">
                    {row.line}
                  </div>
                  <div role="cell" className="truncate" title={row.sheet}>
                    {row.sheet}
                  </div>
                  <div role="cell">{KIND_WORDS[row.kind]}</div>
                  <div role="cell" className="truncate" title={row.vendor ?? undefined}>
                    {row.vendor ?? <span className="muted">(no name)</span>}
                  </div>
                  <div role="cell">
                    <ActionLabel action={row.action} applied={report.applied} />
                  </div>
                  <div role="cell" className="truncate">
                    {error && <code>{error.column}</code>}
                  </div>
                  <div role="cell" className="import-reason" title={error?.message}>
                    {error?.message}
                  </div>
                </div>
              )
            })}
          </div>
        </div>
      )}
    </section>
  )
}
