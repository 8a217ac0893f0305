import type { PublicUser, SessionRecord } from '../db/store'

/** Hono context variables set by the session middleware. */
export interface AppEnv {
  Variables: {
    user: PublicUser | null
    session: SessionRecord | null
  }
}
