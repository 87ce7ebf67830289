import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { User } from '../../../payload-types'
import { createOrganisation, createUser, login, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { createPerson } from '../../support/workflowHelpers'

let app: TestApp
let user: User

beforeAll(async () => {
  app = await testApp()
  const organisation = await createOrganisation(app.payload)
  // The first account of an empty register is special; make sure ours is not it.
  await createPerson(app.payload, app.url, {
    memberships: [{ organisation: organisation.id, role: 'redacteur' }],
  })
  user = await createUser(app.payload, {
    memberships: [{ organisation: organisation.id, role: 'redacteur' }],
  })
})

afterAll(async () => {
  await closeTestApp()
})

async function whoIs(token: string): Promise<number | null> {
  const answer = await rest<{ user: { id: number } | null }>(app.url, 'GET', '/api/users/me', {
    token,
  })
  return answer.body.user?.id ?? null
}

describe('concurrent logins to one account', () => {
  it('gives every one of 8 parallel logins a working session', async () => {
    const tokens = await Promise.all(Array.from({ length: 8 }, () => login(app.url, user.email)))
    expect(new Set(tokens).size).toBe(8)
    const ids = await Promise.all(tokens.map(whoIs))
    expect(ids).toEqual(Array(8).fill(user.id))
    const stored = await app.payload.findByID({
      collection: 'users',
      id: user.id,
      depth: 0,
      overrideAccess: true,
      showHiddenFields: true,
    })
    expect((stored as User & { sessions?: unknown[] }).sessions?.length).toBeGreaterThanOrEqual(8)
  })

  it('keeps server-side logout working: the logged-out token is refused, the others still work', async () => {
    const tokens = await Promise.all(Array.from({ length: 4 }, () => login(app.url, user.email)))
    const [leaving, ...staying] = tokens as [string, ...string[]]
    const logout = await rest(app.url, 'POST', '/api/users/logout', { token: leaving })
    expect(logout.status).toBe(200)
    expect(await whoIs(leaving)).toBeNull()
    expect(await Promise.all(staying.map(whoIs))).toEqual(Array(3).fill(user.id))
  })
})
