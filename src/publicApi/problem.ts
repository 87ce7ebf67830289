import type { Response } from 'express'

import { toPlainText } from '../standard/safeText'

/** Text in Dutch and English; the public API answers in Dutch unless English is preferred. */
export interface ProblemText {
  nl: string
  en: string
}

/** One rejected request parameter, as listed in `invalidParams`. */
export interface InvalidParam {
  name: string
  reason: string
}

/**
 * An RFC 9457 problem the public API answers with. Thrown by validation and readers; the router
 * turns it into an `application/problem+json` response.
 */
export class PublicProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: ProblemText,
    readonly detail: ProblemText,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail.en)
    this.name = 'PublicProblem'
  }
}

/** Standard titles per status, in plain Dutch and English. */
export const PROBLEM_TITLES: Record<number, ProblemText> = {
  400: { nl: 'Ongeldige vraag', en: 'Bad request' },
  404: { nl: 'Niet gevonden', en: 'Not found' },
  405: { nl: 'Methode niet toegestaan', en: 'Method not allowed' },
  410: { nl: 'Niet meer gepubliceerd', en: 'Gone' },
  500: { nl: 'Fout op de server', en: 'Internal server error' },
  503: { nl: 'Tijdelijk niet beschikbaar', en: 'Service unavailable' },
}

/**
 * A 400 problem about one query or path parameter: the parameter is named in the detail and in
 * `invalidParams`, so a front-end developer sees at once what to fix.
 */
export function invalidParameter(name: string, reason: ProblemText): PublicProblem {
  // The detail quotes what the client sent: as plain text, like everything the API serves.
  return new PublicProblem(
    400,
    PROBLEM_TITLES[400],
    {
      nl: toPlainText(`Parameter '${name}' klopt niet: ${reason.nl}`),
      en: toPlainText(`Parameter '${name}' is not valid: ${reason.en}`),
    },
    { invalidParams: [{ name: toPlainText(name), reason: toPlainText(reason.en) }] },
  )
}

/** The JSON body of a problem in one language. */
export function problemBody(problem: PublicProblem, language: 'nl' | 'en'): string {
  return JSON.stringify({
    type: 'about:blank',
    status: problem.status,
    title: problem.title[language],
    detail: problem.detail[language],
    ...problem.extra,
  })
}

/** Sends an RFC 9457 problem, the error format the Dutch API Design Rules prescribe. */
export function sendProblem(
  res: Response,
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
): void {
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: 'about:blank', status, title, detail, ...extra }))
}
