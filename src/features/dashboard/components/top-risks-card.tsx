import { Link } from 'react-router'
import { TierBadge } from '../../../components/tier-badge'
import { formatCompact, formatPoints, LOCATION_NAMES, topRisksFinding } from '../../../domain'
import { useTopRisks } from '../api/get-top-risks'
import { ChartCard } from './chart-card'
import { CARD_RESERVE } from './chart-sizes'
import { NoVendorsYet } from './no-vendors-yet'

/** 4. The ten riskiest vendors and the two factors that put each one there; each opens its profile. */
export function TopRisksCard() {
  const result = useTopRisks()
  return (
    <ChartCard
      className="chart-card-wide"
      measure="Top 10 riskiest vendors"
      result={result}
      finding={topRisksFinding}
      isEmpty={(d) => d.items.length === 0}
      empty={<NoVendorsYet what="The ranking" />}
      reserve={CARD_RESERVE.topRisks}
      table={(d) => (
        <div className="table-scroll">
          <table className="data-table top-risks">
            <caption className="visually-hidden">
              The riskiest vendors, highest score first, with the two factors adding the most points
            </caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">Vendor</th>
                <th scope="col">Tier</th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">Why: the two largest factors</th>
                <th scope="col">Our data</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((item, i) => (
                <tr key={item.id}>
                  <td className="num">{i + 1}</td>
                  <th scope="row">
                    <Link to={`/vendors/${encodeURIComponent(item.id)}`}>{item.name}</Link>
                    <div className="muted small">{item.category}</div>
                  </th>
                  <td>
                    <TierBadge tier={item.tier} />
                  </td>
                  <td className="num">
                    <span className="score-cell">
                      {item.score.toFixed(1)}
                      {/* The bar repeats the number for the eye; the number is what is read out. */}
                      <span className={`score-bar tier-${item.tier}`} aria-hidden="true">
                        <span style={{ width: `${item.score}%` }} />
                      </span>
                    </span>
                  </td>
                  <td>
                    <ul className="top-factors">
                      {item.topFactors.map((f) => (
                        <li key={f.id} title={f.sentence}>
                          <span className="num factor-points">{formatPoints(f.points)}</span> {f.label}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {LOCATION_NAMES[item.dataLocation]}
                    <div className="muted small">
                      {formatCompact(item.records)} records
                      {item.openIncidents > 0 &&
                        ` · ${item.openIncidents} open incident${item.openIncidents === 1 ? '' : 's'}`}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    />
  )
}
