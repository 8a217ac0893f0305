import type { Tier } from '../domain'

const LABELS: Record<Tier, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' }

/** A tier is always a word and a colour, never a colour alone. */
export function TierBadge({ tier }: { tier: Tier }) {
  return (
    <span className={`tier-badge tier-${tier}`} data-tier={tier}>
      {LABELS[tier]}
    </span>
  )
}
