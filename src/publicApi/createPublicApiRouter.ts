import type { IncomingMessage, ServerResponse } from 'node:http'

import express, { type Request, type Response, type Router } from 'express'
import type { Payload } from 'payload'

import {
  createPublicApi,
  PUBLIC_API_BASE_PATH,
  type PublicApiAnswer,
  type PublicApiOptions,
  type PublicApiRequest,
} from './publicApi'
import type { PublicResponseCache, RenderedResponse } from './publicResponseCache'

export {
  CACHE_CONTROL_DOCUMENT,
  CACHE_CONTROL_MINUTE,
  CACHE_CONTROL_NONE,
  CACHE_CONTROL_SHORT,
  PUBLIC_API_BASE_PATH,
  PUBLIC_API_PATHS,
  PUBLIC_API_VERSION,
  preferredLanguage,
  type PublicApiOptions,
} from './publicApi'

/** The router plus what its owner needs to stop it, to look inside and to go fast. */
export type PublicApiRouter = Router & {
  /** Stops the change listener and unsubscribes from in-process changes. */
  close: () => Promise<void>
  cache: PublicResponseCache<RenderedResponse>
  /** Whether changes from other processes are heard (the cache is used only then). */
  readonly listening: boolean
  /**
   * Serves a cached answer for a GET or HEAD under /register/v1 straight from the HTTP server's
   * request handler, before Express (which costs more than the rest of a cache hit). Returns
   * false when the request is not a cache hit; then pass it on to the Express app as usual.
   */
  serveCached: (req: IncomingMessage, res: ServerResponse) => boolean
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

function requestOf(req: IncomingMessage, url: string): PublicApiRequest {
  return {
    method: req.method ?? 'GET',
    url,
    acceptLanguage: header(req, 'accept-language'),
    ifNoneMatch: header(req, 'if-none-match'),
    requestId: header(req, 'x-request-id'),
  }
}

function write(res: ServerResponse, answer: PublicApiAnswer): void {
  res.writeHead(answer.status, answer.headers)
  res.end(answer.body)
}

const ROUTERS = new WeakMap<Payload, PublicApiRouter>()

/**
 * The public API router created for a Payload instance, so the code that owns the HTTP server
 * can put its {@link PublicApiRouter.serveCached} fast path in front of Express.
 */
export function publicApiRouterOf(payload: Payload): PublicApiRouter | undefined {
  return ROUTERS.get(payload)
}

/**
 * The public content API (see {@link createPublicApi}) as an Express router, mounted by the
 * bundled server at {@link PUBLIC_API_BASE_PATH}. The change listener stops with the server.
 */
export function createPublicApiRouter(options: PublicApiOptions): PublicApiRouter {
  const api = createPublicApi(options)
  let started = false
  const start = (req: IncomingMessage) => {
    if (started) return
    started = true
    // The router is told nothing when its HTTP server stops: stop listening along with it.
    const server = (req.socket as unknown as { server?: import('node:http').Server }).server
    server?.once('close', () => void api.close())
    api.start()
  }

  const router = express.Router({ strict: true }) as PublicApiRouter
  router.use((req: Request, res: Response) => {
    start(req)
    void api.answer(requestOf(req, req.url)).then((answer) => {
      if (!res.headersSent) write(res, answer)
    })
  })

  router.cache = api.cache
  Object.defineProperty(router, 'listening', { get: () => api.listening })
  router.close = api.close
  ROUTERS.set(options.payload, router)
  router.serveCached = (req, res) => {
    const url = req.url ?? ''
    if (!url.startsWith(`${PUBLIC_API_BASE_PATH}/`)) return false
    start(req)
    const hit = api.cached(requestOf(req, url.slice(PUBLIC_API_BASE_PATH.length)))
    if (!hit) return false
    write(res, hit)
    return true
  }
  return router
}
