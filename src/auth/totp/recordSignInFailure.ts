import { incrementLoginAttempts, type AfterErrorHook } from 'payload'

import type { User } from '../../../payload-types'
import { asSignInRefused } from '../signInErrors'
import { recordSignInEvent } from '../recordSignInEvent'

/**
 * A wrong second factor counts as a failed login, exactly like a wrong password: the same
 * counter and lockout (Payload's incrementLoginAttempts, outside the login's rolled-back
 * transaction). Every refused step after a correct password is recorded in the audit history.
 * Recording must never turn the refusal into a server error, so a failure here is logged.
 */
export const recordSignInFailure: AfterErrorHook = async ({ error, req }) => {
  const refused = asSignInRefused(error)
  if (
    !refused ||
    refused.step === 'second-factor-required' ||
    refused.step === 'enrolment-required'
  ) {
    return
  }
  try {
    const collection = req.payload.collections.users?.config
    if (!collection) return
    const user = (await req.payload.db.findOne({
      collection: collection.slug,
      where: { id: { equals: refused.userId } },
    })) as (User & { loginAttempts?: number | null; lockUntil?: string | null }) | null
    if (!user) return
    if (refused.step === 'second-factor-rejected' && collection.auth.maxLoginAttempts > 0) {
      await incrementLoginAttempts({ collection, payload: req.payload, user: user as never })
    }
    await recordSignInEvent(req, user, {
      eventType: 'login_failure',
      summary:
        refused.step === 'second-factor-rejected'
          ? `Verkeerde code bij tweestapsverificatie voor ${user.email}`
          : `Inloggen met wachtwoord geweigerd (staat uit) voor ${user.email}`,
      details: { reason: refused.step },
    })
  } catch (failure) {
    req.payload.logger.error({ err: failure }, 'Could not record a refused sign-in step')
  }
}
