/**
 * The input gate (hooks/checkWriteInput, hooks/validateHiddenFields and the plain-text rules):
 * each finding of the hostile-input review, through REST, GraphQL and the Local API with access
 * control on. Each refusal is a 400 (or a GraphQL error) naming the field, and nothing is saved.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Algorithm, Organisation, User } from '../../../payload-types'
import {
  fieldErrors,
  graphqlFieldErrors,
  thrownBy,
  thrownFieldErrors,
} from '../../fixtures/fieldErrors'
import { personaliseUnused, readFixture } from '../../fixtures/interop/interopFixtures'
import { minimalAlgorithmInput } from '../../fixtures/noorderhaaksAlgorithm'
import { importRegister } from '../../../src/interop/importRegister'
import { readImportFile } from '../../../src/interop/readImportFile'
import {
  createOrganisation,
  createUser,
  graphql,
  login,
  rest,
  uniqueMunicipalityCode,
} from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'

let app: TestApp
let organisation: Organisation
let editor: User
let token: string
let adminToken: string

beforeAll(async () => {
  app = await testApp()
  organisation = await createOrganisation(app.payload, { name: 'Gemeente Noorderhaaks' })
  editor = await createUser(app.payload, {
    memberships: [{ organisation: organisation.id, role: 'redacteur' }],
  })
  token = await login(app.url, editor.email)
  const admin = await createUser(app.payload, { isPlatformAdmin: true })
  adminToken = await login(app.url, admin.email)
})

afterAll(async () => {
  await closeTestApp()
})

let counter = 0
const uniqueName = (label: string) => {
  counter += 1
  return `${label} ${counter}-${Date.now()}`
}

const savedWithName = async (name: string) =>
  (
    await app.payload.count({
      collection: 'algorithms',
      where: { name: { equals: name } },
      overrideAccess: true,
    })
  ).totalDocs

const createRest = (data: Record<string, unknown>, language?: string) =>
  rest<{ doc: Algorithm }>(app.url, 'POST', '/api/algorithms?depth=0', {
    token,
    body: data,
    language,
  })

const stored = (id: number) =>
  app.payload.findByID({ collection: 'algorithms', id, depth: 0, overrideAccess: true })

async function existingAlgorithm(): Promise<Algorithm> {
  return app.payload.create({
    collection: 'algorithms',
    data: minimalAlgorithmInput(organisation.id, { name: uniqueName('Bestaand') }) as never,
    overrideAccess: true,
    depth: 0,
  }) as Promise<Algorithm>
}

/** Expects a REST create of `data` to be refused with one error on `path` whose message has `text`. */
async function expectRefused(
  data: Record<string, unknown>,
  path: string,
  text: string,
  language?: string,
): Promise<void> {
  const name = typeof data.name === 'string' ? data.name : uniqueName('Geweigerd')
  const response = await createRest(
    { ...minimalAlgorithmInput(organisation.id), name, ...data },
    language,
  )
  expect(response.status).toBe(400)
  const errors = fieldErrors(response.body)
  expect(errors.map((error) => error.path)).toContain(path)
  expect(errors.find((error) => error.path === path)?.message).toContain(text)
  if (typeof data.name !== 'string') expect(await savedWithName(name)).toBe(0)
}

describe('markup in plain-text fields', () => {
  it.each([
    ['name', '<script>alert(1)</script>', 'Naam bevat opmaak (<script)'],
    ['name', 'Klik <img src=x onerror=alert(1)>', 'Naam bevat opmaak (<img)'],
    ['description_short', 'Zie <a href="javascript:alert(1)">hier</a>', 'Korte omschrijving'],
    ['provider', '<iframe src="https://x.nl"></iframe>', 'Leverancier bevat opmaak (<iframe)'],
    ['source_id', '<h1>kop</h1>', 'Bron-ID bevat opmaak (<h1)'],
    ['provider', 'Bedrijf <!-- verborgen -->', 'Leverancier bevat opmaak (<!--'],
  ])('refuses %s = %s', async (field, value, message) => {
    await expectRefused({ [field]: value }, field, message)
  })

  it('refuses markup in the title of a link and names the list and row', async () => {
    await expectRefused(
      {
        lawful_basis_grouping: [
          { title: 'Participatiewet', link: 'https://wetten.overheid.nl/BWBR0015703' },
          { title: '<b onclick="x()">Wet</b>', link: 'https://wetten.overheid.nl/BWBR0015703' },
        ],
      },
      'lawful_basis_grouping.1.title',
      'Titel van wettelijke basis (Verwijzingen wettelijke basis, regel 2) bevat opmaak (<b)',
    )
  })

  it('answers in English when asked', async () => {
    await expectRefused(
      { provider: '<script>x</script>' },
      'provider',
      'Supplier contains markup (<script)',
      'en',
    )
  })

  it('keeps a lone < and comparisons as plain text', async () => {
    const response = await createRest({
      ...minimalAlgorithmInput(organisation.id, { name: uniqueName('Score a < b en 3 <= 4') }),
      provider: 'Leverancier <3 & co',
    })
    expect(response.status).toBe(201)
    expect(response.body.doc.provider).toBe('Leverancier <3 & co')
  })

  it('refuses markup in organisation details', async () => {
    const response = await rest(app.url, 'POST', '/api/organisations', {
      token: adminToken,
      body: {
        name: '<script>alert(1)</script>',
        type: 'gemeente',
        code: await uniqueMunicipalityCode(app.payload),
        postalAddress: { city: '<img src=x>' },
      },
    })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body)).toEqual(
      expect.arrayContaining([
        { path: 'name', message: expect.stringContaining('Naam bevat opmaak (<script)') },
        {
          path: 'postalAddress.city',
          message: expect.stringContaining('Plaats bevat opmaak (<img)'),
        },
      ]),
    )
  })
})

describe('control characters', () => {
  it('refuses NUL in a text field through REST with a 400 naming the field', async () => {
    await expectRefused(
      { description_short: 'Een\u0000omschrijving' },
      'description_short',
      'Korte omschrijving bevat een onzichtbaar stuurteken (U+0000)',
    )
  })

  it('refuses control characters nested in a link list and in rich text', async () => {
    await expectRefused(
      {
        source_data_grouping: [{ title: 'BRP\u0007', link: 'https://www.rvig.nl/brp' }],
      },
      'source_data_grouping.0.title',
      'Titel van gegevensbron (Verwijzingen gegevensbronnen, regel 1) bevat een onzichtbaar stuurteken (U+0007)',
    )
    await expectRefused({ goal: '<p>Doel\u0000</p>' }, 'goal', 'Doel en impact bevat')
  })

  it('refuses NUL through GraphQL', async () => {
    const name = uniqueName('GraphQL NUL')
    const result = await graphql(
      app.url,
      `
        mutation C($data: mutationAlgorithmInput!) {
          createAlgorithm(data: $data) {
            id
          }
        }
      `,
      { data: { ...minimalAlgorithmInput(organisation.id), name: `${name}\u0000` } },
      { token },
    )
    expect(result.status).toBeLessThan(500)
    expect(graphqlFieldErrors(result.body.errors)).toEqual([
      { path: 'name', message: expect.stringContaining('Naam bevat een onzichtbaar stuurteken') },
    ])
    expect(await savedWithName(`${name}\u0000`.replace('\u0000', ''))).toBe(0)
  })

  it('refuses NUL through the Local API with access control on', async () => {
    const error = await thrownBy(() =>
      app.payload.create({
        collection: 'algorithms',
        data: { ...minimalAlgorithmInput(organisation.id), internal_notes: 'x\u0000' } as never,
        user: editor,
        overrideAccess: false,
      }),
    )
    expect(thrownFieldErrors(error)).toEqual([
      {
        path: 'internal_notes',
        message: expect.stringContaining('Interne notities bevat een onzichtbaar stuurteken'),
      },
    ])
  })
})

describe('fields hidden by their admin condition', () => {
  it('checks the EU AI Act fields when the category is not high-risk', async () => {
    await expectRefused(
      { publication_category: 'Overige algoritmes', eu_database_url: 'javascript:alert(1)' },
      'eu_database_url',
      'Link naar de registratie in de EU-databank is geen geldige link',
    )
    await expectRefused(
      // Far past any limit, yet under the HTTP edge's 1 MB body limit (the Local API test below
      // sends 1 MB).
      { publication_category: 'Overige algoritmes', fria_summary: 'x'.repeat(200_000) },
      'fria_summary',
      'Samenvatting grondrechteneffectbeoordeling (FRIA) is te lang',
    )
    await expectRefused(
      { publication_category: 'Overige algoritmes', dpia_summary: ['a', 'b'] },
      'dpia_summary',
      'Samenvatting gegevensbeschermingseffectbeoordeling (DPIA) moet tekst zijn',
    )
  })

  it('still stores a valid hidden value', async () => {
    const response = await createRest({
      ...minimalAlgorithmInput(organisation.id, { name: uniqueName('Verborgen') }),
      publication_category: 'Overige algoritmes',
      eu_database_url: 'https://ec.europa.eu/ai-database/123',
    })
    expect(response.status).toBe(201)
    expect(response.body.doc.eu_database_url).toBe('https://ec.europa.eu/ai-database/123')
  })
})

describe('types', () => {
  it.each([
    ['internal_notes', 42, 'Interne notities moet tekst zijn.'],
    ['internal_owner', ['a'], 'Eigenaar binnen de organisatie moet tekst zijn.'],
    ['internal_contact', { naam: 'Jan' }, 'Interne contactpersoon moet tekst zijn.'],
    ['publication_category_rationale', true, 'Waarom deze publicatiecategorie moet tekst zijn.'],
    ['lawful_basis_grouping', 'Participatiewet', 'Verwijzingen wettelijke basis moet een lijst'],
    ['impacttoetsen_grouping', { title: 'DPIA' }, 'Impacttoetsen moet een lijst met regels zijn.'],
  ])('refuses %s = %j with the field named', async (field, value, message) => {
    await expectRefused({ [field]: value }, field, message)
  })

  it('allows an internal note quoting an address with angle brackets', async () => {
    const response = await createRest({
      ...minimalAlgorithmInput(organisation.id, { name: uniqueName('Intern') }),
      internal_contact: 'Jan Jansen <jan@noorderhaaks.nl>',
    })
    expect(response.status).toBe(201)
  })

  it('names the organisation when it is null', async () => {
    await expectRefused({ organization: null }, 'organization', 'Organisatie: ')
  })

  it.each([[363], [['gm0363']]])('refuses an organisation code sent as %j', async (code) => {
    const response = await rest(app.url, 'POST', '/api/organisations', {
      token: adminToken,
      body: { name: 'Gemeente Codeloos', type: 'gemeente', code },
    })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body)).toEqual([
      { path: 'code', message: 'Organisatiecode (TOOI) moet tekst zijn.' },
    ])
  })

  it('names the organisation code when it is already in use', async () => {
    const response = await rest(app.url, 'POST', '/api/organisations', {
      token: adminToken,
      body: { name: 'Gemeente Dubbel', type: 'gemeente', code: organisation.code },
    })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body)).toEqual([
      {
        path: 'code',
        message: `Organisatiecode ${organisation.code} is al in gebruik door Gemeente Noorderhaaks.`,
      },
    ])
  })
})

describe('data that is not an object, and empty updates', () => {
  it.each([[null], [[1, 2]], ['tekst']])('refuses Local API data %j with a 400', async (data) => {
    const algorithm = await existingAlgorithm()
    const error = await thrownBy(() =>
      app.payload.update({
        collection: 'algorithms',
        id: algorithm.id,
        data: data as unknown as Record<string, unknown>,
        user: editor,
        overrideAccess: false,
      }),
    )
    expect((error as { status?: number }).status).toBe(400)
    expect(String((error as Error).message)).toContain('object met velden')
    expect(await stored(algorithm.id)).toEqual(algorithm)
  })

  it('changes nothing on an update without fields', async () => {
    const algorithm = await existingAlgorithm()
    const response = await rest(app.url, 'PATCH', `/api/algorithms/${algorithm.id}?depth=0`, {
      token,
      body: {},
    })
    expect(response.status).toBe(200)
    const after = await stored(algorithm.id)
    const { updatedAt: _before, ...rest1 } = algorithm
    const { updatedAt: _after, ...rest2 } = after
    expect(rest2).toEqual(rest1)
    const events = await app.payload.find({
      collection: 'audit-events',
      where: {
        targetCollection: { equals: 'algorithms' },
        targetId: { equals: String(algorithm.id) },
      },
      overrideAccess: true,
      depth: 0,
    })
    expect(events.docs.map((event) => event.eventType)).toEqual(['create'])
  })
})

describe('over-long strings without a limit of their own', () => {
  it('bounds the title of an impact assessment', async () => {
    await expectRefused(
      { impacttoetsen_grouping: [{ title: 'D'.repeat(501) }] },
      'impacttoetsen_grouping.0.title',
      'Titel van impacttoets (Impacttoetsen, regel 1) is te lang: 501 tekens, maximaal 500.',
    )
  })

  it('bounds a 1 MB string in a field without a limit of its own (Local API)', async () => {
    const name = uniqueName('Lang')
    const error = await thrownBy(() =>
      app.payload.create({
        collection: 'algorithms',
        data: {
          ...minimalAlgorithmInput(organisation.id),
          name,
          publication_category: 'Overige algoritmes',
          eu_database_url: `https://ec.europa.eu/${'a'.repeat(1_000_000)}`,
          internal_notes: 'n'.repeat(1_000_000),
        } as never,
        user: editor,
        overrideAccess: false,
      }),
    )
    expect(thrownFieldErrors(error)).toEqual([
      {
        path: 'eu_database_url',
        message:
          'Link naar de registratie in de EU-databank is te lang: 1.000.021 tekens, maximaal 20.000.',
      },
      {
        path: 'internal_notes',
        message: 'Interne notities is te lang: 1.000.000 tekens, maximaal 20.000.',
      },
    ])
    expect(await savedWithName(name)).toBe(0)
  })
})

describe('the importer', () => {
  it('refuses rows with markup or control characters, naming the field, and saves nothing of them', async () => {
    const admin = await createUser(app.payload, { isPlatformAdmin: true })
    const fixture = await personaliseUnused(app.payload, readFixture('noorderhaaks.json'))
    const records = JSON.parse(fixture.text) as Array<Record<string, unknown>>
    records[0].name = 'Woningtoewijzing <script>alert(1)</script>'
    records[1].provider = 'Leverancier\u0007'
    const result = await importRegister(
      app.payload,
      readImportFile('vijandig.json', JSON.stringify(records)),
      { userEmail: admin.email },
    )
    expect(result.rows.map((row) => row.outcome)).toEqual(['rejected', 'rejected'])
    expect(result.rows[0].reasons).toEqual([
      expect.objectContaining({
        field: 'name',
        message: expect.objectContaining({
          nl: expect.stringContaining('Naam bevat opmaak (<script)'),
        }),
      }),
    ])
    expect(result.rows[1].reasons).toEqual([
      expect.objectContaining({
        field: 'provider',
        message: expect.objectContaining({
          nl: expect.stringContaining('Leverancier bevat een onzichtbaar stuurteken (U+0007)'),
        }),
      }),
    ])
    const saved = await app.payload.count({
      collection: 'algorithms',
      where: { lars: { in: Object.values(fixture.lars) } },
      overrideAccess: true,
    })
    expect(saved.totalDocs).toBe(0)
  })
})
