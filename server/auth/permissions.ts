/** The role → permission table lives in the domain, so the SPA offers exactly what the server allows. */
export { can, PERMISSIONS, ROLE_PERMISSIONS, rolesWith, type Permission } from '../../src/domain/permissions'
