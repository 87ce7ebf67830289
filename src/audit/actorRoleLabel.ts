import type { Payload } from 'payload'

import { isPlatformAdmin } from '../../access/isPlatformAdmin'
import { rolesIn } from '../../access/rolesIn'

/** How the actor's standing is written into an event: their roles in that organisation. */
export function actorRoleLabel(
  user: unknown,
  organisationId: number | null | undefined,
  payload: Payload,
): string {
  if (!user) return 'systeem'
  const roles: string[] = rolesIn(user, organisationId ?? undefined)
  if (isPlatformAdmin(user, payload)) roles.push('platformbeheerder')
  return roles.length > 0 ? roles.join(', ') : 'geen rol'
}
