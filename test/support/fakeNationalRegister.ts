/**
 * A fake national Algoritmeregister for the tests: a real HTTP server on a free local port that
 * speaks the submission API (aanleverapi v1.0). Every request is checked against the OpenAPI
 * document (path, method, bearer token where the operation requires one, request body with Ajv),
 * tokens are issued by a Keycloak-like password grant, descriptions are kept in memory, and
 * faults (401, 422, 429 with Retry-After, 5xx, time-outs, a connection dropped after a create)
 * can be ordered per operation. Requests are counted per client per window for rate limits.
 */
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

import { aanleverApiDocument } from '../../src/national/aanleverApiDocument'
import { describeSchemaErrors, schemaValidator } from '../../src/national/submissionValidator'
import { generateLars } from '../../src/standard/lars'

export const API_BASE = '/aanleverapi/v1_0'
const TOKEN_PATH = '/realms/algreg/protocol/openid-connect/token'

export interface RecordedRequest {
  method: string
  path: string
  operationId: string | null
  organisation: string | null
  lars: string | null
  client: string | null
  authorization: string | null
  body: unknown
  /** Problems with the request against the OpenAPI document; empty when it was valid. */
  problems: string[]
  status: number
}

export type Fault =
  | { operationId?: string; status: number; retryAfter?: number; body?: unknown; times?: number }
  | { operationId?: string; timeout: true; times?: number }
  | { operationId: 'create_one_algorithm'; dropAfterCreate: true; times?: number }

export interface StoredAlgorithm {
  lars: string
  organisation: string
  body: Record<string, unknown>
  published: Record<string, unknown> | null
  createdBy: string
}

interface Operation {
  method: string
  pattern: RegExp
  names: string[]
  operationId: string
  bodySchema: string | null
  secured: boolean
}

function operationsOf(document: Record<string, unknown>): Operation[] {
  const operations: Operation[] = []
  const paths = document.paths as Record<string, Record<string, Record<string, unknown>>>
  for (const [template, methods] of Object.entries(paths)) {
    const names: string[] = []
    const pattern = new RegExp(
      `^${template.replace(/\{([^}]+)\}/g, (_match, name: string) => {
        names.push(name)
        return '([^/]+)'
      })}$`,
    )
    for (const [method, operation] of Object.entries(methods)) {
      const content = (
        operation.requestBody as { content?: Record<string, { schema?: { $ref?: string } }> }
      )?.content
      const ref = content?.['application/json']?.schema?.$ref
      operations.push({
        method: method.toUpperCase(),
        pattern,
        names,
        operationId: String(operation.operationId),
        bodySchema: ref ? (ref.split('/').pop() ?? null) : null,
        secured: Array.isArray(operation.security) && operation.security.length > 0,
      })
    }
  }
  return operations
}

export interface FakeNationalRegister {
  /** Base address of the submission API. */
  url: string
  tokenUrl: string
  requests: RecordedRequest[]
  tokenRequests: Array<{ client: string; username: string; ok: boolean }>
  algorithms: Map<string, StoredAlgorithm>
  /** Adds an account that may log in (and deliver for every organisation). */
  addAccount(account: { clientId: string; username: string; password: string }): void
  /** Orders a fault for the next matching request(s). */
  fail(fault: Fault): void
  /** Makes the token endpoint answer this status from now on (undefined: normal again). */
  failTokens(status: number | undefined): void
  /** Most requests one client made in one window. */
  maxPerWindow(client?: string): number
  /** Requests refused with 429 by the rate limit (not by an ordered fault). */
  rateLimited: number
  /** Changes a published description, as an editor in the national register would. */
  editPublished(lars: string, field: string, value: unknown): void
  close(): Promise<void>
}

/** Starts the fake on a free port. `limit` requests per client per `windowMs` are allowed. */
export async function startFakeNationalRegister(
  options: { limit?: number; windowMs?: number } = {},
): Promise<FakeNationalRegister> {
  const limit = options.limit ?? 25
  const windowMs = options.windowMs ?? 60_000
  const operations = operationsOf(aanleverApiDocument)
  const accounts = new Map<string, { clientId: string; password: string }>()
  const tokens = new Map<string, string>()
  const faults: Fault[] = []
  const windows = new Map<string, number>()
  const sockets = new Set<Socket>()
  let tokenStatus: number | undefined
  let tokenCounter = 0

  const fake: FakeNationalRegister = {
    url: '',
    tokenUrl: '',
    requests: [],
    tokenRequests: [],
    algorithms: new Map(),
    rateLimited: 0,
    addAccount(account) {
      accounts.set(account.username, { clientId: account.clientId, password: account.password })
    },
    fail(fault) {
      faults.push({ times: 1, ...fault })
    },
    failTokens(status) {
      tokenStatus = status
    },
    maxPerWindow(client) {
      let max = 0
      for (const [key, count] of windows) {
        if (client === undefined || key.startsWith(`${client}|`)) max = Math.max(max, count)
      }
      return max
    },
    editPublished(lars, field, value) {
      const stored = fake.algorithms.get(lars)
      if (!stored?.published) throw new Error(`not published: ${lars}`)
      stored.published = { ...stored.published, [field]: value }
    },
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }

  const send = (
    response: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers })
    response.end(body === undefined ? '' : JSON.stringify(body))
  }

  const takeFault = (operationId: string): Fault | undefined => {
    const index = faults.findIndex(
      (fault) => fault.operationId === undefined || fault.operationId === operationId,
    )
    if (index < 0) return undefined
    const fault = faults[index]
    const times = (fault.times ?? 1) - 1
    if (times <= 0) faults.splice(index, 1)
    else faults[index] = { ...fault, times } as Fault
    return fault
  }

  const handleToken = (raw: string, response: http.ServerResponse) => {
    const form = new URLSearchParams(raw)
    const username = form.get('username') ?? ''
    const account = accounts.get(username)
    const ok =
      form.get('grant_type') === 'password' &&
      account !== undefined &&
      account.clientId === form.get('client_id') &&
      account.password === form.get('password')
    fake.tokenRequests.push({
      client: form.get('client_id') ?? '',
      username,
      ok: ok && !tokenStatus,
    })
    if (tokenStatus) return send(response, tokenStatus, { error: 'unavailable' })
    if (!ok)
      return send(response, 401, {
        error: 'invalid_grant',
        error_description: 'Invalid user credentials',
      })
    tokenCounter += 1
    const token = `token-${tokenCounter}-${username}`
    tokens.set(token, account.clientId)
    send(response, 200, { access_token: token, token_type: 'Bearer', expires_in: 300 })
  }

  const handleApi = (request: http.IncomingMessage, raw: string, response: http.ServerResponse) => {
    const path = (request.url ?? '').split('?')[0].slice(API_BASE.length)
    const method = request.method ?? 'GET'
    const authorization = request.headers.authorization ?? null
    const record: RecordedRequest = {
      method,
      path,
      operationId: null,
      organisation: null,
      lars: null,
      client: null,
      authorization,
      body: undefined,
      problems: [],
      status: 0,
    }
    fake.requests.push(record)
    const reply = (status: number, body: unknown, headers?: Record<string, string>) => {
      record.status = status
      send(response, status, body, headers)
    }
    const operation = operations.find(
      (candidate) => candidate.method === method && candidate.pattern.test(path),
    )
    if (!operation) {
      record.problems.push(`no operation ${method} ${path} in the OpenAPI document`)
      return reply(404, { detail: 'Not Found' })
    }
    record.operationId = operation.operationId
    const params: Record<string, string> = {}
    const match = operation.pattern.exec(path) as RegExpExecArray
    operation.names.forEach((name, index) => {
      params[name] = decodeURIComponent(match[index + 1])
    })
    record.organisation = params.organisation_id ?? null
    record.lars = params.algorithm_id ?? null
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined
    const client = token ? tokens.get(token) : undefined
    record.client = client ?? null
    if (operation.secured && !client) {
      record.problems.push('no valid bearer token')
      return reply(401, { detail: 'Not authenticated' })
    }
    if (operation.bodySchema) {
      let body: unknown
      try {
        body = JSON.parse(raw)
      } catch (_error) {
        record.problems.push('body is not JSON')
        return reply(422, {
          detail: [{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }],
        })
      }
      record.body = body
      if (request.headers['content-type'] !== 'application/json') {
        record.problems.push(`content-type ${request.headers['content-type']}`)
      }
      const validate = schemaValidator(operation.bodySchema)
      if (!validate(body)) {
        record.problems.push(...describeSchemaErrors(validate.errors))
        return reply(422, {
          detail: (validate.errors ?? []).map((error) => ({
            loc: ['body', ...error.instancePath.split('/').filter(Boolean)],
            msg: error.message ?? error.keyword,
            type: error.keyword,
          })),
        })
      }
    } else if (raw.length > 0) {
      record.problems.push('a body where the operation takes none')
    }

    const windowKey = `${client}|${Math.floor(Date.now() / windowMs)}`
    const count = (windows.get(windowKey) ?? 0) + 1
    windows.set(windowKey, count)
    if (count > limit) {
      fake.rateLimited += 1
      return reply(429, { detail: 'Too Many Requests' }, { 'retry-after': '1' })
    }

    const fault = takeFault(operation.operationId)
    if (fault && 'timeout' in fault) {
      record.status = -1
      return // never answers; the connector's time-out must end the wait
    }
    if (fault && 'status' in fault) {
      const body =
        fault.body ??
        (fault.status === 422
          ? {
              detail: [
                {
                  loc: ['body', 'name'],
                  msg: 'String should have at most 100 characters',
                  type: 'string_too_long',
                },
              ],
            }
          : { detail: `Fout ${fault.status}` })
      return reply(
        fault.status,
        body,
        fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) },
      )
    }

    const organisation = params.organisation_id
    const stored = params.algorithm_id ? fake.algorithms.get(params.algorithm_id) : undefined
    const ownedHere = stored && stored.organisation === organisation
    switch (operation.operationId) {
      case 'get_all_algorithms':
        return reply(
          200,
          [...fake.algorithms.values()]
            .filter((item) => item.organisation === organisation)
            .map((item) => ({
              lars: item.lars,
              name: item.body.name ?? null,
              source_id: item.body.source_id ?? null,
              last_update_dt: new Date().toISOString(),
              published: item.published !== null,
              current_version_released: item.published !== null,
              current_version_published: item.published !== null,
            })),
        )
      case 'create_one_algorithm': {
        let lars = generateLars()
        while (fake.algorithms.has(lars)) lars = generateLars()
        fake.algorithms.set(lars, {
          lars,
          organisation,
          body: record.body as Record<string, unknown>,
          published: null,
          createdBy: client ?? '',
        })
        if (fault && 'dropAfterCreate' in fault) {
          record.status = -2
          request.socket.destroy()
          return
        }
        return reply(200, { lars_code: lars })
      }
      case 'update_one_algorithm':
        if (!ownedHere) return reply(404, { detail: 'Algorithm not found' })
        stored.body = record.body as Record<string, unknown>
        return reply(200, { message: 'Algorithm updated' })
      case 'release_one_algorithm':
        if (!ownedHere) return reply(404, { detail: 'Algorithm not found' })
        stored.published = { ...stored.body, lars: stored.lars }
        return reply(200, { message: 'Algorithm released' })
      case 'retract_one_published_algorithm':
        if (!ownedHere || !stored.published) return reply(404, { detail: 'Algorithm not found' })
        stored.published = null
        return reply(200, {})
      case 'get_one_published_algorithm':
        if (!ownedHere || !stored.published) return reply(404, { detail: 'Algorithm not found' })
        return reply(200, stored.published)
      case 'get_one_algorithm':
        if (!ownedHere) return reply(404, { detail: 'Algorithm not found' })
        return reply(200, { ...stored.body, lars: stored.lars })
      default:
        return reply(404, { detail: 'Not implemented in the fake' })
    }
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      if (request.url === TOKEN_PATH && request.method === 'POST') return handleToken(raw, response)
      if ((request.url ?? '').startsWith(API_BASE)) return handleApi(request, raw, response)
      send(response, 404, { detail: 'Not Found' })
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  fake.url = `http://127.0.0.1:${port}${API_BASE}`
  fake.tokenUrl = `http://127.0.0.1:${port}${TOKEN_PATH}`
  return fake
}
