import type { PayloadRequest } from 'payload'

import type { Organisation } from '../../payload-types'
import { membershipOrganisations, type OrganisationSignInSettings } from './signInPolicy'
import type { AccessUser } from '../../access/accessUser'

/** The sign-in settings of the organisations a person works in, by organisation id. */
export async function loadOrganisationSignIn(
  req: PayloadRequest,
  user: Pick<AccessUser, 'memberships'>,
): Promise<
  Map<
    number,
    OrganisationSignInSettings & {
      roleMapping?: NonNullable<Organisation['signIn']>['roleMapping']
    }
  >
> {
  const ids = membershipOrganisations(user)
  const settings = new Map<number, OrganisationSignInSettings>()
  if (ids.length === 0) return settings
  const found = await req.payload.find({
    collection: 'organisations',
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
    select: { signIn: true },
    req,
  })
  for (const organisation of found.docs) {
    settings.set(Number(organisation.id), (organisation.signIn ?? {}) as OrganisationSignInSettings)
  }
  return settings
}
