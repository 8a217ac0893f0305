/** What-if: a vendor with a partial change applied, and how its score would move, factor by factor. */
import { z } from 'zod'
import type { ScoringWeights } from './scoring/model'
import { scoreVendor, type VendorScore } from './scoring/score-vendor'
import { VendorScoreSchema, type VendorPatch } from './schemas/api'
import type { Vendor } from './schemas/vendor'

/** `base` with `patch` over it, where a null in the patch removes the field. */
export function mergePatch(patch: Record<string, unknown>, base: object): Record<string, unknown> {
  const next: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key]
    else next[key] = value
  }
  return next
}

/**
 * The vendor with `patch` applied: top-level fields replace, `access` and `controls` merge field by field, null
 * removes an optional field, `incidents` (previews only) replaces the list. The result is unvalidated: callers
 * parse it with the `Vendor` schema.
 */
export function applyVendorPatch(vendor: Vendor, patch: VendorPatch & { incidents?: unknown }): unknown {
  const { access, controls, incidents, ...top } = patch
  return {
    ...mergePatch(top, vendor),
    access: access ? mergePatch(access, vendor.access) : vendor.access,
    controls: controls ? mergePatch(controls, vendor.controls) : vendor.controls,
    id: vendor.id,
    incidents: incidents ?? vendor.incidents,
  }
}

export const ScorePreviewResponse = z.object({
  current: VendorScoreSchema,
  preview: VendorScoreSchema,
  delta: z.number(),
  tierChanged: z.boolean(),
  factors: z.array(
    z.object({ id: z.string(), label: z.string(), before: z.number(), after: z.number(), delta: z.number() }),
  ),
})
export type ScorePreviewResponse = z.infer<typeof ScorePreviewResponse>

const tenth = (x: number) => Math.round(x * 10) / 10

/** Both scores and the difference of every factor present in either. */
export function compareScores(current: VendorScore, preview: VendorScore): ScorePreviewResponse {
  const before = new Map(current.factors.map((f) => [f.id, f]))
  const after = new Map(preview.factors.map((f) => [f.id, f]))
  const ids = [...new Set([...before.keys(), ...after.keys()])]
  return {
    current,
    preview,
    delta: tenth(preview.score - current.score),
    tierChanged: preview.tier !== current.tier,
    factors: ids.map((id) => {
      const b = before.get(id)
      const a = after.get(id)
      return {
        id,
        label: (a ?? b)!.label,
        before: b?.points ?? 0,
        after: a?.points ?? 0,
        delta: tenth((a?.points ?? 0) - (b?.points ?? 0)),
      }
    }),
  }
}

export function previewScore(
  vendor: Vendor,
  candidate: Vendor,
  options: { asOf: string; weights?: ScoringWeights },
): ScorePreviewResponse {
  return compareScores(scoreVendor(vendor, options), scoreVendor(candidate, options))
}
