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
