import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, daysBetween, describeAge, isoDateToDayNumber } from './dates'

describe('dates', () => {
  it('counts days since 1970 exactly as Date does, across leap years and centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10)
        expect(isoDateToDayNumber(iso)).toBe(day)
      }),
      { numRuns: 2000 },
    )
    expect(isoDateToDayNumber('2024-02-29')).toBe(19782)
    expect(isoDateToDayNumber('2026-11-26T13:00:00Z')).toBe(isoDateToDayNumber('2026-11-26'))
  })

  it('refuses text that is not a date', () => {
    for (const bad of ['', 'yesterday', '2026/11/26', '2026-13-01', '2026-00-10', '26-11-2026']) {
      expect(() => isoDateToDayNumber(bad)).toThrow(RangeError)
    }
  })

  it('adds and subtracts days in UTC', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(daysBetween('2025-11-26', '2026-11-26')).toBe(365)
    expect(daysBetween('2026-11-26', '2025-11-26')).toBe(-365)
  })

  it('describes ages in words a person would use', () => {
    expect(describeAge(0)).toBe('today')
    expect(describeAge(1)).toBe('1 day ago')
    expect(describeAge(37)).toBe('37 days ago')
    expect(describeAge(300)).toBe('10 months ago')
    expect(describeAge(800)).toBe('2 years ago')
  })
})
