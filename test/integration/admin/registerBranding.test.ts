import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { readBranding } from '../../../src/admin/branding/readBranding'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { createOrganisation, createUser, login, rest } from '../../support/fixtures'

/**
 * The register's branding (name and logo on the login page and in the menu): everyone who is
 * logged in may read it, only platform admins may change it, and the graphics read it on the
 * server before anyone is logged in.
 */
describe('register branding settings', () => {
  let app: TestApp
  let editor: string
  let platformAdmin: string
  const path = '/api/globals/register-settings'

  beforeAll(async () => {
    app = await testApp()
    const organisation = await createOrganisation(app.payload)
    const user = await createUser(app.payload, {
      memberships: [{ organisation: organisation.id, role: 'beheerder' }],
    })
    const admin = await createUser(app.payload, { isPlatformAdmin: true })
    editor = await login(app.url, user.email)
    platformAdmin = await login(app.url, admin.email)
  })

  afterAll(async () => {
    await closeTestApp()
  })

  it('a platform admin may change the name and logo', async () => {
    const response = await rest(app.url, 'POST', path, {
      token: platformAdmin,
      body: {
        registerName: 'Algoritmeregister Noorderhaaks',
        organisationName: 'Gemeente Noorderhaaks',
        logoUrl: '/logo-noorderhaaks.svg',
      },
    })
    expect(response.status).toBe(200)
    const branding = await readBranding(app.payload)
    expect(branding).toEqual({
      registerName: 'Algoritmeregister Noorderhaaks',
      organisationName: 'Gemeente Noorderhaaks',
      logoUrl: '/logo-noorderhaaks.svg',
    })
  })

  it('an organisation admin may read but not change it', async () => {
    const read = await rest<{ registerName?: string }>(app.url, 'GET', path, { token: editor })
    expect(read.status).toBe(200)
    expect(read.body.registerName).toBe('Algoritmeregister Noorderhaaks')
    const change = await rest(app.url, 'POST', path, {
      token: editor,
      body: { registerName: 'Overgenomen' },
    })
    expect(change.status).toBe(403)
    expect((await readBranding(app.payload)).registerName).toBe('Algoritmeregister Noorderhaaks')
  })

  it('anonymous callers may not read it through the API', async () => {
    const read = await rest<{ registerName?: string }>(app.url, 'GET', path)
    expect(read.status).toBe(403)
    expect(read.body.registerName).toBeUndefined()
  })

  it('refuses a logo address that is not https or a path on this server, in Dutch', async () => {
    for (const logoUrl of [
      'javascript:alert(1)',
      'http://example.org/logo.svg',
      '//evil.example/x',
    ]) {
      const response = await rest<{
        errors: Array<{ data?: { errors: Array<{ message: string }> } }>
      }>(app.url, 'POST', path, { token: platformAdmin, body: { logoUrl } })
      expect(response.status).toBe(400)
      expect(response.body.errors[0].data?.errors[0].message).toContain(
        'Logo (webadres) is geen geldig adres.',
      )
    }
    expect((await readBranding(app.payload)).logoUrl).toBe('/logo-noorderhaaks.svg')
  })

  it('falls back to "Algoritmeregister" without a Payload instance', async () => {
    expect(await readBranding(undefined)).toEqual({
      registerName: 'Algoritmeregister',
      organisationName: null,
      logoUrl: null,
    })
  })
})
