import type { CollectionBeforeLoginHook, PayloadRequest } from 'payload'

import type { User } from '../../../payload-types'
import { lockUserForSignIn } from '../../database/lockUserForSignIn'
import { recordSignInEvent } from '../recordSignInEvent'
import { openText } from '../secretBox'
import { SignInRefused } from '../signInErrors'
import { loadOrganisationSignIn } from '../loadOrganisationSignIn'
import { passwordLoginAllowed, secondFactorRequired } from '../signInPolicy'
import { signInOptionsOf } from '../signInOptions'
import { findRecoveryCode } from './recoveryCodes'
import { checkTotpCode } from './totpCode'
import { writeUserRow } from '../writeUserRow'

/** Purpose under which TOTP secrets are sealed (see secretBox). */
export const TOTP_SECRET_PURPOSE = 'totp-secret'

/**
 * Context key: set by the enrolment endpoint when it only checks a password through Payload's
 * login (so wrong passwords count towards the lockout). The login is then always refused with
 * 'enrolment-required' after the password was found correct, and no session survives.
 */
export const PASSWORD_CHECK_ONLY = 'algorithmRegisterPasswordCheckOnly'

/** The second factor from a login request: `code` in a REST body, or the X-Second-Factor header (GraphQL). */
export function secondFactorCodeOf(req: PayloadRequest): string | null {
  const fromBody = (req.data as { code?: unknown } | undefined)?.code
  const raw = typeof fromBody === 'string' ? fromBody : req.headers.get('x-second-factor')
  if (typeof raw !== 'string') return null
  const code = raw.trim().slice(0, 40)
  return code === '' ? null : code
}

type StoredUser = User & {
  totpSecret?: string | null
  totpRecoveryCodes?: unknown
  totpPendingSecret?: string | null
  totpPendingRecoveryCodes?: unknown
  totpLastTimeStep?: number | null
}

function hashesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

/**
 * Runs inside Payload's login operation after the password was found correct and before a token
 * is signed; throwing here rolls the whole login back (session, reset of failed attempts), so a
 * password alone never yields a token when a second factor is due. Also refuses password login
 * where the register or an organisation switched it off.
 *
 * A wrong code is counted as a failed login by recordSignInFailure (afterError), outside this
 * rolled-back transaction.
 */
export const requireSecondFactor: CollectionBeforeLoginHook = async ({ req, user, collection }) => {
  const id = Number((user as { id: unknown }).id)
  const options = signInOptionsOf(req.payload)
  const organisations = await loadOrganisationSignIn(req, user as User)
  if (!passwordLoginAllowed(user as User, organisations, options)) {
    throw new SignInRefused(req, 'password-login-disabled', id)
  }
  await lockUserForSignIn(req, id)
  const stored = (await req.payload.findByID({
    collection: collection.slug as 'users',
    id,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })) as StoredUser
  const enrolled = typeof stored.totpSecret === 'string' && stored.totpSecret !== ''
  const pending = typeof stored.totpPendingSecret === 'string' && stored.totpPendingSecret !== ''
  const required = secondFactorRequired(stored, organisations, options)
  if (req.context[PASSWORD_CHECK_ONLY]) {
    throw new SignInRefused(req, enrolled ? 'second-factor-required' : 'enrolment-required', id)
  }
  if (!enrolled && !pending && !required) return user
  if (!enrolled && !pending) throw new SignInRefused(req, 'enrolment-required', id)

  const code = secondFactorCodeOf(req)
  // An unconfirmed app of someone who needs no second factor does not stand in their way.
  if (!enrolled && !required && !code) return user
  if (!code) throw new SignInRefused(req, 'second-factor-required', id)
  const secret = req.payload.secret
  const sealed = enrolled ? stored.totpSecret : stored.totpPendingSecret
  const totpSecret = openText(secret, TOTP_SECRET_PURPOSE, sealed)
  const update: Record<string, unknown> = {}
  const timeStep = totpSecret
    ? await checkTotpCode(totpSecret, code, stored.totpLastTimeStep)
    : null
  if (timeStep !== null) {
    update.totpLastTimeStep = timeStep
  } else if (enrolled) {
    const hashes = hashesOf(stored.totpRecoveryCodes)
    const index = findRecoveryCode(secret, hashes, code)
    if (index === -1) throw new SignInRefused(req, 'second-factor-rejected', id)
    update.totpRecoveryCodes = hashes.filter((_hash, i) => i !== index)
  } else {
    throw new SignInRefused(req, 'second-factor-rejected', id)
  }
  if (!enrolled) {
    // The first correct code from the new app confirms the enrolment.
    Object.assign(update, {
      totpSecret: stored.totpPendingSecret,
      totpRecoveryCodes: hashesOf(stored.totpPendingRecoveryCodes),
      totpPendingSecret: null,
      totpPendingRecoveryCodes: null,
      totpEnabledAt: new Date().toISOString(),
    })
  }
  await writeUserRow(req, id, update)
  if (!enrolled) {
    await recordSignInEvent(req, stored, {
      eventType: 'second_factor',
      summary: `${stored.name ?? stored.email} heeft tweestapsverificatie ingesteld`,
      details: { action: 'enrolled' },
    })
  }
  return user
}
