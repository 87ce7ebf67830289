import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'

import { downSQL, imports, upSQL } from '../../../src/exports/migration'
import {
  REGISTER_DATABASE_DOWN,
  REGISTER_DATABASE_UP,
} from '../../../src/schema/registerDatabaseObjects'

/** Runs the statement code Payload writes into a migration file, with a recording `sql` tag. */
async function executed(code: string): Promise<string[]> {
  const seen: string[] = []
  const sql = (strings: TemplateStringsArray, ...values: unknown[]) => {
    expect(values).toEqual([])
    return strings.raw.join('')
  }
  const db = { execute: async (text: string) => void seen.push(text) }
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
    ...args: string[]
  ) => (db: unknown, sql: unknown) => Promise<void>
  await new AsyncFunction('db', 'sql', code)(db, sql)
  return seen
}

function normalised(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

describe('the predefined migration for payload migrate:create --file', () => {
  it('writes exactly the register statements into the migration, nothing escaped away', async () => {
    expect(await executed(upSQL)).toEqual([`\n${REGISTER_DATABASE_UP}\n`])
    expect(await executed(downSQL)).toEqual([`\n${REGISTER_DATABASE_DOWN}\n`])
    expect(imports).toBe('')
  })

  it("holds the same statements as the bundled application's applied guards migration", () => {
    const applied = readFileSync(
      new URL('../../../migrations/20261123_230000_guards.ts', import.meta.url),
      'utf8',
    )
    const up = applied.slice(applied.indexOf('CREATE FUNCTION'), applied.indexOf('`)\n}'))
    expect(normalised(up)).toBe(normalised(REGISTER_DATABASE_UP))
  })
})
