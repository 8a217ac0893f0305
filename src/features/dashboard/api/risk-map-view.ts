/**
 * What the risk map card shows, worked out from GET /api/dashboard/risk-map in one pass. At 50,000 vendors the
 * answer holds every vendor and the work is a few hundred ms, so it runs in the worker that fetched the answer
 * (risk-map.worker.ts) and the page receives only this: the marks to draw, the density squares, the counts, the
 * finding and the table, plus every vendor's coordinates as two typed arrays for counting a dragged region.
 */
import {
  countInRegion,
  riskMapFinding,
  riskMapGrid,
  riskMapLayers,
  riskMapPoints,
  type RiskMapLayers,
  type RiskMapPoint,
  type RiskMapResponse,
  type RiskRegion,
  type Tier,
} from '../../../domain'

export interface RiskMapView {
  asOf: string
  vendors: number
  /** The card's heading (riskMapFinding). */
  finding: string
  /** Vendors per tier. */
  counts: Record<Tier, number>
  /** The marks and density squares the map draws (riskMapLayers). */
  layers: RiskMapLayers
  /** The table view (riskMapGrid). */
  grid: ReturnType<typeof riskMapGrid>
  /** Every vendor's exposure and likelihood, in the answer's order. */
  places: { exposure: Float64Array; likelihood: Float64Array }
}

export function riskMapView(res: RiskMapResponse): RiskMapView {
  const points = riskMapPoints(res)
  const counts: Record<Tier, number> = { critical: 0, high: 0, medium: 0, low: 0 }
  for (const p of points) counts[p.tier] += 1
  return {
    asOf: res.asOf,
    vendors: res.vendors,
    finding: riskMapFinding(res),
    counts,
    layers: riskMapLayers(points),
    grid: riskMapGrid(points),
    places: {
      exposure: Float64Array.from(res.points.exposure),
      likelihood: Float64Array.from(res.points.likelihood),
    },
  }
}

/** How many vendors a dragged region holds: the inventory's bounds, as countInRegion applies them. */
export function countVendorsIn({ places }: RiskMapView, region: RiskRegion): number {
  // countInRegion reads a point's exposure and likelihood only; the view keeps no more of each vendor.
  const points = Array.from(places.exposure, (exposure, i) => ({
    exposure,
    likelihood: places.likelihood[i]!,
  })) as unknown as RiskMapPoint[]
  return countInRegion(points, region)
}
