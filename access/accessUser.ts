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

/**
 * Narrows Payload's `req.user` to a register user, or undefined for anonymous callers. Which
 * collection the users come from is the host's choice (the `usersSlug` option): memberships exist
 * only on that collection, so a user of another auth collection holds no roles here, and
 * `isPlatformAdmin` checks the collection against the config itself.
 */
export function asAccessUser(user: unknown): AccessUser | undefined {
  if (!user || typeof user !== 'object') return undefined
  return user as AccessUser
}
