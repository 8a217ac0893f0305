/** Number formats shared by score sentences, the SPA and exports, pinned to English so output is reproducible. */

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })
const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 })

/** 2100000 → "2.1M", 950 → "950". */
export function formatCompact(value: number): string {
  return compact.format(value)
}

/** 2100000 → "2,100,000". */
export function formatWhole(value: number): string {
  return whole.format(value)
}

/** Signed points with one decimal and a real minus sign: "+18.2", "−3.1", "0.0". */
export function formatPoints(points: number): string {
  const abs = Math.abs(points).toFixed(1)
  if (points > 0) return `+${abs}`
  if (points < 0) return `\u2212${abs}`
  return '0.0'
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatWhole(count)} ${count === 1 ? singular : pluralForm}`
}
