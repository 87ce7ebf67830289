/**
 * Request-context key set by the transition service (and importers) around their own writes to
 * an algorithm: those writes are workflow steps, not content edits, so the edit rules and the
 * generic audit event do not apply to them.
 */
export const WORKFLOW_WRITE = 'registerWorkflowWrite'

/** Content fields whose change counts as editing the working version. */
export const NON_CONTENT_FIELDS = [
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
