import { Link } from 'react-router'
import {
  DATA_CLASS_LABELS,
  dataClassBars,
  exposureFinding,
  formatCompact,
  formatShare,
  locationSlices,
  plural,
  type ExposureResponse,
} from '../../../domain'
import { vendorListHref } from '../../../lib/vendor-filter-params'
import { useExposure } from '../api/get-exposure'
import { ChartCard } from './chart-card'
import ExposureChart from './exposure-chart'
import { ChartLegend } from './chart-legend'
import { FigureTableHead } from './figure-table-head'
import { CARD_RESERVE, EXPOSURE_RING_HEIGHT, exposureBarsHeight } from './chart-sizes'
import { LOCATION_COLOR, SERIES } from './chart-theme'
import { NoVendorsYet } from './no-vendors-yet'

function labels(d: ExposureResponse) {
  const slices = locationSlices(d)
  const classes = dataClassBars(d)
  return {
    location: `Ring chart of records by where our data sits: ${slices
      .map(
        (s) =>
          `${s.name} ${formatShare(s.recordShare)} (${formatCompact(s.records)} records, ${s.vendors} vendors)`,
      )
      .join('; ')}.`,
    dataClass: `Bar chart of records per data class, outside our perimeter against inside: ${classes
      .map(
        (c) =>
          `${DATA_CLASS_LABELS[c.dataClass]} ${formatCompact(c.outsideRecords)} outside, ${formatCompact(c.insideRecords)} inside`,
      )
      .join('; ')}.`,
  }
}

function ExposureTables({ d }: { d: ExposureResponse }) {
  return (
    <>
      <table className="data-table">
        <caption className="visually-hidden">Vendors and records by where our data sits</caption>
        <FigureTableHead rows="Where our data sits" figures={['Vendors', 'Records', 'Share of records']} />
        <tbody>
          {locationSlices(d).map((s) => (
            <tr key={s.dataLocation}>
              <th scope="row">
                <Link to={vendorListHref(s.filter)}>{s.name}</Link>
                {s.outsidePerimeter && <span className="muted small"> · outside our perimeter</span>}
              </th>
              <td className="num">{s.vendors}</td>
              <td className="num" title={s.records.toLocaleString('en')}>
                {formatCompact(s.records)}
              </td>
              <td className="num">{formatShare(s.recordShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data-table">
        <caption className="visually-hidden">
          Per data class: vendors and records, and how many of them sit outside our perimeter. A vendor
          holding several classes counts in each.
        </caption>
        <FigureTableHead
          rows="Data class"
          figures={['Vendors', 'Outside: vendors', 'Outside: records', 'Share outside']}
        />
        <tbody>
          {dataClassBars(d).map((c) => (
            <tr key={c.dataClass}>
              <th scope="row">
                <Link to={vendorListHref(c.filter)}>{DATA_CLASS_LABELS[c.dataClass]}</Link>
              </th>
              <td className="num">{c.vendors}</td>
              <td className="num">
                {c.outsideVendors === 0 ? (
                  '0'
                ) : (
                  <Link
                    to={vendorListHref(c.outsideFilter)}
                    aria-label={`${plural(c.outsideVendors, 'vendor')} holding ${DATA_CLASS_LABELS[c.dataClass]} outside our perimeter`}
                  >
                    {c.outsideVendors}
                  </Link>
                )}
              </td>
              <td className="num">{formatCompact(c.outsideRecords)}</td>
              <td className="num">{formatShare(c.outsideRecordShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

/** 5. The Maxis question: how much of our data sits in vendors' own environments, beyond our monitoring? */
export function ExposureCard() {
  const result = useExposure()
  return (
    <ChartCard
      measure="Exposure outside our perimeter"
      result={result}
      finding={exposureFinding}
      isEmpty={(d) => d.vendors === 0}
      empty={<NoVendorsYet what="Where our data sits" />}
      chartHeight={(d) => EXPOSURE_RING_HEIGHT + exposureBarsHeight(dataClassBars(d).length)}
      reserve={CARD_RESERVE.exposure}
      chart={(d) => (
        <ExposureChart
          slices={locationSlices(d)}
          classes={dataClassBars(d)}
          measure={d.records > 0 ? 'records' : 'vendors'}
          outsideShare={d.records > 0 ? d.outsidePerimeter.recordShare : d.outsidePerimeter.vendorShare}
          locationLabel={labels(d).location}
          classLabel={labels(d).dataClass}
        />
      )}
      table={(d) => <ExposureTables d={d} />}
      legend={(d) => (
        <>
          <ChartLegend
            label="Where our data sits; each opens its vendors"
            items={locationSlices(d).map((s) => ({
              key: s.dataLocation,
              label: s.name,
              color: LOCATION_COLOR[s.dataLocation],
              detail: `${s.vendors} · ${formatCompact(s.records)}`,
              description: s.description,
              filter: s.filter,
            }))}
          />
          <ChartLegend
            label="Data class bars"
            items={[
              { key: 'outside', label: 'Records outside our perimeter', color: SERIES.vermillion },
              { key: 'inside', label: 'Inside, or no data held', color: SERIES.blue },
            ]}
          />
        </>
      )}
    />
  )
}
