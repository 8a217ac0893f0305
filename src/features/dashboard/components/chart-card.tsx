import type { UseQueryResult } from '@tanstack/react-query'
import { Component, Suspense, useId, useState, type ReactNode } from 'react'
import { ProblemMessage } from '../../../components/problem-message'

/** If a chart's code fails to load (a deploy replaced the chunk, the network dropped), the table still shows. */
class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}

export interface ChartCardProps<T> {
  /** What is measured ("Vendors by tier"): the heading until the data says more, then the line above it. */
  measure: string
  result: UseQueryResult<T>
  /** The card's heading once loaded: the finding, stated from the data. */
  finding: (data: T) => string
  isEmpty: (data: T) => boolean
  /** What an empty card says, with the next action. */
  empty: ReactNode
  /** The chart (a lazily loaded module); cards without one show the table only. */
  chart?: (data: T) => ReactNode
  /** The same figures as a table: for screen readers, for copying, and when the chart cannot load. */
  table: (data: T) => ReactNode
  /** The chart's key, and links, shown under either view. */
  legend?: (data: T) => ReactNode
  /** Controls of the card's own (a breakdown switch), next to the table toggle. */
  controls?: (data: T) => ReactNode
  /** Read-outs under the chart (a brushed region and its link). */
  footer?: (data: T) => ReactNode
  className?: string
}

/**
 * One dashboard card: loading skeleton, the server's problem with a retry, an empty state with the next action,
 * or the finding with its chart, legend and a "Show table" toggle. Each card loads, fails and retries alone.
 */
export function ChartCard<T>(props: ChartCardProps<T>) {
  const { measure, result, finding, isEmpty, empty, chart, table, legend, controls, footer } = props
  const headingId = useId()
  const bodyId = useId()
  const [view, setView] = useState<'chart' | 'table'>('chart')
  const { data } = result
  const ready = data !== undefined && !result.isError
  const hasData = ready && !isEmpty(data)
  const showChart = chart !== undefined && view === 'chart'

  return (
    <section
      className={`chart-card ${props.className ?? ''}`.trim()}
      aria-labelledby={headingId}
      aria-busy={result.isPending}
    >
      <header className="chart-card-header">
        <div>
          {hasData && <p className="chart-measure">{measure}</p>}
          <h2 id={headingId}>{hasData ? finding(data) : measure}</h2>
        </div>
        {hasData && (
          <div className="chart-card-controls">
            {controls?.(data)}
            {chart && (
              <button
                type="button"
                className="chart-view-toggle"
                aria-controls={bodyId}
                onClick={() => setView(view === 'chart' ? 'table' : 'chart')}
              >
                {view === 'chart' ? 'Show table' : 'Show chart'}
              </button>
            )}
          </div>
        )}
      </header>

      {result.isPending ? (
        <div
          className="skeleton chart-skeleton"
          role="status"
          aria-label={`Loading ${measure.toLowerCase()}`}
        />
      ) : result.isError ? (
        <ProblemMessage error={result.error} onRetry={() => void result.refetch()} />
      ) : !hasData ? (
        <div className="chart-empty">{empty}</div>
      ) : (
        <>
          <div id={bodyId} className="chart-body">
            {showChart ? (
              <ChartBoundary
                fallback={
                  <>
                    <p className="muted small">The chart could not load; the table shows the same figures.</p>
                    {table(data)}
                  </>
                }
              >
                <Suspense fallback={<div className="skeleton chart-skeleton" aria-hidden="true" />}>
                  {chart(data)}
                </Suspense>
              </ChartBoundary>
            ) : (
              table(data)
            )}
          </div>
          {legend?.(data)}
          {footer?.(data)}
        </>
      )}
    </section>
  )
}
