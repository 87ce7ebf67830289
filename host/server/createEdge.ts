import type { IncomingMessage, ServerResponse } from 'node:http'

import type { NextFunction, Request, Response } from 'express'
import type { SanitizedConfig } from 'payload'

import { sendEdgeProblem } from './edgeProblem'
import { edgeSettingsFromEnv, type EdgeSettings } from './edgeSettings'
import { checkWriteInput } from '../../hooks/checkWriteInput'
import { GraphqlDeadlineExceeded, runWithDeadline } from './graphqlDeadline'
import { createBodyGate, queryProblem } from './guardRequestBody'
import { createLimiter, type Limiter } from './rateLimits'
import { securityHeaders } from './securityHeaders'

type Middleware = (req: Request, res: Response, next: NextFunction) => void

export interface Edge {
  settings: EdgeSettings
  /**
   * In front of everything, the public API's cache fast path included: security headers, the
   * query parameter check, the public API's rate limit and a Content-Length bound on writes.
   */
  front: (req: IncomingMessage, res: ServerResponse, next: () => void) => void
  /** Mounted on Payload's API route: login rate limit and the body gate. */
  api: Middleware
  /** Runs a GraphQL request under its deadline and answers 503 when it runs over. */
  graphql: (
    req: Request,
    res: Response,
    run: () => Promise<globalThis.Response>,
    send: (answer: globalThis.Response) => Promise<void>,
  ) => Promise<void>
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function pass(
  limiter: Limiter | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  if (!limiter) return Promise.resolve(true)
  return new Promise((resolve, reject) => {
    limiter(req, res, (error) => (error ? reject(error) : resolve(true)))
    res.once('finish', () => resolve(false))
  })
}

/**
 * The HTTP edge: one gate in front of every path of the server (see the README, "Limits and
 * protections"). Its limits come from the environment unless given.
 */
export function createEdge(
  config: Pick<SanitizedConfig, 'collections' | 'globals' | 'routes'>,
  settings: EdgeSettings = edgeSettingsFromEnv(),
): Edge {
  const headers = securityHeaders({ https: settings.https })
  const publicLimiter = createLimiter({
    limit: settings.publicRateLimit,
    windowMs: settings.publicRateWindowMs,
    detail: {
      nl: 'Te veel verzoeken aan de publieke API vanaf dit adres.',
      en: 'Too many requests to the public API from this address.',
    },
  })
  const loginLimiter = createLimiter({
    limit: settings.loginRateLimit,
    windowMs: settings.loginRateWindowMs,
    detail: {
      nl: 'Te veel mislukte inlogpogingen vanaf dit adres.',
      en: 'Too many failed login attempts from this address.',
    },
    // REST logins count only when they fail; a GraphQL login answers 200 either way, so counts.
    wasSuccessful: (req, res) => res.statusCode < 400 && !(req.url ?? '').includes('/graphql'),
  })
  const authSlugs = config.collections.filter((c) => c.auth).map((c) => c.slug)
  const loginPaths = new Set(
    authSlugs.flatMap((slug) => [`/${slug}/login`, `/${slug}/forgot-password`]),
  )
  const largestBody = Math.max(settings.maxJsonBodyBytes, settings.maxMultipartBodyBytes)
  const gate = createBodyGate({
    settings,
    collections: config.collections.map((c) => c.slug),
    globals: config.globals.map((g) => g.slug),
    fieldChecked: config.collections
      .filter((c) => c.hooks?.beforeOperation?.includes(checkWriteInput))
      .map((c) => c.slug),
    onGraphqlLogin: loginLimiter ? (req, res, next) => loginLimiter(req, res, next) : undefined,
  })

  const front: Edge['front'] = (req, res, next) => {
    headers(req, res, () => {
      const problem = queryProblem(req)
      if (problem) {
        sendEdgeProblem(req, res, problem)
        return
      }
      const url = req.url ?? ''
      // The admin (Next) reads its own bodies; bound them by their declared length here (Next
      // bounds streamed server-action bodies itself, at 1 MB by default).
      if (
        WRITE_METHODS.has(req.method ?? '') &&
        Number(req.headers['content-length'] ?? 0) > largestBody
      ) {
        sendEdgeProblem(req, res, {
          status: 413,
          title: { nl: 'Verzoek te groot', en: 'Content too large' },
          detail: {
            nl: `De inhoud van het verzoek is te groot: hoogstens ${largestBody} bytes.`,
            en: `The request body is too large: at most ${largestBody} bytes.`,
          },
          close: true,
        })
        return
      }
      if (publicLimiter && url.startsWith('/register/')) {
        pass(publicLimiter, req, res).then(
          (passed) => passed && next(),
          () => next(),
        )
        return
      }
      next()
    })
  }

  const api: Middleware = (req, res, next) => {
    if (loginLimiter && req.method === 'POST' && loginPaths.has(req.path)) {
      loginLimiter(req, res, (error) =>
        error ? next(error) : void gate(req, res, next).catch(next),
      )
      return
    }
    gate(req, res, next).catch(next)
  }

  const graphql: Edge['graphql'] = async (req, res, run, send) => {
    let answer: globalThis.Response
    try {
      answer = await runWithDeadline(settings.graphqlTimeoutMs, run)
    } catch (error) {
      if (!(error instanceof GraphqlDeadlineExceeded)) throw error
      const seconds = Math.round(settings.graphqlTimeoutMs / 100) / 10
      sendEdgeProblem(req, res, {
        status: 503,
        title: { nl: 'Vraag duurde te lang', en: 'Query took too long' },
        detail: {
          nl: `De GraphQL-vraag duurde langer dan ${seconds} seconden en is afgebroken. Vraag minder tegelijk op.`,
          en: `The GraphQL query took longer than ${seconds} seconds and was stopped. Ask for less at once.`,
        },
      })
      return
    }
    await send(answer)
  }

  return { settings, front, api, graphql }
}
