import type { Access, Where } from 'payload'

import { asAccessUser } from './accessUser'
import { isPlatformAdmin } from './isPlatformAdmin'
import { organisationIdsFor } from './organisationIdsFor'

/** Platform-admin accounts are out of an organisation admin's reach, even as members. */
const NOT_A_PLATFORM_ADMIN: Where = {
  or: [{ isPlatformAdmin: { equals: false } }, { isPlatformAdmin: { exists: false } }],
}

/**
 * Everyone may edit their own account (name, e-mail, password); organisation admins the members
 * of the organisations they administer; platform admins everyone. Which fields may change is
 * guarded separately (memberships, platform-admin flag).
 *
 * An organisation admin may not change someone else's e-mail address or password, nor touch a
 * platform admin: people often have roles in several organisations, and whoever controls the
 * credentials controls all of those roles. Taking over such an account would raise the admin's
 * own privileges. An unchanged e-mail address (the admin re-sends the whole form) is fine.
 */
export const usersEditableBy: Access = ({ req, data }): boolean | Where => {
  const user = asAccessUser(req.user)
  if (!user) return false
  if (isPlatformAdmin(user, req.payload)) return true
  const self: Where = { id: { equals: user.id } }
  const administered = organisationIdsFor(user, ['beheerder'])
  if (administered.length === 0) return self
  const incoming = data && typeof data === 'object' ? (data as Record<string, unknown>) : {}
  if (typeof incoming.password === 'string' && incoming.password !== '') return self
  const others: Where[] = [
    { 'memberships.organisation': { in: administered } },
    NOT_A_PLATFORM_ADMIN,
  ]
  if (incoming.email !== undefined) {
    // Only a plain string can be compared; anything else is not an unchanged address.
    if (typeof incoming.email !== 'string') return self
    others.push({ email: { equals: incoming.email } })
  }
  return { or: [self, { and: others }] }
}
