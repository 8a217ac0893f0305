import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import {
  DEFAULT_WEIGHTS,
  plural,
  portfolioFilter,
  regionFilter,
  TIER_LABELS,
  TIERS,
  type RiskRegion,
} from '../../../domain'
import { vendorListHref } from '../../../lib/vendor-filter-params'
import { useRiskMap } from '../api/get-risk-map'
import { countVendorsIn, type RiskMapView } from '../api/risk-map-view'
import { ChartCard } from './chart-card'
import RiskMapChart from './risk-map-chart'
import { ChartLegend } from './chart-legend'
import { CARD_RESERVE, RISK_MAP_HEIGHT } from './chart-sizes'
import { TIER_COLOR, TIER_SHAPE } from './chart-theme'
import { NoVendorsYet } from './no-vendors-yet'

const describeRegion = (r: RiskRegion) =>
  `exposure ${r.exposureMin} to ${r.exposureMax >= 100 ? '100' : `under ${r.exposureMax}`}, likelihood ${r.likelihoodMin} to ${r.likelihoodMax >= 100 ? '100' : `under ${r.likelihoodMax}`}`

const viewFinding = (view: RiskMapView) => view.finding

function RiskMapTable({ grid }: { grid: RiskMapView['grid'] }) {
  return (
    <table className="data-table risk-map-table">
      <caption className="visually-hidden">
        Vendors by likelihood (rows, highest first) and exposure (columns); each count opens its vendors
      </caption>
      <thead>
        <tr>
          <th scope="col">Likelihood \ exposure</th>
          {grid.columns.map((c) => (
            <th key={c.min} scope="col" className="num">
              {c.min}–{c.max}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.rows.map((row) => (
          <tr key={row.likelihoodMin}>
            <th scope="row" className="num">
              {row.likelihoodMin}–{row.likelihoodMax}
            </th>
            {row.cells.map((cell) => (
              <td key={cell.exposureMin} className="num">
                {cell.vendors === 0 ? (
                  '0'
                ) : (
                  <Link
                    to={vendorListHref(regionFilter(cell))}
                    aria-label={`${plural(cell.vendors, 'vendor')} with ${describeRegion(cell)}`}
                  >
                    {cell.vendors}
                  </Link>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** 2. Likelihood × impact: every vendor on the map, the tier bands behind, a dragged region opens in the list. */
export function RiskMapCard() {
  // The card's view of the answer, worked out off the main thread (see get-risk-map.ts).
  const result = useRiskMap()
  const [selection, setSelection] = useState<RiskRegion | null>(null)
  const view = result.data
  const selected = useMemo(() => view && selection && countVendorsIn(view, selection), [view, selection])
  const { tierCutoffs } = DEFAULT_WEIGHTS

  return (
    <ChartCard
      className="chart-card-wide"
      measure="Likelihood × impact: every vendor"
      result={result}
      finding={viewFinding}
      isEmpty={(d) => d.vendors === 0}
      empty={<NoVendorsYet what="The risk map" />}
      chartHeight={() => RISK_MAP_HEIGHT}
      reserve={CARD_RESERVE.riskMap}
      chart={(d) => {
        const label = `Risk map of ${plural(d.vendors, 'vendor')}, exposure across and likelihood up, with tier bands at scores ${tierCutoffs.medium}, ${tierCutoffs.high} and ${tierCutoffs.critical}: ${TIERS.map((t) => `${d.counts[t]} ${t}`).join(', ')}. The table view gives the counts by region.`
        return <RiskMapChart layers={d.layers} label={label} selection={selection} onSelect={setSelection} />
      }}
      table={(d) => <RiskMapTable grid={d.grid} />}
      legend={(d) => (
        <>
          <ChartLegend
            label="Tiers; each opens its vendors"
            items={TIERS.map((tier) => {
              const n = d.counts[tier]
              return {
                key: tier,
                label: TIER_LABELS[tier],
                color: TIER_COLOR[tier],
                mark: TIER_SHAPE[tier],
                detail: String(n),
                description: `${TIER_LABELS[tier]}: ${plural(n, 'vendor')}`,
                filter: portfolioFilter({ tier: [tier] }),
              }
            })}
          />
          <p className="muted small chart-note">
            Score = √(exposure × likelihood); the shaded bands are the tiers. Mark size shows records held
            (log scale).{' '}
            {d.layers.mode === 'density'
              ? `${plural(d.vendors, 'vendor')} are too many to mark one by one: grey squares show how many sit in each 5 × 5 area (darker is more; click one to list them), and the ${plural(d.layers.points.length, 'riskiest critical vendor')} keep their own mark.`
              : 'Click a mark to open the vendor.'}{' '}
            Drag across the map to select a region.
          </p>
        </>
      )}
      footer={() =>
        selection && (
          <div className="risk-selection-bar" role="status">
            <span>
              Selected {describeRegion(selection)}:{' '}
              <strong className="num">{plural(selected ?? 0, 'vendor')}</strong>
            </span>
            {selected ? (
              <Link to={vendorListHref(regionFilter(selection))}>
                Open these {plural(selected, 'vendor')}
              </Link>
            ) : null}
            <button type="button" className="link-button" onClick={() => setSelection(null)}>
              Clear selection
            </button>
          </div>
        )
      }
    />
  )
}
