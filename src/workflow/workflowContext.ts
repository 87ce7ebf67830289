/**
 * Request-context key set by the transition service (and importers) around their own writes to
 * an algorithm: those writes are workflow steps, not content edits, so the edit rules and the
 * generic audit event do not apply to them.
 */
export const WORKFLOW_WRITE = 'registerWorkflowWrite'

/**
 * Fields whose change does not count as editing the public description: system fields and the
 * organisation's internal notes (they are never published, so changing them opens no new
 * version and makes nobody an editor of the version under review).
 */
export const NON_CONTENT_FIELDS = [
  'internal_notes',
  'internal_owner',
  'internal_contact',
  'publication_category_rationale',
  'id',
  'createdAt',
  'updatedAt',
  'workflow',
  'lars',
  'standard_version',
  'publication_dt',
  'basedOn',
  'organization',
] as const
