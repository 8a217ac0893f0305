/** The factor breakdown as a bar chart (recharts, loaded on demand by the profile page). */
import { Bar, BarChart, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatPoints, type ScoreFactorDto } from '../../../domain'

export default function FactorChart({ factors }: { factors: ScoreFactorDto[] }) {
  const data = factors
    .filter((f) => f.points !== 0)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .map((f) => ({ label: f.label, points: f.points }))
  return (
    <div
      className="factor-chart"
      role="img"
      aria-label="Bar chart of each factor's points; the lists below give the same numbers as text"
    >
      <ResponsiveContainer width="100%" height={Math.max(120, data.length * 28 + 30)}>
        <BarChart
          accessibilityLayer={false}
          data={data}
          layout="vertical"
          margin={{ left: 8, right: 24, top: 4, bottom: 4 }}
        >
          <XAxis type="number" stroke="var(--text-muted)" fontSize={12} />
          <YAxis type="category" dataKey="label" width={170} stroke="var(--text-muted)" fontSize={12} />
          <ReferenceLine x={0} stroke="var(--border)" />
          <Tooltip
            formatter={(value) => formatPoints(Number(value))}
            contentStyle={{
              background: 'var(--surface)',
              border: '1px solid var(--border)',
              color: 'var(--text)',
            }}
          />
          <Bar dataKey="points" isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.label} fill={d.points < 0 ? 'var(--bar-lowers)' : 'var(--bar)'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
