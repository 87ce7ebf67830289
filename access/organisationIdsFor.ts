import { asAccessUser } from './accessUser'
import type { MembershipRole } from './roles'

/**
 * The organisations in which `user` holds one of `roles` (any role when omitted).
 * Deny by default: anonymous users and users without memberships get an empty list.
 */
export function organisationIdsFor(user: unknown, roles?: readonly MembershipRole[]): number[] {
  const accessUser = asAccessUser(user)
  if (!accessUser?.memberships) return []
  const ids = new Set<number>()
  for (const membership of accessUser.memberships) {
    const organisation = membership.organisation
    const id = typeof organisation === 'object' && organisation ? organisation.id : organisation
    if (typeof id !== 'number') continue
    if (roles && !roles.includes(membership.role as MembershipRole)) continue
    ids.add(id)
  }
  return [...ids]
}
