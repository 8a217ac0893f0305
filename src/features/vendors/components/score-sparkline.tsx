/** The score over time, one point per recorded snapshot (recharts, loaded on demand). */
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

interface Point {
  asOf: string
  score: number
  reason: string
}

export default function ScoreSparkline({ items }: { items: Point[] }) {
  const first = items[0]!
  const last = items[items.length - 1]!
  return (
    <figure className="sparkline">
      {/* The caption states the change in words; the line is decoration for sighted readers. */}
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={90}>
          <LineChart
            accessibilityLayer={false}
            data={items}
            margin={{ top: 6, right: 6, bottom: 0, left: 0 }}
          >
            <XAxis dataKey="asOf" hide />
            <YAxis domain={[0, 100]} hide />
            <Tooltip
              formatter={(value) => Number(value).toFixed(1)}
              contentStyle={{
                background: 'var(--surface)',
                border: '1px solid var(--border)',
                color: 'var(--text)',
              }}
            />
            <Line
              type="stepAfter"
              dataKey="score"
              stroke="var(--bar)"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="muted small">
        {first.score.toFixed(1)} on {first.asOf} → {last.score.toFixed(1)} on {last.asOf} ({items.length}{' '}
        snapshots)
      </figcaption>
    </figure>
  )
}
