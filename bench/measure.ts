/** Timing helpers for `npm run bench`: warm up, then report the median and the best of several runs. */
import { performance } from 'node:perf_hooks'

export interface Timing {
  medianMs: number
  minMs: number
  /** The 95th percentile of the runs (nearest rank): with fewer than 20 runs, the slowest. */
  p95Ms?: number
  runs: number
}

/** The timing of `runs` measured runs from their times in milliseconds (sorted in place). */
export function summarize(times: number[], runs: number): Timing {
  times.sort((a, b) => a - b)
  const round = (ms: number) => Math.round(ms * 100) / 100
  return {
    medianMs: round(times[Math.floor(times.length / 2)]!),
    minMs: round(times[0]!),
    p95Ms: round(times[Math.ceil(times.length * 0.95) - 1]!),
    runs,
  }
}

export function measure(fn: () => unknown, { runs = 7, warmup = 2 } = {}): Timing {
  let sink: unknown
  for (let i = 0; i < warmup; i++) sink = fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    sink = fn()
    times.push(performance.now() - start)
  }
  if (sink === Symbol.for('never')) console.log(sink) // keeps the result observable so the work is not elided
  return summarize(times, runs)
}

/** `measure` for work that answers a promise (the store's methods are async); each run is awaited in turn. */
export async function measureAsync(
  fn: () => Promise<unknown>,
  { runs = 7, warmup = 2 } = {},
): Promise<Timing> {
  let sink: unknown
  for (let i = 0; i < warmup; i++) sink = await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    sink = await fn()
    times.push(performance.now() - start)
  }
  if (sink === Symbol.for('never')) console.log(sink)
  return summarize(times, runs)
}

/** One timed run of async work, as a Timing. */
export async function once(fn: () => Promise<unknown>): Promise<Timing> {
  const start = performance.now()
  await fn()
  const ms = Math.round((performance.now() - start) * 100) / 100
  return { medianMs: ms, minMs: ms, p95Ms: ms, runs: 1 }
}

export interface Figure {
  name: string
  timing: Timing
  goalMs?: number
  note: string
}

/** The bench's table: one line per figure, with its verdict against its goal when it has one. */
export function printFigures(figures: readonly Figure[]) {
  const pad = (s: string, n: number) => s.padEnd(n)
  const lpad = (s: string, n: number) => s.padStart(n)
  console.log(
    `${pad('figure', 48)} ${lpad('median ms', 10)} ${lpad('best ms', 10)} ${lpad('goal ms', 8)}  verdict`,
  )
  for (const f of figures) {
    const verdict = f.goalMs === undefined ? '' : f.timing.medianMs <= f.goalMs ? 'meets goal' : 'MISSES goal'
    console.log(
      `${pad(f.name, 48)} ${lpad(f.timing.medianMs.toFixed(1), 10)} ${lpad(f.timing.minMs.toFixed(1), 10)} ${lpad(
        f.goalMs?.toString() ?? '',
        8,
      )}  ${verdict}`,
    )
  }
}
