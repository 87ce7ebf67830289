import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, initTransaction, killTransaction } from 'payload'

import { runSql } from '../../../src/database/runSql'
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
