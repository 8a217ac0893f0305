import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { createBrowserRouter, RouterProvider, type createMemoryRouter } from 'react-router'
import { ProblemMessage } from '../components/problem-message'
import { useSession } from '../features/auth/api/session'
import { SignInPage } from '../features/auth/components/sign-in-page'
import { AppFrame } from './app-frame'
import { createRoutes } from './routes'

type AppRouter = ReturnType<typeof createBrowserRouter> | ReturnType<typeof createMemoryRouter>

/** Signs the user in, then hands over to the router. Tests pass a memory router. */
export function App({ router }: { router?: AppRouter }) {
  const session = useSession()
  const queryClient = useQueryClient()
  const [browserRouter] = useState(() => router ?? createBrowserRouter(createRoutes(queryClient)))

  if (session.isPending) return <AppFrame />
  if (session.error) {
    return (
      <main id="main">
        <ProblemMessage error={session.error} onRetry={() => void session.refetch()} />
      </main>
    )
  }
  if (session.data === null) return <SignInPage />
  return <RouterProvider router={browserRouter} />
}
