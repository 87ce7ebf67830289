import type { CollectionAfterDeleteHook } from 'payload'

import { AUDIT_IGNORED_FIELDS, SKIP_GENERIC_AUDIT } from '../src/audit/auditContext'
import { auditTarget } from '../src/audit/auditTarget'
import { diffDocuments } from '../src/audit/diffDocuments'
import { presentForAudit } from '../src/audit/presentForAudit'
import { writeAuditEvent } from '../src/audit/writeAuditEvent'

/** Records a deletion with the full last content, so the history can show what was removed. */
export const recordAuditDeletion: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  if (req.context?.[SKIP_GENERIC_AUDIT]) return doc
  const target = auditTarget(collection.slug, doc)
  await writeAuditEvent(req, {
    eventType: 'delete',
    summary: `${target.label} verwijderd`,
    organisationId: target.organisationId,
    targetCollection: collection.slug,
    targetId: doc.id,
    targetLabel: target.label,
    changes: diffDocuments(
      doc as Record<string, unknown>,
      {},
      { ignore: AUDIT_IGNORED_FIELDS, present: presentForAudit },
    ),
  })
  return doc
}
