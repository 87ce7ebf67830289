import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { closeTestApp, testApp, type TestApp } from '../support/testApp'
import { createOrganisation, createUser, graphql, login, rest } from '../support/fixtures'

let app: TestApp

beforeAll(async () => {
  app = await testApp()
})

afterAll(async () => {
  await closeTestApp()
})

describe('the server', () => {
  it('answers /health with 200 and JSON while the database answers', async () => {
    const response = await rest<{ status: string; database: string }>(app.url, 'GET', '/health')
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ status: 'ok', database: 'ok' })
    expect(response.headers.get('x-request-id')).toBeTruthy()
  })

  it('serves Payload REST under /api with access control', async () => {
    const organisation = await createOrganisation(app.payload)
    const editor = await createUser(app.payload, {
      memberships: [{ organisation: organisation.id, role: 'redacteur' }],
    })
    const token = await login(app.url, editor.email)
    const mine = await rest<{ docs: Array<{ id: number }> }>(
      app.url,
      'GET',
      '/api/organisations?depth=0',
      { token },
    )
    expect(mine.status).toBe(200)
    expect(mine.body.docs.map((d) => d.id)).toEqual([organisation.id])
    const anonymous = await rest(app.url, 'GET', '/api/organisations')
    expect(anonymous.status).toBe(403)
  })

  it('serves GraphQL at /api/graphql', async () => {
    const organisation = await createOrganisation(app.payload)
    const admin = await createUser(app.payload, {
      memberships: [{ organisation: organisation.id, role: 'beheerder' }],
    })
    const token = await login(app.url, admin.email)
    const result = await graphql<{ Organisation: { code: string } }>(
      app.url,
      'query($id: Int!) { Organisation(id: $id) { code } }',
      { id: organisation.id },
      { token },
    )
    expect(result.status).toBe(200)
    expect(result.body.data?.Organisation.code).toBe(organisation.code)
  })

  it('mounts the public API at /register/v1 with problem+json for unknown paths', async () => {
    const response = await rest<{ status: number; title: string }>(
      app.url,
      'GET',
      '/register/v1/does-not-exist',
    )
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toContain('application/problem+json')
    expect(response.headers.get('api-version')).toBe('1.0.0')
    expect(response.body.status).toBe(404)
  })
})
