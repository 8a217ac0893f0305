import type { UseQueryResult } from '@tanstack/react-query'
import {
  Component,
  startTransition,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import { ProblemMessage } from '../../../components/problem-message'
import { queueDraw, type DrawTurn } from './chart-draw-queue'

/** If a chart fails to draw (or, for a chart loaded lazily, its code fails to load), the table still shows. */
class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}

/** How far below the fold a chart counts as near, so it is usually drawn by the time it scrolls in. */
const NEAR_VIEWPORT = '300px 0px'

/**
 * Whether the card's chart may draw yet, whether it has, and the callback the drawn chart reports back to. Charts
 * take turns (chart-draw-queue.ts): those near the viewport first, the rest once the page has settled. Without
 * IntersectionObserver (tests, old browsers) every chart draws at once.
 */
function useDrawTurn(wanted: boolean) {
  const ref = useRef<HTMLElement>(null)
  const [mayDraw, setMayDraw] = useState(() => typeof IntersectionObserver === 'undefined')
  const [drawn, setDrawn] = useState(false)
  const turn = useRef<DrawTurn | null>(null)
  useEffect(() => {
    const element = ref.current
    if (mayDraw || !wanted || !element) return
    // A transition: React renders the chart in slices, and input stays responsive meanwhile.
    const current = queueDraw(() => startTransition(() => setMayDraw(true)))
    turn.current = current
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) current.hurry()
      },
      { rootMargin: NEAR_VIEWPORT },
    )
    observer.observe(element)
    return () => {
      observer.disconnect()
      current.cancel()
    }
  }, [mayDraw, wanted])
  // Leaving the page mid-draw must not hold the other charts up.
  useEffect(() => () => turn.current?.done(), [])
  const onDrawn = useCallback(() => {
    setDrawn(true)
    turn.current?.done()
  }, [])
  return { ref, mayDraw, drawn, onDrawn }
}

/** Reports that the chart it wraps has been committed to the page (effects run only once it has). */
function Drawn({ onDrawn, children }: { onDrawn: () => void; children: ReactNode }) {
  useEffect(onDrawn, [onDrawn])
  return children
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
  /** The chart; cards without one show the table only. */
  chart?: (data: T) => ReactNode
  /** The chart's height in px as it draws for this data: its placeholder keeps exactly this much room. */
  chartHeight?: (data: T) => number
  /**
   * The room in px the card's content (chart or table, legend, notes) takes once loaded at desktop widths. The
   * skeleton holds it while the data loads, and the content never takes less, so nothing below the card moves.
   */
  reserve: number
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

/** Where a chart will draw, until the card has come near the viewport and its turn has come. */
function ChartPlaceholder({ height }: { height: number | undefined }) {
  return <div className="skeleton chart-skeleton" style={{ height }} aria-hidden="true" />
}

/** The loaded header's shape (the measure's line above a heading) with a bar for the finding still to come. */
function LoadingHeader({ measure, headingId }: { measure: string; headingId: string }) {
  return (
    <header className="chart-card-header">
      <div>
        <p className="chart-measure" aria-hidden="true">
          {measure}
        </p>
        <h2 id={headingId}>
          <span className="visually-hidden">{measure}</span>
          <span className="skeleton heading-skeleton" aria-hidden="true" />
        </h2>
      </div>
    </header>
  )
}

/**
 * One dashboard card: loading skeleton, the server's problem with a retry, an empty state with the next action,
 * or the finding with its chart, legend and a "Show table" toggle. Each card loads, fails and retries alone.
 * While loading, the card already has its loaded shape (header lines, content height), so the page never shifts.
 */
export function ChartCard<T>(props: ChartCardProps<T>) {
  const { measure, result, finding, isEmpty, empty, chart, table, legend, controls, footer } = props
  const { chartHeight, reserve } = props
  const headingId = useId()
  const bodyId = useId()
  const [view, setView] = useState<'chart' | 'table'>('chart')
  const { data } = result
  const ready = data !== undefined && !result.isError
  const hasData = ready && !isEmpty(data)
  const showChart = chart !== undefined && view === 'chart'
  const { ref: cardRef, mayDraw, drawn, onDrawn } = useDrawTurn(hasData && showChart)
  // A finding is worked out once per answer, not again for every toggle, selection or chart drawn.
  const heading = useMemo(() => (hasData ? finding(data) : measure), [hasData, data, finding, measure])

  return (
    <section
      ref={cardRef}
      className={`chart-card ${props.className ?? ''}`.trim()}
      aria-labelledby={headingId}
      // Busy until the chart has drawn too: a chart waiting its turn is still on its way.
      aria-busy={result.isPending || (hasData && showChart && !drawn)}
    >
      {result.isPending ? (
        <LoadingHeader measure={measure} headingId={headingId} />
      ) : (
        <header className="chart-card-header">
          <div>
            {hasData && <p className="chart-measure">{measure}</p>}
            <h2 id={headingId}>{heading}</h2>
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
      )}

      {result.isPending ? (
        <div
          className="skeleton chart-skeleton"
          style={{ height: reserve }}
          role="status"
          aria-label={`Loading ${measure.toLowerCase()}`}
        />
      ) : result.isError ? (
        <ProblemMessage error={result.error} onRetry={() => void result.refetch()} />
      ) : !hasData ? (
        <div className="chart-empty">{empty}</div>
      ) : (
        <div className="chart-card-content" style={{ minHeight: reserve }}>
          <div id={bodyId} className="chart-body">
            {showChart ? (
              mayDraw ? (
                <ChartBoundary
                  fallback={
                    <Drawn onDrawn={onDrawn}>
                      <p className="muted small">
                        The chart could not load; the table shows the same figures.
                      </p>
                      {table(data)}
                    </Drawn>
                  }
                >
                  <Suspense fallback={<ChartPlaceholder height={chartHeight?.(data)} />}>
                    <Drawn onDrawn={onDrawn}>{chart(data)}</Drawn>
                  </Suspense>
                </ChartBoundary>
              ) : (
                <ChartPlaceholder height={chartHeight?.(data)} />
              )
            ) : (
              table(data)
            )}
          </div>
          {legend?.(data)}
          {footer?.(data)}
        </div>
      )}
    </section>
  )
}
