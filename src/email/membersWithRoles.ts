import type { PayloadRequest } from 'payload'

import type { MembershipRole } from '../../access/roles'
import { usersSlugOf } from '../plugin/registerOptionsOf'

export interface Recipient {
  id: number
  name: string
  email: string
}

/** People holding one of `roles` in an organisation, for notifications. */
export async function membersWithRoles(
  req: PayloadRequest,
  organisationId: number,
  roles: readonly MembershipRole[],
): Promise<Recipient[]> {
  const result = await req.payload.find({
    collection: usersSlugOf(req.payload),
    where: { 'memberships.organisation': { equals: organisationId } },
    depth: 0,
    limit: 500,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return result.docs
    .filter((user) =>
      (user.memberships ?? []).some((m) => {
        const org = typeof m.organisation === 'object' ? m.organisation.id : m.organisation
        return org === organisationId && roles.includes(m.role as MembershipRole)
      }),
    )
    .map((user) => ({ id: user.id, name: user.name, email: user.email }))
}
