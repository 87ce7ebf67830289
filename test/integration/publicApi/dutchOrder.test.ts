/** The public list sorts names in Dutch order, on the embedded database and on a server. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres'

import pg from 'pg'

import { parseListQuery } from '../../../src/publicApi/listQuery'
import { listPage } from '../../../src/publicApi/publicReaders'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { query } from '../../support/workflowHelpers'
import { createTeam, getPublic, publish } from './publicApiFixtures'

let app: TestApp
let code: string

const NAMES = [
  'Zwemwaterkwaliteit meten',
  'Éénmalige toeslag berekenen',
  'Dijkbewaking met sensoren',
  'aanvragen sorteren',
  'Eenvoudig parkeren',
  'Ångström-meting',
]

beforeAll(async () => {
  app = await testApp()
  const team = await createTeam(app.payload, app.url)
  code = String(team.organisation.code)
  for (const name of NAMES) await publish(app.payload, app.url, team, { name })
})

afterAll(async () => {
  await closeTestApp()
})

type ListBody = { results: Array<{ name: string }> }

describe('sort=name', () => {
  it('puts names in Dutch order: accents and case do not push a name behind z', async () => {
    const expected = [
      'aanvragen sorteren',
      'Ångström-meting',
      'Dijkbewaking met sensoren',
      'Éénmalige toeslag berekenen',
      'Eenvoudig parkeren',
      'Zwemwaterkwaliteit meten',
    ]
    const ascending = await getPublic<ListBody>(
      app.url,
      `/algorithms?organisation=${code}&sort=name`,
    )
    expect(ascending.status).toBe(200)
    expect(ascending.body.results.map((item) => item.name)).toEqual(expected)
    const descending = await getPublic<ListBody>(
      app.url,
      `/algorithms?organisation=${code}&sort=-name`,
    )
    expect(descending.body.results.map((item) => item.name)).toEqual([...expected].reverse())
  })

  it('is served by an index on the Dutch sort key, in ICU’s Dutch collation where the server has ICU', async () => {
    const [index] = await query<{ indexdef: string }>(
      app.payload,
      sql`SELECT indexdef FROM pg_indexes WHERE indexname = 'public_algorithms_name_sort_idx'`,
    )
    expect(index.indexdef).toMatch(/\(name_sort, lars\) WHERE \(withdrawn_at IS NULL\)/)
    const [icu] = await query<{ n: number }>(
      app.payload,
      sql`SELECT count(*)::int AS n FROM pg_collation WHERE collprovider = 'i'`,
    )
    const [collation] = await query<{ provider: string }>(
      app.payload,
      sql`SELECT c.collprovider AS provider FROM pg_attribute a
          JOIN pg_collation c ON c.oid = a.attcollation
          WHERE a.attrelid = 'public_algorithms'::regclass AND a.attname = 'name_sort'`,
    )
    expect(collation.provider).toBe(icu.n > 0 ? 'i' : 'c')
  })

  it('reads a page in Dutch order straight from that index, without sorting, both directions', async () => {
    const client = new pg.Client({ connectionString: process.env.REGISTER_TEST_DATABASE_URL })
    await client.connect()
    const plans: string[] = []
    try {
      await client.query('BEGIN')
      // With a handful of rows a sequential scan is cheaper: ask whether the index CAN serve it.
      await client.query('SET LOCAL enable_seqscan = off')
      await client.query('SET LOCAL enable_sort = off')
      for (const sort of ['name', '-name']) {
        await listPage(
          async <Row extends Record<string, unknown>>(text: string, values: unknown[] = []) => {
            const result = await client.query(`EXPLAIN ${text}`, values)
            plans.push(
              result.rows.map((row: Record<string, unknown>) => row['QUERY PLAN']).join('\n'),
            )
            return [] as Row[]
          },
          parseListQuery(new URLSearchParams({ sort })),
        )
      }
    } finally {
      await client.query('ROLLBACK')
      await client.end()
    }
    expect(plans).toHaveLength(2)
    for (const plan of plans) {
      // The page is chosen straight from the index: nothing is sorted before the LIMIT. (The
      // page's own rows, joined back to their fields, may be put in order once more above it.)
      const beneathLimit = plan.slice(plan.indexOf('Limit'))
      expect(plan).toContain('Limit')
      expect(beneathLimit).toMatch(
        /Index (Only )?Scan( Backward)? using public_algorithms_name_sort_idx/,
      )
      expect(beneathLimit).not.toMatch(/\bSort\b/)
    }
  })
})
