/**
 * The load harness of `npm run load` as a smoke test: 8 connections for 3 s of mixed reads and writes against a
 * real server, so CI proves the harness works and that under concurrency nothing acknowledged is lost, nothing is
 * half-applied and the audit chain holds. The 50-connection, 30-second figures come from `npm run load`.
 */
import { describe, expect, it } from 'vitest'
import { printLoad, runLoad } from '../bench/load'

describe('the load harness (npm run load) at smoke size', () => {
  it('runs mixed reads and writes with no errors and loses nothing', async () => {
    const lines: string[] = []
    const result = await runLoad({
      seconds: 3,
      connections: 8,
      vendors: 200,
      log: (line) => lines.push(line),
    })
    printLoad(result, (line) => lines.push(line))
    console.log(lines.join('\n'))
    expect(result.problems).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.unexpected + result.socketErrors + result.timeouts).toBe(0)
    expect(result.requests.total).toBeGreaterThan(50)
    // Every kind of write happened and was kept; the log grew by exactly what committed.
    expect(result.writes.acknowledged).toMatchObject({
      patch: expect.any(Number),
      incident: expect.any(Number),
      review: expect.any(Number),
    })
    for (const count of Object.values(result.writes.acknowledged)) expect(count).toBeGreaterThan(0)
    expect(result.writes.lost).toBe(0)
    expect(result.writes.unanswered.halfApplied).toBe(0)
    expect(result.audit).toMatchObject({ chainOk: true, added: result.audit.expectedAdded })
  }, 90_000)
})
