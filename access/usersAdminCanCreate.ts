import type { Access } from 'payload'

import { isPlatformAdmin } from './isPlatformAdmin'
import { organisationIdsFor } from './organisationIdsFor'

/**
 * Organisation admins add people to their own organisations; platform admins add anyone.
 * (The first account on an empty register comes through Payload's first-register flow.)
 */
export const usersAdminCanCreate: Access = ({ req }) =>
  isPlatformAdmin(req.user, req.payload) || organisationIdsFor(req.user, ['beheerder']).length > 0
