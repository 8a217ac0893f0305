import { useRef, type KeyboardEvent } from 'react'
import { RelativeDate } from '../../../components/relative-date'
import { TierBadge } from '../../../components/tier-badge'
import { formatCompact, type VendorSummary } from '../../../domain'

interface VendorTableProps {
  vendors: readonly VendorSummary[]
  asOf: string
  selectedId: string | null
  onSelect: (id: string) => void
}

/** The vendor inventory; arrow keys move between vendors, Enter or a click opens one. */
export function VendorTable({ vendors, asOf, selectedId, onSelect }: VendorTableProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null)

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const buttons = [...(bodyRef.current?.querySelectorAll<HTMLButtonElement>('button.row-open') ?? [])]
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const next =
      buttons[Math.min(buttons.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))]
    if (next) {
      event.preventDefault()
      next.focus()
    }
  }

  return (
    <table className="vendor-table">
      <caption className="visually-hidden">Vendors by risk score, highest first</caption>
      <thead>
        <tr>
          <th scope="col">Vendor</th>
          <th scope="col">Tier</th>
          <th scope="col" className="num">
            Score
          </th>
          <th scope="col" className="num">
            Exposure
          </th>
          <th scope="col" className="num">
            Likelihood
          </th>
          <th scope="col">Our data</th>
          <th scope="col">Last incident</th>
          <th scope="col">Next review</th>
          <th scope="col">Category</th>
          <th scope="col">Owner</th>
        </tr>
      </thead>
      <tbody ref={bodyRef} onKeyDown={onKeyDown}>
        {vendors.map((v) => (
          <tr
            key={v.id}
            aria-selected={v.id === selectedId}
            className={v.id === selectedId ? 'selected' : undefined}
          >
            <th scope="row">
              <button type="button" className="row-open" onClick={() => onSelect(v.id)}>
                {v.name}
              </button>
              {v.status !== 'active' && <span className="muted"> · {v.status}</span>}
            </th>
            <td>
              <TierBadge tier={v.tier} />
            </td>
            <td className="num">{v.score.toFixed(1)}</td>
            <td className="num">{v.exposure.toFixed(1)}</td>
            <td className="num">{v.likelihood.toFixed(1)}</td>
            <td>
              {v.outsidePerimeter ? (
                <span className="perimeter-flag" title="Our data lives in the vendor's own environment">
                  Outside perimeter
                </span>
              ) : v.dataLocation === 'our_environment' ? (
                'Our environment'
              ) : (
                <span className="muted">None held</span>
              )}
              {v.records > 0 && <span className="muted"> · {formatCompact(v.records)} records</span>}
            </td>
            <td>
              {v.lastIncidentAt ? (
                <RelativeDate iso={v.lastIncidentAt} asOf={asOf} />
              ) : (
                <span className="muted">None</span>
              )}
              {v.openIncidents > 0 && <span className="open-flag"> · {v.openIncidents} open</span>}
            </td>
            <td>
              {v.nextReviewDue === null ? (
                <span className="overdue">Never assessed</span>
              ) : (
                <span className={v.reviewOverdue ? 'overdue' : undefined}>
                  <RelativeDate iso={v.nextReviewDue} asOf={asOf} />
                  {v.reviewOverdue && ' · overdue'}
                </span>
              )}
            </td>
            <td className="truncate" title={v.category}>
              {v.category}
            </td>
            <td className="truncate" title={v.owner}>
              {v.owner}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
