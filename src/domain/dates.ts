/** Calendar arithmetic on ISO dates (`YYYY-MM-DD`), always in UTC so a score never depends on the machine's zone. */

const DAY_MS = 86_400_000

export function isoDateToDayNumber(iso: string): number {
  const ms = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`)
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO date: ${iso}`)
  return Math.floor(ms / DAY_MS)
}

export function dayNumberToIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return isoDateToDayNumber(to) - isoDateToDayNumber(from)
}

export function addDays(iso: string, days: number): string {
  return dayNumberToIsoDate(isoDateToDayNumber(iso) + days)
}

/** Today's date in UTC, for callers at the edge (UI, server); the domain itself always takes `asOf`. */
export function todayIsoDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}

/** "today", "12 days ago", "5 months ago", "2 years ago" — deterministic for a given pair of dates. */
export function describeAge(days: number): string {
  if (days <= 0) return 'today'
  if (days === 1) return '1 day ago'
  if (days < 60) return `${days} days ago`
  if (days < 730) return `${Math.round(days / 30.44)} months ago`
  return `${Math.floor(days / 365.25)} years ago`
}
