import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// The queue is module state: each test gets a fresh module. Node has no requestIdleCallback, so "when idle" falls
// back to a timer, as in browsers without it.
async function freshQueue() {
  vi.resetModules()
  return (await import('./chart-draw-queue')).queueDraw
}

describe('the chart draw queue', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('draws one chart at a time, the next only once the one before reports back', async () => {
    const queueDraw = await freshQueue()
    const started: string[] = []
    const a = queueDraw(() => started.push('a'))
    const b = queueDraw(() => started.push('b'))
    a.hurry()
    b.hurry()
    await vi.advanceTimersByTimeAsync(10)
    expect(started).toEqual(['a'])
    a.done()
    await vi.advanceTimersByTimeAsync(10)
    expect(started).toEqual(['a', 'b'])
  })

  it('draws the charts near the viewport first, and the others once the page has settled, one after another', async () => {
    const queueDraw = await freshQueue()
    const started: string[] = []
    const turns = ['offscreen 1', 'offscreen 2', 'visible'].map((name) => queueDraw(() => started.push(name)))
    turns[2]!.hurry()
    await vi.advanceTimersByTimeAsync(10)
    expect(started).toEqual(['visible'])
    turns[2]!.done()
    await vi.advanceTimersByTimeAsync(1900)
    expect(started).toEqual(['visible'])
    await vi.advanceTimersByTimeAsync(200)
    expect(started).toEqual(['visible', 'offscreen 1'])
    turns[0]!.done()
    await vi.advanceTimersByTimeAsync(10)
    expect(started).toEqual(['visible', 'offscreen 1', 'offscreen 2'])
  })

  it('drops a chart nobody wants drawn any more, and lets a slow one hold the others up for three seconds at most', async () => {
    const queueDraw = await freshQueue()
    const started: string[] = []
    queueDraw(() => started.push('slow')).hurry()
    queueDraw(() => started.push('cancelled')).cancel()
    queueDraw(() => started.push('last')).hurry()
    await vi.advanceTimersByTimeAsync(10)
    expect(started).toEqual(['slow'])
    await vi.advanceTimersByTimeAsync(3000)
    expect(started).toEqual(['slow', 'last'])
  })
})
