import {
  plural,
  portfolioFilter,
  TIER_LABELS,
  TIERS,
  trendFinding,
  trendRows,
  type TrendResponse,
} from '../../../domain'
import { useRiskTrend } from '../api/get-risk-trend'
import { ChartCard } from './chart-card'
import RiskTrendChart from './risk-trend-chart'
import { ChartLegend } from './chart-legend'
import { FigureTableHead } from './figure-table-head'
import { CARD_RESERVE, TREND_SCORES_HEIGHT, TREND_TIERS_HEIGHT } from './chart-sizes'
import { SERIES, TIER_COLOR } from './chart-theme'

const score = (n: number | null) => (n === null ? '–' : n.toFixed(1))

function trendLabel(d: TrendResponse) {
  const rows = trendRows(d)
  const first = rows.find((r) => r.median !== null)
  const last = rows[rows.length - 1]
  if (!first || !last) return 'Line chart of the median score over time: nothing scored yet'
  return `Line chart of the median and 90th-percentile score from ${first.asOf} to ${last.asOf}: median ${score(first.median)} to ${score(last.median)}, 90th percentile ${score(first.p90)} to ${score(last.p90)}; below it, vendors per tier stacked: now ${TIERS.map((t) => `${last[t]} ${t}`).join(', ')}.`
}

/** 3. Is the portfolio getting riskier? Median and 90th percentile of the scores, and vendors per tier, by week. */
export function RiskTrendCard() {
  const result = useRiskTrend()
  return (
    <ChartCard
      measure="Risk trend, weekly"
      result={result}
      finding={trendFinding}
      isEmpty={(d) => d.points.every((p) => p.median === null)}
      empty={
        <p className="empty">
          No score has been recorded yet. Scores are recorded every day and whenever a vendor changes; the
          trend fills in from the first one.
        </p>
      }
      chart={(d) => <RiskTrendChart rows={trendRows(d)} label={trendLabel(d)} />}
      chartHeight={() => TREND_SCORES_HEIGHT + TREND_TIERS_HEIGHT}
      reserve={CARD_RESERVE.trend}
      legend={(d) => {
        const last = d.points[d.points.length - 1]
        return (
          <ChartLegend
            label="Series; each tier opens its vendors as they are now"
            items={[
              { key: 'median', label: 'Median score', color: SERIES.blue, mark: 'line' as const },
              { key: 'p90', label: '90th percentile', color: SERIES.vermillion, mark: 'dashed' as const },
              ...TIERS.map((tier) => ({
                key: tier,
                label: TIER_LABELS[tier],
                color: TIER_COLOR[tier],
                detail: last ? String(last.tiers[tier]) : '',
                description: `${TIER_LABELS[tier]}: ${plural(last?.tiers[tier] ?? 0, 'vendor')} now`,
                filter: portfolioFilter({ tier: [tier] }),
              })),
            ]}
          />
        )
      }}
      table={(d) => (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Scores and vendors per tier, by week</caption>
            <FigureTableHead
              rows="Week of"
              figures={['Vendors', 'Median', '90th pct.', ...TIERS.map((t) => TIER_LABELS[t])]}
            />
            <tbody>
              {trendRows(d)
                .slice()
                .reverse()
                .map((r) => (
                  <tr key={r.asOf}>
                    <th scope="row">
                      <time dateTime={r.asOf}>{r.asOf}</time>
                    </th>
                    <td className="num">{r.vendors}</td>
                    <td className="num">{score(r.median)}</td>
                    <td className="num">{score(r.p90)}</td>
                    {TIERS.map((t) => (
                      <td key={t} className="num">
                        {r[t]}
                      </td>
                    ))}
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    />
  )
}
