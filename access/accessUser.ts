import type { MembershipRole } from './roles'

/**
 * The part of a logged-in user that access rules look at. Structural, so that rules work on
 * `req.user` as Payload hands it over (relationships as ids at auth depth 0, or populated).
 */
export interface AccessUser {
  id: number | string
  collection?: string
  isPlatformAdmin?: boolean | null
  memberships?: Array<{
    organisation?: number | { id: number } | null
    role?: MembershipRole | string | null
  }> | null
}

/** Narrows Payload's `req.user` to a register user, or undefined for anonymous callers. */
export function asAccessUser(user: unknown): AccessUser | undefined {
  if (!user || typeof user !== 'object') return undefined
  const candidate = user as AccessUser
  if (candidate.collection !== undefined && candidate.collection !== 'users') return undefined
  return candidate
}
