import type pg from 'pg'
import type { Payload } from 'payload'

import { databaseAvailabilityOf, isConnectionError } from '../database/databaseAvailability'
import { readDatabaseSettings } from '../database/databaseSettings'
import {
  createReplicaReads,
  replicaUrlFromEnvironment,
  type ReplicaStats,
} from '../database/replica'
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

/** Where the API is mounted (the bundled server; a host's route file uses the same path). */
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
  /**
   * A streaming replica for public reads (see createReplicaReads). Default: DATABASE_REPLICA_URL
   * from the environment; without one every read goes to the primary.
   */
  replicaUrl?: string
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

/** The path templates the API answers, relative to {@link PUBLIC_API_BASE_PATH}. */
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

/** Headers of every answer: the API version and CORS for any origin. */
const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'API-Version': PUBLIC_API_VERSION,
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': EXPOSED_HEADERS,
}

/** A request to the public API, whichever server it came through. */
export interface PublicApiRequest {
  method: string
  /** Path and query, relative to {@link PUBLIC_API_BASE_PATH} ('/algorithms?page=2'). */
  url: string
  acceptLanguage?: string
  ifNoneMatch?: string
  requestId?: string
}

/** What to send back. The body is left out for HEAD and 304. */
export interface PublicApiAnswer {
  status: number
  headers: Record<string, string>
  body?: Buffer
}

function toAnswer(
  request: PublicApiRequest,
  response: RenderedResponse,
  extraHeaders: Record<string, string> = {},
): PublicApiAnswer {
  const condition = request.ifNoneMatch
  if (response.status === 200 && condition && etagMatches(condition, response.etag)) {
    return { status: 304, headers: { ...COMMON_HEADERS, ...response.notModifiedHeaders } }
  }
  return {
    status: response.status,
    headers: { ...COMMON_HEADERS, ...extraHeaders, ...response.responseHeaders },
    body: request.method === 'HEAD' ? undefined : response.body,
  }
}

/**
 * The public API without a server around it: the Express router of the bundled server and the
 * Web-standard handler of a host's route file both answer through it.
 */
export interface PublicApi {
  /**
   * Starts LISTENing for changes made by other processes (once; the first request calls it).
   * Until the listener is connected nothing is cached.
   */
  start: () => void
  /** A cached answer, or undefined when the request is not a cache hit. */
  cached: (request: PublicApiRequest) => PublicApiAnswer | undefined
  /** The answer to any request: rendered, from the cache, or a problem. Never rejects. */
  answer: (request: PublicApiRequest) => Promise<PublicApiAnswer>
  /** Stops the change listener and unsubscribes from in-process changes. */
  close: () => Promise<void>
  cache: PublicResponseCache<RenderedResponse>
  /** Whether changes from other processes are heard (the cache is used only then). */
  readonly listening: boolean
  /** Where reads went when a replica is configured. */
  readonly replicaStats: ReplicaStats | undefined
}

/**
 * The public content API under /register/v1: published content only, for anyone, read from the
 * public projection (never from the editorial tables). Rendered answers are kept in memory with
 * a strong ETag and dropped on every public change: at once for changes in this process (the
 * in-process change bus), within milliseconds for other processes (PostgreSQL LISTEN/NOTIFY on
 * the channel {@link PUBLIC_CHANGE_CHANNEL}, over one connection of its own).
 */
export function createPublicApi(options: PublicApiOptions): PublicApi {
  const { payload } = options
  const pool = poolOf(payload) as unknown as pg.Pool
  // DATABASE_REPLICA_URL: reads go to a streaming replica once it has replayed every commit.
  const replicaUrl = options.replicaUrl ?? replicaUrlFromEnvironment()
  const replica = replicaUrl
    ? createReplicaReads({
        primary: pool,
        replicaUrl,
        log: (message) => payload.logger.warn(message),
      })
    : undefined
  const run: RunQuery = replica ? replica.query : queryRunner(pool)
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
    await replica?.close()
  }
  let started = false
  // Started with the first request, not at creation: a server that never serves the public API
  // (a test of something else) keeps no connection open for it.
  const start = () => {
    if (started || closed) return
    started = true
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

  const cached = (request: PublicApiRequest): PublicApiAnswer | undefined => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined
    const hit = cache.get(`${preferredLanguage(request.acceptLanguage)} ${request.url}`)
    return hit ? toAnswer(request, hit) : undefined
  }

  const answer = async (request: PublicApiRequest): Promise<PublicApiAnswer> => {
    start()
    const hit = cached(request)
    if (hit) return hit
    const language = preferredLanguage(request.acceptLanguage)
    if (request.method === 'OPTIONS') {
      return {
        status: 204,
        headers: {
          ...COMMON_HEADERS,
          'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
          'Access-Control-Allow-Headers': 'If-None-Match, Accept, Accept-Language, Cache-Control',
          'Access-Control-Max-Age': '86400',
          Allow: 'GET, HEAD, OPTIONS',
        },
      }
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return toAnswer(
        request,
        problemResponse(
          new PublicProblem(405, PROBLEM_TITLES[405], {
            nl: `Deze API is alleen om te lezen: gebruik GET, niet ${request.method}.`,
            en: `This API is read-only: use GET, not ${request.method}.`,
          }),
          language,
        ),
        { Allow: 'GET, HEAD, OPTIONS' },
      )
    }

    const key = `${language} ${request.url}`
    const queryStart = request.url.indexOf('?')
    const path = queryStart === -1 ? request.url : request.url.slice(0, queryStart)
    const query = new URLSearchParams(queryStart === -1 ? '' : request.url.slice(queryStart + 1))
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
      if (error instanceof PublicProblem) return toAnswer(request, problemResponse(error, language))
      throw error
    }

    const render = renderer
    try {
      const response = await cache.getOrRender(key, tag, async () => {
        try {
          return finish(await render())
        } catch (error) {
          if (error instanceof PublicProblem) return problemResponse(error, language)
          throw error
        }
      })
      return toAnswer(request, response)
    } catch (error) {
      // An error of another kind can still come from a database that just went away: ask.
      const unavailable =
        isUnavailable(error) || !(await databaseAvailabilityOf(payload).probe()).ok
      // During an outage every request fails the same way: one line each, not a stack trace.
      if (unavailable) {
        payload.logger.warn(
          { requestId: request.requestId },
          `Public API request failed: database unavailable (${(error as Error)?.message})`,
        )
      } else {
        payload.logger.error(
          { err: error, requestId: request.requestId },
          'Public API request failed',
        )
      }
      const requestId = request.requestId ?? '-'
      return toAnswer(
        request,
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
        unavailable ? { 'Retry-After': retryAfter } : {},
      )
    }
  }

  return {
    start,
    cached,
    answer,
    close,
    cache,
    get listening() {
      return listener?.connected ?? false
    },
    get replicaStats() {
      return replica?.stats
    },
  }
}
