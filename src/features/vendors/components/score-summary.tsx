import { TierBadge } from '../../../components/tier-badge'
import type { Tier } from '../../../domain'

/** Score, tier, exposure and likelihood side by side, as the score panel and the profile show them. */
export function ScoreSummary({
  score,
}: {
  score: { score: number; tier: Tier; exposure: number; likelihood: number }
}) {
  return (
    <dl className="score-summary">
      <div>
        <dt>Score</dt>
        <dd className="num big">{score.score.toFixed(1)}</dd>
      </div>
      <div>
        <dt>Tier</dt>
        <dd>
          <TierBadge tier={score.tier} />
        </dd>
      </div>
      <div>
        <dt>Exposure</dt>
        <dd className="num">{score.exposure.toFixed(1)}</dd>
      </div>
      <div>
        <dt>Likelihood</dt>
        <dd className="num">{score.likelihood.toFixed(1)}</dd>
      </div>
    </dl>
  )
}
