import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Organisation } from '../../../payload-types'
import { fieldErrors, graphqlFieldErrors } from '../../fixtures/fieldErrors'
import { freeOrganisationCode } from '../../fixtures/freeOrganisationCode'
import { createOrganisation, createUser, graphql, login, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'

let app: TestApp
let adminToken: string

type DocBody = { doc: Organisation; errors?: unknown }

beforeAll(async () => {
  app = await testApp()
  const admin = await createUser(app.payload, { isPlatformAdmin: true, name: 'Platformbeheer' })
  adminToken = await login(app.url, admin.email)
})

afterAll(async () => {
  await closeTestApp()
})

const createThroughRest = (data: Record<string, unknown>, language?: string) =>
  rest<DocBody>(app.url, 'POST', '/api/organisations?depth=0', {
    token: adminToken,
    body: data,
    language,
  })

const countWithCode = async (code: string) =>
  (
    await app.payload.count({
      collection: 'organisations',
      where: { code: { equals: code } },
      overrideAccess: true,
    })
  ).totalDocs

describe('organisation code (TOOI)', () => {
  it('accepts TOOI codes of each kind and stores them trimmed and in lowercase', async () => {
    const cases: Array<[string, number, string]> = [
      ['gm', 4, 'gemeente'],
      ['pv', 2, 'provincie'],
      ['ws', 4, 'waterschap'],
      ['mnre', 4, 'ministerie'],
      ['oorg', 5, 'zbo'],
    ]
    for (const [prefix, digits, type] of cases) {
      const code = await freeOrganisationCode(app.payload, prefix, digits)
      const response = await createThroughRest({
        name: `Organisatie ${code}`,
        code: `  ${code.toUpperCase()} `,
        type,
      })
      expect({ code, status: response.status }).toEqual({ code, status: 201 })
      expect(response.body.doc.code).toBe(code)
    }
  })

  it.each([
    ['GM363', "Organisatiecode 'gm363' moet na 'gm' precies 4 cijfers hebben."],
    ['gm36', "Organisatiecode 'gm36' moet na 'gm' precies 4 cijfers hebben."],
    ['gm03630', "Organisatiecode 'gm03630' moet na 'gm' precies 4 cijfers hebben."],
    ['xx12', "Organisatiecode 'xx12' begint met 'xx'. Bekende beginletters zijn"],
    ['0363', "Organisatiecode '0363' klopt niet: gebruik de TOOI-code"],
    ['gm-0363', "Organisatiecode 'gm-0363' klopt niet: gebruik de TOOI-code"],
  ])('refuses %s with a Dutch message on the code field, and saves nothing', async (code, text) => {
    const name = `Gemeente Fout ${code}`
    const response = await createThroughRest({ name, code, type: 'gemeente' })
    expect(response.status).toBe(400)
    const errors = fieldErrors(response.body)
    expect(errors).toHaveLength(1)
    expect(errors[0].path).toBe('code')
    expect(errors[0].message).toContain(text)
    const saved = await app.payload.count({
      collection: 'organisations',
      where: { name: { equals: name } },
      overrideAccess: true,
    })
    expect(saved.totalDocs).toBe(0)
  })

  it('answers in English when the request asks for it', async () => {
    const response = await createThroughRest(
      { name: 'Municipality Wrong', code: 'gm36', type: 'gemeente' },
      'en',
    )
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body)).toEqual([
      { path: 'code', message: "Organisation code 'gm36' needs exactly 4 digits after 'gm'." },
    ])
  })

  it('refuses a code that is in use, naming the organisation that has it', async () => {
    const code = await freeOrganisationCode(app.payload, 'gm', 4)
    const first = await createThroughRest({
      name: 'Gemeente Noorderhaaks',
      code,
      type: 'gemeente',
    })
    expect(first.status).toBe(201)
    const second = await createThroughRest({
      name: 'Gemeente Zuiderhaaks',
      code: code.toUpperCase(),
      type: 'gemeente',
    })
    expect(second.status).toBe(400)
    expect(fieldErrors(second.body)).toEqual([
      {
        path: 'code',
        message: `Organisatiecode ${code} is al in gebruik door Gemeente Noorderhaaks.`,
      },
    ])
    const english = await createThroughRest(
      { name: 'Gemeente Zuiderhaaks', code, type: 'gemeente' },
      'en',
    )
    expect(fieldErrors(english.body)).toEqual([
      {
        path: 'code',
        message: `Organisation code ${code} is already used by Gemeente Noorderhaaks.`,
      },
    ])
    expect(await countWithCode(code)).toBe(1)
  })

  it('refuses the code of another organisation on update too', async () => {
    const taken = await createOrganisation(app.payload, { name: 'Gemeente Westerhaaks' })
    const other = await createOrganisation(app.payload)
    const response = await rest(app.url, 'PATCH', `/api/organisations/${other.id}`, {
      token: adminToken,
      body: { code: taken.code },
    })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body)).toEqual([
      {
        path: 'code',
        message: `Organisatiecode ${taken.code} is al in gebruik door Gemeente Westerhaaks.`,
      },
    ])
  })

  it('refuses a code that belongs to another type of organisation', async () => {
    const code = await freeOrganisationCode(app.payload, 'gm', 4)
    const response = await createThroughRest({
      name: 'Provincie Noorderhaaks',
      code,
      type: 'provincie',
    })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body)).toEqual([
      {
        path: 'code',
        message: `Organisatiecode '${code}' hoort bij een gemeente, maar het type is 'provincie'.`,
      },
    ])
    expect(await countWithCode(code)).toBe(0)
  })

  it('refuses a change of type alone that no longer fits the stored code', async () => {
    const organisation = await createOrganisation(app.payload)
    const response = await rest(app.url, 'PATCH', `/api/organisations/${organisation.id}`, {
      token: adminToken,
      body: { type: 'waterschap' },
    })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body)).toEqual([
      {
        path: 'code',
        message: `Organisatiecode '${organisation.code}' hoort bij een gemeente, maar het type is 'waterschap'.`,
      },
    ])
    const stored = await app.payload.findByID({
      collection: 'organisations',
      id: organisation.id,
      overrideAccess: true,
    })
    expect(stored.type).toBe('gemeente')
  })

  it('never lets an organisation admin change the code', async () => {
    const organisation = await createOrganisation(app.payload)
    const beheerder = await createUser(app.payload, {
      memberships: [{ organisation: organisation.id, role: 'beheerder' }],
    })
    const token = await login(app.url, beheerder.email)
    const code = await freeOrganisationCode(app.payload, 'gm', 4)
    await rest(app.url, 'PATCH', `/api/organisations/${organisation.id}`, {
      token,
      body: { code, name: 'Gemeente Nieuwe Naam' },
    })
    const stored = await app.payload.findByID({
      collection: 'organisations',
      id: organisation.id,
      overrideAccess: true,
    })
    expect(stored.code).toBe(organisation.code)
  })

  it('allows organisations without a code (imported by name) without clashing', async () => {
    const first = await createThroughRest({
      name: 'Stichting Zonder Code',
      code: '',
      type: 'overig',
    })
    const second = await createThroughRest({ name: 'Vereniging Zonder Code', type: 'overig' })
    expect([first.status, second.status]).toEqual([201, 201])
    expect(first.body.doc.code ?? null).toBeNull()
    expect(second.body.doc.code ?? null).toBeNull()
  })

  it('gives the same specific message through GraphQL', async () => {
    const result = await graphql(
      app.url,
      'mutation($data: mutationOrganisationInput!) { createOrganisation(data: $data) { id } }',
      { data: { name: 'Gemeente GraphQL', code: 'GM363', type: 'gemeente' } },
      { token: adminToken },
    )
    expect(result.body.data?.createOrganisation ?? null).toBeNull()
    expect(graphqlFieldErrors(result.body.errors)).toEqual([
      { path: 'code', message: "Organisatiecode 'gm363' moet na 'gm' precies 4 cijfers hebben." },
    ])
  })
})

describe('organisation address and website', () => {
  it.each(['1234 AB', '1234AB', '9999 ZZ'])('accepts the Dutch postal code %s', async (postal) => {
    const code = await freeOrganisationCode(app.payload, 'gm', 4)
    const response = await createThroughRest({
      name: 'Gemeente Noorderhaaks',
      code,
      type: 'gemeente',
      postalAddress: { street: 'Raadhuisplein 1', postalCode: postal, city: 'Noorderhaaks' },
    })
    expect(response.status).toBe(201)
    expect(response.body.doc.postalAddress?.postalCode).toBe(
      `${postal.replace(' ', '').slice(0, 4)} ${postal.replace(' ', '').slice(4)}`,
    )
    expect(response.body.doc.postalAddress?.country).toBe('Nederland')
  })

  it.each(['0123 AB', '12345', '1234 A', 'AB 1234'])(
    'refuses the postal code %s with a message naming the field',
    async (postal) => {
      const code = await freeOrganisationCode(app.payload, 'gm', 4)
      const response = await createThroughRest({
        name: 'Gemeente Noorderhaaks',
        code,
        type: 'gemeente',
        postalAddress: { postalCode: postal },
      })
      expect(response.status).toBe(400)
      expect(fieldErrors(response.body)).toEqual([
        {
          path: 'postalAddress.postalCode',
          message: `Postcode '${postal}' klopt niet. Schrijf hem als 1234 AB.`,
        },
      ])
      expect(await countWithCode(code)).toBe(0)
    },
  )

  it('does not apply the Dutch format to an address abroad', async () => {
    const code = await freeOrganisationCode(app.payload, 'oorg', 5)
    const response = await createThroughRest({
      name: 'Grensoverschrijdend Samenwerkingsverband',
      code,
      type: 'overig',
      postalAddress: { postalCode: '2000', city: 'Antwerpen', country: 'België' },
    })
    expect(response.status).toBe(201)
  })

  it('accepts an https website and refuses one that is not a link', async () => {
    const code = await freeOrganisationCode(app.payload, 'gm', 4)
    const ok = await createThroughRest({
      name: 'Gemeente Noorderhaaks',
      code,
      type: 'gemeente',
      website: 'https://www.noorderhaaks.nl',
    })
    expect(ok.status).toBe(201)
    for (const website of ['www.noorderhaaks.nl', 'javascript:alert(1)', 'ftp://noorderhaaks.nl']) {
      const refused = await rest(app.url, 'PATCH', `/api/organisations/${ok.body.doc.id}`, {
        token: adminToken,
        body: { website },
      })
      expect(refused.status).toBe(400)
      expect(fieldErrors(refused.body)).toEqual([
        {
          path: 'website',
          message: `Website '${website}' is geen geldige link. Begin met https:// en gebruik een volledig webadres, zoals https://www.noorderhaaks.nl.`,
        },
      ])
    }
  })
})

describe('organisation settings', () => {
  it('defaults to four eyes on, review after 12 months and advisory plain-language checks', async () => {
    const code = await freeOrganisationCode(app.payload, 'gm', 4)
    const response = await createThroughRest({
      name: 'Gemeente Noorderhaaks',
      code,
      type: 'gemeente',
    })
    expect(response.status).toBe(201)
    expect(response.body.doc.settings).toEqual({
      fourEyes: true,
      reviewIntervalMonths: 12,
      plainLanguageBlocks: false,
    })
  })

  it.each([0, 61])('refuses a review interval of %i months', async (months) => {
    const organisation = await createOrganisation(app.payload)
    const response = await rest(app.url, 'PATCH', `/api/organisations/${organisation.id}`, {
      token: adminToken,
      body: { settings: { reviewIntervalMonths: months } },
    })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body).map((error) => error.path)).toEqual([
      'settings.reviewIntervalMonths',
    ])
  })

  it('lets the organisation admin change settings, not an editor, and nobody else create', async () => {
    const organisation = await createOrganisation(app.payload)
    const beheerder = await createUser(app.payload, {
      memberships: [{ organisation: organisation.id, role: 'beheerder' }],
    })
    const redacteur = await createUser(app.payload, {
      memberships: [{ organisation: organisation.id, role: 'redacteur' }],
    })
    const adminOfOrg = await login(app.url, beheerder.email)
    const editor = await login(app.url, redacteur.email)

    const changed = await rest<DocBody>(
      app.url,
      'PATCH',
      `/api/organisations/${organisation.id}?depth=0`,
      { token: adminOfOrg, body: { settings: { fourEyes: false, reviewIntervalMonths: 6 } } },
    )
    expect(changed.status).toBe(200)
    expect(changed.body.doc.settings).toMatchObject({ fourEyes: false, reviewIntervalMonths: 6 })

    const refused = await rest(app.url, 'PATCH', `/api/organisations/${organisation.id}`, {
      token: editor,
      body: { settings: { fourEyes: true } },
    })
    expect(refused.status).toBe(403)

    const code = await freeOrganisationCode(app.payload, 'gm', 4)
    const created = await rest(app.url, 'POST', '/api/organisations', {
      token: adminOfOrg,
      body: { name: 'Gemeente Eigen Initiatief', code, type: 'gemeente' },
    })
    expect(created.status).toBe(403)
    expect(await countWithCode(code)).toBe(0)
  })
})
