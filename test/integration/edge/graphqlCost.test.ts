import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { createServer, type RunningServer } from '../../../host/server/createServer'
import { completeDescription } from '../../support/algorithmFixtures'
import { createOrganisation, graphql } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { createPerson, type Person } from '../../support/workflowHelpers'

let app: TestApp
let editor: Person
/** A second server on the same Payload with a deadline no GraphQL request can meet. */
let hurried: RunningServer

beforeAll(async () => {
  app = await testApp()
  const organisation = await createOrganisation(app.payload)
  editor = await createPerson(app.payload, app.url, {
    memberships: [{ organisation: organisation.id, role: 'redacteur' }],
  })
  for (let i = 0; i < 10; i++) {
    await app.payload.create({
      collection: 'algorithms',
      data: completeDescription(organisation.id, { name: `Kostbare vraag ${i}` }) as never,
      user: editor.user,
      overrideAccess: false,
      depth: 0,
    })
  }
  process.env.GRAPHQL_TIMEOUT_MS = '1'
  hurried = await createServer({
    payload: app.payload,
    config: app.config,
    port: 0,
    admin: false,
    host: '127.0.0.1',
  })
  delete process.env.GRAPHQL_TIMEOUT_MS
})

afterAll(async () => {
  await hurried?.close()
  await closeTestApp()
})

/** `count` aliases of the algorithm list, each with its organisation and rich text. */
function aliasedQuery(count: number): string {
  const fields = Array.from(
    { length: count },
    (_, i) =>
      `a${i}: Algorithms(limit: 100) { docs { id name description_short goal organization { name code } } }`,
  )
  return `query { ${fields.join(' ')} }`
}

describe('GraphQL cost limits', () => {
  it('refuses more aliases than GRAPHQL_MAX_ALIASES (default 15) before running anything', async () => {
    const result = await graphql(app.url, aliasedQuery(16), {}, { token: editor.token })
    // A GraphQL validation error: 200 with `errors` and no `data` for application/json clients.
    expect(result.body.data).toBeUndefined()
    expect(result.body.errors?.[0]?.message).toBe('Aliases limit of 15 exceeded, found 16.')
  })

  it('refuses the 499-alias query of the report at once', async () => {
    const result = await graphql(app.url, aliasedQuery(499), {}, { token: editor.token })
    expect(result.body.data).toBeUndefined()
    expect(result.body.errors?.[0]?.message).toBe('Aliases limit of 15 exceeded, found 499.')
  })

  it('refuses a selection deeper than GRAPHQL_MAX_DEPTH (default 10)', async () => {
    let nested = 'name'
    for (let i = 0; i < 9; i++) nested = `organization { ${nested} }`
    const result = await graphql(
      app.url,
      `query { Algorithms { docs { ${nested} } } }`,
      {},
      { token: editor.token },
    )
    expect(result.body.data).toBeUndefined()
    const messages = (result.body.errors ?? []).map((error) => error.message)
    expect(messages).toContain('Query depth limit of 10 exceeded, found 12.')
  })

  it('allows a query at the depth limit', async () => {
    const result = await graphql<{ Algorithms: { docs: unknown[] } }>(
      app.url,
      'query { Algorithms(limit: 1) { docs { organization { name } } } }',
      {},
      { token: editor.token },
    )
    expect(result.body.errors).toBeUndefined()
    expect(result.body.data?.Algorithms.docs).toHaveLength(1)
  })

  it('answers 503 with a problem when a request runs past GRAPHQL_TIMEOUT_MS', async () => {
    const result = await graphql<unknown>(
      hurried.url,
      aliasedQuery(15),
      {},
      { token: editor.token },
    )
    expect(result.status).toBe(503)
    expect(result.headers.get('content-type')).toContain('application/problem+json')
    expect(result.body).toMatchObject({
      status: 503,
      title: 'Vraag duurde te lang',
    })
  })

  it('keeps /health answering 200 while the costliest allowed queries run', async () => {
    // 30 root fields at once: more than the 20 connections of the pool without the field bound.
    const costly = Array.from({ length: 2 }, () =>
      graphql(app.url, aliasedQuery(15), {}, { token: editor.token }),
    )
    const healths: number[] = []
    let running = true
    void Promise.allSettled(costly).then(() => (running = false))
    while (running || healths.length === 0) {
      const response = await fetch(`${app.url}/health`)
      healths.push(response.status)
      await response.arrayBuffer()
    }
    const answers = await Promise.all(costly)
    // Each costly query either finishes or is cut off at its deadline: never a 500.
    for (const answer of answers) {
      if (answer.status === 200) expect(answer.body.data?.a14).toBeDefined()
      else expect(answer.body).toMatchObject({ status: 503, title: 'Vraag duurde te lang' })
    }
    expect(healths.filter((status) => status !== 200)).toEqual([])
  })
})
