import type { Access } from 'payload'

import { isPlatformAdmin } from './isPlatformAdmin'
import { organisationIdsFor } from './organisationIdsFor'
import type { MembershipRole } from './roles'

/**
 * Row-level rule: rows whose `field` points at an organisation where the user holds one of
 * `roles` (any role when omitted). Platform admins see every row; anonymous callers none.
 */
export function membersOfOwningOrganisation(
  field: string,
  roles?: readonly MembershipRole[],
): Access {
  return ({ req }) => {
    if (isPlatformAdmin(req.user, req.payload)) return true
    const organisationIds = organisationIdsFor(req.user, roles)
    if (organisationIds.length === 0) return false
    return { [field]: { in: organisationIds } }
  }
}
