import { formatPoints, type ScoreFactorDto } from '../../../domain'

/** Factors with their points, a bar for scale and the engine's sentence; also the chart's text alternative. */
export function FactorList({
  title,
  factors,
  total,
}: {
  title: string
  factors: ScoreFactorDto[]
  total: number
}) {
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
