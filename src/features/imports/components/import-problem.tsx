import type { ReactNode } from 'react'
import { ApiError } from '../../../lib/api-client'

/**
 * What the server said about the file as a whole (its title, and the detail that says where), or why the
 * request failed. Row errors are in the report table, so a 422 carrying a report does not list them again.
 */
export function ImportProblem({ error, children }: { error: unknown; children?: ReactNode }) {
  const problem = error instanceof ApiError ? error.problem : null
  const title = problem?.title ?? 'Could not reach the server'
  const detail = problem ? problem.detail : error instanceof Error ? error.message : String(error)
  const hasReport = error instanceof ApiError && error.extensions.report !== undefined
  // A file-level error names a column when the header is at fault; 'file' says nothing the detail does not.
  const columns = hasReport ? [] : (problem?.errors ?? []).filter((e) => e.path !== 'file')
  return (
    <div role="alert" className="problem import-problem">
      <strong>{title}</strong>
      {detail && <p>{detail}</p>}
      {columns.map((e) => (
        <p key={`${e.path}:${e.message}`}>
          Column <code>{e.path}</code>: {e.message}
        </p>
      ))}
      {children}
    </div>
  )
}
