import { describe, expect, it } from '@jest/globals'
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

describe('the predefined migration for payload migrate:create --file', () => {
  it('writes exactly the register statements into the migration, nothing escaped away', async () => {
    expect(await executed(upSQL)).toEqual([`\n${REGISTER_DATABASE_UP}\n`])
    expect(await executed(downSQL)).toEqual([`\n${REGISTER_DATABASE_DOWN}\n`])
    expect(imports).toBe('')
  })
})
