import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { throwFieldErrors } from '../src/errors/throwFieldErrors'
import { localise } from '../src/i18n/localise'
import { checkInputShape } from '../src/standard/checkInputShape'
import { findControlCharacter } from '../src/standard/textChecks'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

// Logins and password resets run queries with what the caller typed (e-mail, token).
const AUTH_OPERATIONS = new Set<string>(['login', 'forgotPassword', 'resetPassword', 'unlock'])

/** Refuses control characters in the e-mail, password or token of an auth operation. */
function checkAuthInput(req: Parameters<typeof localise>[0], data: unknown): void {
  if (!isRecord(data)) return
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' && findControlCharacter(value) !== null) {
      throw new APIError(
        localise(req, {
          nl: `Het veld '${key}' bevat een onzichtbaar stuurteken dat niet is toegestaan.`,
          en: `The field '${key}' contains an invisible control character that is not allowed.`,
        }),
        400,
      )
    }
  }
}

/**
 * The input gate of every write (REST, GraphQL, Local API, import): runs before Payload's own
 * field hooks, which coerce, store or crash on values of the wrong shape, and before PostgreSQL,
 * which answers a NUL character with a 500. Refuses data that is not an object, values of the
 * wrong type, control characters, over-long strings and deep nesting, naming the field.
 */
export const checkWriteInput: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (AUTH_OPERATIONS.has(operation)) {
    checkAuthInput(req, 'data' in args ? args.data : undefined)
    return args
  }
  if (operation !== 'create' && operation !== 'update') return args
  const data: unknown = 'data' in args ? args.data : undefined
  if (!isRecord(data)) {
    throw new APIError(
      localise(req, {
        nl: 'De gegevens moeten een object met velden zijn, zoals {"name": "…"}.',
        en: 'The data must be an object with fields, such as {"name": "…"}.',
      }),
      400,
    )
  }
  const errors = checkInputShape(collection.flattenedFields, data)
  if (errors.length > 0) throwFieldErrors(req, collection.slug, errors)
  return args
}
