/** Formats for the interface only (dates in the reader's locale); reproducible formats live in domain/format. */
import { daysBetween } from '../domain'

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' })
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(`${iso}T00:00:00Z`))
}

/** "in 3 months", "2 years ago", relative to `asOf`. */
export function formatRelative(iso: string, asOf: string): string {
  const days = daysBetween(asOf, iso)
  const abs = Math.abs(days)
  if (abs < 45) return relative.format(days, 'day')
  if (abs < 548) return relative.format(Math.round(days / 30.44), 'month')
  return relative.format(Math.round(days / 365.25), 'year')
}

const byteUnits = [
  {
    size: 1024 * 1024,
    format: new Intl.NumberFormat(undefined, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }),
  },
  {
    size: 1024,
    format: new Intl.NumberFormat(undefined, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }),
  },
  {
    size: 1,
    format: new Intl.NumberFormat(undefined, { style: 'unit', unit: 'byte', maximumFractionDigits: 0 }),
  },
]

/** 3_500_000 → "3.3 MB": binary multiples, as the server's upload limit (20 MB = 20 × 1024 × 1024 bytes) is. */
export function formatBytes(bytes: number): string {
  const unit = byteUnits.find((u) => bytes >= u.size) ?? byteUnits[byteUnits.length - 1]!
  return unit.format.format(bytes / unit.size)
}
