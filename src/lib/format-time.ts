/**
 * Timestamps for the interface: the absolute time in UTC (what the audit log and the manifests record, so two
 * people comparing notes see the same figures) and a relative "3 minutes ago" for reading at a glance.
 */

const absolute = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
})
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

/** "26 Nov 2026, 09:24:28 UTC"; an unreadable timestamp is shown as it came. */
export function formatTimestamp(iso: string): string {
  const time = Date.parse(iso)
  return Number.isNaN(time) ? iso : `${absolute.format(time)} UTC`
}

const STEPS: [limit: number, unit: Intl.RelativeTimeFormatUnit, size: number][] = [
  [60, 'second', 1],
  [3600, 'minute', 60],
  [86_400, 'hour', 3600],
  [86_400 * 45, 'day', 86_400],
  [86_400 * 548, 'month', 86_400 * 30.44],
  [Infinity, 'year', 86_400 * 365.25],
]

/** "now", "5 minutes ago", "in 2 hours", "3 months ago": `iso` relative to `now`. */
export function formatTimeAgo(iso: string, now: number = Date.now()): string {
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return iso
  const seconds = Math.round((time - now) / 1000)
  const abs = Math.abs(seconds)
  const [, unit, size] = STEPS.find(([limit]) => abs < limit) ?? STEPS[STEPS.length - 1]!
  return relative.format(Math.round(seconds / size), unit)
}
