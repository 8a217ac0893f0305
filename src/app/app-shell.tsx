import { NavLink, Outlet } from 'react-router'
import { ThemeToggle } from '../components/theme-toggle'
import { can, type Permission } from '../domain'
import { useSession, useSignOut } from '../features/auth/api/session'

/** Pages in the main navigation and what a role needs to see them; the server enforces the same permissions. */
const NAV: { to: string; label: string; permission: Permission; end?: boolean }[] = [
  { to: '/vendors', label: 'Vendors', permission: 'vendors:read', end: true },
  { to: '/dashboard', label: 'Dashboard', permission: 'vendors:read' },
  { to: '/reports', label: 'Reports', permission: 'exports:read' },
  { to: '/audit', label: 'Audit log', permission: 'audit:read' },
  { to: '/reviews', label: 'Reviews', permission: 'vendors:read' },
  { to: '/vendors/import', label: 'Import', permission: 'imports:write' },
]

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
          {NAV.filter((item) => session && can(session.role, item.permission)).map((item) => (
            <NavLink key={item.to} to={item.to} end={item.end ?? false}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <span className="header-user">
          <ThemeToggle />
          {session && (
            <>
              <span>
                {session.username} <span className="muted">· {session.role}</span>
              </span>
              <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
                Sign out
              </button>
            </>
          )}
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  )
}
