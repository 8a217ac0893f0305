import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson, GENESIS_HASH, hashEntry, verifyChain, type AuditEntry } from './hash-chain'

/** canonicalJson as first written: every hash in existing logs was made with it, so it stays the reference. */
function referenceCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : referenceCanonicalJson(v))).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${referenceCanonicalJson(v)}`).join(',')}}`
}

function chain(n: number): AuditEntry[] {
  const entries: AuditEntry[] = []
  let prev = GENESIS_HASH
  for (let seq = 1; seq <= n; seq++) {
    const content = {
      seq,
      at: `2026-11-26T10:00:0${seq % 10}.000Z`,
      actor: 'procurement',
      action: 'vendor.update',
      entityType: 'vendor',
      entityId: `ven-${seq}`,
      before: { records: seq },
      after: { records: seq + 1, nested: { b: 1, a: [1, { z: 2, y: 1 }] } },
    }
    const hash = hashEntry(content, prev)
    entries.push({ ...content, prevHash: prev, hash })
    prev = hash
  }
  return entries
}

describe('the audit hash chain', () => {
  it('verifies an intact chain and reports its head', () => {
    const entries = chain(5)
    expect(verifyChain(entries)).toEqual({ ok: true, entries: 5, head: entries[4]!.hash })
    expect(verifyChain([])).toEqual({ ok: true, entries: 0, head: GENESIS_HASH })
  })

  it('finds a changed entry, by its hash', () => {
    const entries = chain(5)
    entries[2] = { ...entries[2]!, after: { records: 999 } }
    expect(verifyChain(entries)).toMatchObject({
      ok: false,
      brokenAt: 3,
      entries: 2,
      reason: expect.stringMatching(/content/),
    })
  })

  it('finds a removed entry, and an entry whose hash was recomputed without relinking the next one', () => {
    const removed = chain(5).filter((e) => e.seq !== 2)
    expect(verifyChain(removed)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: expect.stringMatching(/missing/),
    })

    const entries = chain(5)
    const forged = { ...entries[1]!, actor: 'mallory' }
    entries[1] = { ...forged, hash: hashEntry(forged, forged.prevHash) }
    expect(verifyChain(entries)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: expect.stringMatching(/link/),
    })
  })

  it('hashes content independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}')
    const [entry] = chain(1)
    const reordered = Object.fromEntries(Object.entries(entry!).reverse()) as unknown as AuditEntry
    expect(hashEntry(reordered, GENESIS_HASH)).toBe(entry!.hash)
  })

  it('writes exactly what the first canonical JSON wrote, for any value, so stored hashes still verify', () => {
    fc.assert(
      fc.property(
        fc.anything({
          maxDepth: 4,
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withObjectString: true,
          withSparseArray: true,
          withTypedArray: true,
          withUnicodeString: true,
        }),
        (value) => {
          expect(canonicalJson(value)).toBe(referenceCanonicalJson(value))
        },
      ),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())), (value) => {
        expect(canonicalJson(value)).toBe(referenceCanonicalJson(value))
      }),
      { numRuns: 300 },
    )
  })
})
