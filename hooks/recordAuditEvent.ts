import type { CollectionAfterChangeHook } from 'payload'

import type { AuditEventType } from '../collections/AuditEvents'
import { AUDIT_IGNORED_FIELDS, SKIP_GENERIC_AUDIT } from '../src/audit/auditContext'
import { auditTarget, membershipOrganisationIds } from '../src/audit/auditTarget'
import { diffDocuments } from '../src/audit/diffDocuments'
import { presentForAudit } from '../src/audit/presentForAudit'
import { writeAuditEvent } from '../src/audit/writeAuditEvent'
import { usersSlugOf } from '../src/plugin/registerOptionsOf'

/** Fields of a user whose change alters what that person may do. */
const PRIVILEGE_FIELDS = ['memberships', 'isPlatformAdmin']

/**
 * The stored version before the change, limited to the fields the saved document shows. Payload
 * reads the old version with full access but the new one with the caller's field access, so a
 * field the caller cannot read would otherwise look as if it had been emptied.
 */
function comparableBefore(
  previousDoc: Record<string, unknown> | undefined,
  doc: Record<string, unknown>,
): Record<string, unknown> {
  if (!previousDoc) return {}
  return Object.fromEntries(Object.entries(previousDoc).filter(([key]) => key in doc))
}

/**
 * Records every create and update with field-level before/after values (internal fields
 * included, rich text as HTML) in the same transaction as the change. Events about a user are
 * written once per organisation the user belongs to before or after the change, so each
 * organisation's admins and auditors see them; a change of roles or platform-admin status is a
 * `membership` event.
 */
export const recordAuditEvent: CollectionAfterChangeHook = async ({
  collection,
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (req.context?.[SKIP_GENERIC_AUDIT]) return doc
  const slug = collection.slug
  const saved = doc as Record<string, unknown>
  const target = auditTarget(slug, saved, usersSlugOf(req.payload))
  const before =
    operation === 'create' ? {} : comparableBefore(previousDoc as Record<string, unknown>, saved)
  const changes = diffDocuments(before, saved, {
    ignore: AUDIT_IGNORED_FIELDS,
    present: presentForAudit,
  })
  if (operation === 'update' && changes.length === 0) return doc

  let eventType: AuditEventType = operation === 'create' ? 'create' : 'update'
  let summary =
    operation === 'create'
      ? `${target.label} aangemaakt`
      : `${target.label} gewijzigd (${changes.map((c) => c.field).join(', ')})`
  let scopes: Array<number | null> = [target.organisationId]

  if (slug === usersSlugOf(req.payload)) {
    const organisations = new Set([
      ...membershipOrganisationIds(operation === 'create' ? [] : previousDoc?.memberships),
      ...membershipOrganisationIds(saved.memberships),
    ])
    scopes = organisations.size > 0 ? [...organisations] : [null]
    const privilegeChanged = changes.some((c) => PRIVILEGE_FIELDS.includes(c.field.split('.')[0]))
    if (operation === 'update' && privilegeChanged) {
      eventType = 'membership'
      summary = `Rollen van ${target.label} gewijzigd`
    }
  }

  for (const organisationId of scopes) {
    await writeAuditEvent(req, {
      eventType,
      summary,
      organisationId,
      targetCollection: slug,
      targetId: saved.id as number | string,
      targetLabel: target.label,
      changes,
    })
  }
  return doc
}
