/**
 * Rounds a list of contributions to tenths so that they add up exactly to a rounded total
 * (largest-remainder method; ties go to the earlier item, so the result is deterministic).
 * Written without sorting or per-item objects: it runs once per explained score, 100,000 times in a bulk export.
 */
export function apportionTenths(values: readonly number[], total: number): number[] {
  const n = values.length
  const result = new Array<number>(n)
  const rests: number[] = new Array<number>(n)
  let sum = 0
  for (let i = 0; i < n; i++) {
    const scaled = values[i]! * 10
    const floor = Math.floor(scaled + 1e-9)
    result[i] = floor
    rests[i] = scaled - floor
    sum += floor
  }
  let missing = Math.round(total * 10) - sum
  // Hand out the missing tenths one at a time to the largest remainders (or take back from the smallest).
  let handed = 0
  while (missing !== 0 && n > 0) {
    const up = missing > 0
    let pick = 0
    for (let i = 1; i < n; i++) {
      if (up ? rests[i]! > rests[pick]! : rests[i]! < rests[pick]!) pick = i
    }
    result[pick]! += up ? 1 : -1
    rests[pick] = up ? -Infinity : Infinity
    missing += up ? -1 : 1
    // Only when every item already moved once (a total off by n tenths) does a second round start.
    if (++handed % n === 0) rests.fill(0)
  }
  for (let i = 0; i < n; i++) result[i] = result[i]! / 10
  return result
}
