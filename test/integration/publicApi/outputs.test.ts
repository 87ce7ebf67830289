import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Algorithm } from '../../../payload-types'
import { parseCsv } from '../../../src/interop/csvCodec'
import { NATIONAL_CSV_HEADER } from '../../../src/interop/nationalCsvColumns'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import type { WorkflowTeam } from '../../support/workflowHelpers'
import { createTeam, getPublic, html, publish, republish, withdraw } from './publicApiFixtures'

let app: TestApp
let team: WorkflowTeam
let plain: Algorithm
let highRisk: Algorithm
let withdrawn: Algorithm
let code: string

beforeAll(async () => {
  app = await testApp()
  team = await createTeam(app.payload, app.url, {
    name: 'Gemeente Kwelderwijk',
    website: 'https://kwelderwijk.example',
    contactEmail: 'info@kwelderwijk.example',
    postalAddress: {
      street: 'Postbus 12',
      postalCode: '9999 AA',
      city: 'Kwelderwijk',
      country: 'Nederland',
    },
  })
  code = String(team.organisation.code)
  plain = await publish(app.payload, app.url, team, {
    name: 'Bomen controleren',
    goal: html(
      '<p>Wij willen zieke bomen <b>op tijd</b> vinden.</p><ul><li>veilig</li><li>snel</li></ul>',
    ),
    lawful_basis_grouping: [
      { title: 'Omgevingswet', link: 'https://wetten.example/omgevingswet' },
      { title: 'APV, artikel 4', link: 'https://lokaleregelgeving.example/apv' },
    ],
    category: ['Natuur en milieu', 'Ruimte en infrastructuur'],
    contact_email: 'bomen@kwelderwijk.example',
  })
  highRisk = await publish(app.payload, app.url, team, {
    name: 'Toeslagen controleren met AI',
    publication_category: 'Hoog-risico AI-systeem',
    eu_database_url: 'https://eu-database.example/systems/987',
    fria_summary: 'Risico op uitsluiting; daarom beslist een medewerker.',
    dpia_summary: 'Persoonsgegevens blijven binnen de gemeente.',
  })
  withdrawn = await publish(app.payload, app.url, team, { name: 'Oude parkeerscanner' })
  await republish(app.url, team, plain.id, { status: 'Buiten gebruik' }, 'Niet meer in gebruik.')
  await withdraw(app.url, team, withdrawn.id)
})

afterAll(async () => {
  await closeTestApp()
})

describe('GET /register/v1/feed', () => {
  it('is an Atom feed of new, changed and withdrawn publications, newest first', async () => {
    // Other test files publish into the same database (some with a clock set in the future):
    // the organisation's own feed shows the order; the register's feed holds the same entries.
    const answer = await getPublic(app.url, `/feed?organisation=${code}`)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toMatch(/^application\/atom\+xml/)
    expect(answer.text).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    )
    const entries = answer.text.split('<entry>').slice(1)
    expect(entries.length).toBeGreaterThanOrEqual(4)
    expect(entries.length).toBeLessThanOrEqual(50)
    expect(entries[0]).toContain('<title>Publicatie ingetrokken: Oude parkeerscanner</title>')
    expect(entries[1]).toContain('<title>Gewijzigd: Bomen controleren (versie 2)</title>')
    expect(entries[1]).toContain('<summary>Niet meer in gebruik.</summary>')
    expect(entries[1]).toContain(`/register/v1/algorithms/${plain.lars}`)
    expect(entries[1]).toContain('<author><name>Gemeente Kwelderwijk</name></author>')
    expect(answer.text).toContain('<title>Nieuw gepubliceerd: Toeslagen controleren met AI</title>')
    // Revisions of the withdrawn algorithm left the register; only its withdrawal is news.
    expect(answer.text).not.toContain('Nieuw gepubliceerd: Oude parkeerscanner')
    const times = [...answer.text.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map(
      (match) => Date.parse(match[1]),
    )
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    expect(answer.text).toContain(
      `<link rel="self" type="application/atom+xml" href="http://localhost:3000/register/v1/feed?organisation=${code}"/>`,
    )
    expect(entries.every((entry) => entry.includes('<name>Gemeente Kwelderwijk</name>'))).toBe(true)

    const whole = await getPublic(app.url, '/feed')
    expect(whole.status).toBe(200)
    const wholeTimes = [...whole.text.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map(
      (match) => Date.parse(match[1]),
    )
    expect([...wholeTimes].sort((a, b) => b - a)).toEqual(wholeTimes)
    expect((await getPublic(app.url, '/feed?organisation=GM 0363')).status).toBe(400)
    expect((await getPublic(app.url, '/feed?organisatie=gm0363')).status).toBe(400)
  })
})

describe('GET /register/v1/organisations', () => {
  it('lists organisations with counts of their published algorithms', async () => {
    const answer = await getPublic<{
      results: Array<Record<string, unknown>>
      totalCount: number
    }>(app.url, '/organisations')
    expect(answer.status).toBe(200)
    const own = answer.body.results.find((item) => item.code === code)
    expect(own).toMatchObject({
      name: 'Gemeente Kwelderwijk',
      type: 'gemeente',
      typeLabel: 'Gemeente',
      algorithmCount: 2,
      byPublicationCategory: [
        { value: 'Hoog-risico AI-systeem', label: 'Hoog-risico AI-systeem', count: 1 },
        { value: 'Impactvolle algoritmes', label: 'Impactvolle algoritmes', count: 0 },
        { value: 'Overige algoritmes', label: 'Overige algoritmes', count: 1 },
      ],
    })
    expect(answer.body.totalCount).toBe(answer.body.results.length)
    const waterOnly = await getPublic<{ results: Array<{ type: string }> }>(
      app.url,
      '/organisations?organisationType=waterschap',
    )
    expect(waterOnly.body.results.every((item) => item.type === 'waterschap')).toBe(true)
    expect((await getPublic(app.url, '/organisations?organisationType=dorp')).status).toBe(400)
  })

  it('gives one organisation with counts per status and theme, and its public contact', async () => {
    const answer = await getPublic<Record<string, unknown>>(app.url, `/organisations/${code}`)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      code,
      algorithmCount: 2,
      website: 'https://kwelderwijk.example',
      contactEmail: 'info@kwelderwijk.example',
      byStatus: [
        { value: 'In ontwikkeling', label: 'In ontwikkeling', count: 0 },
        { value: 'In gebruik', label: 'In gebruik', count: 1 },
        { value: 'Buiten gebruik', label: 'Buiten gebruik', count: 1 },
      ],
    })
    expect(answer.body.byTheme).toEqual(
      expect.arrayContaining([{ value: 'Natuur en milieu', label: 'Natuur en milieu', count: 2 }]),
    )
    expect(answer.text).not.toContain('fourEyes')
    expect((await getPublic(app.url, '/organisations/gm0000')).status).toBe(404)
    expect((await getPublic(app.url, '/organisations/GM%20X')).status).toBe(400)
  })
})

describe('GET /register/v1/downloads', () => {
  it('writes CSV in the national export format: header order, BOM, every field quoted, HTML stripped, lists flattened', async () => {
    const answer = await getPublic(app.url, `/downloads/algorithms.csv?organisation=${code}`)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(answer.headers.get('content-disposition')).toBe(
      `attachment; filename="algoritmeregister-${code}.csv"`,
    )
    const bytes = Buffer.from(
      await (
        await fetch(`${app.url}/register/v1/downloads/algorithms.csv?organisation=${code}`)
      ).arrayBuffer(),
    )
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    const lines = text.split('\n')
    expect(lines[0]).toBe(NATIONAL_CSV_HEADER.map((column) => `"${column}"`).join(','))
    const rows = parseCsv(text)
    expect(rows).toHaveLength(3)
    const header = rows[0]
    const trees = rows.find((row) => row[0] === 'Bomen controleren') as string[]
    const cell = (name: string) => trees[header.indexOf(name)]
    expect(cell('organization')).toBe('Gemeente Kwelderwijk')
    expect(cell('status')).toBe('Buiten gebruik')
    expect(cell('category')).toBe('Natuur en milieu, Ruimte en infrastructuur')
    expect(cell('goal')).not.toMatch(/<[a-z]/)
    expect(cell('goal')).toContain('Wij willen zieke bomen op tijd vinden.')
    expect(cell('lawful_basis_grouping')).toBe(
      '1: Omgevingswet, https://wetten.example/omgevingswet. 2: APV, artikel 4, https://lokaleregelgeving.example/apv',
    )
    expect(cell('algorithm_id')).toBe(plain.lars)
    expect(cell('end_date')).toBe('')
    // Every field is quoted, the empty ones too.
    expect(lines[1]).toMatch(/^"[^"]/)
    expect(lines[1]).toContain(',"",')
    expect(text).not.toContain('Oude parkeerscanner')
  })

  it('writes JSON records with the standard keys, for everything or one organisation', async () => {
    const own = await getPublic<Array<Record<string, unknown>>>(
      app.url,
      `/downloads/algorithms.json?organisation=${code}`,
    )
    expect(own.status).toBe(200)
    expect(own.headers.get('content-disposition')).toContain(`algoritmeregister-${code}.json`)
    expect(own.body.map((record) => record.name)).toEqual([
      'Bomen controleren',
      'Toeslagen controleren met AI',
    ])
    expect(own.body[0]).toMatchObject({ lars: plain.lars, organization: 'Gemeente Kwelderwijk' })
    const all = await getPublic<Array<Record<string, unknown>>>(
      app.url,
      '/downloads/algorithms.json',
    )
    expect(all.body.map((record) => record.lars)).toEqual(
      expect.arrayContaining([plain.lars, highRisk.lars]),
    )
    expect(all.body.map((record) => record.lars)).not.toContain(withdrawn.lars)
    const csvAll = await getPublic(app.url, '/downloads/algorithms.csv')
    expect(csvAll.text).toContain(`"${highRisk.lars}"`)
    expect(
      (await getPublic(app.url, '/downloads/algorithms.csv?organisation=Foo%20Bar')).status,
    ).toBe(400)
  })
})

describe('GET /register/v1/algorithms/{lars}/eu-registration', () => {
  it('gives the EU AI Act Annex VIII section C record of a high-risk AI system', async () => {
    const answer = await getPublic<Record<string, unknown>>(
      app.url,
      `/algorithms/${highRisk.lars}/eu-registration`,
    )
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      lars: highRisk.lars,
      systemName: 'Toeslagen controleren met AI',
      legalBasis: expect.stringContaining('bijlage VIII, deel C'),
      deployer: {
        name: 'Gemeente Kwelderwijk',
        address: {
          street: 'Postbus 12',
          postalCode: '9999 AA',
          city: 'Kwelderwijk',
          country: 'Nederland',
        },
        contact: { email: 'info@kwelderwijk.example', website: 'https://kwelderwijk.example' },
      },
      providerEuDatabaseUrl: 'https://eu-database.example/systems/987',
      fundamentalRightsImpactAssessmentSummary:
        'Risico op uitsluiting; daarom beslist een medewerker.',
      dataProtectionImpactAssessmentSummary: 'Persoonsgegevens blijven binnen de gemeente.',
      missing: [],
      revisionNumber: 1,
    })
  })

  it('answers 404 for an algorithm that is not a high-risk AI system, 410 when withdrawn', async () => {
    const other = await getPublic<{ detail: string }>(
      app.url,
      `/algorithms/${plain.lars}/eu-registration`,
    )
    expect(other.status).toBe(404)
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(other.body.detail).toContain('geen hoog-risico AI-systeem')
    expect((await getPublic(app.url, `/algorithms/${withdrawn.lars}/eu-registration`)).status).toBe(
      410,
    )
  })
})
