import { useState } from 'react'
import { Link } from 'react-router'
import {
  incidentFinding,
  incidentRows,
  incidentSeries,
  OPEN_INCIDENT_FILTER,
  plural,
  SEVERITY_LABELS,
  SEVERITIES,
  type IncidentBreakdown,
  type IncidentKind,
  type IncidentTrendResponse,
  type Severity,
} from '../../../domain'
import { vendorListHref } from '../../../lib/vendor-filter-params'
import { useIncidentTrend } from '../api/get-incident-trend'
import { ChartCard } from './chart-card'
import IncidentChart from './incident-chart'
import { ChartLegend } from './chart-legend'
import { FigureTableHead } from './figure-table-head'
import { CARD_RESERVE, INCIDENT_CHART_HEIGHT } from './chart-sizes'
import { SERIES, TIER_COLOR } from './chart-theme'

const KIND_COLOR: Record<IncidentKind, string> = {
  breach: SERIES.vermillion,
  ransomware: SERIES.purple,
  claimed_leak: SERIES.amber,
  outage: SERIES.blue,
  vulnerability: SERIES.green,
}
/** Severities share the tiers' words and colours: critical is critical wherever it appears. */
const SEVERITY_COLOR: Record<Severity, string> = TIER_COLOR

const colored = (by: IncidentBreakdown) =>
  incidentSeries(by).map((s) => ({
    ...s,
    color: by === 'kind' ? KIND_COLOR[s.key as IncidentKind] : SEVERITY_COLOR[s.key as Severity],
  }))

function OpenCallout({ d }: { d: IncidentTrendResponse }) {
  const { open } = d
  if (open.total === 0) return <p className="callout muted">No incident is open.</p>
  const bySeverity = [...SEVERITIES]
    .reverse()
    .filter((s) => open.bySeverity[s] > 0)
    .map((s) => `${open.bySeverity[s]} ${SEVERITY_LABELS[s].toLowerCase()}`)
    .join(', ')
  return (
    <p className="callout">
      <strong className="num">{plural(open.total, 'open incident')}</strong> ({bySeverity}), however old.{' '}
      <Link to={vendorListHref(OPEN_INCIDENT_FILTER)}>See the vendors with an open incident</Link>
    </p>
  )
}

/** 6. Incidents per month by kind or severity, with the open ones called out. */
export function IncidentCard() {
  const result = useIncidentTrend()
  const [by, setBy] = useState<IncidentBreakdown>('kind')
  return (
    <ChartCard
      measure="Incidents per month"
      result={result}
      finding={incidentFinding}
      isEmpty={(d) => d.months.every((m) => m.total === 0) && d.open.total === 0}
      empty={
        <p className="empty">
          No incident in the last 12 months. Record incidents on a vendor&rsquo;s profile as they are
          reported; they raise its likelihood.
        </p>
      }
      chartHeight={() => INCIDENT_CHART_HEIGHT}
      reserve={CARD_RESERVE.incidents}
      controls={() => (
        <div className="segmented" role="group" aria-label="Stack incidents by">
          {(['kind', 'severity'] as const).map((option) => (
            <button key={option} type="button" aria-pressed={by === option} onClick={() => setBy(option)}>
              By {option}
            </button>
          ))}
        </div>
      )}
      chart={(d) => {
        const rows = incidentRows(d, by)
        const label = `Stacked bar chart of incidents per month by ${by}, ${rows[0]?.label ?? ''} to ${rows[rows.length - 1]?.label ?? ''}: ${rows.map((r) => `${r.label} ${r.total}${r.open > 0 ? ` (${r.open} open)` : ''}`).join(', ')}.`
        return <IncidentChart rows={rows} series={colored(by)} label={label} />
      }}
      legend={(d) => (
        <>
          <ChartLegend
            label={by === 'kind' ? 'Incident kinds' : 'Incident severities'}
            items={[
              ...colored(by).map((s) => ({ key: s.key, label: s.label, color: s.color })),
              { key: 'open', label: 'Still open', color: 'var(--text)', mark: 'dashed' as const },
            ]}
          />
          <OpenCallout d={d} />
        </>
      )}
      table={(d) => {
        const series = incidentSeries(by)
        return (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">
                Incidents per month by {by}, and how many are still open
              </caption>
              <FigureTableHead
                rows="Month"
                figures={[...series.map((s) => s.label), 'Total', 'Still open']}
              />
              <tbody>
                {incidentRows(d, by).map((r) => (
                  <tr key={r.month}>
                    <th scope="row">{r.label}</th>
                    {series.map((s) => (
                      <td key={s.key} className="num">
                        {r[s.key] ?? 0}
                      </td>
                    ))}
                    <td className="num">{r.total}</td>
                    <td className="num">{r.open}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }}
    />
  )
}
