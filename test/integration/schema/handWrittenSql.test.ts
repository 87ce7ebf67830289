/**
 * The register's hand-written SQL lives in a few owner modules. Payload names the columns of its
 * tables itself (workflow.publicRevision → workflow_public_revision_id); when a field is renamed
 * or moved, a hand-written statement would only fail at run time. This test reads the SQL text
 * of the owner modules and checks every table and column name in it against the migrated schema.
 */
import { readFileSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres'

import { runSql } from '../../../src/database/runSql'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'

let app: TestApp

beforeAll(async () => {
  app = await testApp()
})

afterAll(async () => {
  await closeTestApp()
})

/** The modules that own hand-written SQL against tables. */
const OWNER_MODULES = [
  'src/database/payloadTables.ts',
  'src/publicApi/projection.ts',
  'src/publicApi/publicReaders.ts',
]

/** SQL words, functions, types and casts that are not names in the schema. */
const SQL_WORDS = new Set(
  `select from where and or not in is null as on join left order by desc asc limit offset group
  having distinct union all insert into values update set delete returning conflict do excluded
  case when then else end true false filter count coalesce nullif least greatest exists any
  array unnest jsonb jsonb_set to_jsonb jsonb_array_elements_text jsonb_build_object jsonb_agg
  text int integer bigint numeric timestamptz interval boolean make_interval months now
  setweight to_tsvector websearch_to_tsquery ts_rank_cd plainto_tsquery dutch pg_notify
  pg_advisory_xact_lock pg_trigger tgname tgisinternal to_regclass local synchronous_commit off to
  with over partition row_number lower upper trim length min max sum avg string_agg
  similarity ilike like escape collate between cast extract epoch date_trunc abs
  public algorithms_sessions users_sessions`.split(/\s+/),
)

/** The SQL text of a module: template literals (sql`…` and plain) without their `${…}` parts. */
function sqlTextOf(path: string): string[] {
  const source = readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')
  const texts: string[] = []
  for (const match of source.matchAll(/`([^`]*)`/g)) {
    const text = match[1].replace(/\$\{[^}]*\}/g, ' ')
    if (/\b(SELECT|UPDATE|INSERT|FROM|WHERE|SET)\b/.test(text)) texts.push(text)
  }
  return texts
}

/** Names in SQL text: identifiers that are not words, aliases, strings or parameters. */
function namesIn(text: string): string[] {
  const cleaned = text
    // Comments first: they may hold an apostrophe.
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'[^']*'/g, ' ')
    .replace(/\$[A-Z_]+|\$\d+/g, ' ')
    .replace(/::\s*[a-z_]+(\[\])?/gi, ' ')
  const aliases = new Set(
    [...cleaned.matchAll(/\bAS\s+([a-z_][a-z0-9_]*)/gi)].map((m) => m[1].toLowerCase()),
  )
  // Names of common table expressions: `WITH base AS (…)`.
  for (const m of cleaned.matchAll(/\b([a-z_][a-z0-9_]*)\s+AS\s*\(/gi))
    aliases.add(m[1].toLowerCase())
  // Table aliases: a name right after a table name in FROM or JOIN.
  for (const m of cleaned.matchAll(/\b(?:FROM|JOIN)\s+[a-z_]+\s+([a-z])\b/gi)) {
    aliases.add(m[1].toLowerCase())
  }
  const names = new Set<string>()
  for (const m of cleaned.matchAll(/\b([a-z_][a-z0-9_]*)\b/gi)) {
    const word = m[1]
    // Upper-case words are SQL; names in the schema are lower case.
    if (word !== word.toLowerCase()) continue
    if (SQL_WORDS.has(word) || aliases.has(word)) continue
    names.add(word)
  }
  return [...names]
}

describe('hand-written SQL against the migrated schema', () => {
  it('uses only table and column names that exist', async () => {
    const rows = await runSql<{ table_name: string; column_name: string }>(
      { payload: app.payload },
      sql`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
    )
    const known = new Set(rows.flatMap((row) => [row.table_name, row.column_name]))
    const unknown: string[] = []
    let checked = 0
    for (const path of OWNER_MODULES) {
      for (const text of sqlTextOf(path)) {
        for (const name of namesIn(text)) {
          checked += 1
          if (!known.has(name)) unknown.push(`${path}: ${name}`)
        }
      }
    }
    expect(unknown).toEqual([])
    // The statements were found at all (a broken extraction would pass trivially).
    expect(checked).toBeGreaterThan(60)
  })

  it('would notice a renamed column', () => {
    const names = namesIn('SELECT workflow_state AS state FROM algorithms a WHERE a.id = 1')
    expect(names).toEqual(expect.arrayContaining(['workflow_state', 'algorithms', 'id']))
    expect(names).not.toContain('state')
  })
})
