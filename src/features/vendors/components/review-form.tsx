import { useState, type FormEvent } from 'react'
import { ProblemMessage } from '../../../components/problem-message'
import { useSession } from '../../auth/api/session'
import { formatDate } from '../../../lib/format-ui'
import { useRecordReview } from '../api/record-review'

/** Marks a security review done: who (the signed-in user) and when; the server sets the next due date. */
export function ReviewForm({ vendorId, today }: { vendorId: string; today: string }) {
  const { data: session } = useSession()
  const record = useRecordReview(vendorId)
  const [completedAt, setCompletedAt] = useState(today)
  const [notes, setNotes] = useState('')

  if (session && session.role !== 'procurement' && session.role !== 'admin') {
    return (
      <p className="muted small">
        Procurement or an admin records reviews; your role ({session.role}) reads them.
      </p>
    )
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    record.mutate({ completedAt, notes })
  }

  return (
    <form className="review-form" onSubmit={onSubmit} aria-label="Record a completed review">
      <label>
        Review completed on
        <input
          type="date"
          required
          max={today}
          value={completedAt}
          onChange={(e) => setCompletedAt(e.target.value)}
        />
      </label>
      <label>
        Notes
        <textarea rows={2} maxLength={5000} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={record.isPending}>
        {record.isPending ? 'Recording…' : 'Record review'}
      </button>
      {record.error && <ProblemMessage error={record.error} />}
      {record.data && (
        <p role="status">
          Review recorded by {record.data.review.reviewer}.{' '}
          {record.data.nextReviewDue && `Next review due ${formatDate(record.data.nextReviewDue)}`} (every{' '}
          {record.data.cadenceDays} days for this tier).
        </p>
      )}
    </form>
  )
}
