import type { FieldHook } from 'payload'

import { isPlatformAdmin } from '../access/isPlatformAdmin'
import { throwFieldErrors } from '../src/errors/throwFieldErrors'
import { usersSlugOf } from '../src/plugin/registerOptionsOf'

/**
 * Field access alone would silently drop the flag; a person trying to make someone (or
 * themselves) platform admin gets told why it did not happen.
 */
export const refusePlatformAdminChange: FieldHook = ({
  value,
  previousValue,
  operation,
  overrideAccess,
  req,
}) => {
  if (overrideAccess || value === undefined || value === null) return value
  const before = operation === 'create' ? false : previousValue === true
  if (Boolean(value) === before || isPlatformAdmin(req.user, req.payload)) return value
  throwFieldErrors(req, usersSlugOf(req.payload), [
    {
      path: 'isPlatformAdmin',
      message: {
        nl: 'Alleen een platformbeheerder kan iemand platformbeheerder maken of dat weer uitzetten.',
        en: 'Only a platform admin can make someone a platform admin or undo it.',
      },
    },
  ])
}
