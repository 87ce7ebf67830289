import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Algorithm } from '../../../payload-types'
import { STANDARD_KEYS } from '../../../src/standard/publicationStandard'
import { freeOrganisationCode } from '../../fixtures/freeOrganisationCode'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import type { WorkflowTeam } from '../../support/workflowHelpers'
import { createTeam, getPublic, html, publish, republish, withdraw } from './publicApiFixtures'

interface Summary {
  lars: string
  name: string
  organisationCode: string
  status: string
  publication_category: string
  hasImpactAssessment: boolean
  [key: string]: unknown
}
interface FacetValue {
  value: string
  label: string
  count: number
}
interface ListBody {
  results: Summary[]
  page: number
  pageSize: number
  totalCount: number
  pageCount: number
  facets: Record<string, FacetValue[]>
  links: Record<string, string>
}
interface Problem {
  type: string
  status: number
  title: string
  detail: string
  invalidParams?: Array<{ name: string; reason: string }>
  withdrawnAt?: string
}

let app: TestApp
let town: WorkflowTeam
let water: WorkflowTeam
let routes: Algorithm
let parking: Algorithm
let fraud: Algorithm
let dikes: Algorithm
let both: string

const count = (facet: FacetValue[], value: string) =>
  facet.find((item) => item.value === value)?.count

beforeAll(async () => {
  app = await testApp()
  town = await createTeam(app.payload, app.url)
  water = await createTeam(app.payload, app.url, {
    type: 'waterschap',
    code: await freeOrganisationCode(app.payload, 'ws', 4),
    name: 'Waterschap Zandplaat',
  })
  both = `organisation=${town.organisation.code}&organisation=${water.organisation.code}`
  routes = await publish(app.payload, app.url, town, {
    name: 'Routes voor afvalinzameling',
    category: ['Natuur en milieu'],
    tags: 'huisvuil, containers',
  })
  parking = await publish(app.payload, app.url, town, {
    name: 'Parkeervergunningen toekennen',
    description_short: 'Een programma controleert of iemand recht heeft op een parkeervergunning.',
    category: ['Verkeer'],
    status: 'In ontwikkeling',
    publication_category: 'Impactvolle algoritmes',
    impacttoetsen_grouping: [{ title: 'IAMA', link: 'https://zandplaat.example/iama' }],
  })
  fraud = await publish(app.payload, app.url, town, {
    name: 'Signalen bij bijstandsaanvragen',
    description_short: 'Een model geeft aan welke aanvragen een medewerker extra bekijkt.',
    category: ['Sociale zekerheid', 'Werk'],
    publication_category: 'Hoog-risico AI-systeem',
    impacttoetsen: html('<p>Wij deden een IAMA en een DPIA.</p>'),
    eu_database_url: 'https://eu-database.example/systems/123',
    fria_summary:
      'De beoordeling vond risico op ongelijke behandeling; een medewerker beslist altijd.',
    dpia_summary: 'Alleen nodige gegevens; bewaard voor twee jaar.',
  })
  dikes = await publish(app.payload, app.url, water, {
    name: 'Dijkinspectie met camerabeelden',
    description_short:
      'Een programma bekijkt beelden van drones en vindt schade. De routes langs de dijk worden zo korter.',
    category: ['Natuur en milieu', 'Ruimte en infrastructuur'],
  })
})

afterAll(async () => {
  await closeTestApp()
})

describe('GET /register/v1/algorithms', () => {
  it('lists the published algorithms of an organisation by name, as summaries', async () => {
    const answer = await getPublic<ListBody>(
      app.url,
      `/algorithms?organisation=${town.organisation.code}`,
    )
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
    expect(answer.body.totalCount).toBe(3)
    expect(answer.body.results.map((item) => item.name)).toEqual([
      'Parkeervergunningen toekennen',
      'Routes voor afvalinzameling',
      'Signalen bij bijstandsaanvragen',
    ])
    const first = answer.body.results[0]
    expect(first).toMatchObject({
      lars: parking.lars,
      organization: town.organisation.name,
      organisationCode: town.organisation.code,
      organisationType: 'gemeente',
      status: 'In ontwikkeling',
      publication_category: 'Impactvolle algoritmes',
      category: ['Verkeer'],
      hasImpactAssessment: true,
      revisionNumber: 1,
    })
    expect(Object.keys(first)).not.toContain('internal_notes')
    expect(answer.text).not.toContain('contract met leverancier')
  })

  it('filters by organisation type, publication category, status, theme and impact assessment', async () => {
    const names = async (query: string) =>
      (await getPublic<ListBody>(app.url, `/algorithms?${both}&${query}`)).body.results.map(
        (item) => item.name,
      )
    expect(await names('organisationType=waterschap')).toEqual(['Dijkinspectie met camerabeelden'])
    expect(await names('publicationCategory=Hoog-risico%20AI-systeem')).toEqual([
      'Signalen bij bijstandsaanvragen',
    ])
    expect(await names('status=In%20ontwikkeling')).toEqual(['Parkeervergunningen toekennen'])
    expect(await names('theme=Natuur%20en%20milieu')).toEqual([
      'Dijkinspectie met camerabeelden',
      'Routes voor afvalinzameling',
    ])
    expect(await names('theme=Werk&theme=Verkeer')).toEqual([
      'Parkeervergunningen toekennen',
      'Signalen bij bijstandsaanvragen',
    ])
    expect(await names('hasImpactAssessment=true')).toEqual([
      'Parkeervergunningen toekennen',
      'Signalen bij bijstandsaanvragen',
    ])
    expect(
      await names('hasImpactAssessment=false&theme=Natuur%20en%20milieu&status=In%20gebruik'),
    ).toEqual(['Dijkinspectie met camerabeelden', 'Routes voor afvalinzameling'])
  })

  it('counts facets over the other filters, each facet ignoring its own filter', async () => {
    const answer = await getPublic<ListBody>(app.url, `/algorithms?${both}&status=In%20gebruik`)
    const { facets, totalCount } = answer.body
    expect(totalCount).toBe(3)
    // The status facet ignores the status filter: it shows what the alternatives would give.
    expect(count(facets.status, 'In gebruik')).toBe(3)
    expect(count(facets.status, 'In ontwikkeling')).toBe(1)
    expect(count(facets.status, 'Buiten gebruik')).toBe(0)
    // Other facets count within the status filter.
    expect(count(facets.publicationCategory, 'Overige algoritmes')).toBe(2)
    expect(count(facets.publicationCategory, 'Hoog-risico AI-systeem')).toBe(1)
    expect(count(facets.publicationCategory, 'Impactvolle algoritmes')).toBe(0)
    expect(count(facets.theme, 'Natuur en milieu')).toBe(2)
    expect(count(facets.theme, 'Verkeer')).toBe(0)
    expect(count(facets.organisationType, 'gemeente')).toBe(2)
    expect(count(facets.organisationType, 'waterschap')).toBe(1)
    expect(count(facets.hasImpactAssessment, 'true')).toBe(1)
    expect(count(facets.hasImpactAssessment, 'false')).toBe(2)
    // The organisation facet ignores the organisation filter, so it spans the whole register.
    const own = facets.organisation.find((item) => item.value === water.organisation.code)
    expect(own).toEqual({ value: water.organisation.code, label: 'Waterschap Zandplaat', count: 1 })
    expect(facets.theme.map((item) => item.value)).toContain('Zorg en gezondheid')
  })

  it('searches in Dutch, ranks name matches first and understands web search syntax', async () => {
    const search = async (q: string) =>
      (
        await getPublic<ListBody>(app.url, `/algorithms?${both}&q=${encodeURIComponent(q)}`)
      ).body.results.map((item) => item.name)
    // "routes" is in one name (weight A) and in another's short description (weight B).
    expect(await search('routes')).toEqual([
      'Routes voor afvalinzameling',
      'Dijkinspectie met camerabeelden',
    ])
    // Stemming: the plural finds the singular, and tags are searched.
    expect(await search('parkeervergunningen')).toEqual(['Parkeervergunningen toekennen'])
    expect(await search('afvalinzamelingen')).toEqual(['Routes voor afvalinzameling'])
    expect(await search('huisvuil')).toEqual(['Routes voor afvalinzameling'])
    expect(await search('routes -dijk')).toEqual(['Routes voor afvalinzameling'])
    expect(await search('"extra bekijkt"')).toEqual(['Signalen bij bijstandsaanvragen'])
    expect(await search('zandplaat')).toEqual(['Dijkinspectie met camerabeelden'])
    expect(await search('onvindbaarwoord')).toEqual([])
  })

  it('sorts and pages with a bound, with links to other pages', async () => {
    const descending = await getPublic<ListBody>(app.url, `/algorithms?${both}&sort=-name`)
    expect(descending.body.results.map((item) => item.name)).toEqual([
      'Signalen bij bijstandsaanvragen',
      'Routes voor afvalinzameling',
      'Parkeervergunningen toekennen',
      'Dijkinspectie met camerabeelden',
    ])
    const second = await getPublic<ListBody>(app.url, `/algorithms?${both}&pageSize=3&page=2`)
    expect(second.body).toMatchObject({ page: 2, pageSize: 3, totalCount: 4, pageCount: 2 })
    expect(second.body.results.map((item) => item.name)).toEqual([
      'Signalen bij bijstandsaanvragen',
    ])
    expect(second.body.links.prev).toContain('page=1')
    expect(second.body.links.next).toBeUndefined()
    expect(second.body.links.self).toMatch(/^\/register\/v1\/algorithms\?/)
    const beyond = await getPublic<ListBody>(app.url, `/algorithms?${both}&page=9`)
    expect(beyond.body.results).toEqual([])
    expect(beyond.body.totalCount).toBe(4)
    const updated = await getPublic<ListBody>(app.url, `/algorithms?${both}&sort=-updatedAt`)
    expect(updated.body.results[0].name).toBe('Dijkinspectie met camerabeelden')
  })

  it.each([
    ['pageSize=101', 'pageSize'],
    ['pageSize=0', 'pageSize'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['theme=Onbekend', 'theme'],
    ['status=actief', 'status'],
    ['organisationType=stad', 'organisationType'],
    ['publicationCategory=A', 'publicationCategory'],
    ['hasImpactAssessment=ja', 'hasImpactAssessment'],
    ['organisation=GM%200363', 'organisation'],
    ['sort=relevance', 'sort'],
    ['sort=naam', 'sort'],
    [`q=${'a'.repeat(201)}`, 'q'],
    ['pagesize=10', 'pagesize'],
    ['page=1&page=2', 'page'],
  ])('answers 400 problem+json naming the parameter for %s', async (query, name) => {
    const answer = await getPublic<Problem>(app.url, `/algorithms?${query}`)
    expect(answer.status).toBe(400)
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(answer.body.status).toBe(400)
    expect(answer.body.title).toBe('Ongeldige vraag')
    expect(answer.body.detail).toContain(`'${name}'`)
    expect(answer.body.invalidParams?.[0].name).toBe(name)
  })
})

describe('GET /register/v1/algorithms/{lars}', () => {
  it('gives the full public record with the standard keys', async () => {
    const answer = await getPublic<Record<string, unknown>>(app.url, `/algorithms/${fraud.lars}`)
    expect(answer.status).toBe(200)
    for (const key of STANDARD_KEYS) expect(answer.body).toHaveProperty(key)
    expect(answer.body).toMatchObject({
      lars: fraud.lars,
      name: 'Signalen bij bijstandsaanvragen',
      organization: town.organisation.name,
      organisationCode: town.organisation.code,
      publication_category: 'Hoog-risico AI-systeem',
      goal: '<p>Wij willen het afval op tijd ophalen en minder rijden.</p>',
      revisionNumber: 1,
      eu_ai_act: {
        eu_database_url: 'https://eu-database.example/systems/123',
        dpia_summary: 'Alleen nodige gegevens; bewaard voor twee jaar.',
      },
    })
    expect(answer.body).not.toHaveProperty('internal_notes')
    expect(answer.body).not.toHaveProperty('workflow')
  })

  it('answers 404 for an id that was never published and 400 for a malformed id', async () => {
    const missing = await getPublic<Problem>(app.url, '/algorithms/11111111')
    expect(missing.status).toBe(404)
    expect(missing.body.detail).toContain('11111111')
    const malformed = await getPublic<Problem>(app.url, '/algorithms/abc')
    expect(malformed.status).toBe(400)
    expect(malformed.body.invalidParams?.[0].name).toBe('lars')
  })
})

describe('publishing, history and withdrawal', () => {
  it('shows a new approval on the very next request and keeps a public changelog', async () => {
    const before = await getPublic<Record<string, unknown>>(app.url, `/algorithms/${routes.lars}`)
    expect(before.body.revisionNumber).toBe(1)
    const newShort = 'Een programma plant elke week de routes van de vuilniswagens.'
    await republish(
      app.url,
      town,
      routes.id,
      { description_short: newShort, website: 'https://zandplaat.example/afval' },
      'Korte beschrijving duidelijker gemaakt en website toegevoegd.',
    )
    const after = await getPublic<Record<string, unknown>>(app.url, `/algorithms/${routes.lars}`)
    expect(after.body).toMatchObject({ revisionNumber: 2, description_short: newShort })
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'))
    const listed = await getPublic<ListBody>(
      app.url,
      `/algorithms?q=${encodeURIComponent('elke week')}&${both}`,
    )
    expect(listed.body.results.map((item) => item.lars)).toContain(routes.lars)

    const history = await getPublic<{
      lars: string
      revisionCount: number
      revisions: Array<{
        revisionNumber: number
        approvedAt: string
        changeSummary: string | null
        changes: Array<{ field: string; title: string; before: unknown; after: unknown }>
      }>
    }>(app.url, `/algorithms/${routes.lars}/history`)
    expect(history.status).toBe(200)
    expect(history.body.revisionCount).toBe(2)
    const [latest, first] = history.body.revisions
    expect(latest.revisionNumber).toBe(2)
    expect(latest.changeSummary).toBe(
      'Korte beschrijving duidelijker gemaakt en website toegevoegd.',
    )
    expect(latest.changes).toEqual(
      expect.arrayContaining([
        {
          field: 'description_short',
          title: 'Korte omschrijving',
          before: expect.stringContaining('vuilniswagens'),
          after: newShort,
        },
        {
          field: 'website',
          title: 'Link naar publiekspagina',
          before: null,
          after: 'https://zandplaat.example/afval',
        },
      ]),
    )
    expect(first.revisionNumber).toBe(1)
    expect(first.changeSummary).toBeNull()
    expect(Date.parse(latest.approvedAt)).toBeGreaterThanOrEqual(Date.parse(first.approvedAt))
    // The organisation is accountable; civil servants' names are not published.
    expect(history.text).not.toContain('Gijs Goedkeurder')
    expect(history.text).not.toContain('Eva Redacteur')
  })

  it('answers 410 with the withdrawal date and drops a withdrawn algorithm from lists', async () => {
    const warm = await getPublic(app.url, `/algorithms/${parking.lars}`)
    expect(warm.status).toBe(200)
    const started = Date.now()
    await withdraw(app.url, town, parking.id)
    const gone = await getPublic<Problem>(app.url, `/algorithms/${parking.lars}`)
    expect(gone.status).toBe(410)
    expect(gone.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(gone.body.title).toBe('Niet meer gepubliceerd')
    expect(Date.parse(String(gone.body.withdrawnAt))).toBeGreaterThanOrEqual(started - 1000)
    expect(gone.body.detail).toContain(String(gone.body.withdrawnAt).slice(0, 10))
    expect((await getPublic(app.url, `/algorithms/${parking.lars}/history`)).status).toBe(410)
    const list = await getPublic<ListBody>(app.url, `/algorithms?${both}`)
    expect(list.body.results.map((item) => item.lars)).not.toContain(parking.lars)
    expect(list.body.totalCount).toBe(3)
    const search = await getPublic<ListBody>(app.url, `/algorithms?${both}&q=parkeervergunning`)
    expect(search.body.totalCount).toBe(0)
    expect(dikes.lars).toBeTruthy()
  })
})
