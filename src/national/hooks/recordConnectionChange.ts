import type { CollectionAfterChangeHook } from 'payload'

import { writeAuditEvent } from '../../audit/writeAuditEvent'
import { requeueFailedDeliveries } from '../enqueueNationalDelivery'
import { CREDENTIALS_CHANGED } from './encryptConnectionCredentials'

const idOf = (value: unknown): number | null =>
  typeof value === 'number'
    ? value
    : value && typeof value === 'object' && 'id' in value
      ? Number((value as { id: unknown }).id)
      : null

/**
 * Records a change of an organisation's connection in the audit history. Credentials appear
 * only as "changed": never their values, not even encrypted. New credentials put the
 * deliveries that stopped on a failed login back in the queue.
 */
export const recordConnectionChange: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const changes: Array<{ field: string; before: unknown; after: unknown }> = []
  for (const field of ['delivers', 'organisationCode'] as const) {
    const before = operation === 'create' ? null : (previousDoc?.[field] ?? null)
    if (before !== (doc[field] ?? null)) changes.push({ field, before, after: doc[field] ?? null })
  }
  const credentialsChanged = req.context[CREDENTIALS_CHANGED] === true
  req.context[CREDENTIALS_CHANGED] = false
  if (credentialsChanged) {
    changes.push({ field: 'credentials', before: '(verborgen)', after: '(gewijzigd)' })
  }
  const organisationId = idOf(doc.organisation)
  if (changes.length > 0) {
    await writeAuditEvent(req, {
      eventType: operation === 'create' ? 'create' : 'update',
      summary: `Koppeling met het landelijke Algoritmeregister ${operation === 'create' ? 'ingesteld' : 'gewijzigd'}`,
      organisationId,
      targetCollection: 'national-register-connections',
      targetId: doc.id,
      targetLabel: doc.organisationCode ?? null,
      changes,
    })
  }
  if (credentialsChanged && doc.delivers === true && organisationId !== null) {
    await requeueFailedDeliveries(req, organisationId)
  }
  return doc
}
