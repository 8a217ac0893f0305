/** What each role may do. Routes ask `can(role, permission)`; the SPA only mirrors this to hide what it cannot do. */
import type { Role } from '../db/store'

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
] as const
export type Permission = (typeof PERMISSIONS)[number]

const READ: Permission[] = ['vendors:read', 'audit:read']

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  procurement: new Set([...READ, 'vendors:write', 'incidents:write', 'reviews:write', 'imports:write']),
  ciso: new Set([...READ, 'model:write', 'risk:accept', 'exports:read']),
  auditor: new Set([...READ, 'exports:read']),
  admin: new Set(PERMISSIONS),
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission)
}

export function rolesWith(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => can(role, permission))
}
