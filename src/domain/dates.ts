/** Calendar arithmetic on ISO dates (`YYYY-MM-DD`), always in UTC so a score never depends on the machine's zone. */

const DAY_MS = 86_400_000

/**
 * Days since 1970-01-01 for `YYYY-MM-DD` (a longer ISO timestamp is cut to its date). Parsed by hand because the
 * scoring engine calls this for every incident of every vendor and Date.parse is several times slower.
 */
export function isoDateToDayNumber(iso: string): number {
  const y = digits(iso, 0, 4)
  const m = digits(iso, 5, 7)
  const d = digits(iso, 8, 10)
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) {
    throw new RangeError(`Not an ISO date: ${iso}`)
  }
  // Days from the civil calendar (H. Hinnant's algorithm), exact for the proleptic Gregorian calendar.
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

function digits(s: string, from: number, to: number): number {
  if (s.length < 10) return -1
  let n = 0
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    n = n * 10 + c
  }
  return n
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
