import type { Access, Where } from 'payload'

import { asAccessUser } from './accessUser'
import { isPlatformAdmin } from './isPlatformAdmin'
import { organisationIdsFor } from './organisationIdsFor'

/** People see themselves and the members of their own organisations; platform admins everyone. */
export const usersVisibleTo: Access = ({ req }): boolean | Where => {
  const user = asAccessUser(req.user)
  if (!user) return false
  if (isPlatformAdmin(user, req.payload)) return true
  const organisationIds = organisationIdsFor(user)
  if (organisationIds.length === 0) return { id: { equals: user.id } }
  return {
    or: [{ id: { equals: user.id } }, { 'memberships.organisation': { in: organisationIds } }],
  }
}
