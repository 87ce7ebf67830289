import type { Access, Where } from 'payload'

import { asAccessUser } from './accessUser'
import { isPlatformAdmin } from './isPlatformAdmin'
import { organisationIdsFor } from './organisationIdsFor'

/**
 * Everyone may edit their own account (name, password); organisation admins the members of
 * the organisations they administer; platform admins everyone. Which fields may change is
 * guarded separately (memberships, platform-admin flag).
 */
export const usersEditableBy: Access = ({ req }): boolean | Where => {
  const user = asAccessUser(req.user)
  if (!user) return false
  if (isPlatformAdmin(user)) return true
  const administered = organisationIdsFor(user, ['beheerder'])
  if (administered.length === 0) return { id: { equals: user.id } }
  return {
    or: [{ id: { equals: user.id } }, { 'memberships.organisation': { in: administered } }],
  }
}
