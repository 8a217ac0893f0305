/** Problem details that the server and the offline demo's handlers must word alike. */
import type { z } from 'zod'
import type { Problem } from './schemas/api'
import { rolesWith, type Permission } from './permissions'
import type { RoleName } from './schemas/api'

/** Zod issues as `errors[]`: one per field, an unknown key reported at its own path. */
export function issuesToErrors(error: z.ZodError): NonNullable<Problem['errors']> {
  const at = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(root)'
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: at([...issue.path, key]),
          message: `Unknown field "${String(key)}"`,
        }))
      : [{ path: at(issue.path), message: issue.message }],
  )
}

const ACTIONS: Record<Permission, string> = {
  'vendors:read': 'read vendors',
  'vendors:write': 'add or edit vendors',
  'incidents:write': 'record incidents',
  'reviews:write': 'record reviews',
  'imports:write': 'import spreadsheets',
  'risk:accept': 'accept risks',
  'model:write': 'change the scoring model',
  'audit:read': 'read the audit log',
  'exports:read': 'export reports',
  'users:manage': 'manage users',
  'data:restore': 'restore a database from an export',
}

/** The 403 a role gets for what it may not do: which roles may. */
export function forbidden(role: RoleName, permission: Permission): { title: string; detail: string } {
  return {
    title: 'Not allowed for your role',
    detail: `Your role (${role}) cannot ${ACTIONS[permission]}; ${rolesWith(permission).join(' or ')} can.`,
  }
}
