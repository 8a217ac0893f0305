/**
 * Query-key roots that more than one feature needs. Features may not import each other, so a key another feature
 * must invalidate lives here rather than being retyped.
 */

/**
 * Every vendor query (list, detail, history, score preview) starts with this. An import can create and update
 * vendors and add incidents to them, which changes all of those, so the import page invalidates the whole root
 * rather than the list alone; invalidation refetches only what is on screen and marks the rest stale.
 */
export const VENDORS_QUERY_ROOT = ['vendors'] as const

/**
 * Every dashboard query (`['dashboard', '<endpoint>', params]`) starts with this. The dashboard aggregates every
 * vendor, so anything that changes a vendor (an edit, an incident, a review, an import) makes all of it stale:
 * invalidate the root next to VENDORS_QUERY_ROOT.
 */
export const DASHBOARD_QUERY_ROOT = ['dashboard'] as const

/**
 * Every export query (`['exports', 'list' | 'detail', …]`) starts with this. The audit log's own export writes an
 * export manifest too, so the audit page invalidates the root when it exports.
 */
export const EXPORTS_QUERY_ROOT = ['exports'] as const

/**
 * Every audit-log query (`['audit', 'list' | 'verify', …]`) starts with this. Every change is logged, and so is
 * every export: whatever writes invalidates the root so the log on screen shows the new entry.
 */
export const AUDIT_QUERY_ROOT = ['audit'] as const
