import type { PayloadRequest } from 'payload'

import { localise, type Bilingual } from '../i18n/localise'

/** A refusal in the shape of Payload's own REST errors, in the request's language. */
export function refusal(
  req: PayloadRequest,
  status: number,
  text: Bilingual,
  data?: unknown,
): Response {
  return Response.json(
    { errors: [{ message: localise(req, text), ...(data === undefined ? {} : { data }) }] },
    { status },
  )
}

/** The request's JSON body (parsed once), or an empty object. */
export async function bodyOf(req: PayloadRequest): Promise<Record<string, unknown>> {
  if (req.data === undefined && typeof req.json === 'function') {
    try {
      req.data = (await req.json()) as Record<string, unknown>
    } catch (_error) {
      req.data = {}
    }
  }
  const data = req.data
  return data && typeof data === 'object' && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : {}
}

export const NOT_LOGGED_IN: Bilingual = {
  nl: 'U bent niet ingelogd. Log eerst in.',
  en: 'You are not logged in. Log in first.',
}
