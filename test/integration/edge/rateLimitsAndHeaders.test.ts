import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { createServer, type RunningServer } from '../../../host/server/createServer'
import { createOrganisation, createUser, TEST_PASSWORD } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { createPerson } from '../../support/workflowHelpers'

let app: TestApp
let email: string
/** The same Payload behind a server whose SERVER_URL is https. */
let secure: RunningServer

beforeAll(async () => {
  // The suite switches rate limits off (setupEnv); this file proves them with small limits.
  process.env.PUBLIC_RATE_LIMIT = '5'
  process.env.LOGIN_RATE_LIMIT = '3'
  app = await testApp()
  process.env.SERVER_URL = 'https://algoritmes.noorderhaaks.example'
  secure = await createServer({
    payload: app.payload,
    config: app.config,
    port: 0,
    admin: false,
    host: '127.0.0.1',
  })
  process.env.SERVER_URL = 'http://localhost:3000'
  const organisation = await createOrganisation(app.payload)
  await createPerson(app.payload, app.url, {
    memberships: [{ organisation: organisation.id, role: 'redacteur' }],
  })
  email = (await createUser(app.payload, { memberships: [] })).email
})

afterAll(async () => {
  await secure?.close()
  await closeTestApp()
})

/** A request as if from `client`, behind a proxy on this machine (trusted: loopback). */
function from(client: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${app.url}${path}`, {
    ...init,
    headers: { 'x-forwarded-for': client, ...(init.headers as Record<string, string>) },
  })
}

function restLogin(client: string, loginEmail: string, password: string): Promise<Response> {
  return from(client, '/api/users/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: loginEmail, password }),
  })
}

describe('rate limit on the public API', () => {
  it('answers 429 with Retry-After and a problem after PUBLIC_RATE_LIMIT requests, cached ones included', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      const response = await from('198.51.100.7', '/register/v1/algorithms')
      statuses.push(response.status)
      await response.arrayBuffer()
    }
    // The same URL five times: all but the first come from the in-memory cache.
    expect(statuses).toEqual([200, 200, 200, 200, 200])
    const limited = await from('198.51.100.7', '/register/v1/algorithms')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.headers.get('content-type')).toContain('application/problem+json')
    expect(await limited.json()).toMatchObject({ status: 429, title: 'Te veel verzoeken' })
  })

  it('counts per client address', async () => {
    const other = await from('198.51.100.8', '/register/v1/algorithms')
    expect(other.status).toBe(200)
  })

  it('does not limit the editors API by the public limit', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) {
      const response = await from('198.51.100.9', '/api/algorithms?limit=1')
      statuses.push(response.status)
      await response.arrayBuffer()
    }
    expect(statuses.every((status) => status !== 429)).toBe(true)
  })
})

describe('rate limit on logins', () => {
  it('answers 429 after LOGIN_RATE_LIMIT failed logins from one address, even with the right password', async () => {
    for (let i = 0; i < 3; i++) {
      const failed = await restLogin('203.0.113.5', `niemand${i}@noorderhaaks.example`, 'fout')
      expect(failed.status).toBe(401)
    }
    const limited = await restLogin('203.0.113.5', email, TEST_PASSWORD)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    const body = (await limited.json()) as { detail: string; errors: Array<{ message: string }> }
    expect(body.detail).toMatch(/^Te veel mislukte inlogpogingen vanaf dit adres/)
    // The admin shows errors[0].message.
    expect(body.errors[0]?.message).toBe(body.detail)
  })

  it('does not count successful logins', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await restLogin('203.0.113.6', email, TEST_PASSWORD)
      expect(response.status).toBe(200)
    }
  })

  it('counts GraphQL login mutations as well', async () => {
    const mutation = {
      query:
        'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }',
      variables: { email: 'niemand@noorderhaaks.example', password: 'fout' },
    }
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      const response = await from('203.0.113.7', '/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(mutation),
      })
      statuses.push(response.status)
      await response.arrayBuffer()
    }
    expect(statuses).toEqual([200, 200, 200, 429])
  })
})

describe('security headers', () => {
  it.each(['/health', '/register/v1/algorithms', '/api/algorithms', '/api/users/me'])(
    'sends nosniff, a referrer policy and no-framing on %s, and no HSTS over http',
    async (path) => {
      const response = await from('192.0.2.1', path)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'self'")
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      expect(response.headers.get('strict-transport-security')).toBeNull()
    },
  )

  it('sends the headers on cached public answers too, and keeps CORS open', async () => {
    await (await from('192.0.2.2', '/register/v1/organisations')).arrayBuffer()
    const cached = await from('192.0.2.2', '/register/v1/organisations', {
      headers: { origin: 'https://frontend.example' },
    })
    expect(cached.status).toBe(200)
    expect(cached.headers.get('x-content-type-options')).toBe('nosniff')
    expect(cached.headers.get('access-control-allow-origin')).toBe('*')
    expect(cached.headers.get('cross-origin-resource-policy')).toBeNull()
  })

  it('sends HSTS when SERVER_URL is https', async () => {
    const response = await fetch(`${secure.url}/health`)
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000')
  })
})
