import { describe, expect, it } from 'vitest'
import {
  countInRegion,
  riskMapColumns,
  riskMapFinding,
  RISK_MAP_MARK_LIMIT,
  RISK_MAP_POINT_LIMIT,
  shapeRiskMap,
  type RiskMapPoint,
  type Tier,
} from '../../../domain'
import { countVendorsIn, riskMapView } from './risk-map-view'

const tierOf = (score: number): Tier =>
  score >= 65 ? 'critical' : score >= 45 ? 'high' : score >= 25 ? 'medium' : 'low'

/** `count` vendors spread over the map by a fixed recipe, lowest score first as the server sends them. */
function portfolio(count: number): RiskMapPoint[] {
  return Array.from({ length: count }, (_, i) => {
    const exposure = (i * 37) % 101
    const likelihood = (i * 53) % 101
    const score = Math.round(Math.sqrt(exposure * likelihood) * 10) / 10
    return {
      id: `ven-${i}`,
      name: `Vendor ${i}`,
      tier: tierOf(score),
      score,
      exposure,
      likelihood,
      records: i,
    }
  }).sort((a, b) => a.score - b.score)
}

describe('riskMapView', () => {
  it('says what the map says: the finding, the counts per tier and every vendor as a mark when they are few', () => {
    const points = portfolio(300)
    const res = shapeRiskMap('2026-11-26', riskMapColumns(points))
    const view = riskMapView(res)
    expect(view.finding).toBe(riskMapFinding(res))
    expect(view.vendors).toBe(300)
    expect(Object.values(view.counts).reduce((a, b) => a + b, 0)).toBe(300)
    expect(view.counts.critical).toBe(points.filter((p) => p.tier === 'critical').length)
    expect(view.layers.mode).toBe('points')
    expect(view.layers.points).toHaveLength(300)
  })

  it('above the point limit keeps density squares and the riskiest critical vendors’ marks only', () => {
    const res = shapeRiskMap('2026-11-26', riskMapColumns(portfolio(RISK_MAP_POINT_LIMIT + 1000)))
    const view = riskMapView(res)
    expect(view.layers.mode).toBe('density')
    expect(view.layers.points.length).toBeLessThanOrEqual(RISK_MAP_MARK_LIMIT)
    expect(view.layers.points.every((p) => p.tier === 'critical')).toBe(true)
    expect(view.layers.cells.reduce((sum, c) => sum + c.vendors, 0)).toBe(RISK_MAP_POINT_LIMIT + 1000)
  })

  it('counts a dragged region as the inventory’s filter would, from the coordinates alone', () => {
    const points = portfolio(1000)
    const view = riskMapView(shapeRiskMap('2026-11-26', riskMapColumns(points)))
    for (const region of [
      { exposureMin: 0, exposureMax: 100, likelihoodMin: 0, likelihoodMax: 100 },
      { exposureMin: 50, exposureMax: 100, likelihoodMin: 50, likelihoodMax: 100 },
      { exposureMin: 20, exposureMax: 37, likelihoodMin: 0, likelihoodMax: 53 },
    ]) {
      expect(countVendorsIn(view, region)).toBe(countInRegion(points, region))
    }
  })
})
