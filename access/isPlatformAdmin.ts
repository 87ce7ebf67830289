import { asAccessUser } from './accessUser'

let hostRule: ((user: unknown) => boolean) | undefined

/**
 * Installs the host's own rule for who runs the whole register (the plugin's `isPlatformAdmin`
 * option). Access rules get only `req.user`, not the config, so the rule is kept here; the
 * plugin sets it each time its config is built, which means one register per process.
 */
export function setHostPlatformAdminRule(rule: ((user: unknown) => boolean) | undefined): void {
  hostRule = rule
}

/** True only for a logged-in user with the platform-admin flag, or whom the host's rule names. */
export function isPlatformAdmin(user: unknown): boolean {
  const accessUser = asAccessUser(user)
  if (!accessUser) return false
  return accessUser.isPlatformAdmin === true || hostRule?.(user) === true
}
