import type { Endpoint } from 'payload'

import { localise } from '../i18n/localise'
import { analyseAlgorithmTexts } from './analyseAlgorithmTexts'
import { summarisePlainLanguage } from './summarisePlainLanguage'

const MAX_INPUT = 50_000

/**
 * POST /api/algorithms/plain-language with `{ "fields": { "goal": "<p>...</p>", ... } }`:
 * plain-language findings per field while an editor types. For signed-in users only; nothing
 * is stored.
 */
export const plainLanguageEndpoint: Endpoint = {
  path: '/plain-language',
  method: 'post',
  handler: async (req) => {
    if (!req.user) {
      return Response.json(
        { errors: [{ message: localise(req, { nl: 'Log eerst in.', en: 'Log in first.' }) }] },
        { status: 401 },
      )
    }
    let body: unknown
    try {
      body = req.json ? await req.json() : undefined
    } catch (_error) {
      body = undefined
    }
    const fields = (body as { fields?: unknown } | undefined)?.fields
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
      return Response.json(
        {
          errors: [
            {
              message: localise(req, {
                nl: 'Stuur de teksten mee als { "fields": { "veldnaam": "tekst" } }.',
                en: 'Send the texts as { "fields": { "fieldName": "text" } }.',
              }),
            },
          ],
        },
        { status: 400 },
      )
    }
    const size = JSON.stringify(fields).length
    if (size > MAX_INPUT) {
      return Response.json(
        {
          errors: [
            {
              message: localise(req, {
                nl: 'De tekst is te lang om te analyseren.',
                en: 'The text is too long to analyse.',
              }),
            },
          ],
        },
        { status: 413 },
      )
    }
    const reports = analyseAlgorithmTexts(fields as Record<string, unknown>)
    return Response.json({ reports, summary: summarisePlainLanguage(reports) })
  },
}
