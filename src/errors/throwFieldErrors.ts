import { ValidationError, type PayloadRequest } from 'payload'

import { localise, type Bilingual } from '../i18n/localise'

/**
 * Refuses a write with errors that name the fields, in the request's language. Payload turns
 * this into a 400 with the same shape as its own field validation, so the admin shows each
 * message next to its field.
 */
export function throwFieldErrors(
  req: PayloadRequest,
  collection: string,
  errors: Array<{ path: string; message: Bilingual }>,
): never {
  throw new ValidationError(
    {
      collection,
      errors: errors.map((error) => ({ path: error.path, message: localise(req, error.message) })),
      req,
    },
    req.t,
  )
}
