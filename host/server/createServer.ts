import { randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import express, { type NextFunction, type Request, type Response } from 'express'
import { handleEndpoints, type Payload, type SanitizedConfig } from 'payload'

import { createPublicApiRouter } from '../../src/publicApi/createPublicApiRouter'
import { registerOptionsOf } from '../../src/plugin/registerOptionsOf'
import { createPublicPagesHandler } from '../../src/publicPages/publicPagesHandler'
import { publicPagesBasePath } from '../../src/publicPages/publicPagesBasePath'
import { checkDatabase } from './checkDatabase'
import { createEdge } from './createEdge'
import { createDatabaseGuard } from './databaseGate'
import { sendWebResponse, toWebRequest } from './webBridge'
import { refuseMalformedQueryJson } from './refuseMalformedQueryJson'

export interface ServerOptions {
  payload: Payload
  config: SanitizedConfig
  /** TCP port; 0 picks a free one (tests). */
  port: number
  /** Serve the admin through Next.js. Tests of the APIs run without it. */
  admin?: false | { dev: boolean; dir: string }
  /** Host to bind; default all interfaces. */
  host?: string
}

export interface RunningServer {
  url: string
  port: number
  server: http.Server
  /** Stops accepting connections and resolves when in-flight requests have finished. */
  close: () => Promise<void>
}

type GraphqlHandler = (request: Request | globalThis.Request) => Promise<globalThis.Response>

async function loadGraphqlHandler(config: SanitizedConfig): Promise<GraphqlHandler> {
  // The GraphQL handler lives in @payloadcms/next but is a plain Fetch handler.
  const routes = (await import('@payloadcms/next/routes')) as unknown as {
    GRAPHQL_POST: (config: Promise<SanitizedConfig> | SanitizedConfig) => GraphqlHandler
  }
  return routes.GRAPHQL_POST(config)
}

/**
 * The admin speaks Dutch unless the user chose English in the account settings (Payload keeps
 * that choice in the `<prefix>-lng` cookie). Without this, Payload follows the browser's
 * accept-language and shows English to anyone with an English browser. Only admin pages and
 * requests with the admin session cookie are affected: API clients keep their accept-language.
 */
export function preferDutchInAdmin(
  config: Pick<SanitizedConfig, 'cookiePrefix' | 'routes'>,
): (req: Request, res: Response, next: NextFunction) => void {
  const prefix = config.cookiePrefix || 'payload'
  const adminRoute = config.routes.admin
  return (req, _res, next) => {
    const names = (req.headers.cookie ?? '')
      .split(';')
      .map((part) => part.split('=')[0]?.trim())
      .filter(Boolean)
    const toAdmin = req.path === adminRoute || req.path.startsWith(`${adminRoute}/`)
    const signedIn = names.includes(`${prefix}-token`)
    if ((toAdmin || signedIn) && !names.includes(`${prefix}-lng`)) {
      req.headers['accept-language'] = 'nl'
    }
    next()
  }
}

/**
 * One Express 5 server on one port: health, the public content API, Payload's REST and
 * GraphQL API (served by this process's own Payload), and the admin (Next.js).
 */
export async function createServer(options: ServerOptions): Promise<RunningServer> {
  const { payload, config } = options
  const edge = createEdge(config)
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')

  // Every request gets an id that audit events and logs carry.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id']
    const id =
      typeof incoming === 'string' && /^[\w.:-]{1,100}$/.test(incoming) ? incoming : randomUUID()
    req.headers['x-request-id'] = id
    res.setHeader('x-request-id', id)
    next()
  })

  app.use(preferDutchInAdmin(config))

  const guard = createDatabaseGuard(payload)
  app.get('/health', async (_req: Request, res: Response) => {
    const database = await checkDatabase(payload)
    if (!database.ok) res.setHeader('Retry-After', String(guard.settings.retryAfterSeconds))
    res.status(database.ok ? 200 : 503).json({
      status: database.ok ? 'ok' : 'unavailable',
      database: database.ok ? 'ok' : 'unreachable',
      latencyMs: database.latencyMs,
      ...(database.ok ? {} : { detail: database.error }),
    })
  })

  const publicApi = createPublicApiRouter({ payload })
  app.use('/register/v1', guard.publicApi, publicApi)

  // The public pages (plugin option publicPages), built on the public API handler.
  const pagesBasePath = publicPagesBasePath(registerOptionsOf(payload).publicPages)
  const publicPages = pagesBasePath
    ? createPublicPagesHandler({ payload, basePath: pagesBasePath })
    : undefined
  if (publicPages && pagesBasePath) {
    app.use(pagesBasePath, async (req: Request, res: Response, next: NextFunction) => {
      try {
        const response = await publicPages(toWebRequest(req))
        // Only the embeddable list may be framed by other sites (its CSP says so).
        if (response.headers.get('content-security-policy')) res.removeHeader('X-Frame-Options')
        await sendWebResponse(res, response)
      } catch (error) {
        next(error)
      }
    })
  }

  const graphql = await loadGraphqlHandler(config)
  const apiRoute = config.routes.api
  // Cheap checks of the request first (edge), then whether the database is there (guard).
  app.use(apiRoute, edge.api, guard.api)
  app.post(`${apiRoute}/graphql`, async (req: Request, res: Response, next: NextFunction) => {
    try {
      await edge.graphql(
        req,
        res,
        () => graphql(toWebRequest(req)),
        async (answer) => sendWebResponse(res, await guard.check(req, answer)),
      )
    } catch (error) {
      next(error)
    }
  })
  app.use(apiRoute, refuseMalformedQueryJson)
  app.use(apiRoute, async (req: Request, res: Response, next: NextFunction) => {
    try {
      const response = await handleEndpoints({ config, request: toWebRequest(req) })
      await sendWebResponse(res, await guard.check(req, response))
    } catch (error) {
      next(error)
    }
  })

  if (options.admin) {
    const { default: next } = await import('next')
    const nextApp = next({
      dev: options.admin.dev,
      dir: path.resolve(options.admin.dir),
      quiet: true,
    })
    await nextApp.prepare()
    const handle = nextApp.getRequestHandler()
    app.get('/', (_req: Request, res: Response) => res.redirect(302, config.routes.admin))
    app.use((req: Request, res: Response) => handle(req, res))
  } else {
    app.use((req: Request, res: Response) => {
      res.status(404).json({ message: `Niet gevonden: ${req.path}` })
    })
  }

  // Last resort: never a stack trace to the client.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    payload.logger.error(
      { err: error, requestId: req.headers['x-request-id'] },
      'Unhandled request error',
    )
    if (res.headersSent) {
      res.end()
      return
    }
    res
      .status(500)
      .json({ message: 'Er ging iets mis op de server.', requestId: req.headers['x-request-id'] })
  })

  // Cached public answers are served before Express: at this volume Express's per-request work
  // costs more than the whole cache hit (see the benchmark). Everything else goes through it.
  // The edge (headers, limits, rate limits) stands in front of both.
  const server = http.createServer((req, res) => {
    edge.front(req, res, () => {
      if (!publicApi.serveCached(req, res)) app(req, res)
    })
  })
  server.keepAliveTimeout = 5000
  const sockets = new Set<import('node:net').Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  let closing: Promise<void> | undefined
  return {
    server,
    port,
    url: `http://localhost:${port}`,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        // Stop accepting; idle keep-alive connections are closed, busy ones finish first.
        server.close(() => {
          void Promise.all([publicApi.close(), publicPages?.close()]).finally(() => resolve())
        })
        server.closeIdleConnections()
        const timer = setInterval(() => server.closeIdleConnections(), 250)
        server.once('close', () => clearInterval(timer))
        setTimeout(() => {
          for (const socket of sockets) socket.destroy()
        }, 15000).unref()
      })
      return closing
    },
  }
}
