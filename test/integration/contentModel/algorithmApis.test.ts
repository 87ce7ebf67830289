/**
 * The same rules hold whichever way a write comes in: REST (covered field by field in
 * algorithmFields.test.ts), GraphQL and the Local API with access control on.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Organisation, User } from '../../../payload-types'
import { isValidLars } from '../../../src/standard/lars'
import { lexicalPlainText } from '../../../src/standard/richText'
import {
  graphqlFieldErrors,
  thrownBy,
  thrownFieldErrors,
  type FieldErrorEntry,
} from '../../fixtures/fieldErrors'
import { minimalAlgorithmInput } from '../../fixtures/noorderhaaksAlgorithm'
import { createOrganisation, createUser, graphql, login } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'

let app: TestApp
let organisation: Organisation
let editor: User
let token: string

beforeAll(async () => {
  app = await testApp()
  organisation = await createOrganisation(app.payload, { name: 'Gemeente Noorderhaaks' })
  editor = await createUser(app.payload, {
    memberships: [{ organisation: organisation.id, role: 'redacteur' }],
  })
  token = await login(app.url, editor.email)
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

const CREATE = `mutation Create($data: mutationAlgorithmInput!) {
  createAlgorithm(data: $data, draft: false) { id lars standard_version goal }
}`

const UPDATE = `mutation Update($id: Int!, $data: mutationAlgorithmUpdateInput!) {
  updateAlgorithm(id: $id, data: $data) { id lars }
}`

type Created = {
  createAlgorithm: { id: number; lars: string; standard_version: string; goal: unknown } | null
}

const LARS_REFUSED: FieldErrorEntry = {
  path: 'lars',
  message:
    'Het Algoritme-ID maakt het systeem zelf aan en het verandert nooit. U kunt het niet invullen of wijzigen.',
}

/** Bad input and the one field error every API must report for it. */
const CASES: Array<[string, Record<string, unknown>, FieldErrorEntry]> = [
  [
    'a script in the goal',
    { goal: '<p>Doel</p><script>alert(1)</script>' },
    {
      path: 'goal',
      message:
        'Doel en impact bevat opmaak die niet is toegestaan: <script>. Gebruik alleen alinea’s, regeleinden en opsommingen.',
    },
  ],
  [
    'a goal that is too long',
    { goal: `<p>${'a'.repeat(2501)}</p>` },
    {
      path: 'goal',
      message: 'Doel en impact is te lang: 2.501 tekens, maximaal 2.500 (opmaak niet meegeteld).',
    },
  ],
  [
    'an unknown status',
    { status: 'Actief' },
    {
      path: 'status',
      message:
        'Status: ‘Actief’ is geen toegestane waarde. Kies uit: In ontwikkeling, In gebruik, Buiten gebruik.',
    },
  ],
  [
    'an unknown theme',
    { category: ['Sport'] },
    {
      path: 'category',
      message:
        'Thema: ‘Sport’ is geen toegestane waarde. Kies uit: Organisatie en bedrijfsvoering, Cultuur en recreatie, Economie, Overheidsfinanciën, Wonen, Internationaal, Migratie en integratie, Natuur en milieu, Onderwijs en wetenschap, Openbare orde en veiligheid, Recht, Ruimte en infrastructuur, Sociale zekerheid, Verkeer, Werk, Zorg en gezondheid.',
    },
  ],
  [
    'a bad month',
    { begin_date: '2023-13' },
    {
      path: 'begin_date',
      message:
        'Begindatum is geen geldige maand. Schrijf eerst het jaar en dan de maand, zoals 2023-01.',
    },
  ],
  [
    'a reference without a link',
    { lawful_basis_grouping: [{ title: 'Gemeentewet' }] },
    {
      path: 'lawful_basis_grouping.0.link',
      message:
        'Link naar wettelijke basis (Verwijzingen wettelijke basis, regel 1) is verplicht. Vul dit veld in.',
    },
  ],
  ['an Algoritme-ID', { lars: '12345670' }, LARS_REFUSED],
]

describe('GraphQL', () => {
  it('creates an algorithm with an Algoritme-ID and standard version 1.0', async () => {
    const result = await graphql<Created>(
      app.url,
      CREATE,
      {
        data: {
          name: uniqueName('GraphQL'),
          organization: organisation.id,
          goal: '<p>Minder wachten bij kruispunten.</p>',
        },
      },
      { token },
    )
    expect(result.body.errors).toBeUndefined()
    const created = result.body.data?.createAlgorithm
    expect(isValidLars(String(created?.lars))).toBe(true)
    expect(created?.standard_version).toBe('1.0')
    expect(lexicalPlainText(created?.goal)).toBe('Minder wachten bij kruispunten.')
  })

  it.each(CASES)(
    'refuses %s on create with the specific Dutch message',
    async (_label, data, expected) => {
      const name = uniqueName('GraphQL geweigerd')
      const result = await graphql<Created>(
        app.url,
        CREATE,
        { data: { name, organization: organisation.id, ...data } },
        { token },
      )
      expect(result.body.data?.createAlgorithm ?? null).toBeNull()
      expect(result.body.errors?.[0]?.extensions?.statusCode).toBe(400)
      expect(graphqlFieldErrors(result.body.errors)).toEqual([expected])
      expect(await savedWithName(name)).toBe(0)
    },
  )

  it('refuses the same input on update and in English when asked', async () => {
    const created = await app.payload.create({
      collection: 'algorithms',
      data: minimalAlgorithmInput(organisation.id, { name: uniqueName('GraphQL update') }) as never,
      overrideAccess: false,
      user: editor,
    })
    const result = await graphql(
      app.url,
      UPDATE,
      { id: created.id, data: { goal: '<p onclick="x()">Doel</p>' } },
      { token, language: 'en' },
    )
    expect(graphqlFieldErrors(result.body.errors)).toEqual([
      {
        path: 'goal',
        message:
          'Goal and impact contains formatting that is not allowed: attribute onclick. Use only paragraphs, line breaks and lists.',
      },
    ])
    const lars = await graphql(
      app.url,
      UPDATE,
      { id: created.id, data: { lars: '12345670' } },
      { token },
    )
    expect(graphqlFieldErrors(lars.body.errors)).toEqual([LARS_REFUSED])
    const end = await graphql(
      app.url,
      UPDATE,
      { id: created.id, data: { begin_date: '2024-02', end_date: '2024-01' } },
      { token },
    )
    expect(graphqlFieldErrors(end.body.errors)).toEqual([
      {
        path: 'end_date',
        message: 'Einddatum (2024-01) ligt vóór de begindatum (2024-02). Pas een van beide aan.',
      },
    ])
    const again = await app.payload.findByID({
      collection: 'algorithms',
      id: created.id,
      overrideAccess: true,
    })
    expect(again.goal ?? null).toBeNull()
    expect(again.begin_date ?? null).toBeNull()
    expect(again.lars).toBe(created.lars)
  })

  it('refuses an auditor', async () => {
    const auditor = await createUser(app.payload, {
      memberships: [{ organisation: organisation.id, role: 'auditor' }],
    })
    const name = uniqueName('GraphQL auditor')
    const result = await graphql<Created>(
      app.url,
      CREATE,
      { data: { name, organization: organisation.id } },
      { token: await login(app.url, auditor.email) },
    )
    expect(result.body.data?.createAlgorithm ?? null).toBeNull()
    expect(result.body.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect(await savedWithName(name)).toBe(0)
  })
})

describe('Local API with access control (overrideAccess: false)', () => {
  it.each(CASES)(
    'refuses %s with a ValidationError naming the field',
    async (_label, data, expected) => {
      const name = uniqueName('Local geweigerd')
      const error = await thrownBy(() =>
        app.payload.create({
          collection: 'algorithms',
          data: { name, organization: organisation.id, ...data } as never,
          overrideAccess: false,
          user: editor,
        }),
      )
      expect((error as { name?: string }).name).toBe('ValidationError')
      expect((error as { status?: number }).status).toBe(400)
      expect(thrownFieldErrors(error)).toEqual([expected])
      expect(await savedWithName(name)).toBe(0)
    },
  )

  it('refuses to move an algorithm to another organisation, even for a member of both', async () => {
    const other = await createOrganisation(app.payload)
    const member = await createUser(app.payload, {
      memberships: [
        { organisation: organisation.id, role: 'beheerder' },
        { organisation: other.id, role: 'beheerder' },
      ],
    })
    const created = await app.payload.create({
      collection: 'algorithms',
      data: minimalAlgorithmInput(organisation.id, { name: uniqueName('Local verhuis') }) as never,
      overrideAccess: false,
      user: member,
    })
    const error = await thrownBy(() =>
      app.payload.update({
        collection: 'algorithms',
        id: created.id,
        data: { organization: other.id },
        overrideAccess: false,
        user: member,
      }),
    )
    expect(thrownFieldErrors(error)).toEqual([
      {
        path: 'organization',
        message:
          'Een algoritme blijft bij de organisatie waar het is aangemaakt. Maak een nieuwe beschrijving vanuit een voorbeeld als een andere organisatie het ook gebruikt.',
      },
    ])
  })

  it('refuses someone from another organisation', async () => {
    const other = await createOrganisation(app.payload)
    const outsider = await createUser(app.payload, {
      memberships: [{ organisation: other.id, role: 'redacteur' }],
    })
    const name = uniqueName('Local buitenstaander')
    const error = await thrownBy(() =>
      app.payload.create({
        collection: 'algorithms',
        data: minimalAlgorithmInput(organisation.id, { name }) as never,
        overrideAccess: false,
        user: outsider,
      }),
    )
    expect((error as { status?: number }).status).toBe(403)
    expect(await savedWithName(name)).toBe(0)
  })
})
