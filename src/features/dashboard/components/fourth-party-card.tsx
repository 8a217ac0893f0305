import { Link } from 'react-router'
import {
  formatCompact,
  fourthPartyFilter,
  fourthPartyFinding,
  plural,
  TIER_LABELS,
  TIERS,
  type FourthPartyResponse,
} from '../../../domain'
import { vendorListHref } from '../../../lib/vendor-filter-params'
import { useFourthParties } from '../api/get-fourth-parties'
import { ChartCard } from './chart-card'
import FourthPartyChart from './fourth-party-chart'
import { ChartLegend } from './chart-legend'
import { FigureTableHead } from './figure-table-head'
import { CARD_RESERVE, fourthPartyChartHeight } from './chart-sizes'
import { TIER_COLOR } from './chart-theme'

const chartLabel = (d: FourthPartyResponse) =>
  `Bar chart of the sub-processors most vendors share, vendors stacked by tier: ${d.items
    .map((i) => `${i.name} ${i.vendors} vendors, ${formatCompact(i.records)} records`)
    .join('; ')}.`

/** 7. Fourth-party concentration: one breach at a shared sub-processor reaches every vendor on it. */
export function FourthPartyCard() {
  const result = useFourthParties()
  return (
    <ChartCard
      measure="Shared sub-processors"
      result={result}
      finding={fourthPartyFinding}
      isEmpty={(d) => d.items.length === 0}
      empty={
        <p className="empty">
          No vendor lists a sub-processor. Add each vendor&rsquo;s sub-processors on its profile (or in the
          import&rsquo;s fourth_parties column) to see where one breach would reach many vendors.
        </p>
      }
      chart={(d) => <FourthPartyChart items={d.items} label={chartLabel(d)} />}
      chartHeight={(d) => fourthPartyChartHeight(d.items.length)}
      reserve={CARD_RESERVE.fourthParties}
      legend={(d) => (
        <>
          <ChartLegend
            label="Bar segments: vendors by tier"
            items={TIERS.map((tier) => ({ key: tier, label: TIER_LABELS[tier], color: TIER_COLOR[tier] }))}
          />
          <p className="muted small chart-note">
            {plural(d.subProcessors, 'sub-processor')} behind {plural(d.vendorsWithSubProcessors, 'vendor')}.
            Bar length: vendors using it; at its end, the records those vendors hold.
          </p>
        </>
      )}
      table={(d) => (
        <table className="data-table">
          <caption className="visually-hidden">
            Sub-processors by how many vendors use them, with the records those vendors hold
          </caption>
          <FigureTableHead
            rows="Sub-processor"
            figures={['Vendors', 'Records', 'Outside our perimeter']}
            notes={['By tier']}
          />
          <tbody>
            {d.items.map((item) => (
              <tr key={item.name}>
                <th scope="row">
                  <Link to={vendorListHref(fourthPartyFilter(item.name))}>{item.name}</Link>
                </th>
                <td className="num">{item.vendors}</td>
                <td className="num">{formatCompact(item.records)}</td>
                <td className="num">{formatCompact(item.outsideRecords)}</td>
                <td className="num small">
                  {TIERS.filter((t) => item.tiers[t] > 0)
                    .map((t) => `${item.tiers[t]} ${t}`)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  )
}
