import type { PayloadRequest } from 'payload'

import { SKIP_GENERIC_AUDIT } from '../audit/auditContext'

/**
 * Request-context key set by the workflow's apply step (and a restore) around its own writes to
 * an algorithm: those writes are workflow steps, not content edits, so the edit rules of
 * `prepareAlgorithmWrite` and the generic audit event do not apply to them. Set it only through
 * {@link asWorkflowWrite}, which also restores the previous value.
 */
export const WORKFLOW_WRITE = 'registerWorkflowWrite'

/**
 * Runs `write` as a workflow write: edit rules and the generic audit event are off for it (the
 * caller records its own, more specific event), and back as they were afterwards.
 */
export async function asWorkflowWrite<T>(req: PayloadRequest, write: () => Promise<T>): Promise<T> {
  const previous = { write: req.context[WORKFLOW_WRITE], audit: req.context[SKIP_GENERIC_AUDIT] }
  req.context[WORKFLOW_WRITE] = true
  req.context[SKIP_GENERIC_AUDIT] = true
  try {
    return await write()
  } finally {
    req.context[WORKFLOW_WRITE] = previous.write
    req.context[SKIP_GENERIC_AUDIT] = previous.audit
  }
}

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
