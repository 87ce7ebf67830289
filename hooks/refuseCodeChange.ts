import type { FieldHook } from 'payload'

import { isPlatformAdmin } from '../access/isPlatformAdmin'
import { throwFieldErrors } from '../src/errors/throwFieldErrors'

/**
 * The TOOI code identifies an organisation in exports and the public API. Field access alone
 * would silently ignore an organisation admin's change; this says why it did not happen.
 */
export const refuseCodeChange: FieldHook = ({
  value,
  previousValue,
  operation,
  overrideAccess,
  req,
}) => {
  if (overrideAccess || operation !== 'update' || value === undefined) return value
  const normalise = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v || null)
  if (normalise(value) === normalise(previousValue) || isPlatformAdmin(req.user, req.payload))
    return value
  throwFieldErrors(req, 'organisations', [
    {
      path: 'code',
      message: {
        nl: 'Alleen een platformbeheerder kan de organisatiecode wijzigen.',
        en: 'Only a platform admin can change the organisation code.',
      },
    },
  ])
}
