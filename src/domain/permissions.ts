/**
 * What each role may do. The server's routes ask `can(role, permission)` and refuse otherwise; the SPA reads the
 * same table only to decide what to offer, and to say who can when the signed-in role cannot.
 */
import type { RoleName } from './schemas/api'

export const PERMISSIONS = [
  'vendors:read',
  'vendors:write',
  'incidents:write',
  'reviews:write',
  'imports:write',
  'risk:accept',
  'model:write',
  'audit:read',
  'exports:read',
  'users:manage',
  /** Load a full JSON export into an empty database. */
  'data:restore',
] as const
export type Permission = (typeof PERMISSIONS)[number]

const READ: Permission[] = ['vendors:read', 'audit:read']

export const ROLE_PERMISSIONS: Record<RoleName, ReadonlySet<Permission>> = {
  procurement: new Set([...READ, 'vendors:write', 'incidents:write', 'reviews:write', 'imports:write']),
  ciso: new Set([...READ, 'model:write', 'risk:accept', 'exports:read']),
  auditor: new Set([...READ, 'exports:read']),
  admin: new Set(PERMISSIONS),
}

export function can(role: RoleName, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission)
}

export function rolesWith(permission: Permission): RoleName[] {
  return (Object.keys(ROLE_PERMISSIONS) as RoleName[]).filter((role) => can(role, permission))
}

const ROLE_LABELS: Record<RoleName, string> = {
  admin: 'an admin',
  procurement: 'procurement',
  ciso: 'the CISO',
  auditor: 'an auditor',
}

/** "procurement or an admin": who may do what `permission` allows, for messages to the roles that may not. */
export function whoCan(permission: Permission): string {
  const roles = rolesWith(permission).map((r) => ROLE_LABELS[r])
  return roles.length <= 1 ? (roles[0] ?? 'nobody') : `${roles.slice(0, -1).join(', ')} or ${roles.at(-1)}`
}
