import type { FieldAccess } from 'payload'

import { isPlatformAdmin } from './isPlatformAdmin'
import { organisationIdsFor } from './organisationIdsFor'
import type { MembershipRole } from './roles'

function idOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value)
  if (value && typeof value === 'object' && 'id' in value)
    return idOf((value as { id: unknown }).id)
  return undefined
}

/**
 * Field-level rule for internal fields: only people with one of `roles` (any role when omitted)
 * in the document's organisation, and platform admins. Without a document (Payload checking
 * whether a field may be queried), members of any organisation pass: row-level access already
 * limits them to their own organisations' rows, so a filter cannot reach anyone else's values.
 */
export function memberOfDocumentOrganisation(
  field: string,
  roles?: readonly MembershipRole[],
): FieldAccess {
  return ({ req, doc, data }) => {
    if (isPlatformAdmin(req.user, req.payload)) return true
    const allowed = organisationIdsFor(req.user, roles)
    if (allowed.length === 0) return false
    const source = (doc ?? data) as Record<string, unknown> | undefined
    const organisation = idOf(source?.[field])
    if (organisation === undefined) return true
    return allowed.includes(organisation)
  }
}
