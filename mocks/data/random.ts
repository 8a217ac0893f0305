/**
 * A small seeded pseudo-random generator for demo data and tests. Math.random() cannot be seeded, and demo
 * data must come out the same on every machine and every run so that screenshots, tests and benchmarks agree.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number
  /** One item, each equally likely. */
  pick<T>(items: readonly T[]): T
  /** One value, each as likely as its weight says; weights need not add up to anything in particular. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T
  /** True with the given probability. */
  chance(probability: number): boolean
  /** Up to `count` distinct items (by position) in random order; fewer when the list is shorter. */
  sample<T>(items: readonly T[], count: number): T[]
  /**
   * An integer in [min, max] whose logarithm is uniform. Record counts span orders of magnitude, and a plain
   * uniform draw between 100 and 10^7 would almost never give a small vendor.
   */
  logUniform(min: number, max: number): number
}

const TWO_POW_32 = 4_294_967_296

/** mulberry32: 32 bits of state, fast, and good enough for synthetic data (not for anything secret). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / TWO_POW_32
  }
}

function assertIntegerRange(min: number, max: number, what: string): void {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
    throw new RangeError(`${what} needs whole numbers with min <= max, got ${min} and ${max}`)
  }
}

export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`A seed must be a whole number, got ${seed}`)
  const next = mulberry32(seed)

  const int = (min: number, max: number): number => {
    assertIntegerRange(min, max, 'int()')
    return min + Math.floor(next() * (max - min + 1))
  }

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list')
    return items[Math.floor(next() * items.length)]!
  }

  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    let total = 0
    for (let i = 0; i < entries.length; i++) {
      const weight = entries[i]![1]
      if (!(weight >= 0) || weight === Infinity) throw new RangeError(`Weights must be >= 0, got ${weight}`)
      total += weight
    }
    if (total <= 0) throw new RangeError('At least one weight must be above 0')
    let target = next() * total
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!
      if (target < entry[1]) return entry[0]
      target -= entry[1]
    }
    // Floating-point rounding can leave `target` a hair above the last weight; the last positive entry wins.
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i]![1] > 0) return entries[i]![0]
    throw new RangeError('unreachable')
  }

  const chance = (probability: number): boolean => next() < probability

  const sample = <T>(items: readonly T[], count: number): T[] => {
    if (!Number.isSafeInteger(count) || count < 0)
      throw new RangeError(`sample() needs a count >= 0, got ${count}`)
    const n = items.length
    const k = Math.min(count, n)
    if (k * 4 <= n) {
      // A few from a long list: redraw on a repeat rather than copy the whole list, which at 50,000 vendors
      // is most of the garbage this module makes.
      const chosen: number[] = []
      while (chosen.length < k) {
        const i = Math.floor(next() * n)
        if (!chosen.includes(i)) chosen.push(i)
      }
      return chosen.map((i) => items[i]!)
    }
    // Otherwise a partial Fisher–Yates: only the first k slots are shuffled.
    const pool = items.slice()
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(next() * (n - i))
      const picked = pool[j]!
      pool[j] = pool[i]!
      pool[i] = picked
    }
    pool.length = k
    return pool
  }

  const logUniform = (min: number, max: number): number => {
    assertIntegerRange(min, max, 'logUniform()')
    if (min < 1) throw new RangeError(`logUniform() needs min >= 1, got ${min}`)
    const low = Math.log(min)
    const value = Math.floor(Math.exp(low + next() * (Math.log(max + 1) - low)))
    return Math.min(max, Math.max(min, value))
  }

  return { next, int, pick, weighted, chance, sample, logUniform }
}
