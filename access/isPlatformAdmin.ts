import { asAccessUser } from './accessUser'

/** True only for a logged-in user with the platform-admin flag. */
export function isPlatformAdmin(user: unknown): boolean {
  return asAccessUser(user)?.isPlatformAdmin === true
}
