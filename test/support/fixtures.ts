import { randomInt } from 'node:crypto'

import type { Payload } from 'payload'

import type { MembershipRole } from '../../access/roles'
import type { Organisation, User } from '../../payload-types'

export const TEST_PASSWORD = 'Test-wachtwoord-1'

const usedCodes = new Set<string>()

/** A municipality code no other test file will pick (random, checked against the database). */
export async function uniqueMunicipalityCode(payload: Payload): Promise<string> {
  for (;;) {
    const code = `gm${String(randomInt(1000, 9999))}`
    if (usedCodes.has(code)) continue
    usedCodes.add(code)
    const { totalDocs } = await payload.count({
      collection: 'organisations',
      where: { code: { equals: code } },
    })
    if (totalDocs === 0) return code
  }
}

export async function createOrganisation(
  payload: Payload,
  overrides: Partial<Organisation> = {},
): Promise<Organisation> {
  const code = overrides.code ?? (await uniqueMunicipalityCode(payload))
  return payload.create({
    collection: 'organisations',
    data: { name: `Gemeente Test ${code}`, type: 'gemeente', ...overrides, code },
    overrideAccess: true,
  })
}

let userCounter = 0

export async function createUser(
  payload: Payload,
  options: {
    memberships?: Array<{ organisation: number; role: MembershipRole }>
    isPlatformAdmin?: boolean
    name?: string
  } = {},
): Promise<User> {
  userCounter += 1
  const email = `persoon${userCounter}-${randomInt(1e9)}@noorderhaaks.example`
  const created = await payload.create({
    collection: 'users',
    data: {
      email,
      password: TEST_PASSWORD,
      name: options.name ?? `Testpersoon ${userCounter}`,
      isPlatformAdmin: options.isPlatformAdmin ?? false,
      memberships: options.memberships ?? [],
    },
    overrideAccess: true,
  })
  // The first account of an empty register becomes platform admin (first-register flow); a
  // test that asked for someone else must not silently get that power.
  if (created.isPlatformAdmin && !options.isPlatformAdmin) {
    return payload.update({
      collection: 'users',
      id: created.id,
      data: { isPlatformAdmin: false },
      overrideAccess: true,
      depth: 0,
    })
  }
  return created
}

/** Logs in through the REST API and returns the JWT. */
export async function login(
  baseUrl: string,
  email: string,
  password = TEST_PASSWORD,
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const body = (await response.json()) as { token?: string; errors?: unknown }
  if (!response.ok || !body.token)
    throw new Error(`login failed for ${email}: ${JSON.stringify(body)}`)
  return body.token
}

export interface ApiResult<T = unknown> {
  status: number
  body: T
  headers: Headers
}

/** A REST call with an optional token; JSON in, JSON out. */
export async function rest<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; language?: string } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {}
  if (options.token) headers.authorization = `JWT ${options.token}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (options.language) headers['accept-language'] = options.language
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await response.text()
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : null
  } catch (_error) {
    body = text
  }
  return { status: response.status, body: body as T, headers: response.headers }
}

/** A GraphQL call with an optional token. */
export async function graphql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; language?: string } = {},
): Promise<
  ApiResult<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>
> {
  return rest(baseUrl, 'POST', '/api/graphql', {
    token: options.token,
    body: { query, variables },
    language: options.language,
  })
}
