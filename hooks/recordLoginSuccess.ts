import type { CollectionAfterLoginHook } from 'payload'

import { writeAuditEvent } from '../src/audit/writeAuditEvent'

/** Successful logins are part of the history auditors ask for. */
export const recordLoginSuccess: CollectionAfterLoginHook = async ({ req, user }) => {
  const person = user as { id: number; name?: string; email?: string }
  await writeAuditEvent(req, {
    eventType: 'login_success',
    summary: `${person.name ?? person.email} ingelogd`,
    targetCollection: 'users',
    targetId: person.id,
    targetLabel: person.name ?? person.email ?? null,
    actor: { id: person.id, name: person.name, email: person.email },
  })
  return user
}
