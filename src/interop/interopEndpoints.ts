import type { Endpoint, PayloadRequest } from 'payload'

import { localise } from '../i18n/localise'
import { progressEndpoint } from '../reports/progressEndpoint'
import { TemplateError, createFromTemplate } from './createFromTemplate'

async function body(req: PayloadRequest): Promise<Record<string, unknown> | undefined> {
  try {
    const parsed: unknown = req.json ? await req.json() : undefined
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined
  } catch (_error) {
    return undefined
  }
}

/**
 * POST /api/algorithms/from-template { lars, organisation? }
 *
 * Starts a new draft in the caller's organisation from another organisation's published
 * description (see createFromTemplate). 201 with the new draft's id and LARS id, the provenance
 * and which fields were copied or left empty.
 */
const fromTemplateEndpoint: Endpoint = {
  path: '/from-template',
  method: 'post',
  handler: async (req) => {
    const input = await body(req)
    try {
      const organisation = input?.organisation
      const outcome = await createFromTemplate(req, {
        lars: typeof input?.lars === 'string' ? input.lars : String(input?.lars ?? ''),
        organisation:
          typeof organisation === 'number' || typeof organisation === 'string'
            ? organisation
            : undefined,
      })
      const { algorithm, basedOn } = outcome
      return Response.json(
        {
          message: localise(req, {
            nl: `Nieuw concept "${algorithm.name}" gemaakt, gebaseerd op ${basedOn.lars} van ${basedOn.organisationName}. Vul de lege velden in voor uw organisatie.`,
            en: `New draft "${algorithm.name}" created, based on ${basedOn.lars} of ${basedOn.organisationName}. Fill in the empty fields for your organisation.`,
          }),
          id: algorithm.id,
          lars: algorithm.lars,
          state: algorithm.workflow?.state ?? 'concept',
          basedOn,
          copiedFields: outcome.copiedFields,
          clearedFields: outcome.clearedFields,
        },
        { status: 201 },
      )
    } catch (error) {
      if (error instanceof TemplateError) {
        return Response.json(
          { errors: [{ message: localise(req, error.text), code: error.code }] },
          { status: error.status },
        )
      }
      throw error
    }
  },
}

/** Endpoints on /api/algorithms for interoperability and reporting. */
export const interopEndpoints: Endpoint[] = [fromTemplateEndpoint, progressEndpoint]
