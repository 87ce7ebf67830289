/**
 * Output safety as a second line: rows stored before input validation got stricter (written
 * here with raw SQL, as an old row or a direct database edit would be) never reach the public API,
 * the downloads or the feed as markup. (A working copy with markup cannot be approved any more:
 * approval validates every field; the record built at approval is sanitised too, see the unit
 * tests of buildPublicRecord.)
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres'

import type { Algorithm } from '../../../payload-types'
import { parseCsv } from '../../../src/interop/csvCodec'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { query, withInsertTrigger, type WorkflowTeam } from '../../support/workflowHelpers'
import { createTeam, getPublic, publish, republish } from './publicApiFixtures'

const SCRIPT = '<script>alert(1)</script>'
const IMG = '<img src=x onerror=alert(1)>'

let app: TestApp
let team: WorkflowTeam
let code: string
/** Published normally, then its projection and newest revision given legacy markup. */
let legacy: Algorithm

/** Markup a front-end would render: any tag or comment, or an encoded script. */
const MARKUP = /<[a-z!/?]|&lt;\s*script|onerror|javascript:/i

/** Every string in a JSON value, with the key path it sits at. */
function strings(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]]
  if (Array.isArray(value))
    return value.flatMap((item, index) => strings(item, `${path}[${index}]`))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`))
  }
  return []
}

const HTML_KEYS = new Set([
  'goal',
  'proportionality',
  'human_intervention',
  'risks',
  'lawful_basis',
  'impacttoetsen',
  'source_data',
  'methods_and_models',
  'tags',
])

/**
 * Strings outside the standard's HTML fields hold no markup; HTML fields (and the before/after
 * values of the history, checked field by field in the test itself) only the five bare tags.
 */
function expectNoMarkup(value: unknown): void {
  for (const [path, text] of strings(value)) {
    const key = /\.(\w+)$/.exec(path)?.[1] ?? ''
    const html = HTML_KEYS.has(key) || key === 'before' || key === 'after'
    const checked = html ? text.replace(/<\/?(?:p|ul|ol|li)>|<br>/g, '') : text
    expect({ path, text: checked }).toEqual({ path, text: expect.not.stringMatching(MARKUP) })
  }
}

beforeAll(async () => {
  app = await testApp()
  team = await createTeam(app.payload, app.url, {
    name: 'Gemeente Slikkerveen',
    website: 'https://slikkerveen.example',
  })
  code = String(team.organisation.code)

  legacy = await publish(app.payload, app.url, team, { name: 'Bomen tellen' })
  // A revision approved before output was sanitised: its snapshot, diff and summary hold markup.
  await withInsertTrigger(
    app.payload,
    {
      name: 'legacy_revision',
      table: 'revisions',
      condition: `NEW.algorithm_id = ${legacy.id}`,
    },
    async () => {
      await query(
        app.payload,
        sql.raw(`
          CREATE OR REPLACE FUNCTION test_trigger_legacy_revision() RETURNS trigger
          LANGUAGE plpgsql AS $fn$
          BEGIN
            NEW.snapshot := NEW.snapshot || jsonb_build_object('name', '${SCRIPT}Bomen tellen');
            NEW.diff := jsonb_build_array(
              jsonb_build_object('field', 'name', 'before', '<b>Bomen</b>', 'after', '${SCRIPT}Bomen tellen'),
              jsonb_build_object('field', 'goal', 'before', '<p onclick="x()">oud</p>', 'after', '<p>nieuw</p>${SCRIPT}'),
              jsonb_build_object('field', 'lawful_basis_grouping', 'before', '[]'::jsonb,
                'after', jsonb_build_array(jsonb_build_object('title', '<i>Wet</i>', 'link', 'javascript:alert(1)'))));
            NEW.change_summary := '${IMG}Nieuwe versie';
            RETURN NEW;
          END
          $fn$`),
      )
      await republish(app.url, team, legacy.id, { status: 'Buiten gebruik' }, 'Nieuwe versie.')
    },
  )
  await query(
    app.payload,
    sql`UPDATE public_algorithms SET
          organisation_name = ${`<i>Gemeente</i> Slikkerveen${SCRIPT}`},
          record = record || jsonb_build_object(
            'name', ${`${SCRIPT}Bomen tellen`}::text,
            'description_short', ${`${IMG}Wij tellen bomen; a < b`}::text,
            'goal', ${`<p onclick="alert(1)">Doel</p>${SCRIPT}<iframe src="https://x.example"></iframe>`}::text,
            'tags', ${`bomen, <a href="javascript:alert(1)">groen</a>`}::text,
            'website', 'javascript:alert(1)'::text,
            'provider', ${'&lt;script&gt;alert(1)&lt;/script&gt;Leverancier'}::text,
            'lawful_basis_grouping', jsonb_build_array(jsonb_build_object(
              'title', ${'<h1>Omgevingswet</h1>'}::text, 'link', 'javascript:alert(1)'::text)))
        WHERE algorithm_id = ${legacy.id}`,
  )
})

afterAll(async () => {
  await closeTestApp()
})

describe('a legacy row with markup', () => {
  it('never reaches the public detail as markup; the standard’s HTML stays', async () => {
    const answer = await getPublic<Record<string, unknown>>(app.url, `/algorithms/${legacy.lars}`)
    expect(answer.status).toBe(200)
    expectNoMarkup(answer.body)
    expect(answer.body).toMatchObject({
      name: 'Bomen tellen',
      organization: 'Gemeente Slikkerveen',
      description_short: 'Wij tellen bomen; a < b',
      goal: '<p>Doel</p>',
      tags: 'bomen, groen',
      website: '',
      provider: 'Leverancier',
      lawful_basis_grouping: [{ title: 'Omgevingswet', link: '' }],
    })
    // In JSON `a < b` is text, not markup: a front-end shows it as it is.
    expect(answer.text).toContain('"Wij tellen bomen; a < b"')
  })

  it('never reaches the list, its facets or the organisations as markup', async () => {
    const list = await getPublic<{ results: Array<Record<string, unknown>> }>(
      app.url,
      `/algorithms?organisation=${code}&pageSize=100`,
    )
    expect(list.status).toBe(200)
    expectNoMarkup(list.body)
    expect(list.body.results.map((item) => item.name)).toContain('Bomen tellen')
    const organisations = await getPublic(app.url, '/organisations')
    expectNoMarkup(organisations.body)
    const organisation = await getPublic(app.url, `/organisations/${code}`)
    expect(organisation.status).toBe(200)
    expectNoMarkup(organisation.body)
  })

  it('never reaches the public history as markup', async () => {
    const answer = await getPublic<{ revisions: Array<Record<string, unknown>> }>(
      app.url,
      `/algorithms/${legacy.lars}/history`,
    )
    expect(answer.status).toBe(200)
    expectNoMarkup(answer.body)
    const newest = answer.body.revisions[0]
    expect(newest.changeSummary).toBe('Nieuwe versie')
    expect(newest.changes).toEqual([
      expect.objectContaining({ field: 'name', before: 'Bomen', after: 'Bomen tellen' }),
      expect.objectContaining({ field: 'goal', before: '<p>oud</p>', after: '<p>nieuw</p>' }),
      expect.objectContaining({
        field: 'lawful_basis_grouping',
        after: [{ title: 'Wet', link: '' }],
      }),
    ])
  })

  it('never reaches the CSV or JSON download as markup', async () => {
    const csv = await getPublic(app.url, `/downloads/algorithms.csv?organisation=${code}`)
    expect(csv.status).toBe(200)
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''))
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(MARKUP)
    expect(csv.text).toContain('"Bomen tellen"')
    const json = await getPublic<unknown[]>(
      app.url,
      `/downloads/algorithms.json?organisation=${code}`,
    )
    expect(json.status).toBe(200)
    expectNoMarkup(json.body)
  })

  it('never reaches the Atom feed as markup, and the XML writer escapes text', async () => {
    const feed = await getPublic(app.url, `/feed?organisation=${code}`)
    expect(feed.status).toBe(200)
    const entries = feed.text.split('<entry>').slice(1).join('')
    expect(entries).not.toMatch(/<script|&lt;script|<img|&lt;img|onerror|<i>|&lt;i&gt;/)
    expect(entries).toContain('<title>Gewijzigd: Bomen tellen (versie 2)</title>')
    expect(entries).toContain('<summary>Nieuwe versie</summary>')
    expect(entries).toContain('<name>Gemeente Slikkerveen</name>')
  })
})
