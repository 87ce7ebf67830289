import type { IncomingMessage } from 'node:http'

import type { NextFunction, Request, Response } from 'express'

import { sendEdgeProblem, type EdgeProblem } from './edgeProblem'
import type { EdgeSettings } from './edgeSettings'
import { findForbiddenParameter, findForbiddenText, findTooDeep } from './inspectJson'
import { useBufferedBody } from './webBridge'

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

type BodyKind = 'json' | 'multipart' | 'form'

export interface BodyGateOptions {
  settings: Pick<EdgeSettings, 'maxJsonBodyBytes' | 'maxMultipartBodyBytes' | 'maxJsonDepth'>
  /** Collection slugs: `POST /<slug>` and `PATCH /<slug>[/<id>]` must carry a JSON object. */
  collections: string[]
  /** Global slugs: `POST /globals/<slug>` must carry a JSON object. */
  globals: string[]
  /**
   * Collection slugs whose own input check (hooks/checkWriteInput) refuses control characters in
   * creates and updates with a message that names the field by its label: the gate leaves those
   * bodies, and GraphQL (whose mutations reach the same check), to it.
   */
  fieldChecked?: string[]
  /** Called for GraphQL requests that log in, before they run (the login rate limit). */
  onGraphqlLogin?: (req: Request, res: Response, next: NextFunction) => void
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
}

function tooLarge(limit: number): EdgeProblem {
  return {
    status: 413,
    title: { nl: 'Verzoek te groot', en: 'Content too large' },
    detail: {
      nl: `De inhoud van het verzoek is te groot: hoogstens ${limit} bytes (${megabytes(limit)}).`,
      en: `The request body is too large: at most ${limit} bytes (${megabytes(limit)}).`,
    },
    close: true,
  }
}

function badRequest(nl: string, en: string, field?: string): EdgeProblem {
  return {
    status: 400,
    title: { nl: 'Ongeldig verzoek', en: 'Bad request' },
    detail: { nl, en },
    field,
  }
}

function notAnObject(value: unknown, empty: boolean): EdgeProblem {
  const [nl, en] = empty
    ? ['niets', 'nothing']
    : value === null
      ? ['null', 'null']
      : Array.isArray(value)
        ? ['een lijst', 'an array']
        : typeof value === 'string'
          ? ['een tekst', 'a string']
          : [`een ${typeof value === 'number' ? 'getal' : 'waarde'}`, `a ${typeof value}`]
  return badRequest(
    `De inhoud van het verzoek moet een JSON-object zijn, zoals {"name": "..."}; ontvangen: ${nl}.`,
    `The request body must be a JSON object, such as {"name": "..."}; received: ${en}.`,
  )
}

function forbiddenText(field: string): EdgeProblem {
  return badRequest(
    `Veld '${field}' bevat een teken dat niet is toegestaan (een NUL- of ander stuurteken, of een ongeldig Unicode-teken).`,
    `Field '${field}' contains a character that is not allowed (NUL or another control character, or invalid Unicode).`,
    field,
  )
}

function forbiddenParameter(name: string): EdgeProblem {
  return badRequest(
    `Parameter '${name}' bevat een teken dat niet is toegestaan (een NUL- of ander stuurteken).`,
    `Parameter '${name}' contains a character that is not allowed (NUL or another control character).`,
    name,
  )
}

/** The query parameter check for every request, including the public API's cache fast path. */
export function queryProblem(req: IncomingMessage): EdgeProblem | undefined {
  const url = req.url ?? ''
  const start = url.indexOf('?')
  // Control characters can only arrive percent-encoded: Node refuses them raw.
  if (start < 0 || !url.includes('%', start)) return undefined
  const name = findForbiddenParameter(url.slice(start + 1))
  return name === undefined ? undefined : forbiddenParameter(name)
}

/**
 * Checks JSON text: bounded depth (counted without recursion, before parsing), valid, an object
 * (blank text only when `blankAllowed`), and no forbidden character in any string or key.
 */
export function jsonProblem(
  text: string,
  maxDepth: number,
  blankAllowed: boolean,
  prefix = '',
  checkText = true,
): { problem?: EdgeProblem; value?: unknown } {
  const blank = text.trim() === ''
  if (blank) return blankAllowed ? {} : { problem: notAnObject(undefined, true) }
  const tooDeep = findTooDeep(text, maxDepth)
  if (tooDeep) {
    const field = prefix ? `${prefix}.${tooDeep.path}` : tooDeep.path
    return {
      problem: badRequest(
        `Veld '${field}' is te diep genest: de inhoud van het verzoek mag hoogstens ${maxDepth} niveaus diep zijn.`,
        `Field '${field}' is nested too deeply: the request body may be at most ${maxDepth} levels deep.`,
        field,
      ),
    }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (_error) {
    return {
      problem: badRequest(
        `De inhoud van het verzoek is geen geldige JSON${prefix ? ` (veld '${prefix}')` : ''}.`,
        `The request body is not valid JSON${prefix ? ` (field '${prefix}')` : ''}.`,
      ),
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { problem: notAnObject(value, false) }
  }
  const field = checkText ? findForbiddenText(value, prefix) : undefined
  return field === undefined ? { value } : { problem: forbiddenText(field) }
}

/** Reads at most `limit` bytes; 'too-large' as soon as more arrive, 'aborted' if the client left. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const finish = (result: Buffer | 'too-large' | 'aborted' | Error) => {
      if (settled) return
      settled = true
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      req.off('close', onClose)
      if (result instanceof Error) reject(result)
      else resolve(result)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        // Stop reading: the answer goes out now and the connection closes after it.
        req.pause()
        finish('too-large')
      } else chunks.push(chunk)
    }
    const onEnd = () => finish(Buffer.concat(chunks, size))
    const onError = (error: Error) => finish(error)
    const onClose = () => finish('aborted')
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
    req.on('close', onClose)
  })
}

function kindOf(req: Request): BodyKind | undefined {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type === 'application/json') return 'json'
  if (type === 'multipart/form-data') return 'multipart'
  // Payload's admin asks for long relationship lists as POST with a form-encoded query.
  const override =
    req.headers['x-payload-http-method-override'] ?? req.headers['x-http-method-override']
  if (type === 'application/x-www-form-urlencoded' && override === 'GET') return 'form'
  return undefined
}

async function multipartProblem(
  body: Buffer,
  contentType: string,
  maxDepth: number,
  mustBeObject: boolean,
  checkText: boolean,
): Promise<EdgeProblem | undefined> {
  let form: FormData
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': contentType },
    }).formData()
  } catch (_error) {
    return badRequest(
      'De inhoud van het verzoek is geen geldige multipart/form-data.',
      'The request body is not valid multipart/form-data.',
    )
  }
  const document = form.get('_payload')
  if (typeof document === 'string') {
    const { problem } = jsonProblem(document, maxDepth, !mustBeObject, '', checkText)
    if (problem) return problem
  } else if (mustBeObject) {
    return notAnObject(undefined, true)
  }
  for (const [name, value] of form) {
    if (name === '_payload' || typeof value !== 'string') continue
    const field = findForbiddenText(value, name)
    if (field !== undefined) return forbiddenText(field)
  }
  return undefined
}

/**
 * The gate in front of Payload's REST and GraphQL API: on every write, the content type must be
 * one Payload reads (JSON; multipart and form-encoded as the admin sends them; else 415), the
 * body is read only up to its limit (413, checked on Content-Length first and counted while
 * streaming), JSON is depth-bounded, must be an object and may not contain control characters
 * (400 naming the field). Payload then gets the checked bytes instead of the stream.
 */
export function createBodyGate(
  options: BodyGateOptions,
): (req: Request, res: Response, next: NextFunction) => Promise<void> {
  const { settings } = options
  const collections = new Set(options.collections)
  const globals = new Set(options.globals)
  const fieldChecked = new Set(options.fieldChecked)

  const mustBeObject = (req: Request): boolean => {
    const segments = req.path.split('/').filter(Boolean)
    const [first, second] = segments
    if (first === undefined) return false
    if (req.method === 'POST' && segments.length === 1) return collections.has(first)
    if (req.method === 'PATCH' && segments.length <= 2) return collections.has(first)
    if (req.method === 'POST' && first === 'globals' && segments.length === 2) {
      return globals.has(second as string)
    }
    return false
  }

  return async (req, res, next) => {
    if (!WRITE_METHODS.has(req.method)) {
      next()
      return
    }
    const length = Number(req.headers['content-length'] ?? 0)
    const streamed = req.headers['transfer-encoding'] !== undefined
    const objectRequired = mustBeObject(req)
    const isGraphql = req.path === '/graphql'
    const checkText =
      !isGraphql && !(objectRequired && fieldChecked.has(req.path.split('/').filter(Boolean)[0]!))
    if (!streamed && !(length > 0)) {
      if (objectRequired || isGraphql) sendEdgeProblem(req, res, notAnObject(undefined, true))
      else next()
      return
    }
    const kind = kindOf(req)
    if (!kind || (isGraphql && kind !== 'json')) {
      const type = req.headers['content-type'] || 'geen'
      sendEdgeProblem(req, res, {
        status: 415,
        title: { nl: 'Soort inhoud niet ondersteund', en: 'Unsupported media type' },
        detail: {
          nl: `Inhoud van het soort '${type}' wordt niet aangenomen: stuur JSON met Content-Type: application/json.`,
          en: `Content of type '${type}' is not accepted: send JSON with Content-Type: application/json.`,
        },
        headers: { accept: 'application/json' },
        close: true,
      })
      return
    }
    const limit = kind === 'multipart' ? settings.maxMultipartBodyBytes : settings.maxJsonBodyBytes
    if (length > limit) {
      sendEdgeProblem(req, res, tooLarge(limit))
      return
    }
    const body = await readBody(req, limit)
    if (body === 'aborted') return
    if (body === 'too-large') {
      sendEdgeProblem(req, res, tooLarge(limit))
      return
    }
    let problem: EdgeProblem | undefined
    let graphqlQuery: unknown
    if (kind === 'json') {
      const checked = jsonProblem(
        body.toString('utf8'),
        settings.maxJsonDepth,
        !(objectRequired || isGraphql),
        '',
        checkText,
      )
      problem = checked.problem
      graphqlQuery = (checked.value as { query?: unknown } | undefined)?.query
    } else if (kind === 'multipart') {
      problem = await multipartProblem(
        body,
        String(req.headers['content-type']),
        settings.maxJsonDepth,
        objectRequired,
        checkText,
      )
    } else {
      const name = findForbiddenParameter(body.toString('utf8'))
      if (name !== undefined) problem = forbiddenParameter(name)
    }
    if (problem) {
      sendEdgeProblem(req, res, problem)
      return
    }
    useBufferedBody(req, body)
    if (
      isGraphql &&
      options.onGraphqlLogin &&
      typeof graphqlQuery === 'string' &&
      /\blogin\w*\s*\(/.test(graphqlQuery)
    ) {
      options.onGraphqlLogin(req, res, next)
      return
    }
    next()
  }
}
