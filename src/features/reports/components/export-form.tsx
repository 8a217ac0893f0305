import { useId, useState, type FormEvent } from 'react'
import { EXPORT_FORMATS, IsoDate, todayIsoDate, type ExportFormat, type ExportRequest } from '../../../domain'
import { formatDate } from '../../../lib/format-ui'
import { FORMAT_CHOICES } from './export-formats'

/** Why a chosen day cannot be exported, or null when it can. */
function asOfError(asOf: string, today: string): string | null {
  if (!IsoDate.safeParse(asOf).success) return 'Choose a day, as YYYY-MM-DD.'
  if (asOf > today)
    return `Choose today (${formatDate(today)}) or a day before it: the future is not recorded yet.`
  return null
}

/**
 * The format and the day to export. Today is left out of the request (the server's default), so a browser whose
 * clock runs a little ahead never asks for tomorrow.
 */
export function ExportForm({
  onCreate,
  pending,
}: {
  onCreate: (request: ExportRequest) => void
  pending: boolean
}) {
  const today = todayIsoDate()
  const [format, setFormat] = useState<ExportFormat>('csv')
  const [asOf, setAsOf] = useState(today)
  const [showError, setShowError] = useState(false)
  const id = useId()
  const error = asOfError(asOf, today)

  function submit(event: FormEvent) {
    event.preventDefault()
    if (error) {
      setShowError(true)
      return
    }
    onCreate({ format, ...(asOf !== today && { asOf }) })
  }

  return (
    <form className="export-form panel" onSubmit={submit} aria-label="New export" noValidate>
      <fieldset className="export-formats">
        <legend>Format</legend>
        {EXPORT_FORMATS.map((f) => (
          <div key={f} className={`export-format${f === format ? ' selected' : ''}`}>
            <label>
              <input
                type="radio"
                name="format"
                value={f}
                checked={f === format}
                onChange={() => setFormat(f)}
                aria-describedby={`${id}-${f}`}
              />{' '}
              <span className="export-format-title">{FORMAT_CHOICES[f].title}</span>
            </label>
            <p id={`${id}-${f}`} className="muted small">
              {FORMAT_CHOICES[f].holds}
            </p>
          </div>
        ))}
      </fieldset>

      <div className="field export-as-of">
        <label htmlFor={`${id}-as-of`}>As of</label>
        <input
          id={`${id}-as-of`}
          type="date"
          value={asOf}
          max={today}
          required
          onChange={(event) => {
            setAsOf(event.target.value)
            setShowError(false)
          }}
          aria-invalid={showError && error !== null}
          aria-describedby={`${id}-as-of-hint${showError && error ? ` ${id}-as-of-error` : ''}`}
        />
        <p id={`${id}-as-of-hint`} className="muted small">
          Point in time: the export shows the register as it stood at the end of that day (UTC), with the
          vendors, incidents, reviews, risk acceptances and scoring weights of that moment, replayed from the
          audit log. Today by default; choose any past day to answer “what did we know then?”, and the same
          day exported again gives the same figures.
        </p>
        {showError && error && (
          <p id={`${id}-as-of-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>

      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? 'Starting export…' : 'Create export'}
        </button>
      </div>
    </form>
  )
}
