import { usersSlugOf } from '../../plugin/registerOptionsOf'
import { AuthenticationError, LockedAuth, type Endpoint, type PayloadRequest } from 'payload'
import QRCode from 'qrcode'

import type { User } from '../../../payload-types'
import { loadOrganisationSignIn } from '../loadOrganisationSignIn'
import { recordSignInEvent } from '../recordSignInEvent'
import { openText, sealText } from '../secretBox'
import { asSignInRefused } from '../signInErrors'
import { secondFactorRequired } from '../signInPolicy'
import { signInOptionsOf } from '../signInOptions'
import { bodyOf, NOT_LOGGED_IN, refusal } from '../signInResponses'
import { findRecoveryCode, generateRecoveryCodes, hashRecoveryCode } from './recoveryCodes'
import { PASSWORD_CHECK_ONLY, TOTP_SECRET_PURPOSE } from './requireSecondFactor'
import { checkTotpCode, newTotpSecret, totpUri } from './totpCode'
import { writeUserRow } from '../writeUserRow'

type StoredUser = User & {
  totpSecret?: string | null
  totpRecoveryCodes?: unknown
  totpPendingSecret?: string | null
  totpLastTimeStep?: number | null
}

async function storedUser(req: PayloadRequest, id: number): Promise<StoredUser> {
  return (await req.payload.findByID({
    collection: usersSlugOf(req.payload),
    id,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })) as StoredUser
}

const WRONG_CODE = {
  nl: 'Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat en probeer de volgende code.',
  en: 'This code is wrong. Check that the time on your phone is right and try the next code.',
}

/**
 * Whose enrolment this is: the logged-in person, or (not logged in, because their
 * organisation requires a second factor before they can log in) whoever gives the right e-mail
 * address and password. The password is checked by Payload's own login, so wrong passwords
 * count towards the lockout; that login is always rolled back.
 */
async function enrollingUser(req: PayloadRequest): Promise<number | Response> {
  if (req.user) {
    if (req.user.collection !== usersSlugOf(req.payload)) return refusal(req, 403, NOT_LOGGED_IN)
    return Number(req.user.id)
  }
  const body = await bodyOf(req)
  if (typeof body.email !== 'string' || typeof body.password !== 'string') {
    return refusal(req, 401, {
      nl: 'Vul uw e-mailadres en wachtwoord in om tweestapsverificatie in te stellen.',
      en: 'Enter your e-mail address and password to set up two-factor authentication.',
    })
  }
  try {
    await req.payload.login({
      collection: usersSlugOf(req.payload),
      data: { email: body.email, password: body.password },
      context: { [PASSWORD_CHECK_ONLY]: true },
    })
  } catch (error) {
    const refused = asSignInRefused(error)
    if (refused?.step === 'enrolment-required') return refused.userId
    if (refused?.step === 'second-factor-required') return alreadyEnrolled(req)
    if (refused) return refusal(req, refused.status, { nl: refused.message, en: refused.message })
    if (error instanceof LockedAuth) {
      return refusal(req, 401, {
        nl: 'Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het later opnieuw.',
        en: 'This account is locked for a while after too many failed attempts. Try again later.',
      })
    }
    if (error instanceof AuthenticationError) {
      return refusal(req, 401, {
        nl: 'Het e-mailadres of wachtwoord klopt niet.',
        en: 'The e-mail address or password is wrong.',
      })
    }
    throw error
  }
  // The login went through: this person is not asked for a second factor. Never happens with
  // PASSWORD_CHECK_ONLY, which always refuses; fail closed.
  return refusal(req, 409, {
    nl: 'Tweestapsverificatie kan nu niet worden ingesteld.',
    en: 'Two-factor authentication cannot be set up now.',
  })
}

function alreadyEnrolled(req: PayloadRequest): Response {
  return refusal(req, 409, {
    nl: 'Tweestapsverificatie is al ingesteld. Zet het eerst uit (met een code) om een nieuwe app te koppelen.',
    en: 'Two-factor authentication is already set up. Turn it off first (with a code) to link a new app.',
  })
}

/**
 * POST /api/users/second-factor/enrolment: a new secret (QR code and text) and ten recovery
 * codes, shown this once. They take effect with the first correct code: through
 * /second-factor/confirm when logged in, or by logging in with `code`.
 */
export const startEnrolment: Endpoint = {
  path: '/second-factor/enrolment',
  method: 'post',
  handler: async (req) => {
    const who = await enrollingUser(req)
    if (who instanceof Response) return who
    const user = await storedUser(req, who)
    if (user.totpSecret) return alreadyEnrolled(req)
    const options = signInOptionsOf(req.payload)
    const secret = newTotpSecret()
    const recoveryCodes = generateRecoveryCodes()
    await writeUserRow(req, who, {
      totpPendingSecret: sealText(req.payload.secret, TOTP_SECRET_PURPOSE, secret),
      totpPendingRecoveryCodes: recoveryCodes.map((code) =>
        hashRecoveryCode(req.payload.secret, code),
      ),
    })
    const otpauthUrl = totpUri(options.totpIssuer, user.email, secret)
    return Response.json({
      secret,
      otpauthUrl,
      qrCode: await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 1 }),
      recoveryCodes,
    })
  },
}

/** POST /api/users/second-factor/confirm `{ code }`: the logged-in person confirms their new app. */
export const confirmEnrolment: Endpoint = {
  path: '/second-factor/confirm',
  method: 'post',
  handler: async (req) => {
    if (!req.user || req.user.collection !== usersSlugOf(req.payload))
      return refusal(req, 401, NOT_LOGGED_IN)
    const body = await bodyOf(req)
    const user = await storedUser(req, Number(req.user.id))
    if (user.totpSecret) return alreadyEnrolled(req)
    const secret = openText(req.payload.secret, TOTP_SECRET_PURPOSE, user.totpPendingSecret)
    if (!secret) {
      return refusal(req, 409, {
        nl: 'Start eerst het instellen van tweestapsverificatie.',
        en: 'Start setting up two-factor authentication first.',
      })
    }
    const step =
      typeof body.code === 'string'
        ? await checkTotpCode(secret, body.code.trim(), user.totpLastTimeStep)
        : null
    if (step === null) return refusal(req, 400, WRONG_CODE)
    await writeUserRow(req, user.id, {
      totpSecret: user.totpPendingSecret,
      totpRecoveryCodes: (user as { totpPendingRecoveryCodes?: unknown }).totpPendingRecoveryCodes,
      totpPendingSecret: null,
      totpPendingRecoveryCodes: null,
      totpLastTimeStep: step,
      totpEnabledAt: new Date().toISOString(),
    })
    await recordSignInEvent(req, user, {
      eventType: 'second_factor',
      summary: `${user.name ?? user.email} heeft tweestapsverificatie ingesteld`,
      details: { action: 'enrolled' },
    })
    return Response.json({ enabled: true })
  },
}

/**
 * POST /api/users/second-factor/disable `{ code }`: the logged-in person turns it off, with a
 * current code or a recovery code, and only where no organisation requires it.
 */
export const disableSecondFactor: Endpoint = {
  path: '/second-factor/disable',
  method: 'post',
  handler: async (req) => {
    if (!req.user || req.user.collection !== usersSlugOf(req.payload))
      return refusal(req, 401, NOT_LOGGED_IN)
    const body = await bodyOf(req)
    const user = await storedUser(req, Number(req.user.id))
    const secret = openText(req.payload.secret, TOTP_SECRET_PURPOSE, user.totpSecret)
    if (!secret) {
      return refusal(req, 409, {
        nl: 'Tweestapsverificatie staat al uit.',
        en: 'Two-factor authentication is already off.',
      })
    }
    const organisations = await loadOrganisationSignIn(req, user)
    if (secondFactorRequired(user, organisations, signInOptionsOf(req.payload))) {
      return refusal(req, 403, {
        nl: 'Uw organisatie vraagt tweestapsverificatie; u kunt het niet uitzetten.',
        en: 'Your organisation requires two-factor authentication; you cannot turn it off.',
      })
    }
    const code = typeof body.code === 'string' ? body.code.trim() : ''
    const valid =
      (await checkTotpCode(secret, code, user.totpLastTimeStep)) !== null ||
      findRecoveryCode(
        req.payload.secret,
        Array.isArray(user.totpRecoveryCodes) ? (user.totpRecoveryCodes as string[]) : [],
        code,
      ) !== -1
    if (!valid) return refusal(req, 400, WRONG_CODE)
    await writeUserRow(req, user.id, {
      totpSecret: null,
      totpRecoveryCodes: null,
      totpEnabledAt: null,
    })
    await recordSignInEvent(req, user, {
      eventType: 'second_factor',
      summary: `${user.name ?? user.email} heeft tweestapsverificatie uitgezet`,
      details: { action: 'disabled' },
    })
    return Response.json({ enabled: false })
  },
}
