import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { apportionTenths } from './apportion'

const tenths = (values: number[]) => values.reduce((a, b) => a + Math.round(b * 10), 0)

describe('apportionTenths', () => {
  it('rounds each value to a tenth so that they add up to the rounded total', () => {
    expect(apportionTenths([1.04, 1.04, 1.04], 3.12)).toEqual([1.1, 1, 1])
    expect(apportionTenths([10.55, -2.26], 8.29)).toEqual([10.6, -2.3])
  })

  it('never moves a value by a full tenth or more, and always hits the total, for any mix of signs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (values) => {
          const total = values.reduce((a, b) => a + b, 0)
          const result = apportionTenths(values, total)
          expect(tenths(result)).toBe(Math.round(total * 10) + 0) // + 0 turns −0 into 0
          result.forEach((r, i) => expect(Math.abs(r - values[i]!)).toBeLessThan(0.1 + 1e-9))
        },
      ),
    )
  })
})
