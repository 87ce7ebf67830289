import type { Access } from 'payload'

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
 * Create rule: the new row's `field` must be an organisation where the user holds one of
 * `roles`. Without data (the admin asking whether to show a Create button) it answers whether
 * the user could create anywhere.
 */
export function createInOwnOrganisation(field: string, roles: readonly MembershipRole[]): Access {
  return ({ req, data }) => {
    if (isPlatformAdmin(req.user, req.payload)) return true
    const allowed = organisationIdsFor(req.user, roles)
    if (allowed.length === 0) return false
    const target =
      data && typeof data === 'object' ? (data as Record<string, unknown>)[field] : undefined
    if (target === undefined || target === null) return true
    const id = idOf(target)
    return id !== undefined && allowed.includes(id)
  }
}
