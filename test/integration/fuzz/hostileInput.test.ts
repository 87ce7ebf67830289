/**
 * Property-based fuzzing of the input gate: fast-check generates invalid values for every field
 * of algorithms and organisations (control characters, markup in plain text, bad URLs, wrong
 * types, over-long strings, values outside the permitted lists, bad months), and each one is sent
 * through every write path: REST create, REST update (PATCH), GraphQL create and update, and the
 * Local API with access control on (create and update).
 *
 * For every input: no answer of 500 or more, the value is refused, nothing is created, a refused
 * update leaves the whole document as it was, and every field error names its field (its Dutch
 * label or its key). The seed is fixed for reproducible runs; set FUZZ_SEED to try another.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { FlattenedField, Payload } from 'payload'

import type { Organisation, User } from '../../../payload-types'
import { labelOfField } from '../../../src/standard/checkInputShape'
import { fieldErrors, graphqlFieldErrors, thrownFieldErrors } from '../../fixtures/fieldErrors'
import { createOrganisation, createUser, graphql, login, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'

const SEED = Number(process.env.FUZZ_SEED ?? 20261203)
const ALGORITHM_CASES = 150
const ORGANISATION_CASES = 40
const CONCURRENCY = 8

type Collection = 'algorithms' | 'organisations'
type Path =
  | 'rest-create'
  | 'rest-update'
  | 'graphql-create'
  | 'graphql-update'
  | 'local-create'
  | 'local-update'
const PATHS: readonly Path[] = [
  'rest-create',
  'rest-update',
  'graphql-create',
  'graphql-update',
  'local-create',
  'local-update',
]

/** One invalid input: the field it targets and the data sent. */
interface FuzzCase {
  field: string
  data: Record<string, unknown>
  /** Not through GraphQL, whose input coercion makes a single object a list of one (spec). */
  notGraphql?: boolean
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const CONTROL_CHARACTERS = [
  ...Array.from({ length: 9 }, (_, code) => code),
  0x0b,
  0x0c,
  ...Array.from({ length: 18 }, (_, index) => 0x0e + index),
  0x7f,
].map((code) => String.fromCharCode(code))

const safeWord = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,15}$/)

const withControlCharacter = fc
  .tuple(safeWord, fc.constantFrom(...CONTROL_CHARACTERS), safeWord)
  .map(([before, character, after]) => `${before}${character}${after}`)

const MARKUP_SNIPPETS = [
  '<script>alert(1)</script>',
  '<iframe src="https://evil.example"></iframe>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">klik</a>',
  '<div onclick="steal()">x</div>',
  '<h1>Kop</h1>',
  '<!-- verborgen -->',
  '</p>',
  '<?xml version="1.0"?>',
  '<svg/onload=alert(1)>',
  '<b>vet</b>',
  '<style>body{}</style>',
]
const withMarkup = fc
  .tuple(safeWord, fc.constantFrom(...MARKUP_SNIPPETS), safeWord)
  .map(([before, markup, after]) => `${before}${markup}${after}`)

const BAD_URLS = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://ftp.noorderhaaks.nl/algoritme',
  'http://',
  'https://',
  'www.noorderhaaks.nl',
  'https://user:geheim@noorderhaaks.nl',
  'https://noorderhaaks',
  'https://noorder haaks.nl',
  ' javascript:alert(1)',
  'mailto:',
]
const badUrl = fc.oneof(
  fc.constantFrom(...BAD_URLS),
  withControlCharacter.map((text) => `https://www.noorderhaaks.nl/${text}`),
  fc.integer({ min: 501, max: 3000 }).map((n) => `https://www.noorderhaaks.nl/${'a'.repeat(n)}`),
)

const wrongScalar = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.array(safeWord, { minLength: 1, maxLength: 3 }),
  fc.record({ tekst: safeWord }),
)

const overLong = (max: number) =>
  fc.oneof(
    fc.integer({ min: max + 1, max: max + 50 }).map((n) => 'x'.repeat(n)),
    // Well past every limit, yet under the 1 MB request body limit of the HTTP edge.
    fc.constant('y'.repeat(200_000)),
  )

const plainText = (max: number) =>
  fc.oneof(withControlCharacter, withMarkup, wrongScalar, overLong(max))

const notPermitted = (permitted: readonly string[]) =>
  fc.oneof(
    safeWord.filter((word) => !permitted.includes(word)),
    fc.constantFrom(...permitted).map((value) => value.toUpperCase()),
    fc.constantFrom(...permitted).map((value) => `${value}<script>`),
    withControlCharacter,
    fc.integer(),
    fc.boolean(),
    fc.record({ value: safeWord }),
  )

const badMonth = fc.oneof(
  fc.constantFrom(
    '2023-13',
    '2023-00',
    '2023-1',
    '23-01',
    '2023/01',
    '01-2023',
    '1899-12',
    '2200-01',
  ),
  fc.constantFrom('2023-01-15', 'januari 2023', '2023-01\u0000', ''.padEnd(8, '9')),
  fc.integer(),
  fc.array(fc.constant('2023-01'), { minLength: 1, maxLength: 2 }),
)

const RICH_TEXT_BAD = [
  '<p>Doel</p><script>alert(1)</script>',
  '<p onclick="x()">Doel</p>',
  '<h1>Kop</h1>',
  '<p><a href="javascript:alert(1)">link</a></p>',
  '<iframe src="https://evil.example"></iframe>',
  '<table><tr><td>x</td></tr></table>',
  '<img src=x onerror=alert(1)>',
]
const deepObject = fc.integer({ min: 70, max: 200 }).map((depth) => {
  let node: Record<string, unknown> = { type: 'text', text: 'x' }
  for (let level = 0; level < depth; level += 1) node = { type: 'paragraph', children: [node] }
  return { root: { type: 'root', children: [node] } }
})
const richText = (max: number) =>
  fc.oneof(
    fc.constantFrom(...RICH_TEXT_BAD),
    withControlCharacter.map((text) => `<p>${text}</p>`),
    fc.integer({ min: max + 1, max: max + 30 }).map((n) => `<p>${'r'.repeat(n)}</p>`),
    fc.integer(),
    fc.boolean(),
    fc.array(safeWord, { minLength: 1, maxLength: 2 }),
    fc.constant({ root: 5 }),
    deepObject,
  )

const GOOD_LINK = 'https://wetten.overheid.nl/BWBR0015703'

/** One row where a list belongs: invalid over REST and the Local API, a list of one in GraphQL. */
class SingleRow {
  constructor(readonly row: Record<string, unknown>) {}
}
const linkList = (titleMax: number, linkRequired: boolean) =>
  fc.oneof(
    safeWord,
    fc.record({ title: safeWord, link: fc.constant(GOOD_LINK) }).map((row) => new SingleRow(row)),
    fc.array(safeWord, { minLength: 1, maxLength: 3 }),
    // 0 is how Payload's admin sends a list without rows: valid, so not generated here.
    fc.integer().filter((n) => n !== 0),
    withMarkup.map((title) => [{ title, link: GOOD_LINK }]),
    withControlCharacter.map((title) => [{ title, link: GOOD_LINK }]),
    badUrl.map((link) => [{ title: 'Wet', link }]),
    fc
      .integer({ min: titleMax + 1, max: titleMax + 20 })
      .map((n) => [{ title: 't'.repeat(n), link: GOOD_LINK }]),
    fc.constant([{ link: GOOD_LINK }]),
    ...(linkRequired ? [fc.constant([{ title: 'Wet' }])] : []),
    fc
      .array(wrongScalar, { minLength: 1, maxLength: 2 })
      .map((titles) => titles.map((title) => ({ title, link: GOOD_LINK }))),
    fc.constant(Array.from({ length: 201 }, () => ({ title: 'Wet', link: GOOD_LINK }))),
  )

const STATUS = ['In ontwikkeling', 'In gebruik', 'Buiten gebruik']
const CATEGORIES = ['Economie', 'Wonen', 'Recht', 'Werk', 'Verkeer']
const PUBLICATION_CATEGORIES = [
  'Hoog-risico AI-systeem',
  'Impactvolle algoritmes',
  'Overige algoritmes',
]

const field = (name: string, value: fc.Arbitrary<unknown>) =>
  value.map(
    (invalid): FuzzCase =>
      invalid instanceof SingleRow
        ? { field: name, data: { [name]: invalid.row }, notGraphql: true }
        : { field: name, data: { [name]: invalid } },
  )

/** Every field of an algorithm an API client can send, with values it must refuse. */
const algorithmCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  field('name', fc.oneof(plainText(100), fc.constant(null), fc.constant(''))),
  field('description_short', plainText(400)),
  field('provider', plainText(200)),
  field('source_id', plainText(100)),
  field(
    'organization',
    fc.oneof(
      fc.constant(null),
      safeWord,
      fc.boolean(),
      fc.record({ naam: safeWord }),
      fc.constant(-1),
    ),
  ),
  field(
    'category',
    fc.oneof(
      notPermitted(CATEGORIES).map((value) => [value]),
      safeWord,
      fc.constant(['Wonen', 'Wonen']),
    ),
  ),
  field('status', notPermitted(STATUS)),
  field('publication_category', notPermitted(PUBLICATION_CATEGORIES)),
  field('begin_date', badMonth),
  field('end_date', badMonth),
  fc.constantFrom(['2024-06', '2023-01'], ['2020-02', '2019-12']).map(
    ([begin, end]): FuzzCase => ({
      field: 'end_date',
      data: { begin_date: begin, end_date: end },
    }),
  ),
  field(
    'contact_email',
    fc.oneof(
      badUrl,
      fc.constantFrom(
        'geen-adres',
        'a@b',
        'Jan <jan@noorderhaaks.nl>',
        'mailto:algoritmes@noorderhaaks.nl',
      ),
      wrongScalar,
    ),
  ),
  ...(['website', 'url', 'process_index_url', 'publiccode', 'eu_database_url'] as const).map(
    (key) => field(key, fc.oneof(badUrl, wrongScalar)),
  ),
  ...(
    [
      'goal',
      'proportionality',
      'human_intervention',
      'risks',
      'lawful_basis',
      'impacttoetsen',
      'source_data',
    ] as const
  ).map((key) => field(key, richText(2500))),
  field('methods_and_models', richText(5000)),
  field(
    'tags',
    fc.oneof(fc.constantFrom(...RICH_TEXT_BAD), withControlCharacter, wrongScalar, overLong(2500)),
  ),
  field('lawful_basis_grouping', linkList(100, true)),
  field('source_data_grouping', linkList(500, true)),
  field('impacttoetsen_grouping', linkList(500, false)),
  field('lang', notPermitted(['nld'])),
  field('fria_summary', fc.oneof(withControlCharacter, withMarkup, wrongScalar, overLong(2500))),
  field('dpia_summary', fc.oneof(withControlCharacter, withMarkup, wrongScalar, overLong(2500))),
  ...(
    [
      'internal_notes',
      'internal_owner',
      'internal_contact',
      'publication_category_rationale',
    ] as const
  ).map((key) => field(key, fc.oneof(withControlCharacter, wrongScalar, overLong(5000)))),
  field('lars', fc.oneof(fc.constant('12345678'), safeWord, fc.integer())),
  field('standard_version', fc.constantFrom('2.0', '1.1')),
  field('publication_dt', fc.constantFrom('2024-01-01', 'gisteren')),
  field('workflow', fc.oneof(fc.constant({ state: 'gepubliceerd' }), safeWord)),
  field('basedOn', fc.oneof(fc.constant({ lars: '12345678' }), safeWord)),
)

const TYPES = ['gemeente', 'provincie', 'waterschap', 'ministerie', 'overig']

/** Every field of an organisation, with values it must refuse. */
const organisationCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  field('name', fc.oneof(plainText(100), fc.constant(null))),
  field(
    'code',
    fc.oneof(
      fc.integer(),
      fc.array(fc.constant('gm0363'), { minLength: 1, maxLength: 2 }),
      withMarkup,
      withControlCharacter,
      fc.constantFrom('gm12', 'xx0363', 'GM 0363', 'pv27', 'gm036a'),
    ),
  ),
  field('type', notPermitted(TYPES)),
  field('website', fc.oneof(badUrl, wrongScalar)),
  field(
    'contactEmail',
    fc.oneof(
      fc.constantFrom('geen-adres', 'a@', '@noorderhaaks.nl'),
      withControlCharacter,
      wrongScalar,
    ),
  ),
  field(
    'postalAddress',
    fc.oneof(safeWord, fc.integer(), fc.array(safeWord, { minLength: 1, maxLength: 2 })),
  ),
  ...(['street', 'city', 'country'] as const).map((key) =>
    plainText(200).map(
      (value): FuzzCase => ({ field: 'postalAddress', data: { postalAddress: { [key]: value } } }),
    ),
  ),
  fc
    .oneof(
      fc.constantFrom('ABCD 12', '0123 AB', '1234'),
      withMarkup,
      withControlCharacter,
      wrongScalar,
    )
    .map(
      (postalCode): FuzzCase => ({
        field: 'postalAddress',
        data: { postalAddress: { postalCode, country: 'Nederland' } },
      }),
    ),
  field('settings', fc.oneof(safeWord, fc.integer(), fc.array(fc.boolean(), { minLength: 1 }))),
  ...(['fourEyes', 'plainLanguageBlocks'] as const).map((key) =>
    fc
      .oneof(
        safeWord.filter((word) => !['true', 'false'].includes(word)),
        fc.integer(),
        fc.record({ aan: fc.boolean() }),
      )
      .map((value): FuzzCase => ({ field: 'settings', data: { settings: { [key]: value } } })),
  ),
  fc.oneof(fc.constantFrom(0, 61, -5, 1_000_000), safeWord, fc.boolean()).map(
    (months): FuzzCase => ({
      field: 'settings',
      data: { settings: { reviewIntervalMonths: months } },
    }),
  ),
  field('parent', fc.oneof(safeWord, fc.boolean(), fc.constant(-1), fc.record({ naam: safeWord }))),
)

// ---------------------------------------------------------------------------------------------
// The application under test
// ---------------------------------------------------------------------------------------------

let app: TestApp
let organisation: Organisation
let editor: User
let admin: User
let editorToken: string
let adminToken: string
let algorithmId: number
let organisationId: number
let loggerLevel: string

const organisationData = (name: string): Record<string, unknown> => ({ name, type: 'overig' })

beforeAll(async () => {
  console.log(`hostile-input fuzz seed: ${SEED} (set FUZZ_SEED to change)`)
  app = await testApp()
  // Each of the thousand refusals would be logged, GraphQL ones with a stack trace; that costs
  // more time than the requests themselves and hides what matters in the output.
  loggerLevel = app.payload.logger.level
  app.payload.logger.level = 'fatal'
  organisation = await createOrganisation(app.payload, { name: 'Gemeente Fuzzstad' })
  editor = await createUser(app.payload, {
    memberships: [{ organisation: organisation.id, role: 'redacteur' }],
  })
  admin = await createUser(app.payload, { isPlatformAdmin: true })
  editorToken = await login(app.url, editor.email)
  adminToken = await login(app.url, admin.email)
  const algorithm = await app.payload.create({
    collection: 'algorithms',
    data: {
      name: 'Parkeervergunningen toewijzen',
      organization: organisation.id,
      description_short: 'Het algoritme helpt bij het toewijzen van parkeervergunningen.',
      status: 'In gebruik',
      publication_category: 'Impactvolle algoritmes',
      category: ['Verkeer'],
      begin_date: '2023-01',
      contact_email: 'algoritmes@fuzzstad.nl',
      website: 'https://www.fuzzstad.nl/parkeren',
      provider: 'Intern ontwikkeld',
      source_id: 'PV-1',
      goal: '<p>Sneller een vergunning.</p>',
      lawful_basis_grouping: [{ title: 'Wegenverkeerswet 1994', link: GOOD_LINK }],
      impacttoetsen_grouping: [{ title: 'DPIA' }],
      internal_notes: 'Notitie',
    } as never,
    overrideAccess: true,
    depth: 0,
  })
  algorithmId = algorithm.id
  const target = await createOrganisation(app.payload, { name: 'Gemeente Fuzzdorp' })
  organisationId = target.id
})

afterAll(async () => {
  app.payload.logger.level = loggerLevel
  await closeTestApp()
})

// ---------------------------------------------------------------------------------------------
// Sending one input through one path
// ---------------------------------------------------------------------------------------------

interface Outcome {
  status: number
  /** Field errors as the path reports them; empty when the refusal had none. */
  errors: Array<{ path: string; message: string }>
  /** Messages that are not field errors (GraphQL input coercion, 4xx without fields). */
  messages: string[]
}

const GRAPHQL_NAMES: Record<Collection, { single: string; input: string }> = {
  algorithms: { single: 'Algorithm', input: 'Algorithm' },
  organisations: { single: 'Organisation', input: 'Organisation' },
}

async function send(
  collection: Collection,
  path: Path,
  data: Record<string, unknown>,
): Promise<Outcome> {
  const id = collection === 'algorithms' ? algorithmId : organisationId
  const token = collection === 'algorithms' ? editorToken : adminToken
  const user = collection === 'algorithms' ? editor : admin
  const payload: Payload = app.payload
  switch (path) {
    case 'rest-create':
    case 'rest-update': {
      const response = await rest(
        app.url,
        path === 'rest-create' ? 'POST' : 'PATCH',
        `/api/${collection}${path === 'rest-update' ? `/${id}` : ''}?depth=0`,
        { token, body: data },
      )
      const body = response.body as { errors?: Array<{ message?: unknown }> }
      return {
        status: response.status,
        errors: fieldErrors(response.body),
        messages: (body?.errors ?? []).map((error) => String(error.message)),
      }
    }
    case 'graphql-create':
    case 'graphql-update': {
      const names = GRAPHQL_NAMES[collection]
      const query =
        path === 'graphql-create'
          ? `mutation C($data: mutation${names.input}Input!) { create${names.single}(data: $data) { id } }`
          : `mutation U($id: Int!, $data: mutation${names.input}UpdateInput!) { update${names.single}(id: $id, data: $data) { id } }`
      const response = await graphql(
        app.url,
        query,
        path === 'graphql-create' ? { data } : { id, data },
        {
          token,
        },
      )
      const errors = response.body?.errors ?? []
      const result = response.body?.data as Record<string, unknown> | null | undefined
      const wrote = result && Object.values(result).some((value) => value !== null)
      return {
        // A GraphQL answer with data and no errors is an acceptance whatever its status.
        status: wrote && errors.length === 0 ? 201 : response.status >= 500 ? response.status : 400,
        errors: graphqlFieldErrors(errors),
        messages: errors.map((error) => error.message),
      }
    }
    case 'local-create':
    case 'local-update': {
      try {
        if (path === 'local-create') {
          await payload.create({
            collection,
            data: data as never,
            user,
            overrideAccess: false,
            depth: 0,
          })
        } else {
          await payload.update({
            collection,
            id,
            data: data as never,
            user,
            overrideAccess: false,
            depth: 0,
          })
        }
        return { status: 201, errors: [], messages: [] }
      } catch (error) {
        const status = Number((error as { status?: unknown }).status ?? 500)
        return {
          status,
          errors: thrownFieldErrors(error),
          messages: [String((error as Error).message)],
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// What a message must name
// ---------------------------------------------------------------------------------------------

/** Dutch labels and keys by path with row numbers removed, e.g. `lawful_basis_grouping.title`. */
function namesByPath(
  fields: readonly FlattenedField[],
  prefix = '',
  into = new Map<string, string[]>(),
) {
  for (const field of fields) {
    if (!('name' in field)) continue
    const path = prefix ? `${prefix}.${field.name}` : field.name
    into.set(path, [labelOfField(field).nl, field.name])
    if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) {
      namesByPath(field.flattenedFields, path, into)
    }
  }
  return into
}

function namesField(collection: Collection, errorPath: string, message: string): boolean {
  const names = namesByPath(app.payload.collections[collection].config.flattenedFields)
  const segments = errorPath.split('.').filter((segment) => !/^\d+$/.test(segment))
  const candidates = segments.flatMap(
    (_, index) => names.get(segments.slice(0, index + 1).join('.')) ?? [],
  )
  const lower = message.toLocaleLowerCase('nl')
  return candidates.some((name) => name !== '' && lower.includes(name.toLocaleLowerCase('nl')))
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

async function snapshot(collection: Collection): Promise<{ count: number; doc: unknown }> {
  const id = collection === 'algorithms' ? algorithmId : organisationId
  const [{ totalDocs }, doc] = await Promise.all([
    app.payload.count({ collection, overrideAccess: true }),
    app.payload.findByID({ collection, id, depth: 0, overrideAccess: true }),
  ])
  return { count: totalDocs, doc }
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>) {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(run))
  }
}

interface Failure {
  collection: Collection
  path: Path
  field: string
  data: string
  problem: string
}

async function fuzz(
  collection: Collection,
  cases: readonly FuzzCase[],
): Promise<{ inputs: number; failures: Failure[] }> {
  const failures: Failure[] = []
  let inputs = 0
  const before = await snapshot(collection)
  const base =
    collection === 'algorithms'
      ? { name: 'Fuzz nieuw', organization: organisation.id }
      : organisationData('Fuzz nieuw')
  const runs = cases.flatMap((fuzzCase) =>
    PATHS.filter((path) => !fuzzCase.notGraphql || !path.startsWith('graphql')).map((path) => ({
      fuzzCase,
      path,
    })),
  )
  await inBatches(runs, CONCURRENCY, async ({ fuzzCase, path }) => {
    inputs += 1
    const data = path.endsWith('create') ? { ...base, ...fuzzCase.data } : fuzzCase.data
    const fail = (problem: string): void => {
      failures.push({
        collection,
        path,
        field: fuzzCase.field,
        data: JSON.stringify(fuzzCase.data).slice(0, 200),
        problem,
      })
    }
    const outcome = await send(collection, path, data)
    if (outcome.status >= 500)
      return fail(`answered ${outcome.status}: ${outcome.messages.join(' | ')}`)
    if (outcome.status < 400) return fail(`accepted with ${outcome.status}`)
    if (outcome.errors.length === 0) {
      // GraphQL refuses a value of the wrong type before Payload sees it; its message names the
      // field by key ('… at "data.name"').
      const named = outcome.messages.some((message) => message.includes(fuzzCase.field))
      if (!named) fail(`refused without naming the field: ${outcome.messages.join(' | ')}`)
      return
    }
    for (const error of outcome.errors) {
      if (!namesField(collection, error.path, error.message)) {
        fail(`message for ${error.path} does not name the field: ${error.message}`)
      }
    }
  })
  const after = await snapshot(collection)
  if (after.count !== before.count) {
    failures.push({
      collection,
      path: 'rest-create',
      field: '*',
      data: '',
      problem: `${after.count - before.count} documents created`,
    })
  }
  try {
    expect(after.doc).toEqual(before.doc)
  } catch (error) {
    failures.push({
      collection,
      path: 'rest-update',
      field: '*',
      data: '',
      problem: `document changed: ${String(error).slice(0, 2000)}`,
    })
  }
  return { inputs, failures }
}

describe('hostile input, generated', () => {
  it('refuses every invalid algorithm and organisation value on every write path', async () => {
    const algorithmCases = fc.sample(algorithmCase, { seed: SEED, numRuns: ALGORITHM_CASES })
    const organisationCases = fc.sample(organisationCase, {
      seed: SEED + 1,
      numRuns: ORGANISATION_CASES,
    })
    const algorithms = await fuzz('algorithms', algorithmCases)
    const organisations = await fuzz('organisations', organisationCases)
    const inputs = algorithms.inputs + organisations.inputs
    console.log(
      `hostile-input fuzz: ${inputs} invalid inputs (${algorithms.inputs} algorithm, ${organisations.inputs} organisation) over ${PATHS.length} write paths, seed ${SEED}`,
    )
    expect(inputs).toBeGreaterThanOrEqual(1000)
    expect([...algorithms.failures, ...organisations.failures].slice(0, 25)).toEqual([])
    // A shared CI runner can be slow; the run is bounded by its number of inputs, not by time.
  }, 600_000)
})
