import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import type { Payload } from 'payload'

import { sendProblem } from './problem'

/** Major.minor.patch of the public API, sent as the API-Version header (API Design Rules). */
export const PUBLIC_API_VERSION = '1.0.0'

export interface PublicApiOptions {
  payload: Payload
}

/** The public content API under /register/v1: published content only, for anyone. */
export function createPublicApiRouter(_options: PublicApiOptions): Router {
  const router = express.Router({ strict: true })
  router.use((req: Request, res: Response, next: NextFunction) => {
    res.setHeader('API-Version', PUBLIC_API_VERSION)
    res.setHeader('Access-Control-Allow-Origin', '*')
    res.setHeader('Access-Control-Expose-Headers', 'API-Version, ETag, Link, X-Total-Count')
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS')
      res.setHeader('Access-Control-Allow-Headers', 'If-None-Match, Accept, Accept-Language')
      res.setHeader('Access-Control-Max-Age', '86400')
      res.status(204).end()
      return
    }
    next()
  })

  router.use((req: Request, res: Response) => {
    sendProblem(res, 404, 'Niet gevonden', `Er is geen onderdeel ${req.originalUrl} in deze API.`)
  })
  return router
}
