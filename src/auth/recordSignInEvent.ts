import { usersSlugOf } from '../plugin/registerOptionsOf'
import type { PayloadRequest } from 'payload'

import type { AuditEventType } from '../../collections/AuditEvents'
import { membershipOrganisationIds } from '../audit/auditTarget'
import { writeAuditEvent, type AuditActor } from '../audit/writeAuditEvent'

/**
 * An audit event about a person's sign-in, written once per organisation they work in (so each
 * organisation's admins and auditors see it) or once without organisation. The actor is the
 * person unless given (a platform admin ending someone's sessions).
 */
export async function recordSignInEvent(
  req: PayloadRequest,
  person: AuditActor & { id: number | string },
  event: {
    eventType: AuditEventType
    summary: string
    details?: Record<string, unknown>
    actor?: AuditActor | null
  },
): Promise<void> {
  const label = person.name ?? person.email ?? String(person.id)
  const organisations = membershipOrganisationIds(person.memberships)
  for (const organisationId of organisations.length > 0 ? organisations : [null]) {
    await writeAuditEvent(req, {
      eventType: event.eventType,
      summary: event.summary,
      organisationId,
      targetCollection: usersSlugOf(req.payload),
      targetId: person.id,
      targetLabel: label,
      details: event.details ?? null,
      actor: event.actor === undefined ? person : event.actor,
    })
  }
}
