import { NavLink, Outlet } from 'react-router'
import { useSession, useSignOut } from '../features/auth/api/session'

/** Header with navigation and the signed-in user; pages render below it. */
export function AppShell() {
  const { data: session } = useSession()
  const signOut = useSignOut()
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">
          <img src="/favicon.svg" alt="" width="24" height="24" /> Vendor Risk
        </span>
        <nav aria-label="Main">
          <NavLink to="/vendors">Vendors</NavLink>
        </nav>
        {session && (
          <span className="header-user">
            <span>
              {session.username} <span className="muted">· {session.role}</span>
            </span>
            <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
              Sign out
            </button>
          </span>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  )
}
