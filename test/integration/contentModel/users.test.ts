import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { User } from '../../../payload-types'
import { fieldErrors, firstMessage, thrownBy, thrownFieldErrors } from '../../fixtures/fieldErrors'
import { minimalAlgorithmInput } from '../../fixtures/noorderhaaksAlgorithm'
import { TEST_PASSWORD, createOrganisation, createUser, login, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'

let app: TestApp
let adminToken: string

type UserBody = { doc: User; errors?: unknown }

const DUPLICATE_ROLE =
  'Dezelfde rol staat twee keer bij dezelfde organisatie. Haal de dubbele rol weg.'

beforeAll(async () => {
  app = await testApp()
  const admin = await createUser(app.payload, { isPlatformAdmin: true })
  adminToken = await login(app.url, admin.email)
})

afterAll(async () => {
  await closeTestApp()
})

const attemptLogin = (email: string, password: string) =>
  rest<{ token?: string; errors?: unknown }>(app.url, 'POST', '/api/users/login', {
    body: { email, password },
  })

const newEmail = (label: string) =>
  `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@noorderhaaks.example`

const idOf = (value: unknown): number =>
  typeof value === 'object' && value !== null ? (value as { id: number }).id : Number(value)

describe('login lockout', () => {
  it('still lets the right password in after four failed logins', async () => {
    const user = await createUser(app.payload)
    for (let i = 0; i < 4; i += 1) {
      const failed = await attemptLogin(user.email, 'verkeerd-wachtwoord')
      expect(failed.status).toBe(401)
      expect(firstMessage(failed.body)).toBe('Het opgegeven e-mailadres of wachtwoord is onjuist.')
    }
    const ok = await attemptLogin(user.email, TEST_PASSWORD)
    expect(ok.status).toBe(200)
    expect(typeof ok.body.token).toBe('string')
  })

  it('locks the account after five failed logins, so that even the right password is refused', async () => {
    const user = await createUser(app.payload)
    for (let i = 0; i < 5; i += 1) {
      const failed = await attemptLogin(user.email, `verkeerd-${i}`)
      expect(failed.status).toBe(401)
    }
    const refused = await attemptLogin(user.email, TEST_PASSWORD)
    expect(refused.status).toBe(401)
    expect(refused.body.token).toBeUndefined()
    expect(firstMessage(refused.body)).toBe(
      'Deze gebruiker is vergrendeld wegens te veel mislukte inlogpogingen.',
    )
    const stored = await app.payload.find({
      collection: 'users',
      where: { id: { equals: user.id } },
      showHiddenFields: true,
      overrideAccess: true,
      depth: 0,
    })
    const locked = stored.docs[0] as User & { lockUntil?: string | null }
    expect(locked.lockUntil).toBeTruthy()
    // About fifteen minutes from now.
    const minutes = (new Date(String(locked.lockUntil)).getTime() - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(14)
    expect(minutes).toBeLessThanOrEqual(15)

    const failures = await app.payload.count({
      collection: 'audit-events',
      where: { eventType: { equals: 'login_failure' }, targetId: { equals: String(user.id) } },
      overrideAccess: true,
    })
    expect(failures.totalDocs).toBe(6)
  })
})

describe('memberships', () => {
  it('gives one person several roles in several organisations', async () => {
    const noorderhaaks = await createOrganisation(app.payload, { name: 'Gemeente Noorderhaaks' })
    const waddenhaven = await createOrganisation(app.payload, { name: 'Gemeente Waddenhaven' })
    const created = await rest<UserBody>(app.url, 'POST', '/api/users?depth=0', {
      token: adminToken,
      body: {
        email: newEmail('meerdere-rollen'),
        password: TEST_PASSWORD,
        name: 'Sanne de Vries',
        memberships: [
          { organisation: noorderhaaks.id, role: 'redacteur' },
          { organisation: noorderhaaks.id, role: 'goedkeurder' },
          { organisation: waddenhaven.id, role: 'auditor' },
          { organisation: waddenhaven.id, role: 'redacteur' },
        ],
      },
    })
    expect(created.status).toBe(201)
    expect((created.body.doc.memberships ?? []).map((m) => [idOf(m.organisation), m.role])).toEqual(
      [
        [noorderhaaks.id, 'redacteur'],
        [noorderhaaks.id, 'goedkeurder'],
        [waddenhaven.id, 'auditor'],
        [waddenhaven.id, 'redacteur'],
      ],
    )

    const token = await login(app.url, created.body.doc.email)
    const visible = await rest<{ docs: Array<{ id: number }> }>(
      app.url,
      'GET',
      '/api/organisations?depth=0&sort=id',
      { token },
    )
    expect(visible.body.docs.map((doc) => doc.id)).toEqual([noorderhaaks.id, waddenhaven.id])
  })

  it('refuses the same role twice for one organisation, through REST and the Local API', async () => {
    const organisation = await createOrganisation(app.payload)
    const email = newEmail('dubbel')
    const refused = await rest(app.url, 'POST', '/api/users', {
      token: adminToken,
      body: {
        email,
        password: TEST_PASSWORD,
        name: 'Dubbele Rol',
        memberships: [
          { organisation: organisation.id, role: 'redacteur' },
          { organisation: organisation.id, role: 'redacteur' },
        ],
      },
    })
    expect(refused.status).toBe(400)
    expect(fieldErrors(refused.body)).toEqual([{ path: 'memberships', message: DUPLICATE_ROLE }])
    const saved = await app.payload.count({
      collection: 'users',
      where: { email: { equals: email } },
      overrideAccess: true,
    })
    expect(saved.totalDocs).toBe(0)

    const english = await rest(app.url, 'POST', '/api/users', {
      token: adminToken,
      language: 'en',
      body: {
        email,
        password: TEST_PASSWORD,
        name: 'Dubbele Rol',
        memberships: [
          { organisation: organisation.id, role: 'auditor' },
          { organisation: organisation.id, role: 'auditor' },
        ],
      },
    })
    expect(fieldErrors(english.body)).toEqual([
      {
        path: 'memberships',
        message: 'The same role appears twice for the same organisation. Remove the duplicate.',
      },
    ])

    // Even trusted internal code (overriding access) cannot store a duplicate.
    const error = await thrownBy(() =>
      app.payload.create({
        collection: 'users',
        data: {
          email,
          password: TEST_PASSWORD,
          name: 'Dubbele Rol',
          memberships: [
            { organisation: organisation.id, role: 'beheerder' },
            { organisation: organisation.id, role: 'beheerder' },
          ],
        },
        overrideAccess: true,
      }),
    )
    expect(thrownFieldErrors(error)).toEqual([{ path: 'memberships', message: DUPLICATE_ROLE }])
  })

  it('refuses a duplicate added by an update, and keeps the stored roles', async () => {
    const organisation = await createOrganisation(app.payload)
    const person = await createUser(app.payload, {
      memberships: [{ organisation: organisation.id, role: 'goedkeurder' }],
    })
    const refused = await rest(app.url, 'PATCH', `/api/users/${person.id}`, {
      token: adminToken,
      body: {
        memberships: [
          { organisation: organisation.id, role: 'goedkeurder' },
          { organisation: organisation.id, role: 'goedkeurder' },
        ],
      },
    })
    expect(refused.status).toBe(400)
    expect(fieldErrors(refused.body)).toEqual([{ path: 'memberships', message: DUPLICATE_ROLE }])
    const stored = await app.payload.findByID({
      collection: 'users',
      id: person.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(stored.memberships?.map((m) => m.role)).toEqual(['goedkeurder'])
  })

  it('lets an organisation admin give roles only in their own organisation', async () => {
    const own = await createOrganisation(app.payload)
    const other = await createOrganisation(app.payload)
    const beheerder = await createUser(app.payload, {
      memberships: [{ organisation: own.id, role: 'beheerder' }],
    })
    const token = await login(app.url, beheerder.email)

    const added = await rest<UserBody>(app.url, 'POST', '/api/users?depth=0', {
      token,
      body: {
        email: newEmail('nieuw'),
        password: TEST_PASSWORD,
        name: 'Nieuwe Redacteur',
        memberships: [{ organisation: own.id, role: 'redacteur' }],
      },
    })
    expect(added.status).toBe(201)

    const outside = await rest(app.url, 'POST', '/api/users', {
      token,
      body: {
        email: newEmail('buiten'),
        password: TEST_PASSWORD,
        name: 'Buiten Bevoegdheid',
        memberships: [{ organisation: other.id, role: 'redacteur' }],
      },
    })
    expect(outside.status).toBe(400)
    expect(fieldErrors(outside.body)).toEqual([
      {
        path: 'memberships',
        message: 'U kunt alleen rollen geven of afnemen in organisaties waarvan u beheerder bent.',
      },
    ])

    const self = await rest(app.url, 'PATCH', `/api/users/${beheerder.id}`, {
      token,
      body: {
        memberships: [
          { organisation: own.id, role: 'beheerder' },
          { organisation: own.id, role: 'goedkeurder' },
        ],
      },
    })
    expect(self.status).toBe(400)
    expect(fieldErrors(self.body)).toEqual([
      {
        path: 'memberships',
        message:
          'U kunt uw eigen rollen niet wijzigen. Vraag een andere beheerder of een platformbeheerder.',
      },
    ])

    const promote = await rest(app.url, 'PATCH', `/api/users/${added.body.doc.id}`, {
      token,
      body: { isPlatformAdmin: true },
    })
    expect(promote.status).toBe(400)
    expect(fieldErrors(promote.body)).toEqual([
      {
        path: 'isPlatformAdmin',
        message:
          'Alleen een platformbeheerder kan iemand platformbeheerder maken of dat weer uitzetten.',
      },
    ])
  })

  it('lets the role decide what a member may do with algorithms', async () => {
    const organisation = await createOrganisation(app.payload)
    const person = await createUser(app.payload, {
      memberships: [{ organisation: organisation.id, role: 'auditor' }],
    })
    const token = await login(app.url, person.email)
    const refused = await rest(app.url, 'POST', '/api/algorithms', {
      token,
      body: minimalAlgorithmInput(organisation.id),
    })
    expect(refused.status).toBe(403)

    await app.payload.update({
      collection: 'users',
      id: person.id,
      data: {
        memberships: [
          { organisation: organisation.id, role: 'auditor' },
          { organisation: organisation.id, role: 'redacteur' },
        ],
      },
      overrideAccess: true,
    })
    const again = await login(app.url, person.email)
    const created = await rest(app.url, 'POST', '/api/algorithms', {
      token: again,
      body: minimalAlgorithmInput(organisation.id),
    })
    expect(created.status).toBe(201)
  })
})
