import type { ReviewBar } from '../../../domain'
import { SERIES } from './chart-theme'

/** The segments of each tier's bar, most urgent first; the chart and its legend share them. */
export const REVIEW_STATES: readonly {
  key: keyof Pick<ReviewBar, 'neverAssessed' | 'lapsed' | 'dueWithin30' | 'upToDate'>
  label: string
  color: string
  overdue: boolean
}[] = [
  { key: 'neverAssessed', label: 'Never assessed', color: SERIES.purple, overdue: true },
  { key: 'lapsed', label: 'Overdue', color: SERIES.vermillion, overdue: true },
  { key: 'dueWithin30', label: 'Due within 30 days', color: SERIES.amber, overdue: false },
  { key: 'upToDate', label: 'Up to date', color: SERIES.green, overdue: false },
]
