import type { PayloadRequest } from 'payload'

import { isPlatformAdmin } from './isPlatformAdmin'
import { organisationIdsFor } from './organisationIdsFor'

/** The admin panel is for people with a role somewhere, and for platform admins. */
export const canUseAdmin = ({ req }: { req: PayloadRequest }): boolean =>
  isPlatformAdmin(req.user, req.payload) || organisationIdsFor(req.user).length > 0
