import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Algorithm, Organisation } from '../../../payload-types'
import { generateLars, isValidLars } from '../../../src/standard/lars'
import { lexicalPlainText } from '../../../src/standard/richText'
import {
  fieldErrors,
  firstMessage,
  thrownBy,
  thrownFieldErrors,
  type FieldErrorEntry,
} from '../../fixtures/fieldErrors'
import { minimalAlgorithmInput } from '../../fixtures/noorderhaaksAlgorithm'
import { createOrganisation, createUser, login, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'

let app: TestApp
let organisation: Organisation
let editorToken: string

type DocBody = { doc: Algorithm; errors?: unknown }

beforeAll(async () => {
  app = await testApp()
  organisation = await createOrganisation(app.payload, { name: 'Gemeente Noorderhaaks' })
  const editor = await createUser(app.payload, {
    memberships: [{ organisation: organisation.id, role: 'redacteur' }],
  })
  editorToken = await login(app.url, editor.email)
})

afterAll(async () => {
  await closeTestApp()
})

let counter = 0
/** A name no other test uses, so that "nothing was saved" can be checked by name. */
const uniqueName = (label: string) => {
  counter += 1
  return `${label} ${counter}-${Date.now()}`
}

const create = (data: Record<string, unknown>, language?: string) =>
  rest<DocBody>(app.url, 'POST', '/api/algorithms?depth=0', {
    token: editorToken,
    body: { ...minimalAlgorithmInput(organisation.id), name: uniqueName('Algoritme'), ...data },
    language,
  })

const update = (id: number, data: Record<string, unknown>, language?: string) =>
  rest<DocBody>(app.url, 'PATCH', `/api/algorithms/${id}?depth=0`, {
    token: editorToken,
    body: data,
    language,
  })

const savedWithName = async (name: string) =>
  (
    await app.payload.count({
      collection: 'algorithms',
      where: { name: { equals: name } },
      overrideAccess: true,
    })
  ).totalDocs

const stored = (id: number) =>
  app.payload.findByID({ collection: 'algorithms', id, depth: 0, overrideAccess: true })

/** Expects a 400 whose only field error is `expected`, and that nothing with `name` was saved. */
async function expectRefusedCreate(
  data: Record<string, unknown>,
  expected: FieldErrorEntry,
  language?: string,
): Promise<void> {
  const name = uniqueName('Geweigerd')
  const response = await create({ ...data, name }, language)
  expect(response.status).toBe(400)
  expect(fieldErrors(response.body)).toEqual([expected])
  expect(await savedWithName(name)).toBe(0)
}

const paragraph = (text: string) => `<p>${text}</p>`

describe('maximum lengths, counted after HTML is stripped', () => {
  it('accepts a goal of 2,500 characters inside <p> tags', async () => {
    const response = await create({ goal: paragraph('a'.repeat(2500)) })
    expect(response.status).toBe(201)
    expect(lexicalPlainText(response.body.doc.goal)).toHaveLength(2500)
  })

  it('refuses a goal of 2,501 characters with the count and the limit', async () => {
    await expectRefusedCreate(
      { goal: paragraph('a'.repeat(2501)) },
      {
        path: 'goal',
        message: 'Doel en impact is te lang: 2.501 tekens, maximaal 2.500 (opmaak niet meegeteld).',
      },
    )
  })

  it('does not count tags, list markup or line breaks, and counts an entity as one character', async () => {
    const html =
      paragraph('a'.repeat(1000)) +
      `<ul><li>${'b'.repeat(500)}</li><li>${'c'.repeat(499)}&amp;</li></ul>` +
      `<div>${'d'.repeat(250)}<br>${'e'.repeat(250)}</div>`
    const response = await create({ risks: html })
    expect(response.status).toBe(201)
    const refused = await create({ risks: `${html}<p>f</p>` })
    expect(fieldErrors(refused.body)).toEqual([
      {
        path: 'risks',
        message: 'Risicobeheer is te lang: 2.501 tekens, maximaal 2.500 (opmaak niet meegeteld).',
      },
    ])
  })

  it('allows 5,000 characters for methods_and_models and not one more', async () => {
    expect((await create({ methods_and_models: paragraph('m'.repeat(5000)) })).status).toBe(201)
    await expectRefusedCreate(
      { methods_and_models: paragraph('m'.repeat(5001)) },
      {
        path: 'methods_and_models',
        message:
          'Technische werking is te lang: 5.001 tekens, maximaal 5.000 (opmaak niet meegeteld).',
      },
    )
  })

  it('counts a long text sent as editor JSON the same way', async () => {
    const lexical = (text: string) => ({
      root: {
        type: 'root',
        direction: 'ltr',
        format: '',
        indent: 0,
        version: 1,
        children: [
          {
            type: 'paragraph',
            direction: 'ltr',
            format: '',
            indent: 0,
            version: 1,
            textFormat: 0,
            textStyle: '',
            children: [
              { type: 'text', detail: 0, format: 1, mode: 'normal', style: '', text, version: 1 },
            ],
          },
        ],
      },
    })
    expect((await create({ proportionality: lexical('p'.repeat(2500)) })).status).toBe(201)
    await expectRefusedCreate(
      { proportionality: lexical('p'.repeat(2501)) },
      {
        path: 'proportionality',
        message: 'Afwegingen is te lang: 2.501 tekens, maximaal 2.500 (opmaak niet meegeteld).',
      },
    )
  })

  it.each([
    ['name', 100, 'Naam'],
    ['description_short', 400, 'Korte omschrijving'],
    ['provider', 200, 'Leverancier'],
    ['source_id', 100, 'Bron-ID'],
  ])('limits %s to %i characters', async (key, max, title) => {
    const atLimit = key === 'name' ? 'n'.repeat(max) : 'x'.repeat(max)
    const ok = await create({ [key]: atLimit })
    expect(ok.status).toBe(201)
    const tooLong = await create({ [key]: `${atLimit}y` })
    expect(tooLong.status).toBe(400)
    expect(fieldErrors(tooLong.body)).toEqual([
      { path: key, message: `${title} is te lang: ${max + 1} tekens, maximaal ${max}.` },
    ])
  })

  it('counts characters, not UTF-16 code units, as the standard does', async () => {
    // Each emoji is one character but two code units in JavaScript.
    const name = `${'n'.repeat(95)}😀😀😀😀😀`
    const ok = await create({ name })
    expect(ok.status).toBe(201)
    expect(ok.body.doc.name).toBe(name)
    const provider = await create({ provider: `${'é'.repeat(150)}${'🚦'.repeat(50)}` })
    expect(provider.status).toBe(201)
    const tooLong = await create({ provider: `${'🚦'.repeat(201)}` })
    expect(fieldErrors(tooLong.body)).toEqual([
      { path: 'provider', message: 'Leverancier is te lang: 201 tekens, maximaal 200.' },
    ])
    const title = await create({
      lawful_basis_grouping: [
        {
          title: `${'§'.repeat(50)}${'📜'.repeat(50)}`,
          link: 'https://wetten.overheid.nl/BWBR0005416',
        },
      ],
    })
    expect(title.status).toBe(201)
  })

  it('limits the search terms to 2,500 characters', async () => {
    expect((await create({ tags: 't'.repeat(2500) })).status).toBe(201)
    await expectRefusedCreate(
      { tags: 't'.repeat(2501) },
      {
        path: 'tags',
        message: 'Zoektermen is te lang: 2.501 tekens, maximaal 2.500 (opmaak niet meegeteld).',
      },
    )
  })

  it('names the field in English when asked', async () => {
    await expectRefusedCreate(
      { goal: paragraph('a'.repeat(2612)) },
      {
        path: 'goal',
        message:
          'Goal and impact is too long: 2,612 characters, at most 2,500 (formatting not counted).',
      },
      'en',
    )
  })
})

describe('HTML in long texts', () => {
  const ONLY = 'Gebruik alleen alinea’s, regeleinden en opsommingen.'

  it('accepts the tags the standard allows and stores them as editor JSON', async () => {
    const response = await create({
      goal: '<div><p>Eerste alinea.<br>Nieuwe regel.</p><ol><li>een</li><li>twee<ul><li>half</li></ul></li></ol></div>',
    })
    expect(response.status).toBe(201)
    expect(lexicalPlainText(response.body.doc.goal)).toBe(
      'Eerste alinea.\nNieuwe regel.\neen\ntwee\nhalf',
    )
  })

  it.each([
    ['<p>Hallo</p><script>alert(1)</script>', '<script>'],
    ['<p>Kijk hier:</p><iframe src="https://example.org"></iframe>', '<iframe>, attribuut src'],
    ['<style>p { color: red }</style><p>Rood</p>', '<style>'],
    ['<p onclick="alert(1)">Klik</p>', 'attribuut onclick'],
    ['<p>Lees <a href="https://www.noorderhaaks.nl">meer</a></p>', '<a>, attribuut href'],
    ['<h2>Kop</h2><p>Tekst</p>', '<h2>'],
    ['<p>Tekst<!-- verborgen --></p>', 'commentaar'],
  ])('refuses %s, naming the field and what was found', async (html, found) => {
    await expectRefusedCreate(
      { goal: html },
      {
        path: 'goal',
        message: `Doel en impact bevat opmaak die niet is toegestaan: ${found}. ${ONLY}`,
      },
    )
  })

  it('refuses disallowed HTML in every long text field, and in English when asked', async () => {
    const titles: Record<string, string> = {
      proportionality: 'Considerations',
      human_intervention: 'Human intervention',
      risks: 'Risk management',
      lawful_basis: 'Legal basis',
      impacttoetsen: 'Explanation of impact assessments',
      source_data: 'Data',
      methods_and_models: 'Technical operation',
    }
    for (const [key, title] of Object.entries(titles)) {
      await expectRefusedCreate(
        { [key]: '<p>Tekst</p><script>alert(1)</script>' },
        {
          path: key,
          message: `${title} contains formatting that is not allowed: <script>. Use only paragraphs, line breaks and lists.`,
        },
        'en',
      )
    }
  })

  it('names the field by its label in the summary line, as Payload’s own validation does', async () => {
    const dutch = await create({ goal: '<p>Doel</p><script>alert(1)</script>' })
    expect(firstMessage(dutch.body)).toBe('Het volgende veld is ongeldig: Doel en impact')
    const english = await create({ lars: '12345670' }, 'en')
    expect(firstMessage(english.body)).toBe('The following field is invalid: Algorithm ID')
  })

  it('refuses HTML in an update and keeps the stored text', async () => {
    const created = await create({ goal: '<p>Oorspronkelijk doel.</p>' })
    expect(created.status).toBe(201)
    const refused = await update(created.body.doc.id, {
      goal: '<p>Nieuw</p><img src=x onerror="alert(1)">',
    })
    expect(refused.status).toBe(400)
    expect(fieldErrors(refused.body)).toEqual([
      {
        path: 'goal',
        message: `Doel en impact bevat opmaak die niet is toegestaan: <img>, attribuut src, attribuut onerror. ${ONLY}`,
      },
    ])
    expect(lexicalPlainText((await stored(created.body.doc.id)).goal)).toBe('Oorspronkelijk doel.')
  })

  it('refuses HTML tags other than the allowed ones in the search terms', async () => {
    await expectRefusedCreate(
      { tags: 'verkeer, <b>parkeren</b>' },
      { path: 'tags', message: `Zoektermen bevat opmaak die niet is toegestaan: <b>. ${ONLY}` },
    )
  })

  it('refuses editor JSON with a heading, a link or a quote', async () => {
    const text = (value: string) => ({
      type: 'text',
      detail: 0,
      format: 0,
      mode: 'normal',
      style: '',
      text: value,
      version: 1,
    })
    const element = { direction: 'ltr', format: '', indent: 0, version: 1 }
    const state = {
      root: {
        type: 'root',
        ...element,
        children: [
          { type: 'heading', tag: 'h2', ...element, children: [text('Kop')] },
          {
            type: 'paragraph',
            ...element,
            textFormat: 0,
            textStyle: '',
            children: [
              text('Lees '),
              {
                type: 'link',
                ...element,
                fields: { url: 'https://www.noorderhaaks.nl', linkType: 'custom' },
                children: [text('meer')],
              },
            ],
          },
          { type: 'quote', ...element, children: [text('Citaat')] },
        ],
      },
    }
    await expectRefusedCreate(
      { human_intervention: state },
      {
        path: 'human_intervention',
        message: `Menselijke tussenkomst bevat opmaak die niet is toegestaan: kop, link, citaat. ${ONLY}`,
      },
    )
  })
})

describe('values from the standard’s lists', () => {
  it.each([
    [
      'status',
      'Actief',
      'Status: ‘Actief’ is geen toegestane waarde. Kies uit: In ontwikkeling, In gebruik, Buiten gebruik.',
    ],
    [
      'publication_category',
      'Impactvol',
      'Publicatiecategorie: ‘Impactvol’ is geen toegestane waarde. Kies uit: Hoog-risico AI-systeem, Impactvolle algoritmes, Overige algoritmes.',
    ],
    ['lang', 'eng', 'Taal: ‘eng’ is geen toegestane waarde. Kies uit: nld.'],
  ])('refuses %s %s and lists the permitted values', async (key, value, message) => {
    await expectRefusedCreate({ [key]: value }, { path: key, message })
  })

  it('refuses an unknown theme and lists all sixteen themes', async () => {
    await expectRefusedCreate(
      { category: ['Verkeer', 'Sport'] },
      {
        path: 'category',
        message:
          'Thema: ‘Sport’ is geen toegestane waarde. Kies uit: Organisatie en bedrijfsvoering, Cultuur en recreatie, Economie, Overheidsfinanciën, Wonen, Internationaal, Migratie en integratie, Natuur en milieu, Onderwijs en wetenschap, Openbare orde en veiligheid, Recht, Ruimte en infrastructuur, Sociale zekerheid, Verkeer, Werk, Zorg en gezondheid.',
      },
    )
  })

  it('refuses the same theme twice', async () => {
    await expectRefusedCreate(
      { category: ['Verkeer', 'Verkeer'] },
      { path: 'category', message: 'Thema: elke waarde mag maar één keer voorkomen.' },
    )
  })

  it('lists the English labels in English', async () => {
    await expectRefusedCreate(
      { status: 'Active' },
      {
        path: 'status',
        message:
          'Status: ‘Active’ is not a permitted value. Choose from: In development, In use, Out of use.',
      },
      'en',
    )
  })

  it('accepts every permitted value and stores it as the standard writes it', async () => {
    const response = await create({
      status: 'Buiten gebruik',
      publication_category: 'Overige algoritmes',
      category: ['Overheidsfinanciën', 'Zorg en gezondheid'],
      lang: 'nld',
    })
    expect(response.status).toBe(201)
    expect(response.body.doc).toMatchObject({
      status: 'Buiten gebruik',
      publication_category: 'Overige algoritmes',
      category: ['Overheidsfinanciën', 'Zorg en gezondheid'],
      lang: 'nld',
    })
  })
})

describe('links, contact details and months', () => {
  const BAD_URL =
    'is geen geldige link. Vul een volledig webadres in dat begint met https://, zoals https://www.noorderhaaks.nl/algoritmes.'

  it.each([
    ['website', 'www.noorderhaaks.nl', 'Link naar publiekspagina'],
    ['url', 'ftp://register.noorderhaaks.nl/algoritmes', 'Link naar bronregistratie'],
    ['process_index_url', 'https://noorderhaaks', 'Link naar verwerkingsregister'],
    ['publiccode', 'javascript:alert(1)', 'Link naar broncode'],
  ])('refuses %s %s', async (key, value, title) => {
    await expectRefusedCreate({ [key]: value }, { path: key, message: `${title} ${BAD_URL}` })
  })

  it('accepts https links in all URL fields', async () => {
    const response = await create({
      website: 'https://www.noorderhaaks.nl/verkeer',
      url: 'https://register.noorderhaaks.nl/algoritmes/1',
      process_index_url: 'https://www.noorderhaaks.nl/privacy',
      publiccode: 'https://code.noorderhaaks.nl/verkeer',
    })
    expect(response.status).toBe(201)
  })

  it.each(['algoritmes@noorderhaaks.nl', 'https://www.noorderhaaks.nl/contact'])(
    'accepts contact details %s',
    async (value) => {
      const response = await create({ contact_email: value })
      expect(response.status).toBe(201)
      expect(response.body.doc.contact_email).toBe(value)
    },
  )

  it.each(['bel 14 0592', 'mailto:algoritmes@noorderhaaks.nl', 'a@b, c@d.nl'])(
    'refuses contact details %s',
    async (value) => {
      await expectRefusedCreate(
        { contact_email: value },
        {
          path: 'contact_email',
          message:
            'Contactgegevens is geen geldig e-mailadres en geen geldige link. Vul één e-mailadres in, zoals algoritmes@noorderhaaks.nl, of één webadres dat begint met https://.',
        },
      )
    },
  )

  it.each(['2023-13', '2023-1', '01-2023', '2023-01-15', 'maart 2023'])(
    'refuses the begin date %s',
    async (value) => {
      await expectRefusedCreate(
        { begin_date: value },
        {
          path: 'begin_date',
          message:
            'Begindatum is geen geldige maand. Schrijf eerst het jaar en dan de maand, zoals 2023-01.',
        },
      )
    },
  )

  it('refuses an end date before the begin date, on create and on update', async () => {
    await expectRefusedCreate(
      { begin_date: '2023-05', end_date: '2023-04' },
      {
        path: 'end_date',
        message: 'Einddatum (2023-04) ligt vóór de begindatum (2023-05). Pas een van beide aan.',
      },
    )
    const created = await create({ begin_date: '2023-05', end_date: '2023-05' })
    expect(created.status).toBe(201)
    const refused = await update(created.body.doc.id, { end_date: '2022-12' })
    expect(refused.status).toBe(400)
    expect(fieldErrors(refused.body)).toEqual([
      {
        path: 'end_date',
        message: 'Einddatum (2022-12) ligt vóór de begindatum (2023-05). Pas een van beide aan.',
      },
    ])
    const later = await update(created.body.doc.id, { begin_date: '2024-01' })
    expect(later.status).toBe(400)
    expect(fieldErrors(later.body)).toEqual([
      {
        path: 'end_date',
        message: 'Einddatum (2023-05) ligt vóór de begindatum (2024-01). Pas een van beide aan.',
      },
    ])
    expect((await stored(created.body.doc.id)).begin_date).toBe('2023-05')
  })
})

describe('references (lawful_basis_grouping, impacttoetsen_grouping, source_data_grouping)', () => {
  const link = 'https://wetten.overheid.nl/BWBR0006622'

  it('accepts complete references and keeps their order', async () => {
    const response = await create({
      lawful_basis_grouping: [
        { title: 'Wegenverkeerswet 1994', link },
        { title: 'Gemeentewet', link: 'https://wetten.overheid.nl/BWBR0005416' },
      ],
      impacttoetsen_grouping: [{ title: 'Pre-scan DPIA' }],
      source_data_grouping: [
        { title: 'Basisregistratie Personen', link: 'https://www.rvig.nl/brp' },
      ],
    })
    expect(response.status).toBe(201)
    expect(response.body.doc.lawful_basis_grouping?.map((item) => [item.title, item.link])).toEqual(
      [
        ['Wegenverkeerswet 1994', link],
        ['Gemeentewet', 'https://wetten.overheid.nl/BWBR0005416'],
      ],
    )
    expect(response.body.doc.impacttoetsen_grouping?.[0]).toMatchObject({
      title: 'Pre-scan DPIA',
    })
  })

  it('requires a title, naming the part, the field and the row', async () => {
    await expectRefusedCreate(
      {
        lawful_basis_grouping: [
          { title: 'Gemeentewet', link },
          { title: '', link },
        ],
      },
      {
        path: 'lawful_basis_grouping.1.title',
        message:
          'Titel van wettelijke basis (Verwijzingen wettelijke basis, regel 2) is verplicht. Vul dit veld in.',
      },
    )
    await expectRefusedCreate(
      { impacttoetsen_grouping: [{ link: 'https://www.noorderhaaks.nl/dpia.pdf' }] },
      {
        path: 'impacttoetsen_grouping.0.title',
        message: 'Titel van impacttoets (Impacttoetsen, regel 1) is verplicht. Vul dit veld in.',
      },
    )
  })

  it('requires a link where the standard requires one', async () => {
    await expectRefusedCreate(
      { lawful_basis_grouping: [{ title: 'Gemeentewet' }] },
      {
        path: 'lawful_basis_grouping.0.link',
        message:
          'Link naar wettelijke basis (Verwijzingen wettelijke basis, regel 1) is verplicht. Vul dit veld in.',
      },
    )
    await expectRefusedCreate(
      { source_data_grouping: [{ title: 'Basisregistratie Personen', link: '' }] },
      {
        path: 'source_data_grouping.0.link',
        message:
          'Link naar gegevensbron (Verwijzingen gegevensbronnen, regel 1) is verplicht. Vul dit veld in.',
      },
    )
  })

  it('refuses a link that is not a web address', async () => {
    await expectRefusedCreate(
      { impacttoetsen_grouping: [{ title: 'IAMA', link: 'intranet/iama.docx' }] },
      {
        path: 'impacttoetsen_grouping.0.link',
        message:
          'Link naar impacttoets (Impacttoetsen, regel 1) is geen geldige link. Vul een volledig webadres in dat begint met https://, zoals https://www.noorderhaaks.nl/algoritmes.',
      },
    )
  })

  it('limits the title of a legal basis to 100 characters', async () => {
    await expectRefusedCreate(
      { lawful_basis_grouping: [{ title: 'w'.repeat(101), link }] },
      {
        path: 'lawful_basis_grouping.0.title',
        message:
          'Titel van wettelijke basis (Verwijzingen wettelijke basis, regel 1) is te lang: 101 tekens, maximaal 100.',
      },
    )
  })
})

describe('system fields', () => {
  const LARS_MESSAGE =
    'Het Algoritme-ID maakt het systeem zelf aan en het verandert nooit. U kunt het niet invullen of wijzigen.'

  it('generates a valid, unique eight-digit Algoritme-ID and sets standard version 1.0', async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i += 1) {
      const response = await create({})
      expect(response.status).toBe(201)
      const { lars, standard_version, lang } = response.body.doc
      expect(lars).toMatch(/^[1-9]{7}[0-9]$/)
      expect(isValidLars(String(lars))).toBe(true)
      expect(standard_version).toBe('1.0')
      expect(lang).toBe('nld')
      ids.push(String(lars))
    }
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('refuses an Algoritme-ID sent on create, even a valid one', async () => {
    await expectRefusedCreate({ lars: '12345670' }, { path: 'lars', message: LARS_MESSAGE })
    await expectRefusedCreate(
      { lars: '12345678' },
      {
        path: 'lars',
        message:
          'The system creates the Algorithm ID and it never changes. You cannot set or change it.',
      },
      'en',
    )
  })

  it('keeps the Algoritme-ID on updates and refuses a change', async () => {
    const created = await create({})
    const { id, lars } = created.body.doc
    const renamed = await update(id, { name: uniqueName('Nieuwe naam') })
    expect(renamed.status).toBe(200)
    expect(renamed.body.doc.lars).toBe(lars)
    // The admin sends read-only values back unchanged; that is not a change.
    const resent = await update(id, { lars, description_short: 'Korte uitleg.' })
    expect(resent.status).toBe(200)
    const changed = await update(id, { lars: '12345670' })
    expect(changed.status).toBe(400)
    expect(fieldErrors(changed.body)).toEqual([{ path: 'lars', message: LARS_MESSAGE }])
    const cleared = await update(id, { lars: null })
    expect(cleared.status).toBe(400)
    expect((await stored(id)).lars).toBe(lars)
  })

  it('lets trusted import code keep a valid Algoritme-ID, and refuses an invalid or used one', async () => {
    // Importers run on the server with access overridden; imported ids keep their value.
    const importer = await createUser(app.payload, { isPlatformAdmin: true })
    const importAs = (name: string, lars: string) =>
      app.payload.create({
        collection: 'algorithms',
        data: minimalAlgorithmInput(organisation.id, { name, lars }) as never,
        overrideAccess: true,
        user: importer,
      })
    let lars = ''
    for (;;) {
      lars = generateLars()
      const { totalDocs } = await app.payload.count({
        collection: 'algorithms',
        where: { lars: { equals: lars } },
        overrideAccess: true,
      })
      if (totalDocs === 0) break
    }
    const imported = await importAs(uniqueName('Import'), lars)
    expect(imported.lars).toBe(lars)

    const invalid = `${lars.slice(0, 7)}${(Number(lars[7]) + 1) % 10}`
    expect(thrownFieldErrors(await thrownBy(() => importAs(uniqueName('Fout'), invalid)))).toEqual([
      {
        path: 'lars',
        message: `Algoritme-ID '${invalid}' is geen geldig nummer van acht cijfers met controlecijfer.`,
      },
    ])
    const duplicate = thrownFieldErrors(await thrownBy(() => importAs(uniqueName('Dubbel'), lars)))
    expect(duplicate.map((error) => error.path)).toEqual(['lars'])
  })

  it('refuses a standard version other than 1.0, and a publication date', async () => {
    await expectRefusedCreate(
      { standard_version: '2.0' },
      {
        path: 'standard_version',
        message: 'Versie publicatiestandaard: die vult het systeem zelf in.',
      },
    )
    expect((await create({ standard_version: '1.0' })).status).toBe(201)
    await expectRefusedCreate(
      { publication_dt: '2024-01-01' },
      {
        path: 'publication_dt',
        message: 'Eerst gepubliceerd op: deze datum vult het systeem in bij de eerste goedkeuring.',
      },
    )
  })

  it('refuses a workflow state set by hand', async () => {
    await expectRefusedCreate(
      { workflow: { state: 'gepubliceerd' } },
      {
        path: 'workflow',
        message:
          'De publicatiestatus verandert alleen via de knoppen Indienen, Goedkeuren, Terugzetten, Intrekken, Archiveren en Heropenen.',
      },
    )
  })

  it('keeps an algorithm with the organisation it was created in', async () => {
    const second = await createOrganisation(app.payload, { name: 'Gemeente Waddenhaven' })
    const both = await createUser(app.payload, {
      memberships: [
        { organisation: organisation.id, role: 'redacteur' },
        { organisation: second.id, role: 'redacteur' },
      ],
    })
    const token = await login(app.url, both.email)
    const created = await rest<DocBody>(app.url, 'POST', '/api/algorithms?depth=0', {
      token,
      body: minimalAlgorithmInput(organisation.id, { name: uniqueName('Verhuizen') }),
    })
    expect(created.status).toBe(201)
    const moved = await rest(app.url, 'PATCH', `/api/algorithms/${created.body.doc.id}`, {
      token,
      body: { organization: second.id },
    })
    expect(moved.status).toBe(400)
    expect(fieldErrors(moved.body)).toEqual([
      {
        path: 'organization',
        message:
          'Een algoritme blijft bij de organisatie waar het is aangemaakt. Maak een nieuwe beschrijving vanuit een voorbeeld als een andere organisatie het ook gebruikt.',
      },
    ])
    expect((await stored(created.body.doc.id)).organization).toBe(organisation.id)
    // Sending the same organisation back is fine.
    const same = await rest(app.url, 'PATCH', `/api/algorithms/${created.body.doc.id}`, {
      token,
      body: { organization: organisation.id, provider: 'Haaks Verkeerstechniek' },
    })
    expect(same.status).toBe(200)
    // ...also as a string id, or as the populated organisation a client read with depth 1.
    const asText = await rest(app.url, 'PATCH', `/api/algorithms/${created.body.doc.id}`, {
      token,
      body: { organization: String(organisation.id), provider: 'Haaks Verkeerstechniek B.V.' },
    })
    expect(asText.status).toBe(200)
    const populated = await rest(app.url, 'PATCH', `/api/algorithms/${created.body.doc.id}`, {
      token,
      body: { organization: organisation, provider: 'Haaks' },
    })
    expect(populated.status).toBe(200)
    expect((await stored(created.body.doc.id)).organization).toBe(organisation.id)
  })

  it('requires an organisation and a name on create', async () => {
    const response = await rest(app.url, 'POST', '/api/algorithms', {
      token: editorToken,
      body: { organization: organisation.id },
    })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body)).toEqual([
      { path: 'name', message: 'Naam is verplicht. Vul dit veld in.' },
    ])
  })

  it('saves a concept without the fields the standard requires for publication', async () => {
    const response = await create({})
    expect(response.status).toBe(201)
    expect(response.body.doc).toMatchObject({
      description_short: null,
      status: null,
      publication_category: null,
      contact_email: null,
      workflow: { state: 'concept' },
    })
  })
})
