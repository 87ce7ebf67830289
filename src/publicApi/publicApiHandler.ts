import { getPayload, type Payload, type SanitizedConfig } from 'payload'

import { createPublicApi, PUBLIC_API_BASE_PATH, type PublicApiOptions } from './publicApi'

/** A Web-standard request handler with a way to stop what it keeps open. */
export type PublicApiHandler = ((request: Request) => Promise<Response>) & {
  /** Stops the LISTEN connection and unsubscribes from in-process changes. */
  close: () => Promise<void>
}

export interface PublicApiHandlerOptions extends PublicApiOptions {
  /**
   * The path the handler is mounted at; request paths are read relative to it.
   * @default '/register/v1'
   */
  basePath?: string
}

/**
 * The public content API as one Web-standard handler (Request → Response), for any server that
 * speaks the Fetch API: a Next.js route file (see {@link createPublicApiRoute}), Hono, Bun, or a
 * test. It answers exactly as the bundled server's /register/v1 (same routes, problem+json
 * errors, ETags, CORS, caching), because both go through {@link createPublicApi}.
 */
export function createPublicApiHandler(options: PublicApiHandlerOptions): PublicApiHandler {
  const api = createPublicApi(options)
  const basePath = (options.basePath ?? PUBLIC_API_BASE_PATH).replace(/\/+$/, '')
  const handler = async (request: Request): Promise<Response> => {
    const url = new URL(request.url)
    const path = url.pathname.startsWith(basePath)
      ? url.pathname.slice(basePath.length)
      : url.pathname
    const answer = await api.answer({
      method: request.method,
      url: `${path || '/'}${url.search}`,
      acceptLanguage: request.headers.get('accept-language') ?? undefined,
      ifNoneMatch: request.headers.get('if-none-match') ?? undefined,
      requestId: request.headers.get('x-request-id') ?? undefined,
    })
    return new Response(answer.body ? new Uint8Array(answer.body) : null, {
      status: answer.status,
      headers: answer.headers,
    })
  }
  return Object.assign(handler, { close: api.close })
}

/** The methods a Next.js route file exports. */
export interface PublicApiRoute {
  GET: (request: Request) => Promise<Response>
  HEAD: (request: Request) => Promise<Response>
  OPTIONS: (request: Request) => Promise<Response>
}

/**
 * The public API for a host's Next.js app, in one route file
 * (`app/(register)/register/v1/[[...path]]/route.ts`):
 *
 * ```ts
 * import config from '@payload-config'
 * import { createPublicApiRoute } from '@algoritmeregister/payload-plugin/server'
 *
 * export const { GET, HEAD, OPTIONS } = createPublicApiRoute(config)
 * ```
 * Payload is started on the first request (getPayload caches it). Answers are cached in the
 * process only while its LISTEN connection to PostgreSQL is up; in a serverless deployment,
 * where no connection outlives a request, pass `cacheBytes: 0`.
 */
export function createPublicApiRoute(
  config: SanitizedConfig | Promise<SanitizedConfig>,
  options: Omit<PublicApiHandlerOptions, 'payload'> = {},
): PublicApiRoute {
  let handler: Promise<PublicApiHandler> | undefined
  const handle = async (request: Request): Promise<Response> => {
    handler ??= getPayload({ config }).then((payload: Payload) =>
      createPublicApiHandler({ ...options, payload }),
    )
    return (await handler)(request)
  }
  return { GET: handle, HEAD: handle, OPTIONS: handle }
}
