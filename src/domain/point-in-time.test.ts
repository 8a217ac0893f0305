import { describe, expect, it } from 'vitest'
import { createIncident, createVendor } from '../../mocks/data'
import {
  applyAuditEntry,
  copyRegisterState,
  emptyRegisterState,
  replayAuditLog,
  type ReplayEntry,
} from './point-in-time'
import { DEFAULT_WEIGHTS, type ScoringWeights } from './scoring/model'

const acme = createVendor({
  id: 'ven-acme',
  name: 'Acme Payroll',
  controls: { lastAssessedAt: '2026-01-15' },
})
const beta = createVendor({ id: 'ven-beta', name: 'Beta Analytics' })
const breach = createIncident({ id: 'inc-1', occurredAt: '2026-03-02', status: 'open' })
const heavier: ScoringWeights = { ...DEFAULT_WEIGHTS, incidentHalfLifeDays: 730 }

let seq = 0
const entry = (
  at: string,
  action: string,
  entityId: string,
  before: unknown,
  after: unknown,
): ReplayEntry => ({
  seq: ++seq,
  at,
  action,
  entityType: action.split('.')[0]!,
  entityId,
  before,
  after,
})

const log: ReplayEntry[] = [
  entry('2026-03-01T09:00:00.000Z', 'vendor.create', acme.id, null, acme),
  entry('2026-03-01T23:59:59.999Z', 'vendor.create', beta.id, null, beta),
  entry('2026-03-02T00:00:00.000Z', 'incident.create', breach.id, null, { vendorId: acme.id, ...breach }),
  entry('2026-03-02T10:00:00.000Z', 'user.create', 'someone', null, { username: 'someone' }),
  entry('2026-03-03T08:00:00.000Z', 'vendor.update', acme.id, acme, {
    ...acme,
    name: 'Acme Payroll Ltd',
    incidents: [breach],
  }),
  entry('2026-03-03T09:00:00.000Z', 'model.update', 'current', DEFAULT_WEIGHTS, heavier),
  entry('2026-03-03T10:00:00.000Z', 'review.create', acme.id, null, {
    vendorId: acme.id,
    completedAt: '2026-03-03',
  }),
  entry('2026-03-03T11:00:00.000Z', 'risk.accept', beta.id, null, {
    note: 'Pending migration',
    until: '2026-06-30',
    acceptedBy: 'ciso',
    acceptedAt: '2026-03-03T11:00:00.000Z',
  }),
  entry('2026-03-04T08:00:00.000Z', 'incident.update', breach.id, null, {
    vendorId: acme.id,
    ...breach,
    status: 'resolved',
  }),
  entry('2026-03-04T09:00:00.000Z', 'risk.revoke', beta.id, null, null),
  entry('2026-03-05T08:00:00.000Z', 'incident.delete', breach.id, { vendorId: acme.id, ...breach }, null),
  entry('2026-03-05T09:00:00.000Z', 'vendor.archive', beta.id, beta, { ...beta, status: 'offboarded' }),
]

describe('replayAuditLog', () => {
  const days = ['2026-02-28', '2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']
  const [before, day1, day2, day3, day4, day5] = replayAuditLog(log, days)

  it('holds no vendor before the first was created', () => {
    expect(before!.vendors.size).toBe(0)
    expect(before!.weights).toBe(DEFAULT_WEIGHTS)
  })

  it('takes the vendors that existed at the end of the day, a change at 23:59:59.999 UTC included', () => {
    expect([...day1!.vendors.keys()]).toEqual([acme.id, beta.id])
    expect(day1!.vendors.get(acme.id)!.incidents).toEqual([])
  })

  it('adds an incident on the day it was logged, not before', () => {
    expect(day2!.vendors.get(acme.id)!.incidents).toEqual([breach])
  })

  it('replaces the document on an update, and keeps the incident an update already carried only once', () => {
    const vendor = day3!.vendors.get(acme.id)!
    expect(vendor.name).toBe('Acme Payroll Ltd')
    expect(vendor.incidents.map((i) => i.id)).toEqual(['inc-1'])
  })

  it('moves the last assessment forward with a review, and never back', () => {
    expect(day3!.vendors.get(acme.id)!.controls.lastAssessedAt).toBe('2026-03-03')
    const state = copyRegisterState(day3!)
    applyAuditEntry(
      state,
      entry('2026-03-06T08:00:00.000Z', 'review.create', acme.id, null, { completedAt: '2026-01-01' }),
    )
    expect(state.vendors.get(acme.id)!.controls.lastAssessedAt).toBe('2026-03-03')
  })

  it('uses the weights in force that day and counts the model revisions', () => {
    expect(day2!.modelRevision).toBe(0)
    expect(day3!.weights).toEqual(heavier)
    expect(day3!.modelRevision).toBe(1)
  })

  it('follows a risk acceptance and its revocation', () => {
    expect(day3!.acceptances.get(beta.id)?.until).toBe('2026-06-30')
    expect(day4!.acceptances.has(beta.id)).toBe(false)
  })

  it('applies incident updates and deletions, and keeps offboarded vendors with their status', () => {
    expect(day4!.vendors.get(acme.id)!.incidents[0]!.status).toBe('resolved')
    expect(day5!.vendors.get(acme.id)!.incidents).toEqual([])
    expect(day5!.vendors.get(beta.id)!.status).toBe('offboarded')
  })

  it('leaves earlier states untouched by later entries', () => {
    expect(day2!.vendors.get(acme.id)!.name).toBe('Acme Payroll')
    expect(day3!.vendors.get(beta.id)!.status).toBe('active')
  })

  it('stops reading at the last day: later entries are never applied', () => {
    const [only] = replayAuditLog(log, ['2026-03-01'])
    expect(only!.seq).toBe(2)
  })
})

describe('applyAuditEntry', () => {
  it('ignores entries about vendors it never saw and entries of other kinds', () => {
    const state = emptyRegisterState()
    applyAuditEntry(
      state,
      entry('2026-01-01T00:00:00Z', 'incident.create', 'x', null, { vendorId: 'nope', id: 'x' }),
    )
    applyAuditEntry(state, entry('2026-01-01T00:00:00Z', 'export.create', 'exp-1', null, { id: 'exp-1' }))
    expect(state.vendors.size).toBe(0)
  })
})
