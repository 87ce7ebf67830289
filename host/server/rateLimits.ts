import type { IncomingMessage, ServerResponse } from 'node:http'
import { isIP } from 'node:net'

import { ipKeyGenerator, rateLimit, type RateLimitInfo } from 'express-rate-limit'
import type { Request, Response } from 'express'

import { sendEdgeProblem, type EdgeText } from './edgeProblem'

/** A rate limiter that works on plain Node requests as well as on Express ones. */
export type Limiter = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/

/**
 * The client's address as Express computes it with `trust proxy: 'loopback'`: the connection's
 * address, unless that is a proxy on this machine; then the nearest X-Forwarded-For entry that is
 * not one. Plain Node requests (the public API's cache fast path) have no `req.ip`.
 */
export function clientAddress(req: IncomingMessage): string {
  let address = req.socket.remoteAddress ?? ''
  const forwarded = req.headers['x-forwarded-for']
  if (!LOOPBACK.test(address) || !forwarded) return address
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => isIP(hop) !== 0)
  while (hops.length > 0 && LOOPBACK.test(address)) address = hops.pop() as string
  return address
}

function retryAfterSeconds(info: RateLimitInfo | undefined, windowMs: number): number {
  const reset = info?.resetTime?.getTime()
  const ms = reset === undefined ? windowMs : reset - Date.now()
  return Math.max(1, Math.ceil(ms / 1000))
}

interface LimiterOptions {
  limit: number
  windowMs: number
  detail: EdgeText
  /** Count only requests for which this returns false (e.g. only failed logins). */
  wasSuccessful?: (req: IncomingMessage, res: ServerResponse) => boolean
}

/**
 * A per-client-address limiter (express-rate-limit, memory store: per process) that answers
 * 429 with `Retry-After` and a problem. Undefined when the limit is 0 (switched off).
 */
export function createLimiter(options: LimiterOptions): Limiter | undefined {
  if (options.limit <= 0) return undefined
  const middleware = rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // The key comes from clientAddress, which also works without Express's req.ip.
    validate: false,
    keyGenerator: (req: Request) => ipKeyGenerator(clientAddress(req)),
    ...(options.wasSuccessful
      ? {
          skipSuccessfulRequests: true,
          requestWasSuccessful: (req: Request, res: Response) =>
            (options.wasSuccessful as NonNullable<LimiterOptions['wasSuccessful']>)(req, res),
        }
      : {}),
    handler: (req: Request, res: Response) => {
      const info = (req as Request & { rateLimit?: RateLimitInfo }).rateLimit
      const seconds = retryAfterSeconds(info, options.windowMs)
      sendEdgeProblem(req, res, {
        status: 429,
        title: { nl: 'Te veel verzoeken', en: 'Too many requests' },
        detail: {
          nl: `${options.detail.nl} Probeer het over ${seconds} seconden opnieuw.`,
          en: `${options.detail.en} Try again in ${seconds} seconds.`,
        },
        headers: { 'retry-after': String(seconds) },
      })
    },
  })
  return middleware as unknown as Limiter
}
