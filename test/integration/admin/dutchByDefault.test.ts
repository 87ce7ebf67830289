import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { createOrganisation, createUser, login } from '../../support/fixtures'

/**
 * The admin is Dutch unless the user chose English: requests with the admin session cookie and
 * without a language cookie are answered in Dutch whatever the browser asks for. API clients
 * without that cookie keep their accept-language.
 */
describe('Dutch by default in the admin', () => {
  let app: TestApp
  let token: string
  // An algorithm that does not exist gives a localised 404 from the workflow endpoint.
  const missing = '/api/algorithms/987654321/workflow'
  const dutch = 'Deze beschrijving bestaat niet, of u hebt er geen toegang toe.'
  const english = 'This description does not exist, or you have no access to it.'

  beforeAll(async () => {
    app = await testApp()
    const organisation = await createOrganisation(app.payload)
    const user = await createUser(app.payload, {
      memberships: [{ organisation: organisation.id, role: 'redacteur' }],
    })
    token = await login(app.url, user.email)
  })

  afterAll(async () => {
    await closeTestApp()
  })

  // The admin's own requests carry the session cookie, and the browser marks them same-origin.
  const message = async (headers: Record<string, string>): Promise<string> => {
    const response = await fetch(`${app.url}${missing}`, { headers })
    expect(response.status).toBe(404)
    const body = (await response.json()) as { errors: Array<{ message: string }> }
    return body.errors[0].message
  }

  it('answers an English browser with the admin cookie in Dutch', async () => {
    expect(
      await message({
        cookie: `payload-token=${token}`,
        'accept-language': 'en-US,en;q=0.9',
        'sec-fetch-site': 'same-origin',
      }),
    ).toBe(dutch)
  })

  it('answers in English when the user chose English in the admin', async () => {
    expect(
      await message({
        cookie: `payload-token=${token}; payload-lng=en`,
        'accept-language': 'nl-NL',
        'sec-fetch-site': 'same-origin',
      }),
    ).toBe(english)
  })

  it('lets API clients without the admin cookie ask for English', async () => {
    expect(await message({ authorization: `JWT ${token}`, 'accept-language': 'en' })).toBe(english)
  })

  it('answers API clients in Dutch when they ask for nothing', async () => {
    expect(await message({ authorization: `JWT ${token}` })).toBe(dutch)
  })
})
