import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { SessionResponse } from '../../../domain'
import { ApiError, getJson, sendJson, setCsrfToken } from '../../../lib/api-client'

/** The signed-in session, or null when nobody is signed in (a 401 is an answer here, not an error). */
export async function getSession(signal?: AbortSignal): Promise<SessionResponse | null> {
  try {
    const session = await getJson('/api/session', SessionResponse, signal ? { signal } : {})
    setCsrfToken(session.csrfToken)
    return session
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null)
      return null
    }
    throw error
  }
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: ['session', 'detail', 'current'],
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 60_000,
  })

export const useSession = () => useQuery(sessionQueryOptions())

export function useSignIn() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) =>
      sendJson('POST', '/api/session', credentials, null),
    onSuccess: async () => {
      // A new session: nothing cached under the previous one may be shown.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' })
      await client.invalidateQueries({ queryKey: sessionQueryOptions().queryKey })
    },
  })
}

export function useSignOut() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => sendJson('DELETE', '/api/session', undefined, null),
    onSettled: () => {
      setCsrfToken(null)
      client.setQueryData(sessionQueryOptions().queryKey, null)
      // Nothing the previous user could see stays cached for the next one.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' })
    },
  })
}
