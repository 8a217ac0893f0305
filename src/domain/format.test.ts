import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatCompact, formatPoints, formatWhole, joinList, plural } from './format'

const intlCompact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })

describe('formatCompact', () => {
  it('writes what Intl English compact notation writes, for whole numbers of any size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(formatCompact(n)).toBe(intlCompact.format(n))
      }),
      { numRuns: 5000 },
    )
    for (const n of [
      0, 950, 999, 1000, 1049, 1050, 99_950, 999_949, 999_950, 2_100_000, 999_950_000, 1e12, 1e15,
    ]) {
      expect(formatCompact(n)).toBe(intlCompact.format(n))
    }
  })

  it('agrees with Intl around every unit boundary', () => {
    for (const base of [1e3, 1e6, 1e9, 1e12]) {
      for (let delta = -100; delta <= 100; delta++) {
        const n = Math.max(0, Math.round(base * (1 + delta / 2000)))
        expect(formatCompact(n)).toBe(intlCompact.format(n))
      }
    }
  })
})

describe('other formats', () => {
  it('signs points with a real minus sign and one decimal', () => {
    expect(formatPoints(18.25)).toBe('+18.3')
    expect(formatPoints(-3.1)).toBe('\u22123.1')
    expect(formatPoints(0)).toBe('0.0')
  })

  it('writes whole numbers with separators, lists and plurals in English', () => {
    expect(formatWhole(2_100_000)).toBe('2,100,000')
    expect(formatWhole(999)).toBe('999')
    expect(joinList(['a'])).toBe('a')
    expect(joinList(['a', 'b', 'c'])).toBe('a, b and c')
    expect(plural(1, 'day')).toBe('1 day')
    expect(plural(1200, 'day')).toBe('1,200 days')
  })
})
