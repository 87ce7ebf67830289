import type { NextFunction, Request, Response } from 'express'

import type { Payload } from 'payload'

import {
  databaseAvailabilityOf,
  type DatabaseAvailability,
} from '../../src/database/databaseAvailability'
import { readDatabaseSettings, type DatabaseSettings } from '../../src/database/databaseSettings'
import { PROBLEM_TITLES, problemBody, PublicProblem } from '../../src/publicApi/problem'

/** How a gate words its 503: the public API's problem JSON, or Payload's `{ errors }` shape. */
export type GateStyle = 'problem' | 'payload'

const MESSAGE = {
  nl: 'De database is tijdelijk niet bereikbaar. Probeer het over enkele seconden opnieuw.',
  en: 'The database cannot be reached right now. Try again in a few seconds.',
}

function languageOf(acceptLanguage: string | undefined): 'nl' | 'en' {
  return /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'nl'
}

/** The 503 answer: status, headers and body, in the style of the API it stands in for. */
export function unavailableAnswer(
  style: GateStyle,
  acceptLanguage: string | undefined,
  retryAfterSeconds: number,
): { status: 503; headers: Record<string, string>; body: string } {
  const language = languageOf(acceptLanguage)
  const headers: Record<string, string> = {
    'Retry-After': String(retryAfterSeconds),
    'Cache-Control': 'no-store',
  }
  if (style === 'problem') {
    headers['Content-Type'] = 'application/problem+json; charset=utf-8'
    headers['Access-Control-Allow-Origin'] = '*'
    const problem = new PublicProblem(503, PROBLEM_TITLES[503], MESSAGE)
    return { status: 503, headers, body: problemBody(problem, language) }
  }
  headers['Content-Type'] = 'application/json; charset=utf-8'
  return {
    status: 503,
    headers,
    body: JSON.stringify({ errors: [{ message: MESSAGE[language] }] }),
  }
}

function sendUnavailable(req: Request, res: Response, style: GateStyle, retryAfter: number): void {
  const answer = unavailableAnswer(style, req.headers['accept-language'], retryAfter)
  res.writeHead(answer.status, answer.headers)
  res.end(req.method === 'HEAD' ? undefined : answer.body)
}

/**
 * Express middleware in front of an API that needs the database. While the database is known to
 * be away it answers 503 with Retry-After at once. Otherwise the request goes on; if it has no
 * answer after `probeAfterMs` (a hung database: queries neither answer nor fail), the database is
 * probed, and when the probe fails the request is answered 503 right then. The work behind it
 * ends by itself through the pool's query timeout; whatever it writes later is dropped.
 */
export function databaseGate(
  availability: DatabaseAvailability,
  settings: Pick<DatabaseSettings, 'probeAfterMs' | 'retryAfterSeconds'>,
  style: GateStyle,
): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    if (!availability.available) {
      availability.suspect()
      sendUnavailable(req, res, style, settings.retryAfterSeconds)
      return
    }
    const timer = setTimeout(() => {
      if (res.headersSent) return
      void availability.probe().then((result) => {
        if (!result.ok && !res.headersSent) {
          sendUnavailable(req, res, style, settings.retryAfterSeconds)
        }
      })
    }, settings.probeAfterMs)
    timer.unref()
    const clear = () => clearTimeout(timer)
    res.once('finish', clear)
    res.once('close', clear)
    next()
  }
}

/**
 * Payload swallows database errors: it cannot load the user and answers 403, or it answers 500.
 * When Payload's answer is one of those and a probe finds the database away, the caller gets a
 * 503 with Retry-After instead, which tells it to come back rather than that it may not.
 */
export async function unlessDatabaseAway(
  availability: DatabaseAvailability,
  settings: Pick<DatabaseSettings, 'retryAfterSeconds'>,
  acceptLanguage: string | undefined,
  response: globalThis.Response,
  hasCredentials = false,
): Promise<globalThis.Response> {
  const suspicious = response.status === 401 || response.status === 403 || response.status >= 500
  if (!suspicious) return response
  // A 5xx, or a refusal of a caller who sent credentials, may come from a connection that just
  // died: ask a probe that starts now. Other refusals reuse a recent probe (no connection each).
  const result =
    response.status >= 500 || hasCredentials
      ? await availability.probeSince(Date.now())
      : await availability.probe()
  if (result.ok) return response
  await response.body?.cancel().catch(() => undefined)
  const answer = unavailableAnswer('payload', acceptLanguage, settings.retryAfterSeconds)
  return new Response(answer.body, { status: answer.status, headers: answer.headers })
}

/** The gates of one server: for the public API, for Payload's API, and the check of its answers. */
export interface DatabaseGuard {
  availability: DatabaseAvailability
  settings: DatabaseSettings
  /** In front of /register/v1: problem JSON. */
  publicApi: (req: Request, res: Response, next: NextFunction) => void
  /** In front of /api (REST and GraphQL): Payload's error shape. */
  api: (req: Request, res: Response, next: NextFunction) => void
  /** Turns Payload's 401/403/5xx into a 503 while the database is away. */
  check: (req: Request, response: globalThis.Response) => Promise<globalThis.Response>
}

/** The database gates of a server for `payload`, with the settings from the environment. */
export function createDatabaseGuard(payload: Payload): DatabaseGuard {
  const availability = databaseAvailabilityOf(payload)
  const settings = readDatabaseSettings()
  return {
    availability,
    settings,
    publicApi: databaseGate(availability, settings, 'problem'),
    api: databaseGate(availability, settings, 'payload'),
    check: (req, response) =>
      unlessDatabaseAway(
        availability,
        settings,
        req.headers['accept-language'],
        response,
        Boolean(
          req.headers.authorization || /(^|;\s*)[\w-]*-token=/.test(req.headers.cookie ?? ''),
        ),
      ),
  }
}
