/**
 * What would change the score: pick changes to access scope, controls or incidents and see the new score and each
 * factor's difference from the preview endpoint, before anything is saved. Suggests the three changes that would
 * lower the score most.
 */
import { useMemo, useState } from 'react'
import { ProblemMessage } from '../../../components/problem-message'
import { TierBadge } from '../../../components/tier-badge'
import { formatPoints, type Vendor } from '../../../domain'
import { useScorePreview, useScorePreviews, type PreviewPatch } from '../api/preview-score'

interface Change {
  id: string
  label: string
  patch: PreviewPatch
}

/** The changes that apply to this vendor: each one a realistic remediation procurement could negotiate. */
function candidateChanges(vendor: Vendor, asOf: string): Change[] {
  const { access, controls, incidents } = vendor
  const changes: Change[] = []
  if (access.dataLocation === 'vendor_environment' || access.dataLocation === 'both') {
    changes.push({
      id: 'location',
      label: 'Move their data into our environment',
      patch: { access: { dataLocation: 'our_environment' } },
    })
  }
  if (access.networkAccess === 'remote' || access.networkAccess === 'privileged') {
    changes.push({
      id: 'network',
      label: 'Reduce their network access to APIs only',
      patch: { access: { networkAccess: 'api' } },
    })
  }
  if (!controls.mfa) changes.push({ id: 'mfa', label: 'Enforce MFA', patch: { controls: { mfa: true } } })
  if (!controls.encryptionAtRest) {
    changes.push({
      id: 'encryption',
      label: 'Encrypt our data at rest',
      patch: { controls: { encryptionAtRest: true } },
    })
  }
  if (controls.lastAssessedAt === undefined || controls.lastAssessedAt < asOf) {
    changes.push({
      id: 'assess',
      label: 'Complete a security assessment today',
      patch: { controls: { lastAssessedAt: asOf } },
    })
  }
  if (!controls.certifications.includes('soc2_type2')) {
    changes.push({
      id: 'soc2',
      label: 'Obtain a SOC 2 Type II report',
      patch: { controls: { certifications: [...controls.certifications, 'soc2_type2'] } },
    })
  }
  if (incidents.some((i) => i.status === 'open')) {
    changes.push({
      id: 'resolve',
      label: 'Resolve the open incidents',
      patch: { incidents: incidents.map((i) => (i.status === 'open' ? { ...i, status: 'resolved' } : i)) },
    })
  }
  return changes
}

/** Several changes at once: access and controls merge field by field; the last incidents list wins. */
function combine(changes: Change[]): PreviewPatch {
  const patch: PreviewPatch = {}
  for (const { patch: p } of changes) {
    if (p.access) patch.access = { ...patch.access, ...p.access }
    if (p.controls) patch.controls = { ...patch.controls, ...p.controls }
    if (p.incidents) patch.incidents = p.incidents
  }
  return patch
}

export function WhatIfPanel({ vendor, asOf }: { vendor: Vendor; asOf: string }) {
  const changes = useMemo(() => candidateChanges(vendor, asOf), [vendor, asOf])
  const [chosen, setChosen] = useState<string[]>([])
  const selected = changes.filter((c) => chosen.includes(c.id))
  const patch = useMemo(() => combine(selected), [selected])
  const preview = useScorePreview(vendor.id, patch, selected.length > 0)
  const singles = useScorePreviews(
    vendor.id,
    changes.map((c) => c.patch),
  )
  const suggestions = changes
    .map((change, i) => ({ change, delta: singles[i]?.data?.delta }))
    .filter((s): s is { change: Change; delta: number } => s.delta !== undefined && s.delta < 0)
    .sort((a, b) => a.delta - b.delta)
    .slice(0, 3)

  const toggle = (id: string) =>
    setChosen((now) => (now.includes(id) ? now.filter((x) => x !== id) : [...now, id]))

  if (changes.length === 0) {
    return (
      <p className="muted">
        This vendor already has every control we model; no change on offer would lower it.
      </p>
    )
  }
  return (
    <div className="what-if">
      {suggestions.length > 0 && (
        <div>
          <h3>Changes that would lower the score most</h3>
          <ol className="suggestions">
            {suggestions.map(({ change, delta }) => (
              <li key={change.id}>
                <span>{change.label}</span> <strong className="num">{formatPoints(delta)}</strong>
              </li>
            ))}
          </ol>
        </div>
      )}
      <fieldset>
        <legend>Try changes (nothing is saved)</legend>
        {changes.map((c) => (
          <label key={c.id} className="toggle">
            <input type="checkbox" checked={chosen.includes(c.id)} onChange={() => toggle(c.id)} />
            {c.label}
          </label>
        ))}
      </fieldset>
      <div aria-live="polite">
        {selected.length === 0 ? (
          <p className="muted">Pick one or more changes to see the score they would give.</p>
        ) : preview.error ? (
          <ProblemMessage error={preview.error} onRetry={() => void preview.refetch()} />
        ) : !preview.data ? (
          <p className="muted">Scoring…</p>
        ) : (
          <div className="what-if-result">
            <p className="what-if-score">
              Score <span className="num">{preview.data.current.score.toFixed(1)}</span> →{' '}
              <strong className="num">{preview.data.preview.score.toFixed(1)}</strong> (
              <span className="num">{formatPoints(preview.data.delta)}</span>), tier{' '}
              <TierBadge tier={preview.data.current.tier} /> → <TierBadge tier={preview.data.preview.tier} />
            </p>
            <ul className="what-if-factors">
              {preview.data.factors
                .filter((f) => f.delta !== 0)
                .sort((a, b) => a.delta - b.delta)
                .map((f) => (
                  <li key={f.id}>
                    <span>{f.label}</span>{' '}
                    <span className="num">
                      {f.before.toFixed(1)} → {f.after.toFixed(1)} ({formatPoints(f.delta)})
                    </span>
                  </li>
                ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  )
}
