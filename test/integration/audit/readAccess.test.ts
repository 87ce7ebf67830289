import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { AuditEvent, Organisation, User } from '../../../payload-types'
import { completeDescription, createAlgorithmAs } from '../../support/algorithmFixtures'
import { createOrganisation, createUser, graphql, login } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { auditEvents, call } from './auditSupport'

let app: TestApp
let home: Organisation
let away: Organisation
const people: Record<string, User> = {}
const tokens: Record<string, string | undefined> = {}
let homeEvents: AuditEvent[]
let awayEvents: AuditEvent[]

beforeAll(async () => {
  app = await testApp()
  await createUser(app.payload, { name: 'Eerste account' })
  home = await createOrganisation(app.payload)
  away = await createOrganisation(app.payload)
  people.admin = await createUser(app.payload, {
    memberships: [{ organisation: home.id, role: 'beheerder' }],
  })
  people.auditor = await createUser(app.payload, {
    memberships: [{ organisation: home.id, role: 'auditor' }],
  })
  people.editor = await createUser(app.payload, {
    memberships: [{ organisation: home.id, role: 'redacteur' }],
  })
  people.outsider = await createUser(app.payload, {
    memberships: [{ organisation: away.id, role: 'beheerder' }],
  })
  people.platformAdmin = await createUser(app.payload, { isPlatformAdmin: true })
  for (const [role, person] of Object.entries(people)) {
    tokens[role] = await login(app.url, person.email)
  }
  tokens.anonymous = undefined

  // Something of every kind in the home organisation, and some work in the other one.
  await createAlgorithmAs(app.payload, people.editor, completeDescription(home.id))
  await createAlgorithmAs(app.payload, people.outsider, completeDescription(away.id))
  const newcomer = await createUser(app.payload, {
    name: 'Nieuwe collega',
    memberships: [{ organisation: home.id, role: 'redacteur' }],
  })
  const granted = await call(app.url, 'PATCH', `/api/users/${newcomer.id}`, {
    token: tokens.admin,
    body: { memberships: [{ organisation: home.id, role: 'auditor' }] },
  })
  expect(granted.status).toBe(200)
  const renamed = await call(app.url, 'PATCH', `/api/organisations/${home.id}`, {
    token: tokens.admin,
    body: { website: 'https://www.noorderhaaks.example' },
  })
  expect(renamed.status).toBe(200)
  const exported = await call(
    app.url,
    'GET',
    `/api/audit-events/export?organisation=${home.id}&format=json`,
    { token: tokens.auditor },
  )
  expect(exported.status).toBe(200)

  homeEvents = await auditEvents(app.payload, { organisationId: { equals: home.id } })
  awayEvents = await auditEvents(app.payload, { organisationId: { equals: away.id } })
})

afterAll(async () => {
  await closeTestApp()
})

const bothOrganisations = () =>
  `where[organisationId][in][0]=${home.id}&where[organisationId][in][1]=${away.id}`

async function visibleIds(role: string): Promise<{ status: number; ids: number[] }> {
  const response = await call<{ docs?: AuditEvent[] }>(
    app.url,
    'GET',
    `/api/audit-events?${bothOrganisations()}&limit=500&depth=0&sort=sequence`,
    { token: tokens[role] },
  )
  return { status: response.status, ids: (response.body.docs ?? []).map((event) => event.id) }
}

const idsOf = (events: AuditEvent[]) => events.map((event) => event.id)

describe('reading the history through REST', () => {
  it('has events of every kind to hide or show', () => {
    const kinds = new Set(homeEvents.map((event) => event.eventType))
    for (const kind of ['create', 'membership', 'update', 'login_success', 'export']) {
      expect(kinds).toContain(kind)
    }
    expect(awayEvents.length).toBeGreaterThan(0)
  })

  it.each(['admin', 'auditor'])('shows the %s every event of their organisation', async (role) => {
    const { status, ids } = await visibleIds(role)
    expect(status).toBe(200)
    expect(ids).toEqual(idsOf(homeEvents))
  })

  it('shows an editor only the events about their organisation’s algorithms', async () => {
    const { status, ids } = await visibleIds('editor')
    expect(status).toBe(200)
    const expected = homeEvents.filter((event) => event.targetCollection === 'algorithms')
    expect(expected.length).toBeGreaterThan(0)
    expect(ids).toEqual(idsOf(expected))
    const seen = homeEvents.filter((event) => ids.includes(event.id))
    expect(seen.map((event) => event.eventType)).not.toContain('login_success')
    expect(seen.map((event) => event.eventType)).not.toContain('membership')
  })

  it('shows a member of another organisation none of them', async () => {
    const { status, ids } = await visibleIds('outsider')
    expect(status).toBe(200)
    expect(ids).toEqual(idsOf(awayEvents))
    const one = await call(app.url, 'GET', `/api/audit-events/${homeEvents[0].id}`, {
      token: tokens.outsider,
    })
    expect(one.status).toBe(404)
  })

  it('shows a platform admin both organisations', async () => {
    const { ids } = await visibleIds('platformAdmin')
    expect(ids).toEqual(
      idsOf([...homeEvents, ...awayEvents].sort((a, b) => a.sequence - b.sequence)),
    )
  })

  it('shows anonymous callers nothing', async () => {
    const { status, ids } = await visibleIds('anonymous')
    expect(status).toBe(403)
    expect(ids).toEqual([])
  })
})

describe('reading the history through GraphQL', () => {
  const query = `query($home: Float, $away: Float) {
    AuditEvents(
      where: { OR: [{ organisationId: { equals: $home } }, { organisationId: { equals: $away } }] }
      limit: 500
      sort: "sequence"
    ) {
      docs { id eventType targetCollection }
    }
  }`

  async function graphqlIds(role: string): Promise<{ ids: number[]; errors: number }> {
    const result = await graphql<{ AuditEvents: { docs: Array<{ id: number }> } | null }>(
      app.url,
      query,
      { home: home.id, away: away.id },
      { token: tokens[role] },
    )
    return {
      ids: (result.body.data?.AuditEvents?.docs ?? []).map((doc) => doc.id),
      errors: result.body.errors?.length ?? 0,
    }
  }

  it('applies the same rules', async () => {
    expect((await graphqlIds('auditor')).ids).toEqual(idsOf(homeEvents))
    expect((await graphqlIds('editor')).ids).toEqual(
      idsOf(homeEvents.filter((event) => event.targetCollection === 'algorithms')),
    )
    expect((await graphqlIds('outsider')).ids).toEqual(idsOf(awayEvents))
    const anonymous = await graphqlIds('anonymous')
    expect(anonymous.ids).toEqual([])
    expect(anonymous.errors).toBe(1)
  })
})
