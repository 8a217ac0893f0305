/** Number formats shared by score sentences, the SPA and exports, pinned to English so output is reproducible. */

const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 })
const UNITS = [
  { size: 1e12, suffix: 'T' },
  { size: 1e9, suffix: 'B' },
  { size: 1e6, suffix: 'M' },
  { size: 1e3, suffix: 'K' },
] as const

/**
 * 2100000 → "2.1M", 950 → "950": the output of Intl's English compact notation with one decimal, written by hand
 * because score sentences call it for every vendor and Intl costs a microsecond a call.
 */
export function formatCompact(value: number): string {
  const abs = Math.abs(value)
  const sign = value < 0 ? '-' : ''
  for (let u = 0; u < UNITS.length; u++) {
    const { size, suffix } = UNITS[u]!
    if (abs >= size) {
      const tenths = Math.round((abs / size) * 10)
      // 999,950 rounds to 1000.0K: say 1M, as Intl does.
      if (tenths >= 10_000 && u > 0) return `${sign}${trimTenths(tenths / 1000)}${UNITS[u - 1]!.suffix}`
      return `${sign}${trimTenths(tenths)}${suffix}`
    }
  }
  const tenths = Math.round(abs * 10)
  if (tenths >= 10_000) return `${sign}1K`
  return `${sign}${trimTenths(tenths)}`
}

function trimTenths(tenths: number): string {
  const intPart = Math.floor(tenths / 10)
  const frac = tenths % 10
  return frac === 0 ? String(intPart) : `${intPart}.${frac}`
}

/** 2100000 → "2,100,000". */
export function formatWhole(value: number): string {
  return Number.isInteger(value) && value >= 0 && value < 1000 ? String(value) : whole.format(value)
}

/** Signed points with one decimal and a real minus sign: "+18.2", "−3.1", "0.0". */
export function formatPoints(points: number): string {
  const tenths = Math.round(Math.abs(points) * 10)
  if (tenths === 0) return '0.0'
  const text = `${Math.floor(tenths / 10)}.${tenths % 10}`
  return points > 0 ? `+${text}` : `\u2212${text}`
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatWhole(count)} ${count === 1 ? singular : pluralForm}`
}
