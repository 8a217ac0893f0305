/** Timing helpers for `npm run bench`: warm up, then report the median and the best of several runs. */
import { performance } from 'node:perf_hooks'

export interface Timing {
  medianMs: number
  minMs: number
  runs: number
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
  times.sort((a, b) => a - b)
  const round = (ms: number) => Math.round(ms * 100) / 100
  return { medianMs: round(times[Math.floor(times.length / 2)]!), minMs: round(times[0]!), runs }
}
