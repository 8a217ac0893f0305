import { ProblemMessage } from '../../../components/problem-message'
import { Link } from 'react-router'
import { useVendor } from '../api/get-vendor'
import { FactorList } from './factor-list'
import { ScoreSummary } from './score-summary'

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
        <ScoreSummary score={score} />
        <p className="muted small">
          Score = √(exposure × likelihood), as of {score.asOf}, model {score.modelVersion}. Points below add
          up to the score.
        </p>
        <p>
          <Link to={`/vendors/${encodeURIComponent(vendor.id)}`}>Open the full profile</Link>
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
