import type { ReactNode } from 'react'
import { can, type Permission, type RoleName, type SessionResponse } from '../domain'
import { ProblemMessage } from './problem-message'

/** The session as a page reads it (the auth feature's `useSession()`). */
export interface SessionQuery {
  data: SessionResponse | null | undefined
  error: unknown
  isPending: boolean
  refetch: () => unknown
}

/**
 * A page for the roles with one permission: its heading over a skeleton while the session loads, or over the
 * server's problem (with a retry) if it cannot be read; then the page's own forbidden state for a visitor without
 * the permission, and otherwise the page.
 */
export function PermissionGate({
  heading,
  session,
  permission,
  forbidden,
  children,
}: {
  heading: ReactNode
  session: SessionQuery
  permission: Permission
  /** Why this role (null: nobody signed in) may not, and who may. */
  forbidden: (role: RoleName | null) => ReactNode
  children: ReactNode
}) {
  const { data, error, isPending, refetch } = session
  if (isPending) {
    return (
      <>
        {heading}
        <div className="skeleton" aria-busy="true" aria-label="Loading" />
      </>
    )
  }
  if (error) {
    return (
      <>
        {heading}
        <ProblemMessage error={error} onRetry={() => void refetch()} />
      </>
    )
  }
  if (!data || !can(data.role, permission)) return forbidden(data?.role ?? null)
  return children
}
