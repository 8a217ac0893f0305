import { describe, expect, it } from 'vitest'
import {
  countedOn,
  incidentMonths,
  nearestRank,
  scoredOn,
  shapeExposure,
  shapeTierDistribution,
  topFactors,
  trendDays,
} from './dashboard'
import type { ScoreFactorDto } from './schemas/api'

describe('dashboard helpers', () => {
  it('take nearest-rank percentiles: always one of the scores', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    expect(nearestRank(ten, 1, 2)).toBe(5)
    expect(nearestRank(ten, 9, 10)).toBe(9)
    expect(nearestRank([1, 2, 3], 1, 2)).toBe(2)
    expect(nearestRank([7], 9, 10)).toBe(7)
    expect(nearestRank([], 1, 2)).toBeNull()
    // 0.9 × 30 is not exactly 27 in floating point; the rank must still be 27.
    expect(
      nearestRank(
        Array.from({ length: 30 }, (_, i) => i + 1),
        9,
        10,
      ),
    ).toBe(27)
  })

  it('count months back across a year boundary, and days back by the interval', () => {
    expect(incidentMonths('2026-02-14', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    expect(trendDays('2026-03-01', 'week', 3)).toEqual(['2026-02-15', '2026-02-22', '2026-03-01'])
    expect(trendDays('2026-03-01', 'day', 2)).toEqual(['2026-02-28', '2026-03-01'])
  })

  it('count a vendor from its first score until the day it leaves the portfolio', () => {
    const scores = [{ asOf: '2026-01-10', score: 40, tier: 'medium' as const }]
    expect(countedOn({ scores }, '2026-01-09')).toBeUndefined()
    expect(countedOn({ scores }, '2026-03-01')?.score).toBe(40)
    expect(countedOn({ scores, leftOn: '2026-03-01' }, '2026-02-28')?.score).toBe(40)
    expect(countedOn({ scores, leftOn: '2026-03-01' }, '2026-03-01')).toBeUndefined()
  })

  it('take the latest score on or before a day, the last of that day winning', () => {
    const history = [
      { asOf: '2026-01-01', score: 10, tier: 'low' as const },
      { asOf: '2026-02-01', score: 30, tier: 'medium' as const },
      { asOf: '2026-02-01', score: 50, tier: 'high' as const },
    ]
    expect(scoredOn(history, '2025-12-31')).toBeUndefined()
    expect(scoredOn(history, '2026-01-31')?.score).toBe(10)
    expect(scoredOn(history, '2026-02-01')?.score).toBe(50)
  })

  it('pick the two factors adding the most points, leaving out credits', () => {
    const factor = (id: string, points: number): ScoreFactorDto => ({
      id,
      group: 'likelihood',
      label: id,
      points,
      groupPoints: points,
      detail: id,
      sentence: id,
    })
    const picked = topFactors([factor('a', 3), factor('b', 9), factor('c', -12), factor('d', 9)])
    expect(picked.map((f) => f.id)).toEqual(['b', 'd'])
    expect(topFactors([factor('c', -1), factor('z', 0)])).toEqual([])
  })

  it('fill every location, class and tier, with shares of 0 when there is nothing', () => {
    const empty = shapeExposure('2026-11-26', [], [])
    expect(empty.byLocation).toHaveLength(4)
    expect(empty.byDataClass).toHaveLength(8)
    expect(empty.outsidePerimeter).toEqual({ vendors: 0, records: 0, vendorShare: 0, recordShare: 0 })
    const tiers = shapeTierDistribution('2026-11-26', { critical: 1, high: 0, medium: 2, low: 0 }, [
      { days: 30, asOf: '2026-10-27', counts: { critical: 0, high: 1, medium: 1, low: 0 } },
    ])
    expect(tiers.tiers.map((t) => t.share)).toEqual([0.3333, 0, 0.6667, 0])
    expect(tiers.comparisons[0]!.tiers.map((t) => t.change)).toEqual([1, -1, 1, 0])
  })
})
