/**
 * The actions the server logs (grep `action:` in server/), as phrases for the log's table and its filter. An
 * action the server adds later still shows, as its raw name.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'vendor.create': 'Added a vendor',
  'vendor.update': 'Edited a vendor',
  'vendor.archive': 'Archived a vendor',
  'incident.create': 'Recorded an incident',
  'incident.update': 'Edited an incident',
  'incident.delete': 'Deleted an incident',
  'review.create': 'Recorded a review',
  'risk.accept': 'Accepted a risk',
  'risk.revoke': 'Revoked a risk acceptance',
  'model.update': 'Changed the scoring model',
  'import.apply': 'Applied an import',
  'export.create': 'Exported',
  'export.fail': 'Export failed',
  'export.verify_failed': 'Export file found altered',
  'restore.apply': 'Restored a full export',
  'user.create': 'Added a user',
  'user.update': 'Changed a user',
  'user.delete': 'Removed a user',
  'session.create': 'Signed in',
}

export const KNOWN_AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS)

export const actionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action

/** The kinds of object entries are about (`entityType`), for the filter. */
export const AUDIT_ENTITY_TYPES: Record<string, string> = {
  vendor: 'Vendor',
  incident: 'Incident',
  scoring_model: 'Scoring model',
  import: 'Import',
  export: 'Export',
  restore: 'Restore',
  user: 'User',
}
