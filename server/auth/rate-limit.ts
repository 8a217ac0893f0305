/** A fixed-window counter of failed sign-ins per key (username and client address), kept in memory. */
export interface RateLimiter {
  /** Seconds to wait when the key is blocked, else 0. */
  blockedFor(key: string): number
  fail(key: string): void
  succeed(key: string): void
}

export function createRateLimiter({
  max = 5,
  windowMs = 15 * 60_000,
  now = () => Date.now(),
} = {}): RateLimiter {
  const failures = new Map<string, { count: number; resetAt: number }>()
  const current = (key: string) => {
    const entry = failures.get(key)
    if (entry && entry.resetAt <= now()) {
      failures.delete(key)
      return undefined
    }
    return entry
  }
  return {
    blockedFor: (key) => {
      const entry = current(key)
      return entry && entry.count >= max ? Math.ceil((entry.resetAt - now()) / 1000) : 0
    },
    fail: (key) => {
      const entry = current(key)
      if (entry) entry.count += 1
      else failures.set(key, { count: 1, resetAt: now() + windowMs })
      // Bound memory under a flood of distinct keys.
      if (failures.size > 10_000) failures.delete(failures.keys().next().value!)
    },
    succeed: (key) => void failures.delete(key),
  }
}
