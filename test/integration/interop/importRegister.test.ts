import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres'

import type { Organisation, User } from '../../../payload-types'
import {
  ImportRefusedError,
  importRegister,
  type ImportResult,
} from '../../../src/interop/importRegister'
import { NATIONAL_CSV_STYLE, parseCsv, serializeCsv } from '../../../src/interop/csvCodec'
import { formatImportSummary } from '../../../src/interop/importSummary'
import { readImportFile } from '../../../src/interop/readImportFile'
import { htmlToLexical } from '../../../src/standard/richText'
import { createOrganisation, createUser } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { query } from '../../support/workflowHelpers'
import {
  personaliseUnused,
  readFixture,
  type FixtureName,
  type PersonalFixture,
} from '../../fixtures/interop/interopFixtures'

let app: TestApp
let admin: User

beforeAll(async () => {
  app = await testApp()
  admin = await createUser(app.payload, { isPlatformAdmin: true, name: 'Ingrid Importeur' })
})

afterAll(async () => {
  await closeTestApp()
})

function run(
  text: string,
  options: { dryRun?: boolean; strict?: boolean; fileName?: FixtureName | string } = {},
): Promise<ImportResult> {
  const fileName = options.fileName ?? 'noorderhaaks-en.csv'
  return importRegister(app.payload, readImportFile(fileName, text), {
    userEmail: admin.email,
    dryRun: options.dryRun,
    strict: options.strict,
  })
}

function outcomes(result: ImportResult): Record<number, string> {
  return Object.fromEntries(result.rows.map((row) => [row.rowNumber, row.outcome]))
}

async function algorithmByLars(lars: string) {
  const found = await app.payload.find({
    collection: 'algorithms',
    where: { lars: { equals: lars } },
    depth: 0,
    overrideAccess: true,
  })
  return found.docs[0]
}

async function organisationsNamed(name: string): Promise<Organisation[]> {
  const found = await app.payload.find({
    collection: 'organisations',
    where: { name: { equals: name } },
    depth: 0,
    overrideAccess: true,
  })
  return found.docs
}

async function countRows(table: 'revisions' | 'public_algorithms', lars: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    app.payload,
    table === 'revisions'
      ? sql`SELECT count(*)::int AS n FROM revisions WHERE lars = ${lars}`
      : sql`SELECT count(*)::int AS n FROM public_algorithms WHERE lars = ${lars}`,
  )
  return row.n
}

describe('import of the English national export', () => {
  let fixture: PersonalFixture
  let gemeente: Organisation
  let first: ImportResult

  beforeAll(async () => {
    fixture = await personaliseUnused(app.payload, readFixture('noorderhaaks-en.csv'))
    // The municipality exists already (with a code); the water board and foundation do not.
    gemeente = await createOrganisation(app.payload, { name: fixture.names.gemeente })
    first = await run(fixture.text)
  })

  it('creates, rejects and reports per row, in file order', () => {
    expect(first.counts).toEqual({ created: 5, updated: 0, unchanged: 0, rejected: 2 })
    expect(outcomes(first)).toEqual({
      2: 'created',
      3: 'created',
      4: 'created',
      5: 'created',
      6: 'rejected',
      7: 'rejected',
      8: 'created',
    })
    expect(first.committed).toBe(true)
    expect(first.labelLanguage).toBe('en')
  })

  it('matches the existing organisation by name, ignoring case and spaces', async () => {
    const parkeren = await algorithmByLars(fixture.lars.parkeervergunningen)
    const verkeer = await algorithmByLars(fixture.lars.verkeerslichten)
    expect(parkeren.organization).toBe(gemeente.id)
    expect(verkeer.organization).toBe(gemeente.id)
    expect(await organisationsNamed(fixture.names.gemeente)).toHaveLength(1)
  })

  it('creates missing organisations once, with a type from the name, and warns for a guess', async () => {
    const [waterschap] = await organisationsNamed(fixture.names.waterschap)
    const [stichting] = await organisationsNamed(fixture.names.stichting)
    expect(waterschap.type).toBe('waterschap')
    expect(waterschap.code ?? null).toBeNull()
    expect(stichting.type).toBe('overig')
    expect(first.organisationsCreated).toEqual([
      { name: fixture.names.waterschap, type: 'waterschap', certain: true, rowNumber: 4 },
      { name: fixture.names.stichting, type: 'overig', certain: false, rowNumber: 5 },
    ])
    const row5 = first.rows.find((row) => row.rowNumber === 5)
    expect(row5?.warnings.some((w) => w.field === 'organization' && w.kind === 'changed')).toBe(
      true,
    )
  })

  it('stores the normalised values: Dutch labels, yyyy-mm dates, trimmed texts, no themes', async () => {
    const verkeer = await algorithmByLars(fixture.lars.verkeerslichten)
    expect(verkeer.status).toBe('In gebruik')
    expect(verkeer.publication_category).toBe('Impactvolle algoritmes')
    expect(verkeer.category).toEqual(['Verkeer', 'Ruimte en infrastructuur'])
    expect(verkeer.begin_date).toBe('2014-01')
    expect(verkeer.description_short).toBe(
      'Sensoren in het wegdek laten het verkeer op de Ringweg beter doorstromen.',
    )
    expect(verkeer.lawful_basis_grouping).toEqual([
      expect.objectContaining({
        title: 'Wegenverkeerswet 1994',
        link: 'https://wetten.overheid.nl/BWBR0006622',
      }),
    ])
    const parkeren = await algorithmByLars(fixture.lars.parkeervergunningen)
    expect(parkeren.begin_date).toBe('2018-01')
    expect(parkeren.category).toEqual([])
    const dijk = await algorithmByLars(fixture.lars.dijkbewaking)
    expect(dijk.begin_date).toBe('2020-01')
    expect(dijk.website).toBe('https://www.haaksdelta.nl/dijken')
  })

  it('publishes each description as revision 1 (source import) attributed to the importer', async () => {
    const verkeer = await algorithmByLars(fixture.lars.verkeerslichten)
    expect(verkeer.workflow?.state).toBe('gepubliceerd')
    expect(verkeer.workflow?.publishedRevisionCount).toBe(1)
    expect(verkeer.workflow?.publicRevision).toEqual(expect.any(Number))
    expect(verkeer.workflow?.reviewDueAt).toEqual(expect.any(String))
    expect(verkeer.publication_dt).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const [revision] = await query<{
      source: string
      revision_number: string
      approved_by_id: string
      approved_by_name: string
    }>(
      app.payload,
      sql`SELECT source, revision_number, approved_by_id, approved_by_name FROM revisions
          WHERE lars = ${fixture.lars.verkeerslichten}`,
    )
    expect(revision).toEqual({
      source: 'import',
      revision_number: '1',
      approved_by_id: String(admin.id),
      approved_by_name: 'Ingrid Importeur',
    })
    const [projection] = await query<{
      record: Record<string, unknown>
      organisation_name: string
    }>(
      app.payload,
      sql`SELECT record, organisation_name FROM public_algorithms WHERE lars = ${fixture.lars.verkeerslichten}`,
    )
    expect(projection.organisation_name).toBe(fixture.names.gemeente)
    expect(projection.record.goal).toBe(
      '<p>Minder wachten bij kruispunten.</p><p>Minder uitstoot van uitlaatgassen.</p>',
    )
  })

  it('writes one import audit event per imported row, by the importer', async () => {
    const verkeer = await algorithmByLars(fixture.lars.verkeerslichten)
    const events = await query<{
      event_type: string
      actor_id: string
      details: { outcome: string; row: number; lars: string; revisionNumber: number }
    }>(
      app.payload,
      sql`SELECT event_type, actor_id, details FROM audit_events
          WHERE target_collection = 'algorithms' AND target_id = ${String(verkeer.id)}
          ORDER BY sequence`,
    )
    expect(events).toEqual([
      {
        event_type: 'import',
        actor_id: String(admin.id),
        details: expect.objectContaining({
          outcome: 'created',
          row: 2,
          lars: fixture.lars.verkeerslichten,
          revisionNumber: 1,
        }),
      },
    ])
  })

  it('keeps what the import changed, with the value from the file, in the import event', async () => {
    const dijk = await algorithmByLars(fixture.lars.dijkbewaking)
    expect(dijk.website).toBe('https://www.haaksdelta.nl/dijken')
    const [event] = await query<{ details: { changedValues: unknown[] } }>(
      app.payload,
      sql`SELECT details FROM audit_events
          WHERE event_type = 'import' AND details->>'lars' = ${fixture.lars.dijkbewaking}`,
    )
    expect(event.details.changedValues).toContainEqual({
      field: 'website',
      value: 'www.haaksdelta.nl/dijken',
      message:
        'Webadres "www.haaksdelta.nl/dijken" was niet compleet; het is "https://www.haaksdelta.nl/dijken" geworden.',
    })
  })

  it('gives a row without LARS id a new id, and finds it again by source_id', async () => {
    const row8 = first.rows.find((row) => row.rowNumber === 8)
    expect(row8?.lars).toMatch(/^\d{8}$/)
    const afval = await algorithmByLars(row8?.lars ?? '')
    expect(afval.source_id).toBe('NH-042')
  })

  it('reports rejected rows with their reasons and stores nothing of them', async () => {
    const chatbot = first.rows.find((row) => row.rowNumber === 6)
    expect(chatbot?.reasons).toEqual([expect.objectContaining({ field: 'status' })])
    expect(chatbot?.reasons[0].message.nl).toContain('"Experimental" is geen toegestane waarde')
    // Its website "niet openbaar" is only left out (an optional field, with a warning); its
    // contact details hold no address at all, and they are required.
    const meldingen = first.rows.find((row) => row.rowNumber === 7)
    expect(meldingen?.reasons.map((reason) => reason.field)).toEqual(['contact_email'])
    expect(meldingen?.reasons[0].message.nl).toContain('geen geldig e-mailadres')
    expect(meldingen?.warnings.map((warning) => [warning.field, warning.value])).toContainEqual([
      'website',
      'niet openbaar',
    ])
    expect(await algorithmByLars(fixture.lars.chatbot)).toBeUndefined()
    expect(await algorithmByLars(fixture.lars.meldingen)).toBeUndefined()
  })

  it('changes nothing on a second run, and says so', async () => {
    const importEvents = async () => {
      const [row] = await query<{ n: number }>(
        app.payload,
        sql`SELECT count(*)::int AS n FROM audit_events
            WHERE event_type = 'import'
              AND details->>'lars' IN (${fixture.lars.verkeerslichten}, ${fixture.lars.dijkbewaking})`,
      )
      return row.n
    }
    const revisionsBefore = await countRows('revisions', fixture.lars.verkeerslichten)
    expect(await importEvents()).toBe(2)
    const second = await run(fixture.text)
    expect(second.counts).toEqual({ created: 0, updated: 0, unchanged: 5, rejected: 2 })
    expect(second.organisationsCreated).toEqual([])
    expect(await countRows('revisions', fixture.lars.verkeerslichten)).toBe(revisionsBefore)
    expect(await importEvents()).toBe(2)
    expect(formatImportSummary(second)).toContain(
      'Er is niets veranderd: 5 rij(en) staan al zo in het register en 2 rij(en) zijn afgewezen.',
    )
  })

  it('updates a changed row as revision 2, and leaves the unchanged ones alone', async () => {
    const changed = fixture.text.replace(
      'Sensoren in het wegdek laten het verkeer op de Ringweg beter doorstromen. ',
      'Sensoren in het wegdek regelen de verkeerslichten op de Ringweg.',
    )
    const result = await run(changed)
    expect(result.counts).toEqual({ created: 0, updated: 1, unchanged: 4, rejected: 2 })
    expect(result.rows.find((row) => row.rowNumber === 2)).toEqual(
      expect.objectContaining({ outcome: 'updated', revisionNumber: 2 }),
    )
    const verkeer = await algorithmByLars(fixture.lars.verkeerslichten)
    expect(verkeer.workflow?.publishedRevisionCount).toBe(2)
    const [projection] = await query<{
      record: { description_short: string; publication_dt: string }
    }>(
      app.payload,
      sql`SELECT record FROM public_algorithms WHERE lars = ${fixture.lars.verkeerslichten}`,
    )
    expect(projection.record.description_short).toBe(
      'Sensoren in het wegdek regelen de verkeerslichten op de Ringweg.',
    )
    // The first publication date stays.
    expect(projection.record.publication_dt).toBe(verkeer.publication_dt)
    const [diff] = await query<{ fields: string[] }>(
      app.payload,
      sql`SELECT details->'fields' AS fields FROM audit_events
          WHERE event_type = 'import' AND details->>'lars' = ${fixture.lars.verkeerslichten}
          ORDER BY sequence DESC LIMIT 1`,
    )
    expect(diff.fields).toEqual(['description_short'])
  })

  it('refuses to overwrite a version an editor is working on, but still reports unchanged rows', async () => {
    const editor = await createUser(app.payload, {
      memberships: [{ organisation: gemeente.id, role: 'redacteur' }],
    })
    const parkeren = await algorithmByLars(fixture.lars.parkeervergunningen)
    await app.payload.update({
      collection: 'algorithms',
      id: parkeren.id,
      data: { goal: htmlToLexical('<p>Een nieuwe tekst van de redacteur.</p>') } as never,
      overrideAccess: false,
      user: editor,
      depth: 0,
    })
    expect((await algorithmByLars(fixture.lars.parkeervergunningen)).workflow?.state).toBe(
      'concept',
    )
    const unchanged = await run(fixture.text)
    expect(unchanged.rows.find((row) => row.rowNumber === 3)?.outcome).toBe('unchanged')
    const changed = await run(
      fixture.text.replace(
        'Eerlijk verdelen van de schaarse vergunningen.',
        'Eerlijk en snel verdelen.',
      ),
    )
    const row3 = changed.rows.find((row) => row.rowNumber === 3)
    expect(row3?.outcome).toBe('rejected')
    expect(row3?.reasons[0].message.nl).toContain(
      'In dit register wordt aan een nieuwe versie gewerkt',
    )
    const stored = await algorithmByLars(fixture.lars.parkeervergunningen)
    expect(stored.workflow?.state).toBe('concept')
  })
})

describe('matching and refusals', () => {
  it('matches an organisation by its code even when the name differs (JSON dump)', async () => {
    const fixture = await personaliseUnused(app.payload, readFixture('noorderhaaks.json'))
    const organisation = await createOrganisation(app.payload, { name: fixture.names.gemeente })
    const text = fixture.text.replace('"CODE"', JSON.stringify(organisation.code))
    const result = await run(text, { fileName: 'noorderhaaks.json' })
    expect(result.format).toBe('json')
    expect(result.counts).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 0 })
    const woning = await algorithmByLars(fixture.lars.woningtoewijzing)
    expect(woning.organization).toBe(organisation.id)
    const boetes = await algorithmByLars(fixture.lars.parkeerboetes)
    expect(boetes.organization).toBe(organisation.id)
    expect(await organisationsNamed(`${fixture.names.gemeente} (oude naam)`)).toEqual([])
    expect((await run(text, { fileName: 'noorderhaaks.json' })).counts.unchanged).toBe(2)
  })

  it('matches rows without LARS id by source_id, then by name (Dutch export)', async () => {
    const fixture = await personaliseUnused(app.payload, readFixture('noorderhaaks-nl.csv'))
    const first = await run(fixture.text, { fileName: 'noorderhaaks-nl.csv' })
    expect(first.counts).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 0 })
    expect(first.labelLanguage).toBe('nl')
    const again = await run(fixture.text, { fileName: 'noorderhaaks-nl.csv' })
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 2, rejected: 0 })
    expect(again.rows.map((row) => row.lars)).toEqual(first.rows.map((row) => row.lars))
  })

  it('rejects a LARS id of another organisation and a LARS id repeated in the file', async () => {
    const fixture = await personaliseUnused(app.payload, readFixture('noorderhaaks-en.csv'))
    const [header, verkeer] = parseCsv(fixture.text)
    const file = (...rows: string[][]) => serializeCsv([header, ...rows], NATIONAL_CSV_STYLE)
    await run(file(verkeer))
    const elsewhere = `Gemeente Elders ${fixture.suffix}`
    const moved = verkeer.map((cell) => (cell === fixture.names.gemeente ? elsewhere : cell))
    const other = await run(file(moved))
    expect(other.rows[0].outcome).toBe('rejected')
    expect(other.rows[0].reasons[0].message.nl).toContain(
      `hoort in dit register bij ${fixture.names.gemeente}, maar deze rij noemt ${elsewhere}`,
    )
    // The organisation the rejected row needed was rolled back with it.
    expect(await organisationsNamed(elsewhere)).toEqual([])
    const twice = await run(file(verkeer, verkeer))
    expect(twice.rows.map((row) => row.outcome)).toEqual(['unchanged', 'rejected'])
    expect(twice.rows[1].reasons[0].message.nl).toBe(
      `Algoritme-ID ${fixture.lars.verkeerslichten} staat ook al in rij 2. Elke beschrijving mag maar één keer in het bestand staan.`,
    )
  })

  it('imports in the name of a platform admin only', async () => {
    const source = readImportFile('x.csv', readFixture('noorderhaaks-nl.csv'))
    const editor = await createUser(app.payload)
    await expect(importRegister(app.payload, source, { userEmail: editor.email })).rejects.toThrow(
      ImportRefusedError,
    )
    await expect(
      importRegister(app.payload, source, { userEmail: 'niemand@noorderhaaks.example' }),
    ).rejects.toThrow('There is no user with the e-mail address niemand@noorderhaaks.example')
  })
})

describe('strict mode and dry run', () => {
  it('strict: a file with a rejected row saves nothing, and lists every problem', async () => {
    const fixture = await personaliseUnused(app.payload, readFixture('noorderhaaks-en.csv'))
    const result = await run(fixture.text, { strict: true })
    expect(result.committed).toBe(false)
    expect(result.counts).toEqual({ created: 5, updated: 0, unchanged: 0, rejected: 2 })
    expect(await algorithmByLars(fixture.lars.verkeerslichten)).toBeUndefined()
    expect(await countRows('public_algorithms', fixture.lars.verkeerslichten)).toBe(0)
    expect(await organisationsNamed(fixture.names.waterschap)).toEqual([])
  })

  it('strict: a clean file is saved as a whole', async () => {
    const fixture = await personaliseUnused(app.payload, readFixture('noorderhaaks-en.csv'))
    const clean = fixture.text
      .split('\n')
      .filter((line) => !line.startsWith('Proef met chatbot') && !line.startsWith('Meldingen'))
      .join('\n')
    const result = await run(clean, { strict: true })
    expect(result.committed).toBe(true)
    expect(result.counts).toEqual({ created: 5, updated: 0, unchanged: 0, rejected: 0 })
    expect(await countRows('public_algorithms', fixture.lars.dijkbewaking)).toBe(1)
    expect(await organisationsNamed(fixture.names.waterschap)).toHaveLength(1)
  })

  it('dry run: checks everything a real run would, then leaves nothing behind', async () => {
    const fixture = await personaliseUnused(app.payload, readFixture('noorderhaaks-en.csv'))
    const result = await run(fixture.text, { dryRun: true })
    expect(result.dryRun).toBe(true)
    expect(result.committed).toBe(false)
    expect(result.counts).toEqual({ created: 5, updated: 0, unchanged: 0, rejected: 2 })
    // Organisations are counted once, although later rows use them too.
    expect(result.organisationsCreated.map((o) => o.name)).toEqual([
      fixture.names.gemeente,
      fixture.names.waterschap,
      fixture.names.stichting,
    ])
    expect(await organisationsNamed(fixture.names.gemeente)).toEqual([])
    expect(await algorithmByLars(fixture.lars.verkeerslichten)).toBeUndefined()
  })
})
