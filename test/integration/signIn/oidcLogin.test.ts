import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { User } from '../../../payload-types'
import { OIDC_FAILURES } from '../../../src/auth/oidc/oidcErrors'
import { OIDC_STATE_COOKIE, openLoginState, sealLoginState } from '../../../src/auth/oidc/oidcState'
import { createOrganisation, createUser, rest } from '../../support/fixtures'
import {
  CookieJar,
  startTestIdentityProvider,
  type TestIdentityProvider,
} from '../../support/testIdentityProvider'
import type { TestApp } from '../../support/testApp'
import { eventsAbout, passwordLogin, whoIs } from './signInSupport'

const SERVER_URL = 'http://localhost:3000'
let idp: TestIdentityProvider
let app: TestApp
let closeTestApp: () => Promise<void>
let subjectCounter = 0

/** A port nothing listens on: the provider that is down. */
async function closedPort(): Promise<number> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

beforeAll(async () => {
  idp = await startTestIdentityProvider(`${SERVER_URL}/api/users/oidc/test/callback`)
  const provider = (id: string, issuer: string) => ({
    id,
    issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    label: `Inloggen met ${id}`,
  })
  // Read by payload.config.ts when it is imported (below, after these are set).
  process.env.OIDC_PROVIDERS = JSON.stringify([
    { ...provider('test', idp.issuer), label: 'Inloggen met uw Testgemeente-account' },
    provider('vreemd', `${idp.issuer}${idp.foreignIssuerPath}`),
    provider('weg', `http://127.0.0.1:${await closedPort()}`),
  ])
  process.env.SESSION_IDLE_MINUTES = '30'
  process.env.PASSWORD_LOGIN = 'false'
  const support = await import('../../support/testApp')
  closeTestApp = support.closeTestApp
  app = await support.testApp()
  // Someone set the register up; organisation accounts never become its first (platform) admin.
  await createUser(app.payload, { isPlatformAdmin: true })
})

afterAll(async () => {
  await closeTestApp?.()
  await idp?.close()
  delete process.env.OIDC_PROVIDERS
  delete process.env.SESSION_IDLE_MINUTES
  delete process.env.PASSWORD_LOGIN
})

interface Journey {
  /** Where the register sent the browser at the end. */
  location: string
  /** The session token the register set, if any. */
  token: string | null
  callback?: URL
  jar: CookieJar
}

function tokenFrom(response: Response): string | null {
  for (const line of response.headers.getSetCookie()) {
    const match = /^payload-token=([^;]+)/.exec(line)
    if (match?.[1]) return match[1]
  }
  return null
}

/**
 * A browser's way through: the register's start, the provider (which signs `subject` in), and
 * back to the register's callback. `alter` changes the callback address or cookies first.
 */
async function journey(
  subject: string,
  options: { provider?: string; alter?: (callback: URL, jar: CookieJar) => void } = {},
): Promise<Journey> {
  idp.loginAs(subject)
  const jar = new CookieJar()
  const idpJar = new CookieJar()
  const start = await fetch(`${app.url}/api/users/oidc/${options.provider ?? 'test'}/start`, {
    redirect: 'manual',
  })
  expect(start.status).toBe(302)
  jar.take(start)
  let location = start.headers.get('location') ?? ''
  for (let hop = 0; hop < 10 && location.startsWith(idp.issuer); hop += 1) {
    const answer = await fetch(location, {
      redirect: 'manual',
      headers: { cookie: idpJar.header() },
    })
    idpJar.take(answer)
    location = new URL(answer.headers.get('location') ?? '', location).href
  }
  if (!location.includes('/callback')) return { location, token: tokenFrom(start), jar }
  const callback = new URL(location.replace(SERVER_URL, app.url))
  options.alter?.(callback, jar)
  const finish = await fetch(callback, { redirect: 'manual', headers: { cookie: jar.header() } })
  expect(finish.status).toBe(302)
  return { location: finish.headers.get('location') ?? '', token: tokenFrom(finish), callback, jar }
}

function newSubject(account: {
  email?: string
  email_verified?: boolean
  name?: string
  roles?: string[]
}): string {
  subjectCounter += 1
  const subject = `medewerker-${subjectCounter}-${Date.now()}`
  idp.accounts.set(subject, account)
  return subject
}

async function usersWithEmail(email: string): Promise<User[]> {
  const found = await app.payload.find({
    collection: 'users',
    where: { email: { equals: email } },
    depth: 0,
    overrideAccess: true,
  })
  return found.docs
}

async function failureEvents(reason: string): Promise<number> {
  const found = await app.payload.find({
    collection: 'audit-events',
    where: { eventType: { equals: 'login_failure' } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return found.docs.filter((e) => (e.details as { reason?: string } | null)?.reason === reason)
    .length
}

const refusedTo = (failure: string) => `${SERVER_URL}/admin/login?inlogfout=${failure}`

describe('login with an organisation account (authorization code flow with PKCE)', () => {
  it('lists the configured buttons without secrets', async () => {
    const answer = await rest<{ providers: Array<{ id: string; label: string; url: string }> }>(
      app.url,
      'GET',
      '/api/users/oidc/providers',
    )
    expect(answer.status).toBe(200)
    expect(answer.body.providers.map((p) => p.id)).toEqual(['test', 'vreemd', 'weg'])
    expect(answer.body.providers[0]).toEqual({
      id: 'test',
      label: 'Inloggen met uw Testgemeente-account',
      url: '/api/users/oidc/test/start',
    })
    expect(JSON.stringify(answer.body)).not.toContain(idp.clientSecret)
  })

  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const start = await fetch(`${app.url}/api/users/oidc/test/start`, { redirect: 'manual' })
    const target = new URL(start.headers.get('location') ?? '')
    expect(target.origin).toBe(idp.issuer)
    expect(target.searchParams.get('response_type')).toBe('code')
    expect(target.searchParams.get('code_challenge_method')).toBe('S256')
    expect(target.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(target.searchParams.get('state')).toBeTruthy()
    expect(target.searchParams.get('nonce')).toBeTruthy()
    const cookie = start.headers.getSetCookie().find((c) => c.startsWith(OIDC_STATE_COOKIE))
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
  })

  it('creates an account without any role on the first login, and signs the person in', async () => {
    const email = `nieuw-${Date.now()}@testgemeente.example`
    const subject = newSubject({ email, email_verified: true, name: 'Nieuwe Medewerker' })
    const result = await journey(subject)
    expect(result.location).toBe(`${SERVER_URL}/admin`)
    expect(result.token).toBeTruthy()
    const [user] = await usersWithEmail(email)
    expect(user).toBeDefined()
    expect(user?.memberships).toEqual([])
    expect(user?.isPlatformAdmin).toBe(false)
    expect(user?.name).toBe('Nieuwe Medewerker')
    expect(await whoIs(app.url, result.token as string)).toBe(user?.id)
    // The idle time (SESSION_IDLE_MINUTES=30) is the token's lifetime; the admin renews it while in use.
    const claims = JSON.parse(
      Buffer.from((result.token as string).split('.')[1] as string, 'base64url').toString(),
    ) as { iat: number; exp: number }
    expect(claims.exp - claims.iat).toBe(30 * 60)
    const events = await eventsAbout(app.payload, user as User)
    expect(events.map((e) => e.eventType)).toEqual(
      expect.arrayContaining(['account_link', 'login_success']),
    )
    expect(events.find((e) => e.eventType === 'account_link')?.details).toMatchObject({
      provider: 'test',
      created: true,
    })

    // Next time: the same account, no second link.
    const again = await journey(subject)
    expect(await whoIs(app.url, again.token as string)).toBe(user?.id)
    expect(await usersWithEmail(email)).toHaveLength(1)
    const links = (await eventsAbout(app.payload, user as User)).filter(
      (e) => e.eventType === 'account_link',
    )
    expect(links).toHaveLength(1)
  })

  it('links an existing account by its verified e-mail address, keeping its roles', async () => {
    const organisation = await createOrganisation(app.payload)
    const existing = await createUser(app.payload, {
      memberships: [{ organisation: organisation.id, role: 'redacteur' }],
    })
    const subject = newSubject({ email: existing.email.toUpperCase(), email_verified: true })
    const result = await journey(subject)
    expect(await whoIs(app.url, result.token as string)).toBe(existing.id)
    const [user] = await usersWithEmail(existing.email)
    expect(user?.memberships?.map((m) => m.role)).toEqual(['redacteur'])
    const link = (await eventsAbout(app.payload, existing)).find(
      (e) => e.eventType === 'account_link',
    )
    expect(link).toMatchObject({ organisationId: organisation.id, details: { created: false } })
  })

  it('ends the local session at logout', async () => {
    const subject = newSubject({
      email: `uit-${Date.now()}@testgemeente.example`,
      email_verified: true,
    })
    const { token } = await journey(subject)
    expect(await whoIs(app.url, token as string)).not.toBeNull()
    expect(
      (await rest(app.url, 'POST', '/api/users/logout', { token: token as string })).status,
    ).toBe(200)
    expect(await whoIs(app.url, token as string)).toBeNull()
  })
})

describe('refused organisation logins: a Dutch reason, an audit event, no account, no session', () => {
  it('refuses an e-mail address the provider has not verified', async () => {
    const email = `onbevestigd-${Date.now()}@testgemeente.example`
    const before = await failureEvents('oidc-email-unverified')
    const result = await journey(newSubject({ email, email_verified: false }))
    expect(result.location).toBe(refusedTo('email-unverified'))
    expect(result.token).toBeNull()
    expect(await usersWithEmail(email)).toHaveLength(0)
    expect(await failureEvents('oidc-email-unverified')).toBe(before + 1)
    expect(OIDC_FAILURES['email-unverified'].nl).toMatch(/bevestigd e-mailadres/)
  })

  it('refuses a tampered state', async () => {
    const email = `state-${Date.now()}@testgemeente.example`
    const before = await failureEvents('oidc-rejected')
    const result = await journey(newSubject({ email, email_verified: true }), {
      alter: (callback) => callback.searchParams.set('state', 'aangepast'),
    })
    expect(result.location).toBe(refusedTo('rejected'))
    expect(result.token).toBeNull()
    expect(await usersWithEmail(email)).toHaveLength(0)
    expect(await failureEvents('oidc-rejected')).toBe(before + 1)
  })

  it('refuses an answer for a login that was not started in this browser', async () => {
    const email = `ander-${Date.now()}@testgemeente.example`
    const result = await journey(newSubject({ email, email_verified: true }), {
      alter: (_callback, jar) => jar.set(OIDC_STATE_COOKIE, 'v1.niet.van.hier'),
    })
    expect(result.location).toBe(refusedTo('invalid-state'))
    expect(result.token).toBeNull()
    expect(await usersWithEmail(email)).toHaveLength(0)
  })

  it('refuses a login attempt older than ten minutes', async () => {
    const email = `laat-${Date.now()}@testgemeente.example`
    const result = await journey(newSubject({ email, email_verified: true }), {
      alter: (_callback, jar) => {
        const saved = openLoginState(app.payload.secret, jar.get(OIDC_STATE_COOKIE))
        if (!saved) throw new Error('no state cookie')
        jar.set(
          OIDC_STATE_COOKIE,
          sealLoginState(app.payload.secret, { ...saved, expiresAt: Date.now() - 1 }),
        )
      },
    })
    expect(result.location).toBe(refusedTo('invalid-state'))
    expect(await usersWithEmail(email)).toHaveLength(0)
  })

  it('refuses an ID token whose nonce is not the one this login sent', async () => {
    const email = `nonce-${Date.now()}@testgemeente.example`
    const result = await journey(newSubject({ email, email_verified: true }), {
      alter: (_callback, jar) => {
        const saved = openLoginState(app.payload.secret, jar.get(OIDC_STATE_COOKIE))
        if (!saved) throw new Error('no state cookie')
        jar.set(
          OIDC_STATE_COOKIE,
          sealLoginState(app.payload.secret, { ...saved, nonce: 'een-andere-nonce' }),
        )
      },
    })
    expect(result.location).toBe(refusedTo('rejected'))
    expect(result.token).toBeNull()
    expect(await usersWithEmail(email)).toHaveLength(0)
  })

  it('refuses an ID token with a broken signature', async () => {
    const email = `handtekening-${Date.now()}@testgemeente.example`
    idp.tamperIdToken = true
    try {
      const result = await journey(newSubject({ email, email_verified: true }))
      expect(result.location).toBe(refusedTo('rejected'))
      expect(result.token).toBeNull()
    } finally {
      idp.tamperIdToken = false
    }
    expect(await usersWithEmail(email)).toHaveLength(0)
  })

  it('refuses a code that was used already (the provider answers invalid_grant)', async () => {
    const email = `dubbel-${Date.now()}@testgemeente.example`
    const first = await journey(newSubject({ email, email_verified: true }))
    expect(first.token).toBeTruthy()
    const before = await failureEvents('oidc-rejected')
    // The same answer again, with the state cookie as it was before the callback.
    const replay = await fetch(first.callback as URL, {
      redirect: 'manual',
      headers: { cookie: first.jar.header() },
    })
    expect(replay.headers.get('location')).toBe(refusedTo('rejected'))
    expect(tokenFrom(replay)).toBeNull()
    expect(await failureEvents('oidc-rejected')).toBe(before + 1)
  })

  it('refuses a provider whose discovery document names another issuer', async () => {
    const before = await failureEvents('oidc-rejected')
    const result = await journey('niemand', { provider: 'vreemd' })
    expect(result.location).toBe(refusedTo('rejected'))
    expect(result.token).toBeNull()
    expect(await failureEvents('oidc-rejected')).toBe(before + 1)
  })

  it('says clearly when the provider cannot be reached', async () => {
    const before = await failureEvents('oidc-provider-unreachable')
    const result = await journey('niemand', { provider: 'weg' })
    expect(result.location).toBe(refusedTo('provider-unreachable'))
    expect(await failureEvents('oidc-provider-unreachable')).toBe(before + 1)
    expect(OIDC_FAILURES['provider-unreachable'].nl).toMatch(/niet bereikbaar/)
  })

  it('refuses an unknown provider id', async () => {
    const start = await fetch(`${app.url}/api/users/oidc/bestaat-niet/start`, {
      redirect: 'manual',
    })
    expect(start.headers.get('location')).toBe(refusedTo('unknown-provider'))
  })
})

describe('roles from the organisation account (role mapping per organisation)', () => {
  it('grants the mapped role for a mapped claim value (allow) and nothing for others (deny)', async () => {
    const organisation = await createOrganisation(app.payload, {
      signIn: {
        roleMapping: [
          { provider: 'test', claimValue: 'algoritme-goedkeurder', role: 'goedkeurder' },
          { provider: 'vreemd', claimValue: 'algoritme-beheerder', role: 'beheerder' },
        ],
      },
    })
    const mappedEmail = `gekoppeld-${Date.now()}@testgemeente.example`
    await journey(
      newSubject({
        email: mappedEmail,
        email_verified: true,
        roles: ['algoritme-goedkeurder', 'iets-anders'],
      }),
    )
    const [mapped] = await usersWithEmail(mappedEmail)
    expect(
      mapped?.memberships?.map((m) => [
        typeof m.organisation === 'object' ? m.organisation.id : m.organisation,
        m.role,
      ]),
    ).toEqual([[organisation.id, 'goedkeurder']])

    const otherEmail = `niet-gekoppeld-${Date.now()}@testgemeente.example`
    // A value mapped only for another provider, and an unknown value: no roles.
    await journey(
      newSubject({
        email: otherEmail,
        email_verified: true,
        roles: ['algoritme-beheerder', 'onbekend'],
      }),
    )
    const [other] = await usersWithEmail(otherEmail)
    expect(other?.memberships).toEqual([])
  })
})

describe('password login switched off for the whole register (PASSWORD_LOGIN=false)', () => {
  it('refuses a correct password with a Dutch message', async () => {
    const person = await createUser(app.payload)
    const answer = await passwordLogin(app.url, person.email)
    expect(answer.status).toBe(403)
    expect(answer.body.token).toBeUndefined()
    expect(answer.body.errors?.[0]?.message).toMatch(/organisatie-account/)
  })
})
