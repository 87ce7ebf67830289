import { usersSlugOf } from '../plugin/registerOptionsOf'
import type { Endpoint, PayloadRequest } from 'payload'

import type { User } from '../../payload-types'
import { isPlatformAdmin } from '../../access/isPlatformAdmin'
import type { AuditActor } from '../audit/writeAuditEvent'
import { recordSignInEvent } from './recordSignInEvent'
import { NOT_LOGGED_IN, refusal } from './signInResponses'
import { writeUserRow } from './writeUserRow'

async function targetOf(req: PayloadRequest): Promise<User | Response> {
  if (!req.user) return refusal(req, 401, NOT_LOGGED_IN)
  if (!isPlatformAdmin(req.user, req.payload)) {
    return refusal(req, 403, {
      nl: 'Alleen een platformbeheerder mag dit doen.',
      en: 'Only a platform admin may do this.',
    })
  }
  const id = Number(req.routeParams?.id)
  const found = Number.isSafeInteger(id)
    ? await req.payload.find({
        collection: usersSlugOf(req.payload),
        where: { id: { equals: id } },
        depth: 0,
        limit: 1,
        overrideAccess: true,
        req,
      })
    : { docs: [] }
  const user = found.docs[0]
  if (!user) {
    return refusal(req, 404, {
      nl: `Gebruiker ${String(req.routeParams?.id)} bestaat niet.`,
      en: `User ${String(req.routeParams?.id)} does not exist.`,
    })
  }
  return user
}

/**
 * POST /api/users/:id/end-sessions (platform admins): ends every session of this person at once
 * (a lost laptop, someone leaving). Their tokens stop working at the next request.
 */
export const endSessions: Endpoint = {
  path: '/:id/end-sessions',
  method: 'post',
  handler: async (req) => {
    const user = await targetOf(req)
    if (user instanceof Response) return user
    await writeUserRow(req, user.id, { sessions: [] })
    await recordSignInEvent(req, user, {
      eventType: 'sessions_ended',
      summary: `Alle sessies van ${user.name ?? user.email} beëindigd`,
      actor: req.user as unknown as AuditActor,
    })
    return Response.json({ ended: true })
  },
}

/**
 * POST /api/users/:id/second-factor/reset (platform admins): removes someone's authenticator
 * and recovery codes (a lost phone) and ends their sessions; they enrol again at their next login.
 */
export const resetSecondFactor: Endpoint = {
  path: '/:id/second-factor/reset',
  method: 'post',
  handler: async (req) => {
    const user = await targetOf(req)
    if (user instanceof Response) return user
    await writeUserRow(req, user.id, {
      totpSecret: null,
      totpRecoveryCodes: null,
      totpPendingSecret: null,
      totpPendingRecoveryCodes: null,
      totpEnabledAt: null,
      sessions: [],
    })
    await recordSignInEvent(req, user, {
      eventType: 'second_factor',
      summary: `Tweestapsverificatie van ${user.name ?? user.email} gewist door een platformbeheerder`,
      details: { action: 'reset' },
      actor: req.user as unknown as AuditActor,
    })
    return Response.json({ reset: true })
  },
}
