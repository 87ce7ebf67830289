import type { IncomingMessage, ServerResponse } from 'node:http'

import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import type pg from 'pg'
import type { Payload } from 'payload'

import { databaseAvailabilityOf, isConnectionError } from '../database/databaseAvailability'
import { readDatabaseSettings } from '../database/databaseSettings'
import { poolOf } from '../database/runSql'
import { registerOptionsOf } from '../plugin/registerOptionsOf'
import { readFeedEntries, renderAtomFeed } from './atomFeed'
import { readEuRegistration } from './euRegistration'
import { checkQueryKeys, organisationCode, parseListQuery } from './listQuery'
import { buildOpenApiDocument } from './openApiDocument'
import {
  invalidParameter,
  PROBLEM_TITLES,
  problemBody,
  PublicProblem,
  type ProblemText,
} from './problem'
import { onPublicChange } from './publicChangeBus'
import { startPublicChangeListener, type PublicChangeListenerHandle } from './publicChangeListener'
import { readPublishedRecords, renderCsv } from './publicDownloads'
import { readHistory } from './publicHistory'
import { listOrganisations, readOrganisation } from './publicOrganisations'
import {
  algorithmDetail,
  countFacets,
  facetKey,
  findPublished,
  listPage,
  queryRunner,
  type FacetCounts,
  type RunQuery,
} from './publicReaders'
import {
  PublicResponseCache,
  strongEtag,
  type CacheTag,
  type RenderedResponse,
} from './publicResponseCache'
import type { AlgorithmFilters } from './listQuery'
import { PUBLIC_CHANGE_CHANNEL } from './projection'

/** Major.minor.patch of the public API, sent as the API-Version header (API Design Rules). */
export const PUBLIC_API_VERSION = '1.0.0'

/** Where the router is mounted. */
export const PUBLIC_API_BASE_PATH = '/register/v1'

/** Cache-Control of the JSON resources: short, because publications must show at once. */
export const CACHE_CONTROL_SHORT = 'public, max-age=5'
/** Cache-Control of the feed and the downloads. */
export const CACHE_CONTROL_MINUTE = 'public, max-age=60'
/** Cache-Control of the OpenAPI document (changes only with a new release). */
export const CACHE_CONTROL_DOCUMENT = 'public, max-age=3600'
/** Cache-Control of answers that must not be kept (bad requests, server errors). */
export const CACHE_CONTROL_NONE = 'no-store'

export interface PublicApiOptions {
  payload: Payload
  /**
   * Memory for rendered responses, in bytes. Default: PUBLIC_API_CACHE_MB (megabytes) from the
   * environment, else 32 MB. 0 turns the cache off (every request reads the database).
   */
  cacheBytes?: number
  /** LISTEN for changes made by other processes (default true). Without it there is no cache. */
  listen?: boolean
  /**
   * Cached answers are served only while the change listener has proved itself alive within this
   * many ms, so no process serves an answer made stale by another process for longer than this.
   * Default: PUBLIC_API_STALE_BOUND_MS from the environment, else 10 000.
   */
  staleBoundMs?: number
}

/** The router plus what its owner needs to stop it, to look inside and to go fast. */
export type PublicApiRouter = Router & {
  /** Stops the change listener and unsubscribes from in-process changes. */
  close: () => Promise<void>
  cache: PublicResponseCache
  /** Whether changes from other processes are heard (the cache is used only then). */
  readonly listening: boolean
  /**
   * Serves a cached answer for a GET or HEAD under /register/v1 straight from the HTTP server's
   * request handler, before Express (which costs more than the rest of a cache hit). Returns
   * false when the request is not a cache hit; then pass it on to the Express app as usual.
   */
  serveCached: (req: IncomingMessage, res: ServerResponse) => boolean
}

/** What a route renders. */
interface Output {
  body: string | Buffer
  contentType: string
  cacheControl: string
  headers?: Record<string, string>
  /** How long the rendered answer may stay in memory; default 10 minutes. */
  ttlMs?: number
}

interface RouteContext {
  params: Record<string, string>
  query: URLSearchParams
  run: RunQuery
  serverUrl: string
  /** Total and facet counts of a filter set, shared by its pages and sort orders. */
  facets: (filters: AlgorithmFilters) => Promise<FacetCounts>
}

interface PublicRoute {
  /** OpenAPI path template, relative to the base path. */
  path: string
  pattern: RegExp
  names: string[]
  /** Whether the answer depends on one algorithm (path parameter lars) or on many. */
  perAlgorithm?: boolean
  /** Validates synchronously (400s are thrown here) and returns the renderer. */
  prepare: (context: RouteContext) => () => Promise<Output>
}

const JSON_TYPE = 'application/json; charset=utf-8'
const DEFAULT_TTL_MS = 10 * 60 * 1000
const LARS_FORMAT = /^\d{8}$/

function json(value: unknown, cacheControl = CACHE_CONTROL_SHORT, ttlMs?: number): Output {
  return { body: JSON.stringify(value), contentType: JSON_TYPE, cacheControl, ttlMs }
}

function larsParam(context: RouteContext): string {
  const lars = context.params.lars
  if (!LARS_FORMAT.test(lars)) {
    throw invalidParameter('lars', {
      nl: `een Algoritme-ID bestaat uit 8 cijfers, niet '${lars}'.`,
      en: `an Algorithm ID consists of 8 digits, not '${lars}'.`,
    })
  }
  return lars
}

function noQuery(context: RouteContext): void {
  checkQueryKeys(context.query, [])
}

function pageLink(query: URLSearchParams, page: number): string {
  const copy = new URLSearchParams(query)
  copy.set('page', String(page))
  return `${PUBLIC_API_BASE_PATH}/algorithms?${copy.toString()}`
}

/** The optional `organisation` (TOOI code) of the feed and the downloads. */
function organisationFilter(context: RouteContext): string | null {
  checkQueryKeys(context.query, ['organisation'])
  const value = context.query.get('organisation')
  return value === null || value === '' ? null : organisationCode('organisation', value)
}

function attachment(name: string): Record<string, string> {
  return { 'Content-Disposition': `attachment; filename="${name}"` }
}

/** Every route of the public API, in the order the OpenAPI document lists them. */
const ROUTES: ReadonlyArray<Omit<PublicRoute, 'pattern' | 'names'>> = [
  {
    path: '/algorithms',
    prepare: (context) => {
      const query = parseListQuery(context.query)
      return async () => {
        const [results, counts] = await Promise.all([
          listPage(context.run, query),
          context.facets(query),
        ])
        const pageCount = Math.max(1, Math.ceil(counts.totalCount / query.pageSize))
        return json({
          results,
          page: query.page,
          pageSize: query.pageSize,
          totalCount: counts.totalCount,
          pageCount,
          facets: counts.facets,
          links: {
            self: pageLink(context.query, query.page),
            first: pageLink(context.query, 1),
            last: pageLink(context.query, pageCount),
            ...(query.page > 1
              ? { prev: pageLink(context.query, Math.min(query.page - 1, pageCount)) }
              : {}),
            ...(query.page < pageCount ? { next: pageLink(context.query, query.page + 1) } : {}),
          },
        })
      }
    },
  },
  {
    path: '/algorithms/{lars}',
    perAlgorithm: true,
    prepare: (context) => {
      const lars = larsParam(context)
      noQuery(context)
      return async () => json(algorithmDetail(await findPublished(context.run, lars)))
    },
  },
  {
    path: '/algorithms/{lars}/history',
    perAlgorithm: true,
    prepare: (context) => {
      const lars = larsParam(context)
      noQuery(context)
      return async () =>
        json(await readHistory(context.run, await findPublished(context.run, lars)))
    },
  },
  {
    path: '/algorithms/{lars}/eu-registration',
    perAlgorithm: true,
    prepare: (context) => {
      const lars = larsParam(context)
      noQuery(context)
      return async () =>
        json(
          await readEuRegistration(context.run, await findPublished(context.run, lars)),
          CACHE_CONTROL_SHORT,
          60000,
        )
    },
  },
  {
    path: '/organisations',
    prepare: (context) => {
      checkQueryKeys(context.query, ['organisationType'], new Set(['organisationType']))
      const types = parseListQuery(
        new URLSearchParams(
          context.query.getAll('organisationType').map((v) => ['organisationType', v]),
        ),
      ).organisationType
      return async () => {
        const results = await listOrganisations(context.run, types)
        return json({ results, totalCount: results.length })
      }
    },
  },
  {
    path: '/organisations/{code}',
    prepare: (context) => {
      const code = organisationCode('code', context.params.code)
      noQuery(context)
      return async () => json(await readOrganisation(context.run, code), CACHE_CONTROL_SHORT, 60000)
    },
  },
  {
    path: '/feed',
    prepare: (context) => {
      const organisation = organisationFilter(context)
      return async () => ({
        body: renderAtomFeed(
          await readFeedEntries(context.run, organisation),
          context.serverUrl,
          organisation,
        ),
        contentType: 'application/atom+xml; charset=utf-8',
        cacheControl: CACHE_CONTROL_MINUTE,
      })
    },
  },
  {
    path: '/downloads/algorithms.csv',
    prepare: (context) => {
      const organisation = organisationFilter(context)
      return async () => ({
        body: renderCsv(await readPublishedRecords(context.run, organisation)),
        contentType: 'text/csv; charset=utf-8',
        cacheControl: CACHE_CONTROL_MINUTE,
        headers: attachment(`algoritmeregister${organisation ? `-${organisation}` : ''}.csv`),
      })
    },
  },
  {
    path: '/downloads/algorithms.json',
    prepare: (context) => {
      const organisation = organisationFilter(context)
      return async () => ({
        ...json(await readPublishedRecords(context.run, organisation), CACHE_CONTROL_MINUTE),
        headers: attachment(`algoritmeregister${organisation ? `-${organisation}` : ''}.json`),
      })
    },
  },
  {
    path: '/openapi.json',
    prepare: (context) => {
      noQuery(context)
      return async () =>
        json(buildOpenApiDocument({ serverUrl: context.serverUrl }), CACHE_CONTROL_DOCUMENT)
    },
  },
]

const COMPILED: PublicRoute[] = ROUTES.map((route) => {
  const names: string[] = []
  const source = route.path
    .split('/')
    .map((segment) => {
      const match = /^\{(\w+)\}$/.exec(segment)
      if (match) {
        names.push(match[1])
        return '([^/]+)'
      }
      return segment.replace(/[.]/g, '\\.')
    })
    .join('/')
  return { ...route, names, pattern: new RegExp(`^${source}$`) }
})

/** The path templates the router answers, relative to {@link PUBLIC_API_BASE_PATH}. */
export const PUBLIC_API_PATHS: readonly string[] = ROUTES.map((route) => route.path)

/** 'en' when the client prefers English over Dutch, else 'nl'. */
export function preferredLanguage(header: string | undefined): 'nl' | 'en' {
  if (!header) return 'nl'
  let best: { language: 'nl' | 'en'; weight: number } | undefined
  for (const part of header.split(',')) {
    const [tag, ...options] = part.trim().toLowerCase().split(';')
    const language = tag.startsWith('en') ? 'en' : tag.startsWith('nl') ? 'nl' : undefined
    if (!language) continue
    const q = options.map((option) => option.trim()).find((option) => option.startsWith('q='))
    const weight = q ? Number(q.slice(2)) : 1
    if (!Number.isFinite(weight) || weight <= 0) continue
    if (!best || weight > best.weight) best = { language, weight }
  }
  return best?.language ?? 'nl'
}

function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true
  // If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/ prefixes are ignored.
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag)
}

/**
 * The text as a Buffer of its own. Buffer.from() puts small texts in a shared 8 KB slab, and a
 * cached 2 KB answer would keep the whole slab (and whatever else was in it) alive.
 */
function ownBuffer(text: string): Buffer {
  const buffer = Buffer.allocUnsafeSlow(Buffer.byteLength(text, 'utf8'))
  buffer.write(text, 'utf8')
  return buffer
}

function finish(output: Output, status = 200): RenderedResponse {
  const body = Buffer.isBuffer(output.body) ? output.body : ownBuffer(output.body)
  const etag = strongEtag(body)
  // Computed once per rendering, so a cache hit only writes them out.
  const notModifiedHeaders = {
    ETag: etag,
    'Cache-Control': output.cacheControl,
    ...(output.headers ?? {}),
  }
  return {
    status,
    contentType: output.contentType,
    body,
    etag,
    cacheControl: output.cacheControl,
    headers: output.headers ?? {},
    notModifiedHeaders,
    responseHeaders: {
      ...notModifiedHeaders,
      'Content-Type': output.contentType,
      'Content-Length': String(body.length),
    },
    cacheable: true,
    expiresAt: Date.now() + (output.ttlMs ?? DEFAULT_TTL_MS),
  }
}

function problemResponse(problem: PublicProblem, language: 'nl' | 'en'): RenderedResponse {
  const cacheable = problem.status === 404 || problem.status === 410
  const response = finish(
    {
      body: problemBody(problem, language),
      contentType: 'application/problem+json; charset=utf-8',
      cacheControl: cacheable ? CACHE_CONTROL_SHORT : CACHE_CONTROL_NONE,
      headers: { Vary: 'Accept-Language' },
    },
    problem.status,
  )
  response.cacheable = cacheable
  return response
}

function isUnavailable(error: unknown): boolean {
  return isConnectionError(error)
}

const EXPOSED_HEADERS = 'API-Version, ETag, Cache-Control, Content-Disposition, Content-Language'

/** Headers of every answer: the API version and CORS for any origin. */
function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('API-Version', PUBLIC_API_VERSION)
  res.setHeader('Access-Control-Allow-Origin', '*')
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS)
}

function send(req: IncomingMessage, res: ServerResponse, response: RenderedResponse): void {
  const condition = req.headers['if-none-match']
  if (response.status === 200 && condition && etagMatches(condition, response.etag)) {
    res.writeHead(304, response.notModifiedHeaders)
    res.end()
    return
  }
  res.writeHead(response.status, response.responseHeaders)
  res.end(req.method === 'HEAD' ? undefined : response.body)
}

function notFoundPath(path: string): PublicProblem {
  const detail: ProblemText =
    path.length > 1 && path.endsWith('/')
      ? {
          nl: `Adressen in deze API eindigen nooit op een schuine streep. Gebruik ${PUBLIC_API_BASE_PATH}${path.replace(/\/+$/, '')}.`,
          en: `Paths in this API never end with a slash. Use ${PUBLIC_API_BASE_PATH}${path.replace(/\/+$/, '')}.`,
        }
      : {
          nl: `Er is geen onderdeel ${PUBLIC_API_BASE_PATH}${path} in deze API. Alle onderdelen staan in ${PUBLIC_API_BASE_PATH}/openapi.json.`,
          en: `There is no resource ${PUBLIC_API_BASE_PATH}${path} in this API. All resources are listed in ${PUBLIC_API_BASE_PATH}/openapi.json.`,
        }
  return new PublicProblem(404, PROBLEM_TITLES[404], detail)
}

const ROUTERS = new WeakMap<Payload, PublicApiRouter>()

/**
 * The public API router created for a Payload instance, so the code that owns the HTTP server
 * can put its {@link PublicApiRouter.serveCached} fast path in front of Express.
 */
export function publicApiRouterOf(payload: Payload): PublicApiRouter | undefined {
  return ROUTERS.get(payload)
}

function staleBoundFromEnvironment(): number {
  const value = Number(process.env.PUBLIC_API_STALE_BOUND_MS ?? 10000)
  return Number.isInteger(value) && value >= 1000 ? value : 10000
}

function cacheBytesFromEnvironment(): number {
  const megabytes = Number(process.env.PUBLIC_API_CACHE_MB ?? 32)
  return Number.isFinite(megabytes) && megabytes >= 0
    ? Math.round(megabytes * 1024 * 1024)
    : 32 * 1024 * 1024
}

/**
 * The public content API under /register/v1: published content only, for anyone, read from the
 * public projection (never from the editorial tables). Rendered answers are kept in memory with
 * a strong ETag and dropped on every public change: at once for changes in this process (the
 * in-process change bus), within milliseconds for other processes (PostgreSQL LISTEN/NOTIFY).
 */
export function createPublicApiRouter(options: PublicApiOptions): PublicApiRouter {
  const { payload } = options
  const pool = poolOf(payload) as unknown as pg.Pool
  const run = queryRunner(pool)
  const serverUrl = registerOptionsOf(payload).serverUrl
  const cacheBytes = options.cacheBytes ?? cacheBytesFromEnvironment()
  const staleBoundMs = options.staleBoundMs ?? staleBoundFromEnvironment()
  const retryAfter = String(readDatabaseSettings().retryAfterSeconds)
  let listener: PublicChangeListenerHandle | undefined
  // A listener that cannot prove it is alive may have missed a change: serve nothing cached.
  const trusted = () =>
    listener !== undefined && Date.now() - listener.provenAliveAt <= staleBoundMs
  const cache = new PublicResponseCache<RenderedResponse>({
    maxBytes: cacheBytes,
    maxEntries: 20000,
    sizeOf: (response) => response.body.length + 400,
    isCacheable: (response) => response.cacheable,
    expiresAt: (response) => response.expiresAt,
    trusted,
  })
  const facetCache = new PublicResponseCache<{ counts: FacetCounts; size: number }>({
    maxBytes: Math.round(cacheBytes / 4),
    maxEntries: 2000,
    sizeOf: (entry) => entry.size,
    trusted,
  })
  const facets = async (filters: AlgorithmFilters) =>
    (
      await facetCache.getOrRender(facetKey(filters), 'aggregate', async () => {
        const counts = await countFacets(run, filters)
        return { counts, size: JSON.stringify(counts).length }
      })
    ).counts
  const invalidate = (lars?: string) => {
    cache.invalidate(lars || undefined)
    facetCache.invalidate(lars || undefined)
  }
  const setCaching = (enabled: boolean) => {
    cache.setEnabled(enabled)
    facetCache.setEnabled(enabled)
  }
  // Until the listener is connected we cannot hear other processes: no caching yet.
  setCaching(false)

  const unsubscribe = onPublicChange((change) => invalidate(change.lars))
  let closed = false
  const close = async () => {
    closed = true
    unsubscribe()
    await listener?.stop()
  }
  let started = false
  // Started with the first request, not at creation: a server that never serves the public API
  // (a test of something else) keeps no connection open for it.
  const start = (req: IncomingMessage) => {
    if (started || closed) return
    started = true
    // The router is told nothing when its HTTP server stops: stop listening along with it.
    const server = (req.socket as unknown as { server?: import('node:http').Server }).server
    server?.once('close', () => void close())
    if (options.listen === false || cacheBytes <= 0) return
    listener = startPublicChangeListener({
      connection: { ...(pool.options as pg.ClientConfig) },
      channel: PUBLIC_CHANGE_CHANNEL,
      onChange: (lars) => invalidate(lars),
      onConnectionChange: (connected) => setCaching(connected),
      log: (message) => payload.logger.warn(message),
      // Fails within heartbeat + timeout (half the bound), well before the bound runs out.
      heartbeatMs: Math.round(staleBoundMs / 5),
      heartbeatTimeoutMs: Math.round((staleBoundMs * 3) / 10),
    })
  }

  /** A cache hit answered without anything else; `url` is relative to the base path. */
  const answerFromCache = (req: IncomingMessage, res: ServerResponse, url: string): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    const hit = cache.get(`${preferredLanguage(req.headers['accept-language'])} ${url}`)
    if (!hit) return false
    setCommonHeaders(res)
    send(req, res, hit)
    return true
  }

  const router = express.Router({ strict: true }) as PublicApiRouter
  router.use((req: Request, res: Response, _next: NextFunction) => {
    start(req)
    if (answerFromCache(req, res, req.url)) return
    setCommonHeaders(res)
    const language = preferredLanguage(req.headers['accept-language'])
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS')
      res.setHeader(
        'Access-Control-Allow-Headers',
        'If-None-Match, Accept, Accept-Language, Cache-Control',
      )
      res.setHeader('Access-Control-Max-Age', '86400')
      res.setHeader('Allow', 'GET, HEAD, OPTIONS')
      res.statusCode = 204
      res.end()
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD, OPTIONS')
      send(
        req,
        res,
        problemResponse(
          new PublicProblem(405, PROBLEM_TITLES[405], {
            nl: `Deze API is alleen om te lezen: gebruik GET, niet ${req.method}.`,
            en: `This API is read-only: use GET, not ${req.method}.`,
          }),
          language,
        ),
      )
      return
    }

    const key = `${language} ${req.url}`
    const queryStart = req.url.indexOf('?')
    const path = queryStart === -1 ? req.url : req.url.slice(0, queryStart)
    const query = new URLSearchParams(queryStart === -1 ? '' : req.url.slice(queryStart + 1))
    let renderer: (() => Promise<Output>) | undefined
    let tag: CacheTag = 'aggregate'
    try {
      for (const route of COMPILED) {
        const match = route.pattern.exec(path)
        if (!match) continue
        const params: Record<string, string> = {}
        route.names.forEach((name, index) => {
          try {
            params[name] = decodeURIComponent(match[index + 1])
          } catch (_error) {
            throw invalidParameter(name, {
              nl: 'de waarde is niet goed gecodeerd.',
              en: 'the value is not properly encoded.',
            })
          }
        })
        renderer = route.prepare({ params, query, run, serverUrl, facets })
        if (route.perAlgorithm) tag = `lars:${params.lars}`
        break
      }
      if (!renderer) throw notFoundPath(path)
    } catch (error) {
      if (error instanceof PublicProblem) {
        send(req, res, problemResponse(error, language))
        return
      }
      throw error
    }

    const render = renderer
    cache
      .getOrRender(key, tag, async () => {
        try {
          return finish(await render())
        } catch (error) {
          if (error instanceof PublicProblem) return problemResponse(error, language)
          throw error
        }
      })
      .then((response) => {
        // Answered already: the database gate gave a 503 while this render hung.
        if (!res.headersSent) send(req, res, response)
      })
      .catch(async (error: unknown) => {
        if (res.headersSent) {
          res.end()
          return
        }
        // An error of another kind can still come from a database that just went away: ask.
        const unavailable =
          isUnavailable(error) || !(await databaseAvailabilityOf(payload).probe()).ok
        // During an outage every request fails the same way: one line each, not a stack trace.
        if (unavailable) {
          payload.logger.warn(
            { requestId: req.headers['x-request-id'] },
            `Public API request failed: database unavailable (${(error as Error)?.message})`,
          )
        } else {
          payload.logger.error(
            { err: error, requestId: req.headers['x-request-id'] },
            'Public API request failed',
          )
        }
        if (res.headersSent) return
        if (unavailable) res.setHeader('Retry-After', retryAfter)
        const requestId = String(req.headers['x-request-id'] ?? '-')
        send(
          req,
          res,
          problemResponse(
            new PublicProblem(
              unavailable ? 503 : 500,
              PROBLEM_TITLES[unavailable ? 503 : 500],
              unavailable
                ? {
                    nl: 'De database is even niet bereikbaar. Probeer het over een paar seconden opnieuw.',
                    en: 'The database cannot be reached right now. Try again in a few seconds.',
                  }
                : {
                    nl: `Er ging iets mis bij het maken van dit antwoord. Meld het met code ${requestId}.`,
                    en: `Something went wrong while making this answer. Report it with code ${requestId}.`,
                  },
            ),
            language,
          ),
        )
      })
  })

  router.cache = cache
  Object.defineProperty(router, 'listening', { get: () => listener?.connected ?? false })
  router.close = close
  ROUTERS.set(payload, router)
  router.serveCached = (req, res) => {
    const url = req.url ?? ''
    if (!url.startsWith(`${PUBLIC_API_BASE_PATH}/`)) return false
    start(req)
    return answerFromCache(req, res, url.slice(PUBLIC_API_BASE_PATH.length))
  }
  return router
}
