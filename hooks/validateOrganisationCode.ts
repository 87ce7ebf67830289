import type { CollectionBeforeValidateHook } from 'payload'

import { throwFieldErrors } from '../src/errors/throwFieldErrors'
import { tooiCodeProblem } from '../src/organisations/tooiCode'

/**
 * Normalises the TOOI code (trimmed, lowercase) and refuses invalid or duplicate codes with a
 * message that says what is wrong, instead of the database's generic unique-constraint error.
 */
export const validateOrganisationCode: CollectionBeforeValidateHook = async ({
  data,
  originalDoc,
  req,
}) => {
  if (!data || typeof data.code !== 'string') return data
  const code = data.code.trim().toLowerCase()
  if (code === '') {
    // No code yet (e.g. imported by name): stored as empty, not as '' that would clash.
    data.code = null
    return data
  }
  data.code = code
  const type = (data.type ?? originalDoc?.type) as string | undefined
  const problem = tooiCodeProblem(code, type)
  if (problem) throwFieldErrors(req, 'organisations', [{ path: 'code', message: problem }])
  if (originalDoc?.code === code) return data
  const existing = await req.payload.find({
    collection: 'organisations',
    where: { code: { equals: code } },
    limit: 1,
    depth: 0,
    req,
    overrideAccess: true,
  })
  const other = existing.docs[0]
  if (other && other.id !== originalDoc?.id) {
    throwFieldErrors(req, 'organisations', [
      {
        path: 'code',
        message: {
          nl: `Organisatiecode ${code} is al in gebruik door ${other.name}.`,
          en: `Organisation code ${code} is already used by ${other.name}.`,
        },
      },
    ])
  }
  return data
}
