import { ProblemMessage } from '../../../components/problem-message'
import { TierBadge } from '../../../components/tier-badge'
import { formatPoints, type ScoreFactorDto } from '../../../domain'
import { useVendor } from '../api/get-vendor'

function FactorList({ title, factors, total }: { title: string; factors: ScoreFactorDto[]; total: number }) {
  const max = Math.max(...factors.map((f) => Math.abs(f.points)), 0.1)
  return (
    <section aria-label={title}>
      <h3>
        {title} <span className="muted num">{total.toFixed(1)} / 100</span>
      </h3>
      <ol className="factor-list">
        {factors.map((f) => (
          <li key={f.id} className={f.points < 0 ? 'factor lowers' : 'factor'}>
            <span className="factor-label">{f.label}</span>
            <span className="factor-points num">{formatPoints(f.points)}</span>
            <span className="factor-bar" aria-hidden="true">
              <span style={{ width: `${(Math.abs(f.points) / max) * 100}%` }} />
            </span>
            <span className="factor-detail">{f.detail}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}

/** Why a vendor scores as it does: every factor, its points and the engine's sentence. */
export function VendorScorePanel({ vendorId }: { vendorId: string }) {
  const { data, error, isPending, refetch } = useVendor(vendorId)
  if (isPending) return <div className="panel skeleton" aria-busy="true" aria-label="Loading vendor" />
  if (error) return <ProblemMessage error={error} onRetry={() => void refetch()} />
  const { vendor, score } = data
  const exposure = score.factors.filter((f) => f.group === 'exposure')
  const likelihood = score.factors.filter((f) => f.group === 'likelihood')
  return (
    <article className="panel" aria-labelledby="score-panel-title">
      <header className="panel-header">
        <h2 id="score-panel-title">{vendor.name}</h2>
        <p className="muted">
          {vendor.category} · owned by {vendor.owner}
        </p>
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
        <p className="muted small">
          Score = √(exposure × likelihood), as of {score.asOf}, model {score.modelVersion}. Points below add
          up to the score.
        </p>
      </header>
      <FactorList title="Exposure: what the vendor can reach" factors={exposure} total={score.exposure} />
      <FactorList
        title="Likelihood: how likely it is to fail us"
        factors={likelihood}
        total={score.likelihood}
      />
    </article>
  )
}
