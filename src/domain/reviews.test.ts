import { describe, expect, it } from 'vitest'
import { reviewOwners, reviewQueue, reviewQueuePage, reviewStatus } from './reviews'
import type { Tier } from './scoring/model'

const asOf = '2026-11-26'
const vendor = (
  name: string,
  tier: Tier,
  nextReviewDue: string | null,
  status: 'active' | 'onboarding' | 'offboarded' = 'active',
) => ({
  name,
  tier,
  status,
  nextReviewDue,
  reviewOverdue: nextReviewDue === null || nextReviewDue < asOf,
})

const vendors = [
  vendor('Later', 'low', '2027-06-01'),
  vendor('Due in 10 days', 'medium', '2026-12-06'),
  vendor('Due today', 'high', '2026-11-26'),
  vendor('Overdue a week', 'medium', '2026-11-19'),
  vendor('Overdue a year', 'low', '2025-11-26'),
  vendor('Never assessed', 'critical', null),
  vendor('Due in 60 days', 'critical', '2027-01-25'),
  vendor('Gone', 'critical', '2020-01-01', 'offboarded'),
  vendor('Also overdue a week', 'critical', '2026-11-19'),
]

describe('reviewQueue', () => {
  it('lists overdue reviews, never assessed first, then the longest overdue, the riskier tier breaking ties', () => {
    const queue = reviewQueue(vendors, asOf, 'overdue')
    expect(queue.items.map((i) => [i.vendor.name, i.daysLeft])).toEqual([
      ['Never assessed', null],
      ['Overdue a year', -365],
      ['Also overdue a week', -7],
      ['Overdue a week', -7],
    ])
  })

  it('lists reviews falling due within the window, soonest first, leaving out the overdue ones', () => {
    expect(reviewQueue(vendors, asOf, '30').items.map((i) => i.vendor.name)).toEqual([
      'Due today',
      'Due in 10 days',
    ])
    expect(reviewQueue(vendors, asOf, '90').items.map((i) => i.vendor.name)).toEqual([
      'Due today',
      'Due in 10 days',
      'Due in 60 days',
    ])
  })

  it('counts every window and the overdue reviews by tier, leaving offboarded vendors out', () => {
    const queue = reviewQueue(vendors, asOf, 'overdue')
    expect(queue.counts).toEqual({ overdue: 4, '30': 2, '90': 3 })
    expect(queue.overdueByTier).toEqual({ critical: 2, high: 0, medium: 1, low: 1 })
  })

  it('agrees with reviewStatus on what is overdue', () => {
    const status = reviewStatus('2026-06-05', 'high', asOf)
    const queue = reviewQueue([vendor('From status', 'high', status.dueOn)], asOf, '30')
    expect(queue.items).toEqual([{ vendor: expect.objectContaining({ name: 'From status' }), daysLeft: 6 }])
  })
})

describe('reviewQueuePage', () => {
  it('answers one page of the queue with the whole queue’s total and counts', () => {
    const queue = reviewQueue(vendors, asOf, 'overdue')
    const page = reviewQueuePage(queue, {
      asOf,
      window: 'overdue',
      owner: undefined,
      owners: ['A'],
      offset: 1,
      limit: 2,
    })
    expect(page).toEqual({
      asOf,
      window: 'overdue',
      owner: null,
      total: 4,
      counts: queue.counts,
      overdueByTier: queue.overdueByTier,
      items: queue.items.slice(1, 3),
      offset: 1,
      limit: 2,
    })
    expect(reviewQueuePage(queue, { ...page, owner: 'A', owners: ['A'], offset: 9 })).toMatchObject({
      owner: 'A',
      items: [],
    })
    // The owners, for the filter, come with the first page alone.
    expect(reviewQueuePage(queue, { ...page, owner: undefined, owners: ['A'], offset: 0 }).owners).toEqual([
      'A',
    ])
  })
})

describe('reviewOwners', () => {
  it('names each owner once, sorted', () => {
    expect(reviewOwners(['Budi', 'Aisha', 'Budi', 'Zoë', 'aisha'])).toEqual(['Aisha', 'Budi', 'Zoë', 'aisha'])
  })
})
