/**
 * The dashboard's charts draw one at a time, each in a task of its own. When they were recharts charts, each
 * settled through several synchronous renders once it mounted, and charts drawn together made one long task of
 * them all (300 ms and more for the first screen's), during which the page could not answer input. The charts are
 * plain SVG and HTML now (a few ms each), but the 50,000-vendor risk map still takes tens of ms, and one task per
 * chart keeps the first screen's content ahead of the charts below it. A chart near the viewport draws as soon
 * as the one before it has. The others wait until the first screen is done and the page has settled, then draw
 * one per idle period: ready before most readers scroll to them, without competing with the first screen or with
 * a reader's first clicks. One the reader scrolls towards draws at once.
 */

export interface DrawTurn {
  /** The chart came near the viewport: draw it before the ones waiting for an idle moment. */
  hurry: () => void
  /** It no longer wants drawing (the card shows its table, or left): drop it if it has not started. */
  cancel: () => void
  /** It has drawn, or never will (its code failed to load, the card left): the next one may go. */
  done: () => void
}

interface Job {
  start: () => void
  urgent: boolean
  state: 'waiting' | 'drawing' | 'done'
}

/** A chart that has not reported back by then (its code is slow to arrive) no longer holds the others up. */
const WATCHDOG_MS = 3000
/** How long after the last chart on screen the charts below the fold start drawing. */
const SETTLE_MS = 2000

const waiting: Job[] = []
let drawing: { job: Job; watchdog: ReturnType<typeof setTimeout> } | null = null
let scheduled: { urgent: boolean; cancel: () => void } | null = null
/** Whether charts below the fold have started drawing: from then on they follow each other without a pause. */
let settled = false

function nextJob() {
  return waiting.find((job) => job.urgent) ?? waiting[0]
}

function run() {
  scheduled = null
  const job = nextJob()
  if (drawing || !job) return
  waiting.splice(waiting.indexOf(job), 1)
  if (!job.urgent) settled = true
  job.state = 'drawing'
  drawing = { job, watchdog: setTimeout(() => finish(job), WATCHDOG_MS) }
  job.start()
}

/** Schedules the next chart: in a new task when one is urgent, else when the browser is idle. */
function schedule() {
  const job = nextJob()
  if (drawing || !job) return
  if (scheduled && (scheduled.urgent || !job.urgent)) return
  scheduled?.cancel()
  if (job.urgent) {
    const id = setTimeout(run, 0)
    scheduled = { urgent: true, cancel: () => clearTimeout(id) }
    return
  }
  let idle: number | undefined
  const timer = setTimeout(
    () => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run)
      else run()
    },
    settled ? 0 : SETTLE_MS,
  )
  scheduled = {
    urgent: false,
    cancel: () => {
      clearTimeout(timer)
      if (idle !== undefined) cancelIdleCallback(idle)
    },
  }
}

function finish(job: Job) {
  if (job.state === 'done') return
  job.state = 'done'
  const index = waiting.indexOf(job)
  if (index >= 0) waiting.splice(index, 1)
  if (drawing?.job === job) {
    clearTimeout(drawing.watchdog)
    drawing = null
  }
  schedule()
}

/** Queues a chart; `start` makes it draw, and the chart reports back through the turn's `done`. */
export function queueDraw(start: () => void): DrawTurn {
  const job: Job = { start, urgent: false, state: 'waiting' }
  waiting.push(job)
  schedule()
  return {
    hurry: () => {
      if (job.state !== 'waiting' || job.urgent) return
      job.urgent = true
      schedule()
    },
    cancel: () => {
      if (job.state === 'waiting') finish(job)
    },
    done: () => finish(job),
  }
}
