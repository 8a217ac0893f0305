/** docs/scoring.md's worked example must be what the engine computes: the page cannot drift from the code. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_WEIGHTS, MODEL_VERSION } from './model'
import { scoreVendor, type ScorableVendor } from './score-vendor'

const doc = readFileSync(path.resolve(import.meta.dirname, '../../../docs/scoring.md'), 'utf8')
/** The page with table cells trimmed, so Prettier's column padding does not matter: `|critical|≥ 65|`. */
const compact = doc
  .split('\n')
  .map((line) =>
    line.startsWith('|')
      ? line
          .split('|')
          .map((cell) => cell.trim())
          .join('|')
      : line,
  )
  .join('\n')

const workedExample: ScorableVendor = {
  access: {
    dataClasses: ['pii', 'internal'],
    records: 12_400_000,
    dataLocation: 'vendor_environment',
    networkAccess: 'api',
    criticality: 'high',
    fourthParties: ['Amazon Web Services', 'Twilio', 'Snowflake'],
  },
  controls: {
    certifications: ['iso27001'],
    mfa: false,
    encryptionAtRest: true,
    lastAssessedAt: '2024-09-15',
  },
  incidents: [
    {
      id: 'inc-1',
      occurredAt: '2026-10-28',
      kind: 'claimed_leak',
      severity: 'high',
      recordsExposed: 2_100_000,
      status: 'open',
      notifiedAfterDays: 9,
      summary: 'A threat actor offered our subscribers’ records for sale.',
    },
    {
      id: 'inc-2',
      occurredAt: '2023-05-10',
      kind: 'outage',
      severity: 'medium',
      recordsExposed: 0,
      status: 'resolved',
      notifiedAfterDays: 1,
      summary: 'Regional outage of the vendor’s API.',
    },
  ],
}

describe('docs/scoring.md', () => {
  const score = scoreVendor(workedExample, { asOf: '2026-11-26' })

  it('shows the worked example exactly as the engine explains it', () => {
    const table = compact.slice(
      compact.indexOf('<!-- worked-example:start -->'),
      compact.indexOf('<!-- worked-example:end -->'),
    )
    const rows = table
      .split('\n')
      .filter((line) => line.startsWith('|') && !line.startsWith('|factor|') && !line.startsWith('|---'))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      )
    expect(rows).toEqual(
      score.factors.map((f) => [f.label, f.groupPoints.toFixed(1), f.points.toFixed(1), f.detail]),
    )
  })

  it('quotes the example score, the tiers, the model version and the default weights', () => {
    expect(doc).toContain(
      `Score: √(${score.exposure} × ${score.likelihood}) = **${score.score}**, tier **${score.tier}**`,
    )
    expect(doc).toContain(`Model version **${MODEL_VERSION}**`)
    const { critical, high, medium } = DEFAULT_WEIGHTS.tierCutoffs
    expect(compact).toContain(`|critical|≥ ${critical}|`)
    expect(compact).toContain(`|high|≥ ${high}|`)
    expect(compact).toContain(`|medium|≥ ${medium}|`)
    for (const [name, weight] of [
      ['Data sensitivity', DEFAULT_WEIGHTS.exposure.dataSensitivity],
      ['Records held', DEFAULT_WEIGHTS.exposure.dataVolume],
      ['Data location', DEFAULT_WEIGHTS.exposure.dataLocation],
      ['Network access', DEFAULT_WEIGHTS.exposure.networkAccess],
      ['Business criticality', DEFAULT_WEIGHTS.exposure.criticality],
      ['Fourth parties', DEFAULT_WEIGHTS.exposure.fourthParties],
      ['Baseline', DEFAULT_WEIGHTS.likelihood.baseline],
      ['Incidents', DEFAULT_WEIGHTS.likelihood.incidents],
      ['Notification speed', DEFAULT_WEIGHTS.likelihood.slowNotification],
      ['MFA', DEFAULT_WEIGHTS.likelihood.missingMfa],
      ['Encryption at rest', DEFAULT_WEIGHTS.likelihood.missingEncryption],
      ['Assessment freshness', DEFAULT_WEIGHTS.likelihood.staleAssessment],
    ] as const) {
      expect(compact).toContain(`|${name}|${weight}|`)
    }
    expect(compact).toContain(`|Certifications|−${DEFAULT_WEIGHTS.likelihood.certifications}|`)
  })
})
