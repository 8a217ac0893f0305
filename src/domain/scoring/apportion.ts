/**
 * Rounds a list of contributions to tenths so that they add up exactly to a rounded total
 * (largest-remainder method; ties go to the earlier item, so the result is deterministic).
 */
export function apportionTenths(values: readonly number[], total: number): number[] {
  const target = Math.round(total * 10)
  const scaled = values.map((v) => v * 10)
  const floors = scaled.map((v) => Math.floor(v + 1e-9))
  let missing = target - floors.reduce((a, b) => a + b, 0)
  const order = scaled
    .map((v, i) => ({ i, rest: v - floors[i]! }))
    .sort((a, b) => (missing >= 0 ? b.rest - a.rest : a.rest - b.rest) || a.i - b.i)
  const result = [...floors]
  for (let k = 0; missing !== 0 && order.length > 0; k = (k + 1) % order.length) {
    const step = missing > 0 ? 1 : -1
    result[order[k]!.i]! += step
    missing -= step
  }
  return result.map((v) => v / 10)
}

export function roundTenth(value: number): number {
  return Math.round(value * 10) / 10
}
