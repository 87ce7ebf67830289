/**
 * Filters and sorts the database cannot answer give a 400 that names the field (REST, GraphQL and
 * the Local API), never a 500; ordinary filters keep working.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { graphql, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import {
  createWorkflowTeam,
  publishedAlgorithm,
  type WorkflowTeam,
} from '../../support/workflowHelpers'

let app: TestApp
let team: WorkflowTeam
let algorithmId: number

interface RestErrors {
  errors?: Array<{ message: string; data?: { field?: string } }>
  docs?: Array<{ id: number }>
}

beforeAll(async () => {
  app = await testApp()
  team = await createWorkflowTeam(app.payload, app.url)
  algorithmId = (await publishedAlgorithm(app.payload, app.url, team, { name: 'Sluizen sturen' }))
    .id
})

afterAll(async () => {
  await closeTestApp()
})

const get = (path: string, language?: string) =>
  rest<RestErrors>(app.url, 'GET', path, { token: team.editor.token, language })

describe('REST', () => {
  it.each([
    ['/api/revisions?where[snapshot.name][contains]=x', 'snapshot.name', /JSON-veld/],
    ['/api/revisions?where[diff][like]=x', 'diff', /JSON-veld/],
    ['/api/audit-events?where[changes][like]=x', 'changes', /JSON-veld/],
    ['/api/algorithms?where[goal][like]=x', 'goal', /opgemaakte tekst/],
    ['/api/algorithms?where[or][0][and][0][goal.root][exists]=true', 'goal.root', /opgemaakte/],
    ['/api/revisions?sort=-snapshot.name', 'snapshot.name', /^Sorteren op het veld/],
    ['/api/algorithms?sort=goal', 'goal', /^Sorteren op het veld/],
    ['/api/algorithms?where[id][equals]=abc', 'id', /'abc' is geen geldige waarde.*een getal/],
    ['/api/algorithms?where[id][in]=1,abc', 'id', /'abc'/],
    ['/api/algorithms?where[organization][equals]=abc', 'organization', /een id/],
    ['/api/algorithms?where[createdAt][greater_than]=notadate', 'createdAt', /een datum/],
    ['/api/algorithms?where[workflow.state][equals]=bogus', 'workflow.state', /een van: concept/],
    ['/api/users?where[memberships.role][equals]=x', 'memberships.role', /een van: redacteur/],
    ['/api/users?where[memberships.role][like]=red', 'memberships.role', /zoekt in tekst/],
    ['/api/algorithms?where[name][near]=1,2', 'name', /locatie/],
    ['/api/algorithms?where[name][bogus]=x', 'name', /geen vergelijking 'bogus'/],
    ['/api/algorithms?where[name][exists]=maybe', 'name', /true of false/],
    ['/api/algorithms?page=-1', 'page', /page/],
    ['/api/algorithms?limit=abc', 'limit', /limit/],
    ['/api/algorithms?where=abc', 'where', /geen geldige JSON/],
  ])('%s → 400 naming %s', async (path, field, message) => {
    const answer = await get(path)
    expect(answer.status).toBe(400)
    expect(answer.body.errors?.[0]?.data?.field).toBe(field)
    expect(answer.body.errors?.[0]?.message).toMatch(message)
    expect(answer.body.errors?.[0]?.message).toContain(field)
  })

  it('answers in English when asked', async () => {
    const answer = await get('/api/revisions?where[snapshot.name][contains]=x', 'en')
    expect(answer.status).toBe(400)
    expect(answer.body.errors?.[0]?.message).toMatch(
      /^Filtering on the field 'snapshot.name' is not possible/,
    )
  })

  it('refuses a NUL character in a filter value at the edge, naming the parameter', async () => {
    const answer = await get('/api/algorithms?where[name][equals]=a%00b')
    expect(answer.status).toBe(400)
    expect(answer.body.errors?.[0]?.message).toContain("'where[name][equals]'")
  })

  it('keeps ordinary filters and sorts working', async () => {
    for (const path of [
      `/api/algorithms?where[id][equals]=${algorithmId}`,
      `/api/algorithms?where[id][in]=${algorithmId},999999`,
      '/api/algorithms?where[name][like]=sluizen&sort=-name',
      `/api/algorithms?where[organization][equals]=${team.organisation.id}`,
      '/api/algorithms?where[createdAt][greater_than]=2020-01-01&where[name][exists]=true',
      '/api/algorithms?where[workflow.state][equals]=gepubliceerd',
      `/api/revisions?where[algorithm][equals]=${algorithmId}&sort=-revisionNumber`,
      '/api/audit-events?where[eventType][in]=transition,update&limit=5&page=1',
      // `exists` on a JSON column itself is IS [NOT] NULL, which works.
      '/api/audit-events?where[changes][exists]=true',
    ]) {
      const answer = await get(path)
      expect({ path, status: answer.status }).toEqual({ path, status: 200 })
    }
    const byName = await get('/api/algorithms?where[name][like]=sluizen')
    expect(byName.body.docs?.map((doc) => doc.id)).toEqual([algorithmId])
  })
})

describe('GraphQL', () => {
  it.each([
    ['{ Revisions(where: { snapshot: { equals: "x" } }) { docs { id } } }', 'snapshot'],
    ['{ AuditEvents(where: { changes: { like: "x" } }) { docs { id } } }', 'changes'],
    ['{ Algorithms(where: { goal: { like: "x" } }) { docs { id } } }', 'goal'],
    ['{ Algorithms(sort: "goal") { docs { id } } }', 'goal'],
    ['{ Revisions(sort: "-snapshot") { docs { id } } }', 'snapshot'],
    ['{ Algorithms(page: -1) { docs { id } } }', 'page'],
  ])('%s → a 400 error naming %s', async (query, field) => {
    const answer = await graphql(app.url, query, {}, { token: team.editor.token })
    const error = answer.body.errors?.[0]
    expect(error?.extensions?.statusCode).toBe(400)
    expect(error?.message).toContain(`'${field}'`)
  })

  it('keeps ordinary filters working', async () => {
    const answer = await graphql<{ Algorithms: { docs: Array<{ id: number }> } }>(
      app.url,
      '{ Algorithms(where: { OR: [{ name: { like: "sluizen" } }, { AND: [{ id: { equals: 0 } }] }] }, sort: "-name") { docs { id } } }',
      {},
      { token: team.editor.token },
    )
    expect(answer.body.errors).toBeUndefined()
    expect(answer.body.data?.Algorithms.docs.map((doc) => doc.id)).toEqual([algorithmId])
  })
})

describe('Local API', () => {
  const refused = async (
    run: () => Promise<unknown>,
  ): Promise<{ status?: number; message?: string }> => {
    try {
      await run()
    } catch (error) {
      return error as { status?: number; message?: string }
    }
    throw new Error('the query was not refused')
  }

  it('refuses the same queries, with or without access control', async () => {
    const user = team.editor.user
    const cases = [
      () =>
        app.payload.find({
          collection: 'revisions',
          where: { 'snapshot.name': { contains: 'x' } },
          overrideAccess: false,
          user,
        }),
      () =>
        app.payload.count({
          collection: 'audit-events',
          where: { changes: { like: 'x' } },
          overrideAccess: false,
          user,
        }),
      () => app.payload.find({ collection: 'algorithms', sort: 'goal', overrideAccess: true }),
      () =>
        app.payload.find({
          collection: 'organisations',
          where: { id: { equals: 'abc' } },
          overrideAccess: true,
        }),
    ]
    for (const run of cases) {
      const error = await refused(run)
      expect(error.status).toBe(400)
      expect(error.message).toMatch(/'(snapshot\.name|changes|goal|id)'/)
    }
  })

  it('keeps ordinary queries working', async () => {
    const found = await app.payload.find({
      collection: 'revisions',
      where: { algorithm: { equals: algorithmId } },
      sort: '-revisionNumber',
      overrideAccess: false,
      user: team.editor.user,
    })
    expect(found.totalDocs).toBe(1)
  })
})
