import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { decryptCredentials } from '../../../src/national/credentialCipher'
import { completeDescription, createAlgorithmAs } from '../../support/algorithmFixtures'
import { graphql, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import {
  createPerson,
  createWorkflowTeam,
  query,
  type Person,
  type WorkflowTeam,
} from '../../support/workflowHelpers'

let app: TestApp
let team: WorkflowTeam
let otherTeam: WorkflowTeam
let platformAdmin: Person

const SECRET = { clientId: 'cms-client', username: 'aanleveraar', password: 'Zeer-Geheim-42' }
const PATH = '/api/national-register-connections'

beforeAll(async () => {
  app = await testApp()
  team = await createWorkflowTeam(app.payload, app.url)
  otherTeam = await createWorkflowTeam(app.payload, app.url)
  platformAdmin = await createPerson(app.payload, app.url, { isPlatformAdmin: true })
})

afterAll(async () => {
  await closeTestApp()
})

type Doc = Record<string, unknown> & { id: number }

function connectionBody(organisation: number, extra: Record<string, unknown> = {}) {
  return { organisation, delivers: true, organisationCode: 'gm0363', ...SECRET, ...extra }
}

async function storedRow(id: number) {
  const [row] = await query<Record<string, unknown>>(
    app.payload,
    sql`SELECT * FROM national_register_connections WHERE id = ${id}`,
  )
  return row
}

function expectNoSecrets(value: unknown) {
  const text = JSON.stringify(value)
  expect(text).not.toContain(SECRET.password)
  expect(text).not.toContain(SECRET.username)
  expect(text).not.toContain(SECRET.clientId)
  expect(text).not.toContain('v1:')
}

describe('national register connection: who may set it', () => {
  let connectionId: number

  it('an organisation admin may set it for their own organisation (allow)', async () => {
    const created = await rest<{ doc: Doc }>(app.url, 'POST', PATH, {
      token: team.admin.token,
      body: connectionBody(team.organisation.id),
    })
    expect(created.status).toBe(201)
    connectionId = created.body.doc.id
    expect(created.body.doc.credentialsSet).toBe(true)
    expectNoSecrets(created.body)
  })

  it('an editor or reviewer may not (deny)', async () => {
    for (const person of [team.editor, team.reviewer]) {
      const created = await rest(app.url, 'POST', PATH, {
        token: person.token,
        body: connectionBody(team.organisation.id),
      })
      expect(created.status).toBe(403)
    }
  })

  it("an admin of another organisation may not set or change this organisation's (deny)", async () => {
    const created = await rest(app.url, 'POST', PATH, {
      token: otherTeam.admin.token,
      body: connectionBody(team.organisation.id),
    })
    expect(created.status).toBe(403)
    const changed = await rest(app.url, 'PATCH', `${PATH}/${connectionId}`, {
      token: otherTeam.admin.token,
      body: { delivers: false },
    })
    expect([403, 404]).toContain(changed.status)
    expect((await storedRow(connectionId)).delivers).toBe(true)
  })

  it('a platform admin may set it for any organisation (allow)', async () => {
    const created = await rest<{ doc: Doc }>(app.url, 'POST', PATH, {
      token: platformAdmin.token,
      body: connectionBody(otherTeam.organisation.id, { organisationCode: 'gm0599' }),
    })
    expect(created.status).toBe(201)
    expectNoSecrets(created.body)
  })

  it('only admins read the connection (allow), editors do not (deny)', async () => {
    const asAdmin = await rest<{ docs: Doc[] }>(app.url, 'GET', `${PATH}?depth=0`, {
      token: team.admin.token,
    })
    expect(asAdmin.status).toBe(200)
    expect(asAdmin.body.docs.map((doc) => doc.id)).toEqual([connectionId])
    const asEditor = await rest<{ docs: Doc[] }>(app.url, 'GET', `${PATH}?depth=0`, {
      token: team.editor.token,
    })
    expect(asEditor.body.docs ?? []).toEqual([])
    const one = await rest(app.url, 'GET', `${PATH}/${connectionId}`, { token: team.editor.token })
    expect([403, 404]).toContain(one.status)
  })

  it('credentials are write-only through REST and GraphQL, even for platform admins', async () => {
    for (const token of [team.admin.token, platformAdmin.token]) {
      const read = await rest<Doc>(app.url, 'GET', `${PATH}/${connectionId}?depth=0`, { token })
      expect(read.status).toBe(200)
      expect(read.body.organisationCode).toBe('gm0363')
      for (const field of ['clientId', 'username', 'password', 'tokenUrl', 'credentials']) {
        expect(read.body[field] ?? null).toBeNull()
      }
      expectNoSecrets(read.body)
    }
    const result = await graphql(
      app.url,
      `
        query {
          NationalRegisterConnections {
            docs {
              id
              organisationCode
              password
              username
              clientId
              credentials
            }
          }
        }
      `,
      {},
      { token: platformAdmin.token },
    )
    expect(result.body.errors).toBeUndefined()
    const docs = (
      result.body.data as { NationalRegisterConnections: { docs: Array<Record<string, unknown>> } }
    ).NationalRegisterConnections.docs
    expect(docs.length).toBeGreaterThan(0)
    for (const doc of docs) {
      expect(
        [doc.password, doc.username, doc.clientId, doc.tokenUrl].map((v) => v ?? null),
      ).toEqual([null, null, null, null])
    }
    expectNoSecrets(result.body)
    const viaLocal = await app.payload.findByID({
      collection: 'national-register-connections',
      id: connectionId,
      overrideAccess: false,
      user: team.admin.user,
      depth: 0,
    })
    expectNoSecrets(viaLocal)
  })

  it('credentials are stored only encrypted (AES-256-GCM), readable with the secret', async () => {
    const row = await storedRow(connectionId)
    expect(row.password).toBeNull()
    expect(row.username).toBeNull()
    expect(row.client_id).toBeNull()
    expect(String(row.credentials)).toMatch(/^v1:/)
    expect(String(row.credentials)).not.toContain(SECRET.password)
    expect(decryptCredentials(String(row.credentials), app.payload.secret)).toMatchObject(SECRET)
    expect(decryptCredentials(String(row.credentials), 'another-secret')).toBeUndefined()
  })

  it('a new password keeps the other stored values; the audit history only says it changed', async () => {
    const changed = await rest(app.url, 'PATCH', `${PATH}/${connectionId}`, {
      token: team.admin.token,
      body: { password: 'Nieuw-Geheim-43' },
    })
    expect(changed.status).toBe(200)
    const row = await storedRow(connectionId)
    expect(decryptCredentials(String(row.credentials), app.payload.secret)).toMatchObject({
      ...SECRET,
      password: 'Nieuw-Geheim-43',
    })
    const events = await app.payload.find({
      collection: 'audit-events',
      where: { targetCollection: { equals: 'national-register-connections' } },
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
    expect(events.docs.length).toBeGreaterThanOrEqual(2)
    expectNoSecrets(events.docs)
    expect(JSON.stringify(events.docs)).not.toContain('Nieuw-Geheim-43')
    expect(JSON.stringify(events.docs)).toContain('(gewijzigd)')
  })

  it('refuses to deliver without an organisation code, in Dutch, naming the field', async () => {
    const third = await createWorkflowTeam(app.payload, app.url)
    const refused = await rest<{
      errors: Array<{ data?: { errors?: Array<{ path: string; message: string }> } }>
    }>(app.url, 'POST', PATH, {
      token: third.admin.token,
      body: { organisation: third.organisation.id, delivers: true, ...SECRET },
    })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data?.errors).toEqual([
      {
        path: 'organisationCode',
        message: 'Vul de organisatiecode in het landelijke register in om aan te leveren.',
        label: expect.anything(),
      },
    ])
  })
})

describe('national deliveries: who may see them', () => {
  let deliveryId: number

  beforeAll(async () => {
    const algorithm = await createAlgorithmAs(
      app.payload,
      team.editor.user,
      completeDescription(team.organisation.id, { name: 'Status zichtbaar maken' }),
    )
    const row = await app.payload.create({
      collection: 'national-deliveries',
      data: {
        algorithm: algorithm.id,
        organisation: team.organisation.id,
        algorithmName: algorithm.name,
        status: 'fout',
        reason: 'Naam is te lang.',
      },
      overrideAccess: true,
      depth: 0,
    })
    deliveryId = row.id
  })

  it('members of the organisation read its deliveries (allow); others do not (deny)', async () => {
    const own = await rest<Doc>(app.url, 'GET', `/api/national-deliveries/${deliveryId}`, {
      token: team.editor.token,
    })
    expect(own.status).toBe(200)
    expect(own.body.reason).toBe('Naam is te lang.')
    const other = await rest(app.url, 'GET', `/api/national-deliveries/${deliveryId}`, {
      token: otherTeam.editor.token,
    })
    expect([403, 404]).toContain(other.status)
    const all = await rest<{ docs: Doc[] }>(app.url, 'GET', '/api/national-deliveries?limit=100', {
      token: platformAdmin.token,
    })
    expect(all.body.docs.map((doc) => doc.id)).toContain(deliveryId)
  })

  it('nobody writes deliveries through the API, not even a platform admin (deny)', async () => {
    const created = await rest(app.url, 'POST', '/api/national-deliveries', {
      token: platformAdmin.token,
      body: { algorithm: 1, organisation: team.organisation.id, status: 'vrijgegeven' },
    })
    expect(created.status).toBe(403)
    const changed = await rest(app.url, 'PATCH', `/api/national-deliveries/${deliveryId}`, {
      token: platformAdmin.token,
      body: { status: 'vrijgegeven' },
    })
    expect(changed.status).toBe(403)
  })
})
