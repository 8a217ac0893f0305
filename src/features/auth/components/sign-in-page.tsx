import { useState, type FormEvent } from 'react'
import { ProblemMessage } from '../../../components/problem-message'
import { ThemeToggle } from '../../../components/theme-toggle'
import { useSignIn } from '../api/session'

export function SignInPage() {
  const signIn = useSignIn()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    signIn.mutate({ username: username.trim(), password })
  }

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-theme">
        <ThemeToggle />
      </div>
      <form className="panel sign-in-form" onSubmit={onSubmit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">
          <img src="/favicon.svg" alt="" width="28" height="28" /> Sign in to Vendor Risk
        </h1>
        <p className="muted">Who holds our data, who can reach our network, and who was breached.</p>
        <label>
          Username
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {signIn.error && <ProblemMessage error={signIn.error} />}
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted small">
          {import.meta.env.MODE === 'mock'
            ? 'Offline demo: sign in as procurement, ciso, auditor or admin with the password demo-password-123.'
            : 'First start? The server printed the generated passwords of the admin and demo accounts in its console.'}
        </p>
      </form>
    </main>
  )
}
