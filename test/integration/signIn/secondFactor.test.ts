import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'

import type { Organisation, User } from '../../../payload-types'
import { setClock } from '../../../src/clock'
import { openText } from '../../../src/auth/secretBox'
import { TOTP_SECRET_PURPOSE } from '../../../src/auth/totp/requireSecondFactor'
import { currentTotpCode } from '../../../src/auth/totp/totpCode'
import { createOrganisation, createUser, graphql, login, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { eventsAbout, passwordLogin, storedUser, whoIs } from './signInSupport'

let app: TestApp
let strict: Organisation
let reviewersOnly: Organisation
let relaxed: Organisation
let platformAdmin: User

/** Moves the register's clock; every test step that needs a fresh code moves it one period on. */
let offsetSeconds = 0
let restoreClock: (() => void) | undefined
function nextPeriod(): Date {
  offsetSeconds += 30
  restoreClock?.()
  const at = new Date(Date.now() + offsetSeconds * 1000)
  restoreClock = setClock(() => new Date(Date.now() + offsetSeconds * 1000))
  return at
}

interface Enrolment {
  secret: string
  otpauthUrl: string
  qrCode: string
  recoveryCodes: string[]
}

async function enrolWithPassword(email: string): Promise<Enrolment> {
  const answer = await rest<Enrolment>(app.url, 'POST', '/api/users/second-factor/enrolment', {
    body: { email, password: 'Test-wachtwoord-1' },
  })
  expect(answer.status).toBe(200)
  return answer.body
}

beforeAll(async () => {
  app = await testApp()
  platformAdmin = await createUser(app.payload, { isPlatformAdmin: true })
  strict = await createOrganisation(app.payload, { signIn: { secondFactor: 'everyone' } })
  reviewersOnly = await createOrganisation(app.payload, {
    signIn: { secondFactor: 'reviewers-and-admins' },
  })
  relaxed = await createOrganisation(app.payload)
})

afterEach(() => {
  restoreClock?.()
  restoreClock = undefined
})

afterAll(async () => {
  await closeTestApp()
})

describe('second factor required by the organisation ("verplicht voor iedereen")', () => {
  let person: User
  let enrolment: Enrolment

  beforeAll(async () => {
    person = await createUser(app.payload, {
      memberships: [{ organisation: strict.id, role: 'redacteur' }],
    })
  })

  it('refuses a password alone before enrolment, with a Dutch message and no token', async () => {
    const answer = await passwordLogin(app.url, person.email)
    expect(answer.status).toBe(403)
    expect(answer.body.token).toBeUndefined()
    expect(answer.body.errors?.[0]?.data?.signIn).toBe('enrolment-required')
    expect(answer.body.errors?.[0]?.message).toMatch(/tweestapsverificatie/)
    expect(answer.headers.get('set-cookie') ?? '').not.toMatch(/payload-token=[^;]/)
    const stored = await storedUser(app.payload, person.id)
    expect((stored.sessions as unknown[] | undefined) ?? []).toHaveLength(0)
  })

  it('refuses enrolment with a wrong password', async () => {
    const answer = await rest(app.url, 'POST', '/api/users/second-factor/enrolment', {
      body: { email: person.email, password: 'niet-het-wachtwoord' },
    })
    expect(answer.status).toBe(401)
    expect(JSON.stringify(answer.body)).toMatch(/wachtwoord klopt niet/)
    // Counted like any failed login; a correct login later resets it.
    expect((await storedUser(app.payload, person.id)).loginAttempts).toBe(1)
  })

  it('enrols with e-mail and password: QR code, secret and ten recovery codes, secret stored encrypted', async () => {
    enrolment = await enrolWithPassword(person.email)
    expect(enrolment.qrCode).toMatch(/^data:image\/png;base64,/)
    expect(enrolment.otpauthUrl).toMatch(/^otpauth:\/\/totp\//)
    expect(enrolment.otpauthUrl).toContain(`secret=${enrolment.secret}`)
    expect(enrolment.recoveryCodes).toHaveLength(10)
    const stored = await storedUser(app.payload, person.id)
    const sealed = String(stored.totpPendingSecret)
    expect(sealed).not.toContain(enrolment.secret)
    expect(openText(app.payload.secret, TOTP_SECRET_PURPOSE, sealed)).toBe(enrolment.secret)
    // Sealed for another purpose, it does not open.
    expect(openText(app.payload.secret, 'something-else', sealed)).toBeNull()
    const hashes = stored.totpPendingRecoveryCodes as string[]
    expect(hashes).toHaveLength(10)
    for (const code of enrolment.recoveryCodes) expect(JSON.stringify(hashes)).not.toContain(code)
  })

  it('refuses a wrong code, counts it as a failed login and records it', async () => {
    const before = Number((await storedUser(app.payload, person.id)).loginAttempts ?? 0)
    const answer = await passwordLogin(app.url, person.email, '000000')
    expect(answer.status).toBe(401)
    expect(answer.body.token).toBeUndefined()
    expect(answer.body.errors?.[0]?.data?.signIn).toBe('second-factor-rejected')
    expect((await storedUser(app.payload, person.id)).loginAttempts).toBe(before + 1)
    const events = await eventsAbout(app.payload, person)
    expect(events.at(-1)).toMatchObject({
      eventType: 'login_failure',
      organisationId: strict.id,
      details: { reason: 'second-factor-rejected' },
    })
  })

  it('accepts the first correct code: enrolment confirmed, a working token, history written', async () => {
    const code = await currentTotpCode(enrolment.secret, nextPeriod())
    const answer = await passwordLogin(app.url, person.email, code)
    expect(answer.status).toBe(200)
    expect(await whoIs(app.url, answer.body.token as string)).toBe(person.id)
    const stored = await storedUser(app.payload, person.id)
    expect(stored.totpPendingSecret).toBeNull()
    expect(openText(app.payload.secret, TOTP_SECRET_PURPOSE, stored.totpSecret)).toBe(
      enrolment.secret,
    )
    expect(stored.totpEnabledAt).toBeTruthy()
    expect(stored.loginAttempts).toBe(0)
    const types = (await eventsAbout(app.payload, person)).map((e) => e.eventType)
    expect(types).toEqual(expect.arrayContaining(['second_factor', 'login_success']))

    // The same code again (a replay, even within its period) is refused.
    restoreClock?.()
    restoreClock = setClock(() => new Date(Date.now() + offsetSeconds * 1000))
    const replay = await passwordLogin(app.url, person.email, code)
    expect(replay.status).toBe(401)
    expect(replay.body.errors?.[0]?.data?.signIn).toBe('second-factor-rejected')
  })

  it('asks for the code when only the password is given after enrolment', async () => {
    const answer = await passwordLogin(app.url, person.email)
    expect(answer.status).toBe(401)
    expect(answer.body.token).toBeUndefined()
    expect(answer.body.errors?.[0]?.data?.signIn).toBe('second-factor-required')
    expect(answer.body.errors?.[0]?.message).toMatch(/authenticator-app/)
  })

  it('refuses a second enrolment with the password alone (it would replace the app)', async () => {
    const answer = await rest(app.url, 'POST', '/api/users/second-factor/enrolment', {
      body: { email: person.email, password: 'Test-wachtwoord-1' },
    })
    expect(answer.status).toBe(409)
  })

  it('accepts a recovery code exactly once', async () => {
    const recovery = enrolment.recoveryCodes[0] as string
    const first = await passwordLogin(app.url, person.email, recovery.toLowerCase())
    expect(first.status).toBe(200)
    const again = await passwordLogin(app.url, person.email, recovery)
    expect(again.status).toBe(401)
    const stored = await storedUser(app.payload, person.id)
    expect(stored.totpRecoveryCodes as string[]).toHaveLength(9)
  })

  it('enforces the code on GraphQL login too: refused without, accepted with X-Second-Factor', async () => {
    const mutation = `mutation ($email: String!, $password: String!) {
      loginUser(email: $email, password: $password) { token }
    }`
    const variables = { email: person.email, password: 'Test-wachtwoord-1' }
    const without = await graphql<{ loginUser: { token: string } | null }>(
      app.url,
      mutation,
      variables,
    )
    expect(without.body.data?.loginUser ?? null).toBeNull()
    expect(without.body.errors?.[0]?.message).toMatch(/authenticator-app/)

    const code = await currentTotpCode(enrolment.secret, nextPeriod())
    const response = await fetch(`${app.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-second-factor': code },
      body: JSON.stringify({ query: mutation, variables }),
    })
    const body = (await response.json()) as { data?: { loginUser?: { token?: string } } }
    expect(typeof body.data?.loginUser?.token).toBe('string')
  })

  it('never shows the secret, recovery codes or identities through REST or GraphQL', async () => {
    const code = await currentTotpCode(enrolment.secret, nextPeriod())
    const token = (await passwordLogin(app.url, person.email, code)).body.token as string
    const adminToken = await login(app.url, platformAdmin.email)
    for (const who of [token, adminToken]) {
      const me = await rest<Record<string, unknown>>(app.url, 'GET', `/api/users/${person.id}`, {
        token: who,
      })
      expect(me.status).toBe(200)
      const text = JSON.stringify(me.body)
      expect(text).not.toMatch(
        /totpSecret|totpRecoveryCodes|totpPending|totpLastTimeStep|oidcIdentities/,
      )
      expect(me.body.totpEnabledAt).toBeTruthy()
    }
    const asked = await graphql(
      app.url,
      `query { User(id: ${person.id}) { totpSecret } }`,
      {},
      {
        token: adminToken,
      },
    )
    // The schema knows the field, but its read access is closed: always null.
    expect(asked.body).toEqual({ data: { User: { totpSecret: null } } })
    expect(JSON.stringify(asked.body)).not.toMatch(/v1\./)
    // Writing them is ignored as well.
    const before = await storedUser(app.payload, person.id)
    await rest(app.url, 'PATCH', `/api/users/${person.id}`, {
      token,
      body: { totpSecret: 'v1.x.y.z', totpRecoveryCodes: ['aa'], totpEnabledAt: null },
    })
    const after = await storedUser(app.payload, person.id)
    expect(after.totpSecret).toBe(before.totpSecret)
    expect(after.totpRecoveryCodes).toEqual(before.totpRecoveryCodes)
    expect(after.totpEnabledAt).toEqual(before.totpEnabledAt)
  })

  it('refuses turning it off while the organisation requires it', async () => {
    const code = await currentTotpCode(enrolment.secret, nextPeriod())
    const token = (await passwordLogin(app.url, person.email, code)).body.token as string
    const next = await currentTotpCode(enrolment.secret, nextPeriod())
    const answer = await rest(app.url, 'POST', '/api/users/second-factor/disable', {
      token,
      body: { code: next },
    })
    expect(answer.status).toBe(403)
    expect((await storedUser(app.payload, person.id)).totpSecret).toBeTruthy()
  })
})

describe('brute force on the second factor', () => {
  it('locks the account after five wrong codes, like wrong passwords; then even the right code is refused', async () => {
    const person = await createUser(app.payload, {
      memberships: [{ organisation: strict.id, role: 'redacteur' }],
    })
    const enrolment = await enrolWithPassword(person.email)
    const first = await currentTotpCode(enrolment.secret, nextPeriod())
    expect((await passwordLogin(app.url, person.email, first)).status).toBe(200)
    const tries = []
    for (let i = 0; i < 5; i += 1) tries.push(await passwordLogin(app.url, person.email, '123456'))
    expect(tries.map((t) => t.status)).toEqual([401, 401, 401, 401, 401])
    const stored = await storedUser(app.payload, person.id)
    expect(new Date(String(stored.lockUntil)).getTime()).toBeGreaterThan(Date.now())
    const right = await currentTotpCode(enrolment.secret, nextPeriod())
    const locked = await passwordLogin(app.url, person.email, right)
    expect(locked.status).toBe(401)
    expect(locked.body.token).toBeUndefined()
    const reasons = (await eventsAbout(app.payload, person))
      .filter((e) => e.eventType === 'login_failure')
      .map((e) => (e.details as { reason?: string } | null)?.reason)
    expect(reasons.filter((r) => r === 'second-factor-rejected')).toHaveLength(5)
    expect(reasons).toContain('locked')
  })
})

describe('"verplicht voor goedkeurders en beheerders"', () => {
  it('lets an editor in with a password alone (allow)', async () => {
    const editor = await createUser(app.payload, {
      memberships: [{ organisation: reviewersOnly.id, role: 'redacteur' }],
    })
    const answer = await passwordLogin(app.url, editor.email)
    expect(answer.status).toBe(200)
  })

  it('asks a reviewer to enrol (deny)', async () => {
    const reviewer = await createUser(app.payload, {
      memberships: [{ organisation: reviewersOnly.id, role: 'goedkeurder' }],
    })
    const answer = await passwordLogin(app.url, reviewer.email)
    expect(answer.status).toBe(403)
    expect(answer.body.errors?.[0]?.data?.signIn).toBe('enrolment-required')
  })

  it('takes the strictest rule of all organisations someone works in', async () => {
    const both = await createUser(app.payload, {
      memberships: [
        { organisation: relaxed.id, role: 'beheerder' },
        { organisation: reviewersOnly.id, role: 'beheerder' },
      ],
    })
    expect((await passwordLogin(app.url, both.email)).status).toBe(403)
  })
})

describe('optional second factor, set up while logged in', () => {
  it('enrols, confirms, then requires the code; turns it off with a code', async () => {
    const person = await createUser(app.payload, {
      memberships: [{ organisation: relaxed.id, role: 'goedkeurder' }],
    })
    const token = await login(app.url, person.email)
    const started = await rest<Enrolment>(app.url, 'POST', '/api/users/second-factor/enrolment', {
      token,
    })
    expect(started.status).toBe(200)
    // Not active until confirmed: a password alone still works.
    expect((await passwordLogin(app.url, person.email)).status).toBe(200)
    const wrong = await rest(app.url, 'POST', '/api/users/second-factor/confirm', {
      token,
      body: { code: '999999' },
    })
    expect(wrong.status).toBe(400)
    const code = await currentTotpCode(started.body.secret, nextPeriod())
    const confirmed = await rest(app.url, 'POST', '/api/users/second-factor/confirm', {
      token,
      body: { code },
    })
    expect(confirmed.status).toBe(200)
    expect((await passwordLogin(app.url, person.email)).status).toBe(401)

    const wrongOff = await rest(app.url, 'POST', '/api/users/second-factor/disable', {
      token,
      body: { code: '111111' },
    })
    expect(wrongOff.status).toBe(400)
    const off = await rest(app.url, 'POST', '/api/users/second-factor/disable', {
      token,
      body: { code: started.body.recoveryCodes[3] },
    })
    expect(off.status).toBe(200)
    expect((await passwordLogin(app.url, person.email)).status).toBe(200)
    const actions = (await eventsAbout(app.payload, person))
      .filter((e) => e.eventType === 'second_factor')
      .map((e) => (e.details as { action?: string }).action)
    expect(actions).toEqual(['enrolled', 'disabled'])
  })

  it('refuses the enrolment endpoints to anonymous callers without a password', async () => {
    expect(
      (await rest(app.url, 'POST', '/api/users/second-factor/enrolment', { body: {} })).status,
    ).toBe(401)
    expect(
      (
        await rest(app.url, 'POST', '/api/users/second-factor/confirm', {
          body: { code: '123456' },
        })
      ).status,
    ).toBe(401)
    expect(
      (
        await rest(app.url, 'POST', '/api/users/second-factor/disable', {
          body: { code: '123456' },
        })
      ).status,
    ).toBe(401)
  })
})

describe('password login switched off for an organisation', () => {
  it('refuses the password with a Dutch message and records it; others still log in', async () => {
    const noPasswords = await createOrganisation(app.payload, { signIn: { passwordLogin: false } })
    const person = await createUser(app.payload, {
      memberships: [{ organisation: noPasswords.id, role: 'redacteur' }],
    })
    const answer = await passwordLogin(app.url, person.email)
    expect(answer.status).toBe(403)
    expect(answer.body.token).toBeUndefined()
    expect(answer.body.errors?.[0]?.message).toMatch(/organisatie-account/)
    expect((await eventsAbout(app.payload, person)).at(-1)).toMatchObject({
      eventType: 'login_failure',
      details: { reason: 'password-login-disabled' },
    })
    const other = await createUser(app.payload, {
      memberships: [{ organisation: relaxed.id, role: 'redacteur' }],
    })
    expect((await passwordLogin(app.url, other.email)).status).toBe(200)
  })
})

describe('sessions', () => {
  it('records logout, and the logged-out token is refused', async () => {
    const person = await createUser(app.payload, {
      memberships: [{ organisation: relaxed.id, role: 'redacteur' }],
    })
    const token = await login(app.url, person.email)
    expect((await rest(app.url, 'POST', '/api/users/logout', { token })).status).toBe(200)
    expect(await whoIs(app.url, token)).toBeNull()
    expect((await eventsAbout(app.payload, person)).at(-1)).toMatchObject({
      eventType: 'logout',
      organisationId: relaxed.id,
    })
  })

  it('lets a platform admin end all sessions of a person (allow)', async () => {
    const person = await createUser(app.payload, {
      memberships: [{ organisation: relaxed.id, role: 'redacteur' }],
    })
    const tokens = [await login(app.url, person.email), await login(app.url, person.email)]
    const adminToken = await login(app.url, platformAdmin.email)
    const answer = await rest(app.url, 'POST', `/api/users/${person.id}/end-sessions`, {
      token: adminToken,
    })
    expect(answer.status).toBe(200)
    expect(await Promise.all(tokens.map((t) => whoIs(app.url, t)))).toEqual([null, null])
    // Only the sessions: the person keeps their roles.
    expect((await storedUser(app.payload, person.id)).memberships).toHaveLength(1)
    expect((await eventsAbout(app.payload, person)).at(-1)).toMatchObject({
      eventType: 'sessions_ended',
      actorId: platformAdmin.id,
    })
  })

  it('refuses ending sessions or resetting a second factor to an organisation admin and to the person (deny)', async () => {
    const person = await createUser(app.payload, {
      memberships: [{ organisation: relaxed.id, role: 'redacteur' }],
    })
    const orgAdmin = await createUser(app.payload, {
      memberships: [{ organisation: relaxed.id, role: 'beheerder' }],
    })
    const personToken = await login(app.url, person.email)
    for (const token of [await login(app.url, orgAdmin.email), personToken]) {
      for (const path of ['end-sessions', 'second-factor/reset']) {
        const answer = await rest(app.url, 'POST', `/api/users/${person.id}/${path}`, { token })
        expect(answer.status).toBe(403)
      }
    }
    expect((await rest(app.url, 'POST', `/api/users/${person.id}/end-sessions`)).status).toBe(401)
    expect(await whoIs(app.url, personToken)).toBe(person.id)
  })

  it('lets a platform admin reset a lost authenticator (allow): the person enrols again', async () => {
    const person = await createUser(app.payload, {
      memberships: [{ organisation: strict.id, role: 'redacteur' }],
    })
    const enrolment = await enrolWithPassword(person.email)
    const code = await currentTotpCode(enrolment.secret, nextPeriod())
    const token = (await passwordLogin(app.url, person.email, code)).body.token as string
    const adminToken = await login(app.url, platformAdmin.email)
    const answer = await rest(app.url, 'POST', `/api/users/${person.id}/second-factor/reset`, {
      token: adminToken,
    })
    expect(answer.status).toBe(200)
    expect(await whoIs(app.url, token)).toBeNull()
    const stored = await storedUser(app.payload, person.id)
    expect(stored.totpSecret).toBeNull()
    const again = await passwordLogin(app.url, person.email)
    expect({ status: again.status, body: again.body }).toMatchObject({
      status: 403,
      body: { errors: [{ data: { signIn: 'enrolment-required' } }] },
    })
  })
})
