import { describe, expect, it } from 'vitest'
import { generateDemoVendors } from '../../mocks/data'
import {
  exposureOf,
  fourthPartiesOf,
  reviewsOf,
  riskMapOf,
  shapeExposure,
  shapeIncidents,
  shapeReviews,
  shapeTierDistribution,
  type PortfolioEntry,
} from './dashboard'
import {
  binRiskMap,
  countInRegion,
  dataClassBars,
  exposureFinding,
  formatChange,
  formatShare,
  fourthPartyFilter,
  fourthPartyFinding,
  incidentFinding,
  incidentRows,
  isoScoreCurve,
  locationSlices,
  monthLabel,
  OPEN_INCIDENT_FILTER,
  regionBetween,
  regionFilter,
  reviewBars,
  reviewsFinding,
  riskMapFinding,
  riskMapGrid,
  riskMapLayers,
  riskMapPoints,
  tierBands,
  tierFinding,
  tierRows,
  topRisksFinding,
  trendFinding,
  type RiskMapPoint,
} from './dashboard-findings'
import type {
  FourthPartyResponse,
  RiskMapResponse,
  TopRisksResponse,
  TrendResponse,
} from './schemas/dashboard'
import { summarizeVendor } from './summary'
import { filterVendorSummaries } from './vendor-list'

const AS_OF = '2026-11-26'
const NNBSP = '\u202f'

const point = (over: Partial<RiskMapPoint> & { id: string }): RiskMapPoint => ({
  name: over.id,
  tier: 'low',
  score: 10,
  exposure: 10,
  likelihood: 10,
  records: 100,
  ...over,
})

function riskMap(points: RiskMapPoint[]): RiskMapResponse {
  return {
    asOf: AS_OF,
    vendors: points.length,
    points: {
      id: points.map((p) => p.id),
      name: points.map((p) => p.name),
      tier: points.map((p) => p.tier),
      score: points.map((p) => p.score),
      exposure: points.map((p) => p.exposure),
      likelihood: points.map((p) => p.likelihood),
      records: points.map((p) => p.records),
    },
  }
}

describe('wording shared by the findings', () => {
  it('says shares as whole percents, never 0 % or 100 % of something that is neither none nor all', () => {
    expect(formatShare(0.4123)).toBe(`41${NNBSP}%`)
    expect(formatShare(0)).toBe(`0${NNBSP}%`)
    expect(formatShare(0.003)).toBe(`<1${NNBSP}%`)
    expect(formatShare(0.997)).toBe(`>99${NNBSP}%`)
    expect(formatShare(1)).toBe(`100${NNBSP}%`)
  })

  it('signs changes with a real minus', () => {
    expect([formatChange(3), formatChange(-2), formatChange(0)]).toEqual(['+3', '\u22122', '±0'])
  })

  it('names months in English whatever the locale', () => {
    expect(monthLabel('2026-03')).toBe('Mar 2026')
    expect(monthLabel('2025-12')).toBe('Dec 2025')
  })
})

describe('the tier distribution', () => {
  const now = { critical: 4, high: 8, medium: 20, low: 28 }
  const then = { critical: 3, high: 6, medium: 20, low: 25 }

  it('states how many vendors are critical or high, their share and the change in 30 days', () => {
    const res = shapeTierDistribution(AS_OF, now, [
      { days: 30, asOf: '2026-10-27', counts: then },
      { days: 90, asOf: '2026-08-28', counts: now },
    ])
    expect(tierFinding(res)).toBe(
      `12 of 60 vendors are critical or high risk (20${NNBSP}%), 3 more than 30 days ago`,
    )
    const critical = tierRows(res)[0]!
    expect(critical).toMatchObject({ tier: 'critical', count: 4, share: 0.0667 })
    expect(critical.changes).toEqual([
      { days: 30, change: 1 },
      { days: 90, change: 0 },
    ])
  })

  it('leaves the change out when nothing was scored back then', () => {
    const empty = { critical: 0, high: 0, medium: 0, low: 0 }
    const res = shapeTierDistribution(AS_OF, now, [{ days: 30, asOf: '2026-10-27', counts: empty }])
    expect(tierFinding(res)).toBe(`12 of 60 vendors are critical or high risk (20${NNBSP}%)`)
    expect(tierRows(res)[0]!.changes).toEqual([{ days: 30, change: null }])
  })

  it('says fewer, as many, or none when that is the news', () => {
    const fewer = shapeTierDistribution(AS_OF, then, [{ days: 30, asOf: '2026-10-27', counts: now }])
    expect(tierFinding(fewer)).toMatch(/, 3 fewer than 30 days ago$/)
    const same = shapeTierDistribution(AS_OF, now, [{ days: 30, asOf: '2026-10-27', counts: now }])
    expect(tierFinding(same)).toMatch(/, as many as 30 days ago$/)
    const calm = shapeTierDistribution(AS_OF, { critical: 0, high: 0, medium: 1, low: 1 }, [])
    expect(tierFinding(calm)).toBe('None of the 2 vendors is critical or high risk')
    expect(tierFinding(shapeTierDistribution(AS_OF, { critical: 0, high: 0, medium: 0, low: 0 }, []))).toBe(
      'No vendors in the portfolio yet',
    )
  })
})

describe('the risk map', () => {
  it('counts the critical band and the records it holds, and says when incidents push vendors there', () => {
    const res = riskMap([
      point({ id: 'calm' }),
      point({ id: 'a', tier: 'critical', score: 70, exposure: 60, likelihood: 82, records: 2_000_000 }),
      point({ id: 'b', tier: 'critical', score: 80, exposure: 70, likelihood: 91, records: 10_000_000 }),
    ])
    expect(riskMapFinding(res)).toBe(
      '2 vendors sit in the critical band, holding 12M records, most pushed there by incidents',
    )
  })

  it('names the riskiest vendor when none is critical', () => {
    const res = riskMap([point({ id: 'calm' }), point({ id: 'Acme Payroll', tier: 'high', score: 51.24 })])
    expect(riskMapFinding(res)).toBe(
      'No vendor is in the critical band; the riskiest, Acme Payroll, scores 51.2',
    )
    expect(riskMapFinding(riskMap([]))).toBe('No vendors on the risk map yet')
  })

  it('turns the columns into one object per vendor', () => {
    const a = point({ id: 'a', exposure: 12, likelihood: 34, records: 5 })
    expect(riskMapPoints(riskMap([a]))).toEqual([a])
  })

  it('draws every vendor as a mark up to the limit, and above it density squares plus marks for the riskiest critical vendors', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      point({ id: `v${i}`, tier: i >= 27 ? 'critical' : i >= 24 ? 'high' : 'low', score: i }),
    )
    expect(riskMapLayers(many, 30)).toMatchObject({ mode: 'points', cells: [] })
    const dense = riskMapLayers(many, 4, 2)
    expect(dense.mode).toBe('density')
    expect(dense.points.map((p) => p.id)).toEqual(['v28', 'v29'])
    expect(riskMapLayers(many, 4, 10).points.map((p) => p.id)).toEqual(['v27', 'v28', 'v29'])
    expect(dense.cells.reduce((sum, c) => sum + c.vendors, 0)).toBe(30)
  })

  it('bins vendors into 5-point squares, with a score of 100 in the top square', () => {
    const cells = binRiskMap([
      point({ id: 'a', exposure: 0, likelihood: 0 }),
      point({ id: 'b', exposure: 4.9, likelihood: 4.9, records: 7 }),
      point({ id: 'c', exposure: 100, likelihood: 100, tier: 'critical' }),
    ])
    expect(cells).toEqual([
      {
        exposureMin: 0,
        exposureMax: 5,
        likelihoodMin: 0,
        likelihoodMax: 5,
        vendors: 2,
        records: 107,
        tiers: { critical: 0, high: 0, medium: 0, low: 2 },
      },
      {
        exposureMin: 95,
        exposureMax: 100,
        likelihoodMin: 95,
        likelihoodMax: 100,
        vendors: 1,
        records: 100,
        tiers: { critical: 1, high: 0, medium: 0, low: 0 },
      },
    ])
  })

  it('links a region to the inventory with the same bounds it counts with, open-ended at 100', () => {
    const region = { exposureMin: 95, exposureMax: 100, likelihoodMin: 40, likelihoodMax: 45 }
    expect(regionFilter(region)).toEqual({
      status: ['active', 'onboarding'],
      exposureMin: 95,
      exposureMax: undefined,
      likelihoodMin: 40,
      likelihoodMax: 45,
    })
    const points = [
      point({ id: 'edge', exposure: 100, likelihood: 40 }),
      point({ id: 'next', exposure: 97, likelihood: 45 }),
    ]
    expect(countInRegion(points, region)).toBe(1)
  })

  it('snaps a brushed rectangle outwards to whole points, in whichever direction it was drawn', () => {
    expect(regionBetween({ x: 62.4, y: 10.2 }, { x: 40.7, y: 55.5 })).toEqual({
      exposureMin: 40,
      exposureMax: 63,
      likelihoodMin: 10,
      likelihoodMax: 56,
    })
    expect(regionBetween({ x: -3, y: 99.2 }, { x: 120, y: 101 })).toMatchObject({
      exposureMin: 0,
      exposureMax: 100,
    })
  })

  it('draws each iso-score curve where √(exposure × likelihood) equals the cut-off, edge to edge', () => {
    const curve = isoScoreCurve(65)
    expect(curve[0]![1]).toBeCloseTo(100)
    expect(curve[curve.length - 1]![0]).toBeCloseTo(100)
    for (const [e, l] of curve) expect(Math.sqrt(e * l)).toBeCloseTo(65)
    expect(isoScoreCurve(0)).toEqual([])
  })

  it('puts the tier bands at the model’s cut-offs, low first so the riskier bands paint over it', () => {
    const bands = tierBands({ critical: 70, high: 50, medium: 20 })
    expect(bands.map((b) => [b.tier, b.from])).toEqual([
      ['low', 0],
      ['medium', 20],
      ['high', 50],
      ['critical', 70],
    ])
    expect(bands[3]!.polygon.at(-1)).toEqual([100, 100])
  })

  it('tabulates vendors in 20-point bands with the riskiest row first', () => {
    const grid = riskMapGrid([
      point({ id: 'a', exposure: 90, likelihood: 95 }),
      point({ id: 'b', exposure: 5, likelihood: 5 }),
    ])
    expect(grid.rows[0]!.likelihoodMin).toBe(80)
    expect(grid.rows[0]!.cells[4]!.vendors).toBe(1)
    expect(grid.rows[4]!.cells[0]!.vendors).toBe(1)
    expect(grid.rows.flatMap((r) => r.cells).reduce((sum, c) => sum + c.vendors, 0)).toBe(2)
  })
})

describe('the risk trend', () => {
  const trend = (medians: (number | null)[], interval: 'week' | 'day' = 'week'): TrendResponse => ({
    asOf: AS_OF,
    interval,
    points: medians.map((median, i) => ({
      asOf: `2026-11-${String(i + 1).padStart(2, '0')}`,
      vendors: median === null ? 0 : 10,
      median,
      p90: median === null ? null : median + 20,
      tiers: { critical: 0, high: 0, medium: 0, low: 10 },
    })),
  })

  it('says where the median went over the period scored, and the 90th percentile now', () => {
    expect(trendFinding(trend([null, 30, 31, 34.46]))).toBe(
      'Median risk score rose from 30.0 to 34.5 over 2 weeks; 90th percentile 54.5',
    )
    expect(trendFinding(trend([40, 35], 'day'))).toBe(
      'Median risk score fell from 40.0 to 35.0 over 1 day; 90th percentile 55.0',
    )
    expect(trendFinding(trend([30, 30.01]))).toMatch(/^Median risk score held at 30.0 over 1 week/)
  })

  it('says when nothing was scored yet', () => {
    expect(trendFinding(trend([null, null]))).toBe('No scores recorded yet')
  })
})

describe('the top risks', () => {
  const item = (id: string, over: Partial<TopRisksResponse['items'][number]> = {}) => ({
    id,
    name: id,
    category: 'SaaS',
    score: 70,
    tier: 'critical' as const,
    exposure: 70,
    likelihood: 70,
    records: 10,
    dataLocation: 'our_environment' as const,
    openIncidents: 0,
    topFactors: [],
    ...over,
  })

  it('counts the riskiest vendors holding our data outside our perimeter and those with an open incident', () => {
    const res: TopRisksResponse = {
      asOf: AS_OF,
      items: [
        item('a', { dataLocation: 'vendor_environment', openIncidents: 2 }),
        item('b', { dataLocation: 'both' }),
        item('c'),
      ],
    }
    expect(topRisksFinding(res)).toBe(
      '2 of the 3 riskiest vendors hold our data outside our perimeter; 1 has an open incident',
    )
    expect(topRisksFinding({ asOf: AS_OF, items: [] })).toBe('No vendors to rank yet')
  })
})

describe('the exposure outside our perimeter', () => {
  const res = shapeExposure(
    AS_OF,
    [
      { dataLocation: 'vendor_environment', vendors: 3, records: 4_000_000 },
      { dataLocation: 'both', vendors: 1, records: 100_000 },
      { dataLocation: 'our_environment', vendors: 5, records: 5_900_000 },
      { dataLocation: 'none', vendors: 2, records: 0 },
    ],
    [
      { dataClass: 'pii', vendors: 6, records: 9_000_000, outsideVendors: 3, outsideRecords: 4_000_000 },
      { dataClass: 'health', vendors: 1, records: 100_000, outsideVendors: 1, outsideRecords: 100_000 },
    ],
  )

  it('states the share of records outside our perimeter and at how many vendors', () => {
    expect(exposureFinding(res)).toBe(
      `41${NNBSP}% of the records our vendors hold sit outside our perimeter, at 4 vendors`,
    )
  })

  it('describes each location slice the way its link is named, outside our perimeter first', () => {
    const slices = locationSlices(res)
    expect(slices.map((s) => s.description)).toEqual([
      'Vendor environment: 3 vendors, 4M records',
      'Both environments: 1 vendor, 100K records',
      'Our environment: 5 vendors, 5.9M records',
      'Holds none of our data: 2 vendors, 0 records',
    ])
    expect(slices[0]!.filter).toEqual({
      status: ['active', 'onboarding'],
      dataLocation: ['vendor_environment'],
    })
  })

  it('orders data classes by records outside our perimeter and splits each into outside and inside', () => {
    const bars = dataClassBars(res)
    expect(bars.map((b) => [b.dataClass, b.outsideRecords, b.insideRecords])).toEqual([
      ['pii', 4_000_000, 5_000_000],
      ['health', 100_000, 0],
    ])
    expect(bars[0]!.outsideFilter).toMatchObject({ dataClass: ['pii'], outsidePerimeter: true })
  })

  it('falls back to vendors when no vendor declares records, and says when nothing is outside', () => {
    const noRecords = shapeExposure(
      AS_OF,
      [{ dataLocation: 'vendor_environment', vendors: 2, records: 0 }],
      [],
    )
    expect(exposureFinding(noRecords)).toBe(
      '2 of 2 vendors would hold our data outside our perimeter; none declares any records',
    )
    const inside = shapeExposure(AS_OF, [{ dataLocation: 'our_environment', vendors: 2, records: 10 }], [])
    expect(exposureFinding(inside)).toBe('None of the records our vendors hold sits outside our perimeter')
  })
})

describe('the incidents per month', () => {
  const res = shapeIncidents(
    AS_OF,
    ['2026-10', '2026-11'],
    [
      { month: '2026-10', kind: 'breach', severity: 'high', count: 2, open: 1 },
      { month: '2026-11', kind: 'outage', severity: 'low', count: 1, open: 0 },
    ],
    [
      { kind: 'breach', severity: 'high', count: 1 },
      { kind: 'claimed_leak', severity: 'critical', count: 1 },
      { kind: 'outage', severity: 'low', count: 1 },
    ],
  )

  it('counts incidents over the months shown and calls out the open ones that matter', () => {
    expect(incidentFinding(res)).toBe('3 incidents in 2 months; 3 still open, 2 of them high or critical')
  })

  it('spreads each month into the stacks of the breakdown chosen', () => {
    expect(incidentRows(res, 'kind')[0]).toMatchObject({
      label: 'Oct 2026',
      total: 2,
      open: 1,
      breach: 2,
      outage: 0,
    })
    expect(incidentRows(res, 'severity')[1]).toMatchObject({ label: 'Nov 2026', low: 1, high: 0 })
  })

  it('says when there were none', () => {
    const quiet = shapeIncidents(AS_OF, ['2026-11'], [], [])
    expect(incidentFinding(quiet)).toBe('No incidents in the last 1 month')
  })
})

describe('the fourth-party concentration', () => {
  const res = (items: FourthPartyResponse['items']): FourthPartyResponse => ({
    asOf: AS_OF,
    subProcessors: items.length,
    vendorsWithSubProcessors: 3,
    items,
  })
  const tiers = { critical: 0, high: 0, medium: 0, low: 0 }

  it('names the sub-processor most vendors share and the records behind it', () => {
    const found = res([{ name: 'AWS', vendors: 3, records: 12_000_000, outsideRecords: 0, tiers }])
    expect(fourthPartyFinding(found)).toBe('3 vendors share AWS, holding 12M records')
  })

  it('says when no sub-processor is shared, or none is listed', () => {
    const single = res([{ name: 'Twilio', vendors: 1, records: 1, outsideRecords: 0, tiers }])
    expect(fourthPartyFinding(single)).toBe(
      'No sub-processor is shared between vendors; the largest, Twilio, stands behind 1 record',
    )
    expect(fourthPartyFinding(res([]))).toBe('No vendor lists a sub-processor yet')
  })
})

describe('the overdue reviews', () => {
  it('counts overdue reviews and those of critical vendors, and splits each tier for the bars', () => {
    const res = shapeReviews(AS_OF, [
      { tier: 'critical', vendors: 4, overdue: 2, neverAssessed: 1, dueWithin30: 1 },
      { tier: 'low', vendors: 10, overdue: 3, neverAssessed: 0, dueWithin30: 0 },
    ])
    expect(reviewsFinding(res)).toBe('5 of 14 security reviews are overdue, 2 for critical vendors')
    expect(reviewBars(res)[0]).toMatchObject({
      tier: 'critical',
      lapsed: 1,
      neverAssessed: 1,
      dueWithin30: 1,
      upToDate: 1,
    })
  })

  it('says when every review is up to date', () => {
    const res = shapeReviews(AS_OF, [
      { tier: 'low', vendors: 3, overdue: 0, neverAssessed: 0, dueWithin30: 1 },
    ])
    expect(reviewsFinding(res)).toBe('All 3 security reviews are up to date')
  })
})

describe('every chart element links to exactly the vendors it counts', () => {
  // Offboarded vendors leave the dashboard's portfolio but stay in the inventory: the links must leave them out.
  const vendors = generateDemoVendors({ count: 240, asOf: AS_OF })
  const entries: PortfolioEntry[] = vendors.map((vendor) => ({
    vendor,
    summary: summarizeVendor(vendor, AS_OF),
  }))
  const summaries = entries.map((e) => e.summary)
  const listed = (filter: Parameters<typeof filterVendorSummaries>[1]) =>
    filterVendorSummaries(summaries, filter).length

  it('has offboarded vendors in the sample, so the test can fail', () => {
    expect(summaries.some((s) => s.status === 'offboarded')).toBe(true)
  })

  it('for tiers, locations and data classes', () => {
    const exposure = exposureOf(entries, AS_OF)
    for (const slice of locationSlices(exposure)) expect(listed(slice.filter)).toBe(slice.vendors)
    for (const bar of dataClassBars(exposure)) {
      expect(listed(bar.filter)).toBe(bar.vendors)
      expect(listed(bar.outsideFilter)).toBe(bar.outsideVendors)
      expect(listed(bar.insideFilter)).toBe(bar.vendors - bar.outsideVendors)
    }
    const portfolio = summaries.filter((s) => s.status !== 'offboarded')
    for (const row of tierRows(
      shapeTierDistribution(AS_OF, { critical: 0, high: 0, medium: 0, low: 0 }, []),
    )) {
      expect(listed(row.filter)).toBe(portfolio.filter((s) => s.tier === row.tier).length)
    }
  })

  it('for sub-processors, overdue reviews and open incidents', () => {
    for (const item of fourthPartiesOf(entries, AS_OF, 10).items) {
      expect(listed(fourthPartyFilter(item.name))).toBe(item.vendors)
    }
    for (const bar of reviewBars(reviewsOf(entries, AS_OF)))
      expect(listed(bar.overdueFilter)).toBe(bar.overdue)
    expect(listed(OPEN_INCIDENT_FILTER)).toBe(
      summaries.filter((s) => s.status !== 'offboarded' && s.openIncidents > 0).length,
    )
  })

  it('for the risk map’s squares', () => {
    const points = riskMapPoints(riskMapOf(entries, AS_OF))
    for (const cell of binRiskMap(points)) {
      expect(listed(regionFilter(cell))).toBe(cell.vendors)
      expect(countInRegion(points, cell)).toBe(cell.vendors)
    }
  })
})
