import { forwardRef } from 'react'
import {
  DATA_CLASS_LABELS,
  DATA_LOCATION_LABELS,
  DATA_LOCATIONS,
  NETWORK_ACCESS_LABELS,
  NETWORK_ACCESS_LEVELS,
  TIERS,
  VENDOR_STATUS_LABELS,
  type VendorFilter,
} from '../../../domain'

interface VendorFiltersProps {
  filter: VendorFilter
  categories: readonly string[]
  onChange: (filter: VendorFilter) => void
}

const toggle = <T,>(list: readonly T[] | undefined, value: T) => {
  const next = list?.includes(value) ? list.filter((v) => v !== value) : [...(list ?? []), value]
  return next.length > 0 ? next : undefined
}

/** "40 to under 70", "65 and above", "under 25": lower bounds are inclusive, upper bounds exclusive. */
function describeRange(min: number | undefined, max: number | undefined): string | null {
  if (min !== undefined && max !== undefined) return `${min} to under ${max}`
  if (min !== undefined) return `${min} and above`
  if (max !== undefined) return `under ${max}`
  return null
}

interface ActiveFilter {
  key: string
  label: string
  value: string
  clear: Partial<VendorFilter>
}

/**
 * Filters that arrive in links (from the dashboard's charts) and have no control of their own here: each shows as
 * a chip the user can read and clear.
 */
function linkedFilters(filter: VendorFilter): ActiveFilter[] {
  const active: ActiveFilter[] = []
  if (filter.status?.length) {
    active.push({
      key: 'status',
      label: 'Status',
      value: filter.status.map((v) => VENDOR_STATUS_LABELS[v]).join(' or '),
      clear: { status: undefined },
    })
  }
  const exposure = describeRange(filter.exposureMin, filter.exposureMax)
  if (exposure) {
    active.push({
      key: 'exposure',
      label: 'Exposure',
      value: exposure,
      clear: { exposureMin: undefined, exposureMax: undefined },
    })
  }
  const likelihood = describeRange(filter.likelihoodMin, filter.likelihoodMax)
  if (likelihood) {
    active.push({
      key: 'likelihood',
      label: 'Likelihood',
      value: likelihood,
      clear: { likelihoodMin: undefined, likelihoodMax: undefined },
    })
  }
  if (filter.dataClass?.length) {
    active.push({
      key: 'dataClass',
      label: 'Holds',
      value: filter.dataClass.map((c) => DATA_CLASS_LABELS[c]).join(' or '),
      clear: { dataClass: undefined },
    })
  }
  if (filter.fourthParty) {
    active.push({
      key: 'fourthParty',
      label: 'Sub-processor',
      value: filter.fourthParty,
      clear: { fourthParty: undefined },
    })
  }
  return active
}

/** Search and filters of the inventory; every change goes to the URL through `onChange`. */
export const VendorFilters = forwardRef<HTMLInputElement, VendorFiltersProps>(function VendorFilters(
  { filter, categories, onChange },
  searchRef,
) {
  const set = (patch: Partial<VendorFilter>) => onChange({ ...filter, ...patch })
  const flag = (value: string) => (value === '' ? undefined : value === '1')
  const linked = linkedFilters(filter)
  return (
    <div className="filters" role="search" aria-label="Filter vendors">
      <label className="search">
        <span className="visually-hidden">Search vendors</span>
        <input
          ref={searchRef}
          type="search"
          placeholder="Search name, category, owner  ( / )"
          // The server's limit for a search (VendorListQuery).
          maxLength={200}
          value={filter.q ?? ''}
          onChange={(e) => set({ q: e.target.value || undefined })}
        />
      </label>
      <div className="tier-toggles" role="group" aria-label="Tier">
        {TIERS.map((tier) => (
          <button
            key={tier}
            type="button"
            className={`tier-toggle tier-${tier}`}
            aria-pressed={filter.tier?.includes(tier) ?? false}
            onClick={() => set({ tier: toggle(filter.tier, tier) })}
          >
            {tier[0]!.toUpperCase() + tier.slice(1)}
          </button>
        ))}
      </div>
      <label>
        <span className="filter-label">Category</span>
        <select
          value={filter.category ?? ''}
          onChange={(e) => set({ category: e.target.value || undefined })}
        >
          <option value="">All</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="filter-label">Our data</span>
        <select
          value={filter.dataLocation?.[0] ?? ''}
          onChange={(e) =>
            set({
              dataLocation: e.target.value ? [e.target.value as (typeof DATA_LOCATIONS)[number]] : undefined,
            })
          }
        >
          <option value="">Anywhere</option>
          {DATA_LOCATIONS.map((l) => (
            <option key={l} value={l}>
              {DATA_LOCATION_LABELS[l]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="filter-label">Network access</span>
        <select
          value={filter.networkAccess?.[0] ?? ''}
          onChange={(e) =>
            set({
              networkAccess: e.target.value
                ? [e.target.value as (typeof NETWORK_ACCESS_LEVELS)[number]]
                : undefined,
            })
          }
        >
          <option value="">Any</option>
          {NETWORK_ACCESS_LEVELS.map((l) => (
            <option key={l} value={l}>
              {NETWORK_ACCESS_LABELS[l]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="filter-label">Open incident</span>
        <select
          value={filter.openIncident === undefined ? '' : filter.openIncident ? '1' : '0'}
          onChange={(e) => set({ openIncident: flag(e.target.value) })}
        >
          <option value="">Either</option>
          <option value="1">Has one</option>
          <option value="0">None</option>
        </select>
      </label>
      <label>
        <span className="filter-label">Review</span>
        <select
          value={filter.reviewOverdue === undefined ? '' : filter.reviewOverdue ? '1' : '0'}
          onChange={(e) => set({ reviewOverdue: flag(e.target.value) })}
        >
          <option value="">Any</option>
          <option value="1">Overdue</option>
          <option value="0">Up to date</option>
        </select>
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={filter.outsidePerimeter === true}
          onChange={(e) => set({ outsidePerimeter: e.target.checked ? true : undefined })}
        />
        Only data outside our perimeter
      </label>
      {linked.length > 0 && (
        <ul className="filter-chips" aria-label="Filters from a link">
          {linked.map((f) => (
            <li key={f.key} className="filter-chip">
              <span>
                {f.label}: <span className="num">{f.value}</span>
              </span>
              <button
                type="button"
                className="filter-chip-clear"
                aria-label={`Clear ${f.label.toLowerCase()} filter (${f.value})`}
                onClick={() => set(f.clear)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
})
