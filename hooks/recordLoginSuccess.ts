import type { CollectionAfterLoginHook } from 'payload'

import { membershipOrganisationIds } from '../src/audit/auditTarget'
import { writeAuditEvent, type AuditActor } from '../src/audit/writeAuditEvent'
import { usersSlugOf } from '../src/plugin/registerOptionsOf'

/**
 * Successful logins are part of the history auditors ask for. Written in the login's own
 * transaction, once per organisation the person works in (with their role there), so each
 * organisation's admins and auditors see who logged in; someone without memberships (a
 * platform admin) gets one event without organisation.
 */
export const recordLoginSuccess: CollectionAfterLoginHook = async ({ req, user }) => {
  const person = user as AuditActor & { id: number }
  const label = person.name ?? person.email ?? String(person.id)
  const organisations = membershipOrganisationIds(person.memberships)
  for (const organisationId of organisations.length > 0 ? organisations : [null]) {
    await writeAuditEvent(req, {
      eventType: 'login_success',
      summary: `${label} ingelogd`,
      organisationId,
      targetCollection: usersSlugOf(req.payload),
      targetId: person.id,
      targetLabel: label,
      actor: person,
    })
  }
  return user
}
