import { Link } from 'react-router'
import {
  formatChange,
  formatShare,
  plural,
  TIER_LABELS,
  tierFinding,
  tierRows,
  type TierRow,
} from '../../../domain'
import { vendorListHref } from '../../../lib/vendor-filter-params'
import { useTierDistribution } from '../api/get-tier-distribution'
import { ChartCard } from './chart-card'
import TierDistributionChart from './tier-distribution-chart'
import { ChartLegend } from './chart-legend'
import { FigureTableHead } from './figure-table-head'
import { CARD_RESERVE, TIER_CHART_HEIGHT } from './chart-sizes'
import { TIER_COLOR } from './chart-theme'
import { NoVendorsYet } from './no-vendors-yet'

const changeText = (row: TierRow) =>
  row.changes
    .filter((c) => c.change !== null)
    .map((c) => `${formatChange(c.change!)} in ${c.days} days`)
    .join(', ')

/** 1. How many vendors sit in each tier, and how that moved in 30 and 90 days. */
export function TierDistributionCard() {
  const result = useTierDistribution()
  return (
    <ChartCard
      measure="Vendors by tier"
      result={result}
      finding={tierFinding}
      isEmpty={(d) => d.vendors === 0}
      empty={<NoVendorsYet what="The tier distribution" />}
      chartHeight={() => TIER_CHART_HEIGHT}
      reserve={CARD_RESERVE.tiers}
      chart={(d) => {
        const rows = tierRows(d)
        const label = `Bar chart of vendors per tier: ${rows
          .map((r) => `${TIER_LABELS[r.tier]} ${r.count} (${formatShare(r.share)})`)
          .join(', ')}`
        return <TierDistributionChart rows={rows} label={label} />
      }}
      legend={(d) => (
        <ChartLegend
          label="Tiers; each opens its vendors"
          items={tierRows(d).map((r) => ({
            key: r.tier,
            label: TIER_LABELS[r.tier],
            color: TIER_COLOR[r.tier],
            detail: [String(r.count), changeText(r)].filter(Boolean).join(' · '),
            description: `${TIER_LABELS[r.tier]}: ${plural(r.count, 'vendor')}${changeText(r) ? `, ${changeText(r)}` : ''}`,
            filter: r.filter,
          }))}
        />
      )}
      table={(d) => (
        <table className="data-table">
          <caption className="visually-hidden">
            Vendors by tier, and the change since 30 and 90 days ago
          </caption>
          <FigureTableHead
            rows="Tier"
            figures={['Vendors', 'Share', ...d.comparisons.map((c) => `Change in ${c.days} days`)]}
          />
          <tbody>
            {tierRows(d).map((r) => (
              <tr key={r.tier}>
                <th scope="row">
                  <Link to={vendorListHref(r.filter)}>{TIER_LABELS[r.tier]}</Link>
                </th>
                <td className="num">{r.count}</td>
                <td className="num">{formatShare(r.share)}</td>
                {r.changes.map((c) => (
                  <td key={c.days} className="num">
                    {c.change === null ? '–' : formatChange(c.change)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  )
}
