import type { AfterErrorHook } from 'payload'

import { membershipOrganisationIds } from '../src/audit/auditTarget'
import { loginAttemptEmail } from '../src/audit/loginAttemptEmail'
import { writeAuditEvent, type AuditActor } from '../src/audit/writeAuditEvent'
import { usersSlugOf } from '../src/plugin/registerOptionsOf'

/** Errors only Payload's login operation throws: wrong or unknown credentials, locked account. */
const LOGIN_ERRORS = new Set(['AuthenticationError', 'LockedAuth'])

function nameOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined
  const original = (error as { originalError?: unknown }).originalError
  if (original && typeof original === 'object' && 'name' in original) return String(original.name)
  return 'name' in error ? String((error as { name: unknown }).name) : undefined
}

/**
 * Failed logins (wrong password, unknown address, locked account) through REST or GraphQL.
 * Payload has no failed-login hook, so this listens on errors. The login's own transaction has
 * been rolled back by then (there is nothing to roll back with), so the event gets a
 * transaction of its own. It is written once per organisation of the account that was tried,
 * or once without organisation for an unknown address (only platform admins see those).
 * Recording must never turn the refusal into a server error, so a failure here is logged.
 */
export const recordLoginFailure: AfterErrorHook = async ({ error, req }) => {
  const kind = nameOf(error)
  if (!kind || !LOGIN_ERRORS.has(kind)) return
  try {
    const email = loginAttemptEmail(req.data)
    let actor: (AuditActor & { id: number }) | null = null
    if (email) {
      const found = await req.payload.find({
        collection: usersSlugOf(req.payload),
        where: { email: { equals: email } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
      actor = (found.docs[0] as unknown as (AuditActor & { id: number }) | undefined) ?? null
    }
    const organisations = membershipOrganisationIds(actor?.memberships)
    const reason = kind === 'LockedAuth' ? 'locked' : actor ? 'wrong-password' : 'unknown-account'
    for (const organisationId of organisations.length > 0 ? organisations : [null]) {
      await writeAuditEvent(req, {
        eventType: 'login_failure',
        summary:
          kind === 'LockedAuth'
            ? `Inlogpoging op geblokkeerd account ${email ?? '(onbekend)'}`
            : `Mislukte inlogpoging voor ${email ?? '(onbekend)'}`,
        organisationId,
        targetCollection: usersSlugOf(req.payload),
        targetId: actor?.id ?? null,
        targetLabel: email,
        details: { reason },
        actor: actor
          ? {
              id: actor.id,
              name: actor.name,
              email: actor.email,
              memberships: actor.memberships,
              isPlatformAdmin: actor.isPlatformAdmin,
            }
          : null,
      })
    }
  } catch (failure) {
    req.payload.logger.error(
      { err: failure },
      'Could not record a failed login in the audit history',
    )
  }
}
