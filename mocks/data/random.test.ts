import { describe, expect, it } from 'vitest'
import { createRandom } from './random'

const draws = (seed: number, n = 20) => {
  const r = createRandom(seed)
  return Array.from({ length: n }, () => r.next())
}

describe('createRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draws(7)).toEqual(draws(7))
  })

  it('gives a different sequence for a different seed', () => {
    expect(draws(7)).not.toEqual(draws(8))
  })

  it('keeps next() within [0, 1)', () => {
    const values = draws(1, 10_000)
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...values)).toBeLessThan(1)
  })

  it('reaches both ends of an int() range and never leaves it', () => {
    const r = createRandom(3)
    const seen = new Set<number>()
    for (let i = 0; i < 2_000; i++) seen.add(r.int(-2, 2))
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2])
  })

  it('never picks an entry whose weight is zero', () => {
    const r = createRandom(4)
    for (let i = 0; i < 2_000; i++)
      expect(
        r.weighted([
          ['a', 1],
          ['never', 0],
          ['b', 3],
        ]),
      ).not.toBe('never')
  })

  it('follows the weights roughly', () => {
    const r = createRandom(5)
    let heavy = 0
    for (let i = 0; i < 10_000; i++)
      if (
        r.weighted([
          ['light', 1],
          ['heavy', 3],
        ]) === 'heavy'
      )
        heavy++
    expect(heavy / 10_000).toBeCloseTo(0.75, 1)
  })

  it('samples distinct items, and all of them when asked for more than there are', () => {
    const r = createRandom(6)
    const items = Array.from({ length: 40 }, (_, i) => i)
    for (const k of [0, 3, 15, 40]) {
      const sample = r.sample(items, k)
      expect(sample).toHaveLength(k)
      expect(new Set(sample).size).toBe(k)
    }
    expect(r.sample(['a', 'b'], 5).sort()).toEqual(['a', 'b'])
  })

  it('spreads logUniform() across orders of magnitude within its bounds', () => {
    const r = createRandom(7)
    const values = Array.from({ length: 5_000 }, () => r.logUniform(10, 10_000_000))
    expect(Math.min(...values)).toBeGreaterThanOrEqual(10)
    expect(Math.max(...values)).toBeLessThanOrEqual(10_000_000)
    const belowTenThousand = values.filter((v) => v < 10_000).length / values.length
    expect(belowTenThousand).toBeCloseTo(0.5, 1)
  })

  it('refuses impossible requests instead of returning nonsense', () => {
    const r = createRandom(8)
    expect(() => r.pick([])).toThrow(RangeError)
    expect(() => r.weighted([['a', 0]])).toThrow(RangeError)
    expect(() => r.int(3, 1)).toThrow(RangeError)
    expect(() => r.logUniform(0, 10)).toThrow(RangeError)
    expect(() => createRandom(1.5)).toThrow(RangeError)
  })
})
