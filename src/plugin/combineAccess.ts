import type {
  Access,
  AccessArgs,
  AccessResult,
  CollectionConfig,
  Config,
  PayloadRequest,
  Where,
} from 'payload'

import { isPlatformAdmin } from '../../access/isPlatformAdmin'
import { platformAdminOnly } from '../../access/platformAdminOnly'

type CollectionAccess = NonNullable<CollectionConfig['access']>
type JobAccess = NonNullable<NonNullable<Config['jobs']>['access']>

/** Payload's rule where a collection sets none: any logged-in user. */
const payloadDefault: Access = ({ req }) => Boolean(req.user)

/**
 * Allowed when either rule allows: `true` wins, two row filters become one `or`. This is how the
 * register adds its roles to a host's rules without taking any right away from the host.
 */
export function eitherAccess(first: Access, second: Access): Access {
  return async (args: AccessArgs): Promise<AccessResult> => {
    const results = await Promise.all([first(args), second(args)])
    if (results.some((result) => result === true)) return true
    const filters = results.filter(
      (result): result is Where => typeof result === 'object' && result !== null,
    )
    if (filters.length === 0) return false
    return filters.length === 1 ? filters[0] : { or: filters }
  }
}

/**
 * The host's users access combined with the register's: for every operation either may allow.
 * An operation the host leaves open keeps Payload's default (any logged-in user), because that
 * is the host's policy today.
 */
export function combineAccess(
  host: CollectionConfig['access'],
  register: CollectionConfig['access'],
): CollectionAccess {
  const combined: CollectionAccess = { ...host }
  const operations = ['create', 'delete', 'read', 'readVersions', 'unlock', 'update'] as const
  for (const operation of operations) {
    const registerRule = register?.[operation]
    if (!registerRule) continue
    combined[operation] = eitherAccess(host?.[operation] ?? payloadDefault, registerRule)
  }
  const hostAdmin = host?.admin
  const registerAdmin = register?.admin
  if (registerAdmin) {
    combined.admin = async (args: { req: PayloadRequest }) =>
      (hostAdmin ? await hostAdmin(args) : Boolean(args.req.user)) || (await registerAdmin(args))
  }
  return combined
}

/**
 * Who may run, queue and cancel jobs: platform admins, plus whoever the host's own rule allows.
 * Where the host set no rule, Payload would let any logged-in user in; the register's job inputs
 * hold e-mail addresses, so then only platform admins may.
 */
export function combineJobAccess(host: JobAccess | undefined): JobAccess {
  const rule =
    (hostRule: ((args: { req: PayloadRequest }) => boolean | Promise<boolean>) | undefined) =>
    async ({ req }: { req: PayloadRequest }): Promise<boolean> =>
      isPlatformAdmin(req.user, req.payload) || (hostRule ? await hostRule({ req }) : false)
  return { ...host, run: rule(host?.run), queue: rule(host?.queue), cancel: rule(host?.cancel) }
}

/**
 * The jobs collection readable and writable by platform admins, and by whoever a rule the host
 * set itself (through its own `jobsCollectionOverrides`) allows. Versions are never readable.
 */
export function lockJobsCollection(
  collection: CollectionConfig,
  defaults: CollectionConfig,
): CollectionConfig {
  const access: CollectionAccess = { ...collection.access, readVersions: () => false }
  for (const operation of ['read', 'create', 'update', 'delete'] as const) {
    const hostRule = collection.access?.[operation]
    const hostChoseIt = hostRule !== undefined && hostRule !== defaults.access?.[operation]
    access[operation] = hostChoseIt ? eitherAccess(hostRule, platformAdminOnly) : platformAdminOnly
  }
  return { ...collection, access }
}
