import { Hono } from 'hono'
import { requirePermission } from '../auth/session'
import type { AppEnv } from '../http/app-env'
import { readJson } from '../http/validate'
import { NewUserInput, UserPatchInput, type UserService } from '../services/user-service'

export function userRoutes(users: UserService) {
  return new Hono<AppEnv>()
    .use(requirePermission('users:manage'))
    .get('/', async (c) => c.json({ items: await users.list() }))
    .post('/', async (c) =>
      c.json(await users.create(await readJson(c, NewUserInput), c.get('user')!.username), 201),
    )
    .patch('/:username', async (c) =>
      c.json(
        await users.update(
          c.req.param('username'),
          await readJson(c, UserPatchInput),
          c.get('user')!.username,
        ),
      ),
    )
    .delete('/:username', async (c) => {
      await users.remove(c.req.param('username'), c.get('user')!.username)
      return c.body(null, 204)
    })
}
