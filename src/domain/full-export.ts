/**
 * The full JSON export, written piece by piece so 50,000 vendors stream to a file: the same register always
 * gives the same bytes (keys sorted at every level, one vendor per line), whichever server wrote it and in
 * whatever key order its documents were stored. That is what makes a round trip through a restore checkable.
 */
import { MODEL_VERSION, type ScoringWeights } from './scoring/model'
import type { VendorScore } from './scoring/score-vendor'
import {
  FULL_EXPORT_FORMAT,
  FULL_EXPORT_VERSION,
  type FullExportVendor,
  type StoredRiskAcceptance,
} from './schemas/export'
import type { Vendor } from './schemas/vendor'
import { topFactorText } from './register'

/** JSON with object keys sorted at every level and `undefined` members left out. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : stableJson(v))).join(',')}]`
  const keys = Object.keys(value).sort()
  let out = ''
  for (const key of keys) {
    const member = (value as Record<string, unknown>)[key]
    if (member === undefined) continue
    out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${stableJson(member)}`
  }
  return `{${out}}`
}

export function fullExportEntry(
  vendor: Vendor,
  score: VendorScore,
  riskAcceptance: StoredRiskAcceptance | null,
): FullExportVendor {
  return {
    vendor,
    riskAcceptance,
    score: {
      score: score.score,
      tier: score.tier,
      exposure: score.exposure,
      likelihood: score.likelihood,
      topFactors: topFactorText(score.factors),
    },
  }
}

/** Everything before the first vendor. `vendors` sorts last among the keys, so the document stays key-sorted. */
export function fullExportHead(asOf: string, weights: ScoringWeights, vendorCount: number): string {
  const head = stableJson({
    asOf,
    format: FULL_EXPORT_FORMAT,
    formatVersion: FULL_EXPORT_VERSION,
    scoringModel: { modelVersion: MODEL_VERSION, weights },
    vendorCount,
  })
  return `${head.slice(0, -1)},"vendors":[\n`
}

/** One vendor's line; `first` leaves out the separating comma. */
export function fullExportLine(entry: FullExportVendor, first: boolean): string {
  return `${first ? '' : ',\n'}${stableJson(entry)}`
}

export const FULL_EXPORT_TAIL = '\n]}\n'

/** The whole document as one string, for small registers (the offline demo) and tests. */
export function fullExportText(asOf: string, weights: ScoringWeights, entries: readonly FullExportVendor[]) {
  return (
    fullExportHead(asOf, weights, entries.length) +
    entries.map((e, i) => fullExportLine(e, i === 0)).join('') +
    FULL_EXPORT_TAIL
  )
}
