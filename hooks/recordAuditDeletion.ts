import type { CollectionAfterDeleteHook } from 'payload'

import { AUDIT_IGNORED_FIELDS, SKIP_GENERIC_AUDIT } from '../src/audit/auditContext'
import { auditTarget, membershipOrganisationIds } from '../src/audit/auditTarget'
import { diffDocuments } from '../src/audit/diffDocuments'
import { presentForAudit } from '../src/audit/presentForAudit'
import { writeAuditEvent } from '../src/audit/writeAuditEvent'
import { usersSlugOf } from '../src/plugin/registerOptionsOf'

/**
 * Records a deletion with the full last content, so the history can show what was removed, in
 * the same transaction as the deletion. A deleted user is recorded once per organisation they
 * belonged to. Earlier events keep the user's id and name: they are snapshots, not references.
 */
export const recordAuditDeletion: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  if (req.context?.[SKIP_GENERIC_AUDIT]) return doc
  const removed = doc as Record<string, unknown>
  const target = auditTarget(collection.slug, removed, usersSlugOf(req.payload))
  let scopes: Array<number | null> = [target.organisationId]
  if (collection.slug === usersSlugOf(req.payload)) {
    const organisations = membershipOrganisationIds(removed.memberships)
    scopes = organisations.length > 0 ? organisations : [null]
  }
  const changes = diffDocuments(
    removed,
    {},
    { ignore: AUDIT_IGNORED_FIELDS, present: presentForAudit },
  )
  for (const organisationId of scopes) {
    await writeAuditEvent(req, {
      eventType: 'delete',
      summary: `${target.label} verwijderd`,
      organisationId,
      targetCollection: collection.slug,
      targetId: removed.id as number | string,
      targetLabel: target.label,
      changes,
    })
  }
  return doc
}
