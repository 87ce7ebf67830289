import type { Payload } from 'payload'

import { registerOptionsOf } from '../src/plugin/registerOptionsOf'
import { asAccessUser } from './accessUser'

/**
 * True only for a logged-in user of the register's users collection (the `usersSlug` option)
 * with the platform-admin flag, or whom the host's `isPlatformAdmin` option names. Both are read
 * from `payload`'s config, so two configs in one process each keep their own rule.
 */
export function isPlatformAdmin(user: unknown, payload: Payload): boolean {
  const accessUser = asAccessUser(user)
  if (!accessUser) return false
  const options = registerOptionsOf(payload)
  if (accessUser.collection !== undefined && accessUser.collection !== options.usersSlug) {
    return false
  }
  if (accessUser.isPlatformAdmin === true) return true
  return options.enabled && options.isPlatformAdmin?.(user) === true
}
