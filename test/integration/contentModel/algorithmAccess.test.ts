import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { MembershipRole } from '../../../access/roles'
import type { Algorithm, Organisation } from '../../../payload-types'
import { minimalAlgorithmInput } from '../../fixtures/noorderhaaksAlgorithm'
import { createOrganisation, createUser, login, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'

let app: TestApp
let organisation: Organisation
let elsewhere: Organisation

beforeAll(async () => {
  app = await testApp()
  organisation = await createOrganisation(app.payload, { name: 'Gemeente Noorderhaaks' })
  elsewhere = await createOrganisation(app.payload, { name: 'Gemeente Waddenhaven' })
})

afterAll(async () => {
  await closeTestApp()
})

let counter = 0
const uniqueName = (label: string) => {
  counter += 1
  return `${label} ${counter}-${Date.now()}`
}

const tokenFor = async (
  memberships: Array<{ organisation: number; role: MembershipRole }>,
  isPlatformAdmin = false,
) => {
  const user = await createUser(app.payload, { memberships, isPlatformAdmin })
  return login(app.url, user.email)
}

const savedWithName = async (name: string) =>
  (
    await app.payload.count({
      collection: 'algorithms',
      where: { name: { equals: name } },
      overrideAccess: true,
    })
  ).totalDocs

const createAs = (token: string | undefined, organisationId: number, name: string) =>
  rest<{ doc: Algorithm }>(app.url, 'POST', '/api/algorithms?depth=0', {
    token,
    body: minimalAlgorithmInput(organisationId, { name }),
  })

describe('who may create an algorithm', () => {
  it.each(['redacteur', 'goedkeurder', 'beheerder'] as const)(
    'a %s of the organisation may',
    async (role) => {
      const token = await tokenFor([{ organisation: organisation.id, role }])
      const name = uniqueName(`Door ${role}`)
      const response = await createAs(token, organisation.id, name)
      expect(response.status).toBe(201)
      expect(response.body.doc.organization).toBe(organisation.id)
      expect(await savedWithName(name)).toBe(1)
    },
  )

  it('an auditor of the organisation may not (403)', async () => {
    const token = await tokenFor([{ organisation: organisation.id, role: 'auditor' }])
    const name = uniqueName('Door auditor')
    const response = await createAs(token, organisation.id, name)
    expect(response.status).toBe(403)
    expect(await savedWithName(name)).toBe(0)
  })

  it('an editor of another organisation may not create in this one (403)', async () => {
    const token = await tokenFor([{ organisation: elsewhere.id, role: 'redacteur' }])
    const name = uniqueName('Van buiten')
    const response = await createAs(token, organisation.id, name)
    expect(response.status).toBe(403)
    expect(await savedWithName(name)).toBe(0)
    // In their own organisation they may.
    expect((await createAs(token, elsewhere.id, uniqueName('Eigen'))).status).toBe(201)
  })

  it('an auditor here who edits elsewhere may not create here (403)', async () => {
    const token = await tokenFor([
      { organisation: organisation.id, role: 'auditor' },
      { organisation: elsewhere.id, role: 'redacteur' },
    ])
    const name = uniqueName('Gemengd')
    expect((await createAs(token, organisation.id, name)).status).toBe(403)
    expect(await savedWithName(name)).toBe(0)
  })

  it('nobody anonymous may (403), a platform admin may anywhere', async () => {
    const name = uniqueName('Anoniem')
    expect((await createAs(undefined, organisation.id, name)).status).toBe(403)
    expect(await savedWithName(name)).toBe(0)
    const admin = await tokenFor([], true)
    expect((await createAs(admin, elsewhere.id, uniqueName('Platform'))).status).toBe(201)
  })

  it('without an organisation the create is refused with a message naming the field', async () => {
    const token = await tokenFor([{ organisation: organisation.id, role: 'redacteur' }])
    const response = await rest(app.url, 'POST', '/api/algorithms', {
      token,
      body: { name: uniqueName('Zonder organisatie') },
    })
    expect(response.status).toBe(400)
    const body = response.body as { errors: Array<{ data?: { errors: Array<{ path: string }> } }> }
    expect(body.errors[0].data?.errors.map((error) => error.path)).toEqual(['organization'])
  })
})

describe('who may read and change an algorithm', () => {
  let algorithm: Algorithm

  beforeAll(async () => {
    const writer = await createUser(app.payload, {
      memberships: [{ organisation: organisation.id, role: 'redacteur' }],
    })
    algorithm = await app.payload.create({
      collection: 'algorithms',
      data: minimalAlgorithmInput(organisation.id, {
        name: uniqueName('Bestaand'),
        internal_notes: 'Alleen voor collega’s.',
      }) as never,
      overrideAccess: false,
      user: writer,
    })
  })

  it('an auditor may read it, internal notes included, but not change it', async () => {
    const token = await tokenFor([{ organisation: organisation.id, role: 'auditor' }])
    const read = await rest<Algorithm>(app.url, 'GET', `/api/algorithms/${algorithm.id}`, {
      token,
    })
    expect(read.status).toBe(200)
    expect(read.body.internal_notes).toBe('Alleen voor collega’s.')
    const change = await rest(app.url, 'PATCH', `/api/algorithms/${algorithm.id}`, {
      token,
      body: { provider: 'Haaks Verkeerstechniek' },
    })
    expect(change.status).toBe(403)
  })

  it('someone from another organisation can neither see nor change it', async () => {
    const token = await tokenFor([{ organisation: elsewhere.id, role: 'beheerder' }])
    const list = await rest<{ docs: Array<{ id: number }> }>(
      app.url,
      'GET',
      `/api/algorithms?where[id][equals]=${algorithm.id}`,
      { token },
    )
    expect(list.body.docs).toEqual([])
    const change = await rest(app.url, 'PATCH', `/api/algorithms/${algorithm.id}`, {
      token,
      body: { provider: 'Overname B.V.' },
    })
    // Payload answers 403 when the row exists but the access rule does not reach it.
    expect([403, 404]).toContain(change.status)
    const stored = await app.payload.findByID({
      collection: 'algorithms',
      id: algorithm.id,
      overrideAccess: true,
    })
    expect(stored.provider ?? null).toBeNull()
  })

  it('an editor of the organisation may change it', async () => {
    const token = await tokenFor([{ organisation: organisation.id, role: 'redacteur' }])
    const change = await rest<{ doc: Algorithm }>(
      app.url,
      'PATCH',
      `/api/algorithms/${algorithm.id}?depth=0`,
      { token, body: { provider: 'Haaks Verkeerstechniek' } },
    )
    expect(change.status).toBe(200)
    expect(change.body.doc.provider).toBe('Haaks Verkeerstechniek')
    expect(change.body.doc.lars).toBe(algorithm.lars)
  })
})

describe('trusted server code (Local API without a user, access overridden)', () => {
  // Importers, seeds and queued jobs (review reminders) write without a signed-in user.
  it('can create an algorithm and update it', async () => {
    const name = uniqueName('Import')
    const created = await app.payload.create({
      collection: 'algorithms',
      data: minimalAlgorithmInput(organisation.id, { name }) as never,
      overrideAccess: true,
      depth: 0,
    })
    expect(created.organization).toBe(organisation.id)
    const updated = await app.payload.update({
      collection: 'algorithms',
      id: created.id,
      data: { provider: 'Haaks Verkeerstechniek' },
      overrideAccess: true,
    })
    expect(updated.provider).toBe('Haaks Verkeerstechniek')
  })

  it('can update an algorithm created by an editor', async () => {
    const writer = await createUser(app.payload, {
      memberships: [{ organisation: organisation.id, role: 'redacteur' }],
    })
    const created = await app.payload.create({
      collection: 'algorithms',
      data: minimalAlgorithmInput(organisation.id, { name: uniqueName('Door redacteur') }) as never,
      overrideAccess: false,
      user: writer,
    })
    const updated = await app.payload.update({
      collection: 'algorithms',
      id: created.id,
      data: { source_id: 'NH-042' },
      overrideAccess: true,
    })
    expect(updated.source_id).toBe('NH-042')
  })
})
