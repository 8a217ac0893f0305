/** Users and sign-in. Passwords are scrypt-hashed; disabling a user or resetting a password ends their sessions. */
import { z } from 'zod'
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../auth/password'
import { hashToken, newToken, SESSION_HOURS } from '../auth/session'
import { ROLES, UniqueConflictError, type PublicUser, type Store } from '../db/store'
import { HttpProblem } from '../http/problem'

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024, 'At most 1024 characters')

export const NewUserInput = z
  .object({
    username: z
      .string()
      .trim()
      .regex(
        /^[a-z0-9][a-z0-9._-]{1,62}$/,
        'Use 2–63 lowercase letters, digits, dots, dashes or underscores',
      ),
    password,
    role: z.enum(ROLES),
  })
  .strict()

export const UserPatchInput = z
  .object({ role: z.enum(ROLES), password, disabled: z.boolean() })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'Send at least one of role, password, disabled')

export const SignInInput = z
  .object({
    username: z.string().trim().min(1, 'Username is required').max(200),
    password: z.string().min(1).max(1024),
  })
  .strict()

// Compared against when the user does not exist, so a wrong username takes as long as a wrong password.
const dummyHash = hashPassword('not-a-real-password-0000')

export function createUserService(store: Store, now: () => Date = () => new Date()) {
  const strip = (u: PublicUser): PublicUser => ({
    username: u.username,
    role: u.role,
    disabled: u.disabled,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  })

  return {
    list: () => store.listUsers(),

    async create(input: z.output<typeof NewUserInput>, actor: string | null) {
      const at = now().toISOString()
      const user = {
        username: input.username,
        role: input.role,
        disabled: false,
        passwordHash: await hashPassword(input.password),
        createdAt: at,
        updatedAt: at,
      }
      try {
        await store.commit({
          actor: actor ?? 'system',
          users: [{ op: 'create', user }],
          audit: [{ action: 'user.create', entityType: 'user', entityId: user.username, after: strip(user) }],
        })
      } catch (error) {
        if (error instanceof UniqueConflictError) {
          throw new HttpProblem(409, 'Username taken', `A user named ${input.username} already exists.`, [
            { path: 'username', message: 'Already taken' },
          ])
        }
        throw error
      }
      return strip(user)
    },

    async update(username: string, patch: z.output<typeof UserPatchInput>, actor: string) {
      const before = await store.getUser(username)
      if (!before) throw new HttpProblem(404, 'User not found', `No user is called ${username}`)
      if (username === actor && (patch.disabled === true || (patch.role && patch.role !== 'admin'))) {
        throw new HttpProblem(
          409,
          'Cannot lock yourself out',
          'An admin cannot disable or demote their own account.',
        )
      }
      const change = {
        ...(patch.role !== undefined && { role: patch.role }),
        ...(patch.disabled !== undefined && { disabled: patch.disabled }),
        ...(patch.password !== undefined && { passwordHash: await hashPassword(patch.password) }),
      }
      await store.commit({
        actor,
        users: [{ op: 'update', username, patch: change }],
        audit: [
          {
            action: 'user.update',
            entityType: 'user',
            entityId: username,
            before: strip(before),
            after: {
              ...strip(before),
              ...(patch.role && { role: patch.role }),
              ...(patch.disabled !== undefined && { disabled: patch.disabled }),
              passwordReset: patch.password !== undefined,
            },
          },
        ],
      })
      return strip((await store.getUser(username))!)
    },

    async remove(username: string, actor: string) {
      const before = await store.getUser(username)
      if (!before) throw new HttpProblem(404, 'User not found', `No user is called ${username}`)
      if (username === actor)
        throw new HttpProblem(409, 'Cannot delete yourself', 'Ask another admin to do it.')
      await store.commit({
        actor,
        users: [{ op: 'delete', username }],
        audit: [{ action: 'user.delete', entityType: 'user', entityId: username, before: strip(before) }],
      })
    },

    /** Returns the new session's token, or null when the credentials are wrong or the user is disabled. */
    async signIn(username: string, pw: string) {
      const user = await store.getUser(username)
      const ok = await verifyPassword(pw, user?.passwordHash ?? (await dummyHash))
      if (!user || !ok || user.disabled) return null
      const token = newToken()
      const created = now()
      const session = {
        idHash: hashToken(token),
        username: user.username,
        csrfToken: newToken(),
        createdAt: created.toISOString(),
        expiresAt: new Date(created.getTime() + SESSION_HOURS * 3600_000).toISOString(),
      }
      await store.createSession(session)
      await store.commit({
        actor: user.username,
        audit: [{ action: 'session.create', entityType: 'user', entityId: user.username }],
      })
      return { token, session, user: strip(user) }
    },

    signOut: (idHash: string) => store.deleteSession(idHash),
  }
}

export type UserService = ReturnType<typeof createUserService>
