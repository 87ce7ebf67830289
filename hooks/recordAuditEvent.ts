import type { CollectionAfterChangeHook } from 'payload'

import { AUDIT_IGNORED_FIELDS, SKIP_GENERIC_AUDIT } from '../src/audit/auditContext'
import { auditTarget } from '../src/audit/auditTarget'
import { diffDocuments } from '../src/audit/diffDocuments'
import { presentForAudit } from '../src/audit/presentForAudit'
import { writeAuditEvent } from '../src/audit/writeAuditEvent'

const PRIVILEGE_FIELDS = ['memberships', 'isPlatformAdmin']

function membershipOrganisations(value: unknown): number[] {
  if (!Array.isArray(value)) return []
  return value
    .map((m: { organisation?: unknown }) => {
      const o = m?.organisation
      return typeof o === 'object' && o ? Number((o as { id: unknown }).id) : Number(o)
    })
    .filter((n) => Number.isFinite(n))
}

/**
 * Records every create and update with field-level before/after values (internal fields
 * included) in the same transaction. Role changes on users become `membership` events, one
 * per organisation involved, so that each organisation's auditors see them.
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
  const target = auditTarget(slug, doc)
  const before = operation === 'create' ? {} : (previousDoc as Record<string, unknown>)
  const changes = diffDocuments(before, doc as Record<string, unknown>, {
    ignore: AUDIT_IGNORED_FIELDS,
    present: presentForAudit,
  })
  if (operation === 'update' && changes.length === 0) return doc

  const privilegeChanged =
    slug === 'users' && changes.some((c) => PRIVILEGE_FIELDS.includes(c.field))
  if (privilegeChanged) {
    const organisations = new Set([
      ...membershipOrganisations(previousDoc?.memberships),
      ...membershipOrganisations(doc.memberships),
    ])
    const scopes = organisations.size > 0 ? [...organisations] : [null]
    for (const organisationId of scopes) {
      await writeAuditEvent(req, {
        eventType: 'membership',
        summary: `Rollen van ${target.label} gewijzigd`,
        organisationId,
        targetCollection: slug,
        targetId: doc.id,
        targetLabel: target.label,
        changes,
      })
    }
    return doc
  }

  await writeAuditEvent(req, {
    eventType: operation === 'create' ? 'create' : 'update',
    summary:
      operation === 'create'
        ? `${target.label} aangemaakt`
        : `${target.label} gewijzigd (${changes.map((c) => c.field).join(', ')})`,
    organisationId: target.organisationId,
    targetCollection: slug,
    targetId: doc.id,
    targetLabel: target.label,
    changes,
  })
  return doc
}
