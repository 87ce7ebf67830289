import { asAccessUser } from './accessUser'
import type { MembershipRole } from './roles'

/** The roles `user` holds in one organisation. */
export function rolesIn(
  user: unknown,
  organisationId: number | null | undefined,
): MembershipRole[] {
  const accessUser = asAccessUser(user)
  if (!accessUser?.memberships || typeof organisationId !== 'number') return []
  const roles = new Set<MembershipRole>()
  for (const membership of accessUser.memberships) {
    const organisation = membership.organisation
    const id = typeof organisation === 'object' && organisation ? organisation.id : organisation
    if (id === organisationId && membership.role) roles.add(membership.role as MembershipRole)
  }
  return [...roles]
}
