import { ProblemMessage } from '../components/problem-message'
import { useSession, useSignOut } from '../features/auth/api/session'
import { SignInPage } from '../features/auth/components/sign-in-page'
import { VendorsPage } from '../features/vendors/vendors-page'

export function App() {
  const session = useSession()
  const signOut = useSignOut()

  if (session.isPending)
    return <div className="skeleton app-skeleton" aria-busy="true" aria-label="Loading" />
  if (session.error) {
    return (
      <main id="main">
        <ProblemMessage error={session.error} onRetry={() => void session.refetch()} />
      </main>
    )
  }
  if (session.data === null) return <SignInPage />

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">
          <img src="/favicon.svg" alt="" width="24" height="24" /> Vendor Risk
        </span>
        <span className="muted small">
          Who holds our data, who can reach our network, and who was breached
        </span>
        <span className="header-user">
          <span>
            {session.data.username} <span className="muted">· {session.data.role}</span>
          </span>
          <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>Vendors</h1>
        <VendorsPage />
      </main>
    </div>
  )
}
