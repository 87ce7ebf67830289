import { ValidationError, type PayloadRequest } from 'payload'

import { localise, type Bilingual } from '../i18n/localise'

const isBilingual = (value: unknown): value is Bilingual =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Bilingual).nl === 'string' &&
  typeof (value as Bilingual).en === 'string'

/**
 * The label editors see for a top-level field, so that the summary line reads "Het volgende
 * veld is ongeldig: Doel en impact" like Payload's own validation, not the technical key.
 */
function labelOf(req: PayloadRequest, collection: string, path: string): string | undefined {
  const collections = req.payload?.collections as
    | Record<string, { config?: { flattenedFields?: unknown } } | undefined>
    | undefined
  const fields = collections?.[collection]?.config?.flattenedFields
  if (!Array.isArray(fields) || path.includes('.')) return undefined
  const field = (fields as Array<{ name?: unknown; label?: unknown }>).find(
    (candidate) => candidate.name === path,
  )
  const label = field?.label
  if (typeof label === 'string') return label
  return isBilingual(label) ? localise(req, label) : undefined
}

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
      errors: errors.map((error) => {
        const label = labelOf(req, collection, error.path)
        return {
          path: error.path,
          message: localise(req, error.message),
          ...(label ? { label } : {}),
        }
      }),
      req,
    },
    req.t,
  )
}
