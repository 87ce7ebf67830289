import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, initTransaction, killTransaction } from 'payload'

import { runSql } from '../../../src/database/runSql'
import { REGISTER_DATABASE_UP } from '../../../src/schema/registerDatabaseObjects'
import { missingDatabaseObjects } from '../../../src/schema/missingDatabaseObjects'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'

let app: TestApp

beforeAll(async () => {
  app = await testApp()
})

afterAll(async () => {
  await closeTestApp()
})

describe("the register's database objects", () => {
  it('names what a database without the register migration lacks', async () => {
    const req = await createLocalReq({}, app.payload)
    await initTransaction(req)
    try {
      // Inside a transaction that is rolled back: the shared test database keeps its guards.
      await runSql(req, sql`DROP TRIGGER audit_events_append_only ON audit_events`)
      await runSql(req, sql`DROP TABLE public_algorithms`)
      expect(await missingDatabaseObjects(req)).toEqual([
        'public_algorithms',
        'audit_events_append_only',
      ])
    } finally {
      await killTransaction(req)
    }
  })

  it('finds all of them in a database migrated by the bundled application', async () => {
    const req = await createLocalReq({}, app.payload)
    expect(await missingDatabaseObjects(req)).toEqual([])
  })

  it("gives a host the same projection table, indexes and guards as the bundled application's migrations", async () => {
    const req = await createLocalReq({}, app.payload)
    await initTransaction(req)
    const describeSchema = async (schema: string) => {
      const columns = await runSql<{
        column_name: string
        data_type: string
        collation_name: string | null
        is_nullable: string
        column_default: string | null
      }>(
        req,
        sql`SELECT column_name, data_type, collation_name, is_nullable, column_default
            FROM information_schema.columns
            WHERE table_schema = ${schema} AND table_name = 'public_algorithms' ORDER BY column_name`,
      )
      const indexes = await runSql<{ definition: string }>(
        req,
        sql`SELECT replace(indexdef, ${`${schema}.`}, '') AS definition FROM pg_indexes
            WHERE schemaname = ${schema} AND tablename = 'public_algorithms' ORDER BY indexname`,
      )
      const triggers = await runSql<{ name: string; table: string }>(
        req,
        sql`SELECT t.tgname AS name, c.relname AS table FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT t.tgisinternal AND n.nspname = ${schema} ORDER BY t.tgname`,
      )
      return { columns, indexes, triggers }
    }
    try {
      // A host's empty database, in a schema of its own inside a transaction that is rolled back.
      await runSql(req, sql`CREATE SCHEMA host_probe`)
      await runSql(req, sql`SET LOCAL search_path = host_probe, public`)
      await runSql(req, sql`CREATE TABLE audit_events (id serial PRIMARY KEY)`)
      await runSql(req, sql`CREATE TABLE revisions (id serial PRIMARY KEY)`)
      await runSql(
        req,
        sql.raw(REGISTER_DATABASE_UP.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION')),
      )
      const host = await describeSchema('host_probe')
      const bundled = await describeSchema('public')
      expect(host.columns).toEqual(bundled.columns)
      expect(host.indexes).toEqual(bundled.indexes)
      expect(host.triggers).toEqual(bundled.triggers)
      expect(host.triggers.map((t) => t.name)).toContain('audit_events_append_only')
    } finally {
      await killTransaction(req)
    }
  })

  it('refuses a raw UPDATE of the audit history', async () => {
    // Creating an organisation writes an audit event, so there is a row to update.
    await app.payload.create({
      collection: 'organisations',
      data: { name: 'Gemeente Guard', code: 'gm9901', type: 'gemeente' },
      overrideAccess: true,
    })
    const refusal = await runSql({ payload: app.payload }, sql`UPDATE audit_events SET id = id`)
      .then(() => undefined)
      .catch((error: unknown) => (error as { cause?: { code?: string; message?: string } }).cause)
    expect(refusal?.code).toBe('42501')
    expect(refusal?.message).toMatch(/UPDATE on audit_events is not allowed/)
  })
})
