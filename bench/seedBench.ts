/**
 * Bench-only seeding: fills a benchmark database straight through SQL, because creating
 * 10,000 algorithms with 5 approvals each through Payload would take hours. The rows have the
 * same shape the register writes (the public records and diffs are built by the register's own
 * buildPublicRecord and diffDocuments), so the public API and Payload's REST API read realistic
 * data. Never run this against a real register.
 */
import type pg from 'pg'

import type { Algorithm, Organisation } from '../payload-types'
import { diffDocuments } from '../src/audit/diffDocuments'
import { dutchSortKey } from '../src/publicApi/dutchSortKey'
import { buildPublicRecord, publicRecordHash } from '../src/publicApi/publicRecord'
import { generateLars } from '../src/standard/lars'
import { CATEGORY_VALUES } from '../src/standard/publicationStandard'
import { htmlToLexical, htmlToText } from '../src/standard/richText'

export interface SeedOptions {
  organisations: number
  algorithms: number
  revisionsPerAlgorithm: number
}

export interface SeedResult {
  lars: string[]
  organisationCodes: string[]
  searchTerms: string[]
  /** Distinct words (4+ letters) of the seeded names and short descriptions. */
  words: string[]
}

/** A small deterministic random generator, so every run seeds the same register. */
function mulberry32(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const DOMAINS = [
  ['Parkeer', 'parkeren', 'parkeervergunning'],
  ['Afval', 'afval', 'vuilniswagen'],
  ['Bijstands', 'bijstand', 'uitkering'],
  ['Subsidie', 'subsidie', 'aanvraag'],
  ['Verkeers', 'verkeer', 'kruispunt'],
  ['Belasting', 'belasting', 'aanslag'],
  ['Zorg', 'zorg', 'thuiszorg'],
  ['Jeugd', 'jeugdzorg', 'gezin'],
  ['Woning', 'wonen', 'huurwoning'],
  ['Leerlingen', 'onderwijs', 'leerling'],
  ['Dijk', 'dijk', 'waterkering'],
  ['Riool', 'riolering', 'regenwater'],
  ['Groen', 'bomen', 'plantsoen'],
  ['Vergunning', 'vergunning', 'bouwplan'],
  ['Handhavings', 'handhaving', 'controle'],
  ['Schuld', 'schulden', 'betalingsachterstand'],
  ['Werk', 'werk', 'vacature'],
  ['Inburgerings', 'inburgering', 'taalles'],
  ['Energie', 'energie', 'zonnepaneel'],
  ['Fraude', 'fraude', 'signaal'],
] as const
const ACTIONS = [
  'controle',
  'planning',
  'voorspelling',
  'signalering',
  'beoordeling',
  'toewijzing',
  'routering',
  'herkenning',
  'analyse',
  'prioritering',
]
const QUALIFIERS = [
  'met beelden',
  'op basis van risico',
  'voor inwoners',
  'in de wijk',
  'met sensoren',
  'per kwartaal',
  'bij aanvragen',
  'voor ondernemers',
  'met een rekenregel',
  'met machine learning',
]
const TYPES: Array<[string, number]> = [
  ['gemeente', 340],
  ['provincie', 12],
  ['waterschap', 21],
  ['ministerie', 12],
  ['agentschap', 25],
  ['zbo', 40],
  ['gemeenschappelijke_regeling', 20],
  ['veiligheidsregio', 15],
  ['omgevingsdienst', 15],
]
const PUBLICATION_CATEGORIES = [
  'Hoog-risico AI-systeem',
  'Impactvolle algoritmes',
  'Overige algoritmes',
]
const STATUSES = ['In ontwikkeling', 'In gebruik', 'Buiten gebruik']

/** Search texts that hit a realistic mix of small and large result sets. */
export const SEARCH_TERMS = [
  'parkeren',
  'afval',
  'bijstand uitkering',
  'subsidie',
  'verkeer kruispunt',
  'belasting',
  'thuiszorg',
  'jeugdzorg',
  'huurwoning',
  'leerling',
  'dijk',
  'regenwater',
  'bomen',
  'vergunning bouwplan',
  'handhaving',
  'schulden',
  'vacature',
  'inburgering',
  'zonnepaneel',
  'fraude signaal',
  '"machine learning"',
  'risico -fraude',
  'sensoren',
  'wijk',
  'ondernemers',
  'rekenregel',
  'beelden',
  'planning',
  'voorspelling',
  'controle',
]

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]
}

type Row = Record<string, unknown>

/** Inserts rows column-wise through unnest(): one statement per batch, whatever its size. */
async function insertRows(
  client: pg.Client,
  table: string,
  columns: Array<[name: string, type: string]>,
  rows: Row[],
  returning = '',
  custom?: { target: string; select: string },
): Promise<Row[]> {
  const values = columns.map(([name]) => rows.map((row) => row[name] ?? null))
  const unnest = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ')
  const names = columns.map(([name]) => `"${name}"`).join(', ')
  const sql = `INSERT INTO ${table} (${custom ? custom.target : names})
    SELECT ${custom ? custom.select : names} FROM unnest(${unnest}) AS t(${names})
    ${returning ? `RETURNING ${returning}` : ''}`
  const result = await client.query(sql, values)
  return result.rows as Row[]
}

/** Seeds organisations, algorithms, revisions and the public projection. */
export async function seedBench(client: pg.Client, options: SeedOptions): Promise<SeedResult> {
  const random = mulberry32(20261123)
  const organisations: Array<{ id: number; code: string; name: string; type: string }> = []
  const orgRows: Row[] = []
  let serial = 0
  for (const [type, count] of TYPES) {
    for (let i = 0; i < count && orgRows.length < options.organisations; i += 1) {
      serial += 1
      const prefix =
        type === 'gemeente'
          ? 'gm'
          : type === 'provincie'
            ? 'pv'
            : type === 'waterschap'
              ? 'ws'
              : 'oo'
      const code = `${prefix}${String(serial).padStart(4, '0')}`
      orgRows.push({
        name: `${type === 'gemeente' ? 'Gemeente' : type === 'waterschap' ? 'Waterschap' : 'Organisatie'} Bench ${serial}`,
        code,
        type,
        website: `https://${code}.example`,
        contact_email: `info@${code}.example`,
        postal_address_street: `Postbus ${serial}`,
        postal_address_city: `Plaats ${serial}`,
      })
    }
  }
  while (orgRows.length < options.organisations) {
    serial += 1
    orgRows.push({
      name: `Organisatie Bench ${serial}`,
      code: `oo${String(serial).padStart(4, '0')}`,
      type: 'overig',
    })
  }
  const insertedOrgs = await insertRows(
    client,
    'organisations',
    [
      ['name', 'text'],
      ['code', 'text'],
      ['type', 'enum_organisations_type'],
      ['website', 'text'],
      ['contact_email', 'text'],
      ['postal_address_street', 'text'],
      ['postal_address_city', 'text'],
    ],
    orgRows,
    'id, code, name, type',
  )
  for (const row of insertedOrgs) {
    organisations.push({
      id: Number(row.id),
      code: String(row.code),
      name: String(row.name),
      type: String(row.type),
    })
  }

  const usedLars = new Set<string>()
  const allLars: string[] = []
  const words = new Set<string>()
  const start = Date.UTC(2023, 0, 1)
  const batchSize = 500
  for (let offset = 0; offset < options.algorithms; offset += batchSize) {
    const docs: Array<{ doc: Algorithm; organisation: (typeof organisations)[number] }> = []
    for (let i = offset; i < Math.min(options.algorithms, offset + batchSize); i += 1) {
      const organisation = organisations[i % organisations.length]
      const [prefix, word, second] = pick(random, DOMAINS)
      const action = pick(random, ACTIONS)
      const qualifier = pick(random, QUALIFIERS)
      let lars = generateLars(random)
      while (usedLars.has(lars)) lars = generateLars(random)
      usedLars.add(lars)
      allLars.push(lars)
      const themes = [
        ...new Set([pick(random, CATEGORY_VALUES), pick(random, CATEGORY_VALUES)]),
      ].slice(0, 1 + Math.floor(random() * 2))
      const publicationCategory =
        random() < 0.05
          ? PUBLICATION_CATEGORIES[0]
          : random() < 0.4
            ? PUBLICATION_CATEGORIES[1]
            : PUBLICATION_CATEGORIES[2]
      const text = `${prefix}${action} ${qualifier} ${word} ${second}`.toLowerCase()
      for (const token of text.split(/[^a-z]+/)) if (token.length >= 4) words.add(token)
      const doc = {
        id: 0,
        name: `${prefix}${action} ${qualifier}`,
        description_short: `Een computerprogramma helpt bij ${word} en ${second}. Een medewerker controleert de uitkomst ${qualifier}.`,
        category: themes,
        status: pick(random, STATUSES),
        begin_date: `20${10 + Math.floor(random() * 14)}-0${1 + Math.floor(random() * 9)}`,
        end_date: '',
        contact_email: `algoritmes@${organisation.code}.example`,
        website: '',
        publication_category: publicationCategory,
        url: '',
        goal: htmlToLexical(
          `<p>Wij willen ${word} beter regelen. Het programma doet een voorstel over ${second}.</p>`,
        ),
        proportionality: htmlToLexical(
          '<p>De voordelen wegen op tegen de nadelen. Wij gebruiken alleen nodige gegevens.</p>',
        ),
        human_intervention: htmlToLexical(
          '<p>Een medewerker neemt altijd het besluit en kijkt naar elke uitkomst.</p>',
        ),
        risks: htmlToLexical(
          '<ul><li>Fouten in de gegevens</li><li>Ongelijke behandeling</li></ul>',
        ),
        lawful_basis: htmlToLexical('<p>Gemeentewet, artikel 160.</p>'),
        lawful_basis_grouping: [
          { title: 'Gemeentewet', link: 'https://wetten.overheid.nl/BWBR0005416' },
        ],
        impacttoetsen_grouping:
          random() < 0.3
            ? [{ title: 'IAMA', link: `https://${organisation.code}.example/iama` }]
            : [],
        provider: random() < 0.5 ? 'Leverancier B.V.' : '',
        tags: `${word}, ${second}, ${action}`,
        source_id: '',
        lars,
        lang: 'nld',
        publication_dt: new Date(start + (i % 700) * 86400000).toISOString().slice(0, 10),
        eu_database_url:
          publicationCategory === PUBLICATION_CATEGORIES[0]
            ? 'https://eu-database.example/systems/1'
            : '',
        fria_summary:
          publicationCategory === PUBLICATION_CATEGORIES[0]
            ? 'Samenvatting van de grondrechtentoets.'
            : '',
        dpia_summary:
          publicationCategory === PUBLICATION_CATEGORIES[0] ? 'Samenvatting van de DPIA.' : '',
        internal_notes: 'Interne notitie (benchmark).',
      } as unknown as Algorithm
      docs.push({ doc, organisation })
    }

    const inserted = await insertRows(
      client,
      'algorithms',
      [
        ['name', 'text'],
        ['organization_id', 'int'],
        ['description_short', 'text'],
        ['status', 'text'],
        ['begin_date', 'text'],
        ['contact_email', 'text'],
        ['publication_category', 'text'],
        ['tags', 'text'],
        ['provider', 'text'],
        ['goal', 'jsonb'],
        ['proportionality', 'jsonb'],
        ['human_intervention', 'jsonb'],
        ['risks', 'jsonb'],
        ['lawful_basis', 'jsonb'],
        ['eu_database_url', 'text'],
        ['fria_summary', 'text'],
        ['dpia_summary', 'text'],
        ['internal_notes', 'text'],
        ['lars', 'text'],
        ['standard_version', 'text'],
        ['lang', 'text'],
        ['publication_dt', 'text'],
        ['workflow_state', 'enum_algorithms_workflow_state'],
        ['workflow_transition_count', 'numeric'],
        ['workflow_published_revision_count', 'numeric'],
      ],
      docs.map(({ doc, organisation }) => {
        const source = doc as unknown as Row
        return {
          ...source,
          organization_id: organisation.id,
          goal: JSON.stringify(source.goal),
          proportionality: JSON.stringify(source.proportionality),
          human_intervention: JSON.stringify(source.human_intervention),
          risks: JSON.stringify(source.risks),
          lawful_basis: JSON.stringify(source.lawful_basis),
          standard_version: '1.0',
          workflow_state: 'gepubliceerd',
          workflow_transition_count: options.revisionsPerAlgorithm * 2,
          workflow_published_revision_count: options.revisionsPerAlgorithm,
        }
      }),
      'id, lars',
    )
    const idByLars = new Map(inserted.map((row) => [String(row.lars), Number(row.id)]))
    for (const entry of docs)
      (entry.doc as { id: number }).id = idByLars.get(String(entry.doc.lars)) as number

    const texts: Row[] = []
    const links: Row[] = []
    for (const { doc } of docs) {
      ;(doc.category as string[]).forEach((theme, order) =>
        texts.push({ order: order + 1, parent_id: doc.id, path: 'category', text: theme }),
      )
      links.push({
        _order: 1,
        _parent_id: doc.id,
        id: `bench-${doc.id}`,
        title: 'Gemeentewet',
        link: 'https://wetten.overheid.nl/BWBR0005416',
      })
    }
    await insertRows(
      client,
      'algorithms_texts',
      [
        ['order', 'int'],
        ['parent_id', 'int'],
        ['path', 'text'],
        ['text', 'text'],
      ],
      texts,
    )
    await insertRows(
      client,
      'algorithms_lawful_basis_grouping',
      [
        ['_order', 'int'],
        ['_parent_id', 'int'],
        ['id', 'text'],
        ['title', 'text'],
        ['link', 'text'],
      ],
      links,
    )

    const revisions: Row[] = []
    const projections: Row[] = []
    for (const { doc, organisation } of docs) {
      let previous: Record<string, unknown> = {}
      const baseTime = Date.parse(`${doc.publication_dt}T09:00:00Z`)
      for (let number = 1; number <= options.revisionsPerAlgorithm; number += 1) {
        const version = {
          ...doc,
          description_short:
            number === 1
              ? doc.description_short
              : `${doc.description_short} Bijgewerkt in versie ${number}.`,
        } as Algorithm
        const record = buildPublicRecord(
          version,
          organisation as unknown as Organisation,
          String(doc.publication_dt),
        )
        const snapshot = record as unknown as Record<string, unknown>
        const approvedAt = new Date(baseTime + number * 30 * 86400000).toISOString()
        const hash = publicRecordHash(record)
        revisions.push({
          title: `${doc.name} – versie ${number}`,
          algorithm_id: doc.id,
          organisation_id: organisation.id,
          lars: doc.lars,
          revision_number: number,
          standard_version: '1.0',
          snapshot: JSON.stringify(snapshot),
          change_summary: number === 1 ? null : `Korte beschrijving bijgewerkt (versie ${number}).`,
          diff: JSON.stringify(diffDocuments(previous, snapshot)),
          content_hash: hash,
          approved_by_name: 'Benchmark',
          approved_at: approvedAt,
        })
        previous = snapshot
        if (number === options.revisionsPerAlgorithm) {
          projections.push({
            lars: doc.lars,
            algorithm_id: doc.id,
            organisation_id: organisation.id,
            organisation_code: organisation.code,
            organisation_name: organisation.name,
            organisation_type: organisation.type,
            revision_number: number,
            record: JSON.stringify(record),
            publication_category: record.publication_category,
            status: record.status,
            categories: JSON.stringify(record.category),
            has_impact_assessment: (doc.impacttoetsen_grouping?.length ?? 0) > 0,
            name: record.name,
            description_short: record.description_short,
            goal_text: htmlToText(String(record.goal)),
            tags_text: `${htmlToText(String(record.tags))} ${organisation.name}`,
            name_sort: dutchSortKey(String(record.name ?? '')),
            first_published_at: new Date(baseTime + 30 * 86400000).toISOString(),
            updated_at: approvedAt,
            etag: `${hash.slice(0, 20)}.${number}`,
          })
        }
      }
    }
    const revisionIds = await insertRows(
      client,
      'revisions',
      [
        ['title', 'text'],
        ['algorithm_id', 'int'],
        ['organisation_id', 'numeric'],
        ['lars', 'text'],
        ['revision_number', 'numeric'],
        ['standard_version', 'text'],
        ['snapshot', 'jsonb'],
        ['change_summary', 'text'],
        ['diff', 'jsonb'],
        ['content_hash', 'text'],
        ['approved_by_name', 'text'],
        ['approved_at', 'timestamptz'],
      ],
      revisions,
      'id, lars, revision_number',
    )
    const lastRevision = new Map(
      revisionIds
        .filter((row) => Number(row.revision_number) === options.revisionsPerAlgorithm)
        .map((row) => [String(row.lars), Number(row.id)]),
    )
    for (const projection of projections)
      projection.revision_id = lastRevision.get(String(projection.lars))
    await insertRows(
      client,
      'public_algorithms',
      [
        ['lars', 'text'],
        ['algorithm_id', 'int'],
        ['organisation_id', 'int'],
        ['organisation_code', 'text'],
        ['organisation_name', 'text'],
        ['organisation_type', 'text'],
        ['revision_id', 'int'],
        ['revision_number', 'int'],
        ['record', 'jsonb'],
        ['publication_category', 'text'],
        ['status', 'text'],
        ['categories', 'jsonb'],
        ['has_impact_assessment', 'boolean'],
        ['name', 'text'],
        ['description_short', 'text'],
        ['goal_text', 'text'],
        ['tags_text', 'text'],
        ['first_published_at', 'timestamptz'],
        ['updated_at', 'timestamptz'],
        ['etag', 'text'],
        ['name_sort', 'text'],
      ],
      projections,
      '',
      {
        target: `lars, algorithm_id, organisation_id, organisation_code, organisation_name,
          organisation_type, revision_id, revision_number, record, publication_category, status,
          categories, has_impact_assessment, search, first_published_at, updated_at, etag, name_sort`,
        select: `lars, algorithm_id, organisation_id, organisation_code, organisation_name,
          organisation_type, revision_id, revision_number, record, publication_category, status,
          ARRAY(SELECT jsonb_array_elements_text(categories)), has_impact_assessment,
          setweight(to_tsvector('dutch', name), 'A')
            || setweight(to_tsvector('dutch', description_short), 'B')
            || setweight(to_tsvector('dutch', goal_text), 'C')
            || setweight(to_tsvector('dutch', tags_text), 'C'),
          first_published_at, updated_at, etag, name_sort`,
      },
    )
  }
  await client.query(`
    UPDATE algorithms a SET workflow_public_revision_id = r.id, workflow_public_since = r.approved_at
    FROM revisions r WHERE r.algorithm_id = a.id AND r.revision_number = ${options.revisionsPerAlgorithm}`)
  await client.query('ANALYZE')
  return {
    lars: allLars,
    organisationCodes: organisations.map((o) => o.code),
    searchTerms: SEARCH_TERMS,
    words: [...words, 'computerprogramma', 'medewerker', 'controleert', 'uitkomst'],
  }
}
