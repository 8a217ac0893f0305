import { ApiError } from '../lib/api-client'

/** Shows what the server said went wrong (problem details), with a retry. */
export function ProblemMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const title = error instanceof ApiError ? error.problem.title : 'Could not reach the server'
  const detail =
    error instanceof ApiError ? error.problem.detail : error instanceof Error ? error.message : String(error)
  return (
    <div role="alert" className="problem">
      <strong>{title}</strong>
      {detail && <p>{detail}</p>}
      {error instanceof ApiError &&
        error.problem.errors?.map((e) => (
          <p key={`${e.path}:${e.message}`}>
            <code>{e.path}</code>: {e.message}
          </p>
        ))}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  )
}
