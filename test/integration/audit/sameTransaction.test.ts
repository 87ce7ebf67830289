import { randomBytes } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, initTransaction, killTransaction } from 'payload'

import type { Organisation, User } from '../../../payload-types'
import { poolOf, runSql } from '../../../src/database/runSql'
import { completeDescription, createAlgorithmAs } from '../../support/algorithmFixtures'
import { createOrganisation, createUser, login } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { call, eventsOfRequest, lastSequence, newRequestId, verifyChain } from './auditSupport'

let app: TestApp
let organisation: Organisation
let editor: User
let reviewer: User
let admin: User
let editorToken: string
let adminToken: string

/** Runs SQL outside Payload (test set-up: temporary triggers). */
async function execute(text: string): Promise<void> {
  await poolOf(app.payload).query(text)
}

/**
 * Adds a trigger for the duration of `body` and always removes it again. The trigger function
 * raises an error only when `condition` holds, so nothing else in the database is affected.
 */
async function withFailingTrigger(
  table: string,
  timing: string,
  condition: string,
  body: () => Promise<void>,
): Promise<void> {
  const name = `audit_test_${randomBytes(4).toString('hex')}`
  await execute(`
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF ${condition} THEN
        RAISE EXCEPTION 'audit test: refused by %', TG_NAME;
      END IF;
      RETURN NEW;
    END
    $fn$;
    CREATE ${timing.replace('{name}', name)} EXECUTE FUNCTION ${name}();
  `)
  try {
    await body()
  } finally {
    await execute(`DROP TRIGGER IF EXISTS ${name} ON ${table}; DROP FUNCTION IF EXISTS ${name}();`)
  }
}

async function storedAlgorithm(id: number): Promise<Record<string, unknown>> {
  const [row] = await runSql<Record<string, unknown>>(
    { payload: app.payload },
    sql`SELECT name, internal_notes, workflow_state FROM algorithms WHERE id = ${id}`,
  )
  return row
}

beforeAll(async () => {
  app = await testApp()
  await createUser(app.payload, { name: 'Eerste account' })
  organisation = await createOrganisation(app.payload)
  editor = await createUser(app.payload, {
    name: 'Ria Redacteur',
    memberships: [{ organisation: organisation.id, role: 'redacteur' }],
  })
  reviewer = await createUser(app.payload, {
    name: 'Guus Goedkeurder',
    memberships: [{ organisation: organisation.id, role: 'goedkeurder' }],
  })
  admin = await createUser(app.payload, {
    name: 'Bram Beheerder',
    memberships: [{ organisation: organisation.id, role: 'beheerder' }],
  })
  editorToken = await login(app.url, editor.email)
  adminToken = await login(app.url, admin.email)
})

afterAll(async () => {
  await closeTestApp()
})

describe('when writing the audit event fails, the change fails too', () => {
  it('leaves an algorithm update undone', async () => {
    const algorithm = await createAlgorithmAs(
      app.payload,
      editor,
      completeDescription(organisation.id),
    )
    const before = await storedAlgorithm(algorithm.id)
    const sequenceBefore = await lastSequence(app.payload)
    const requestId = newRequestId('refused-audit')
    await withFailingTrigger(
      'audit_events',
      'TRIGGER {name} BEFORE INSERT ON audit_events FOR EACH ROW',
      `NEW.target_collection = 'algorithms' AND NEW.target_id = '${algorithm.id}'`,
      async () => {
        const response = await call(app.url, 'PATCH', `/api/algorithms/${algorithm.id}`, {
          token: editorToken,
          requestId,
          body: { name: 'Nooit opgeslagen', internal_notes: 'Nooit opgeslagen' },
        })
        expect(response.status).toBeGreaterThanOrEqual(400)
      },
    )
    expect(await storedAlgorithm(algorithm.id)).toEqual(before)
    expect(await eventsOfRequest(app.payload, requestId)).toEqual([])
    expect(await lastSequence(app.payload)).toBe(sequenceBefore)
  })

  it('leaves an organisation update undone', async () => {
    const requestId = newRequestId('refused-org')
    await withFailingTrigger(
      'audit_events',
      'TRIGGER {name} BEFORE INSERT ON audit_events FOR EACH ROW',
      `NEW.target_collection = 'organisations' AND NEW.target_id = '${organisation.id}'`,
      async () => {
        const response = await call(app.url, 'PATCH', `/api/organisations/${organisation.id}`, {
          token: adminToken,
          requestId,
          body: { name: 'Gemeente Nooit Hernoemd' },
        })
        expect(response.status).toBeGreaterThanOrEqual(400)
      },
    )
    const [row] = await runSql<{ name: string }>(
      { payload: app.payload },
      sql`SELECT name FROM organisations WHERE id = ${organisation.id}`,
    )
    expect(row.name).toBe(organisation.name)
    expect(await eventsOfRequest(app.payload, requestId)).toEqual([])
  })

  it('leaves a workflow step undone: no new state, no revision', async () => {
    const algorithm = await createAlgorithmAs(
      app.payload,
      editor,
      completeDescription(organisation.id),
    )
    const requestId = newRequestId('refused-transition')
    await withFailingTrigger(
      'audit_events',
      'TRIGGER {name} BEFORE INSERT ON audit_events FOR EACH ROW',
      `NEW.event_type = 'transition' AND NEW.target_id = '${algorithm.id}'`,
      async () => {
        const response = await call(app.url, 'POST', `/api/algorithms/${algorithm.id}/transition`, {
          token: editorToken,
          requestId,
          body: { action: 'submit', expectedState: 'concept' },
        })
        expect(response.status).toBeGreaterThanOrEqual(400)
      },
    )
    expect((await storedAlgorithm(algorithm.id)).workflow_state).toBe('concept')
    expect(await eventsOfRequest(app.payload, requestId)).toEqual([])
    const jobs = await runSql<{ count: string }>(
      { payload: app.payload },
      sql`SELECT count(*) FROM payload_jobs WHERE input::text LIKE ${`%${reviewer.email}%`}`,
    )
    expect(Number(jobs[0].count)).toBe(0)
  })
})

describe('when the change fails after its audit event was written, the event goes too', () => {
  it('rolls the event back with a transaction the caller kills', async () => {
    const algorithm = await createAlgorithmAs(
      app.payload,
      editor,
      completeDescription(organisation.id),
    )
    const before = await storedAlgorithm(algorithm.id)
    const sequenceBefore = await lastSequence(app.payload)
    const requestId = newRequestId('killed')
    const req = await createLocalReq(
      { user: { ...editor, collection: 'users' }, context: { registerRequestId: requestId } },
      app.payload,
    )
    await initTransaction(req)
    await app.payload.update({
      collection: 'algorithms',
      id: algorithm.id,
      data: { internal_notes: 'Alleen in de afgebroken transactie' },
      overrideAccess: false,
      user: req.user,
      req,
    })
    // Inside the transaction the event is there, linked to the chain...
    const inside = await runSql<{ sequence: string; request_id: string }>(
      req,
      sql`SELECT sequence, request_id FROM audit_events WHERE request_id = ${requestId}`,
    )
    expect(inside).toHaveLength(1)
    expect(Number(inside[0].sequence)).toBe(sequenceBefore + 1)
    await killTransaction(req)
    // ...and after the rollback neither the change nor the event exists.
    expect(await storedAlgorithm(algorithm.id)).toEqual(before)
    expect(await eventsOfRequest(app.payload, requestId)).toEqual([])
    expect(await lastSequence(app.payload)).toBe(sequenceBefore)
  })

  it('rolls the event back when a later step of the same request fails', async () => {
    const algorithm = await createAlgorithmAs(
      app.payload,
      editor,
      completeDescription(organisation.id),
    )
    const requestId = newRequestId('late-failure')
    // The transition writes its event, then queues a mail to the reviewer: make that fail.
    await withFailingTrigger(
      'payload_jobs',
      'TRIGGER {name} BEFORE INSERT ON payload_jobs FOR EACH ROW',
      `NEW.input::text LIKE '%${reviewer.email}%'`,
      async () => {
        const response = await call(app.url, 'POST', `/api/algorithms/${algorithm.id}/transition`, {
          token: editorToken,
          requestId,
          body: { action: 'submit', expectedState: 'concept' },
        })
        expect(response.status).toBeGreaterThanOrEqual(500)
      },
    )
    expect((await storedAlgorithm(algorithm.id)).workflow_state).toBe('concept')
    expect(await eventsOfRequest(app.payload, requestId)).toEqual([])
  })

  it('rolls the event back when the database refuses the change at COMMIT', async () => {
    const algorithm = await createAlgorithmAs(
      app.payload,
      editor,
      completeDescription(organisation.id),
    )
    const before = await storedAlgorithm(algorithm.id)
    const sequenceBefore = await lastSequence(app.payload)
    const requestId = newRequestId('commit-failure')
    const forbidden = `Geweigerd bij commit ${randomBytes(3).toString('hex')}`
    await withFailingTrigger(
      'algorithms',
      `CONSTRAINT TRIGGER {name} AFTER UPDATE ON algorithms DEFERRABLE INITIALLY DEFERRED FOR EACH ROW`,
      `NEW.name = '${forbidden}'`,
      async () => {
        // Payload 3.90's Postgres adapter swallows an error raised by COMMIT and answers 200
        // with the unsaved document, so only the database state says what happened.
        await call(app.url, 'PATCH', `/api/algorithms/${algorithm.id}`, {
          token: editorToken,
          requestId,
          body: { name: forbidden },
        })
      },
    )
    expect(await storedAlgorithm(algorithm.id)).toEqual(before)
    expect(await eventsOfRequest(app.payload, requestId)).toEqual([])
    expect(await lastSequence(app.payload)).toBe(sequenceBefore)
  })

  it('leaves no gap: the next event continues the chain where it was', async () => {
    const sequenceBefore = await lastSequence(app.payload)
    const algorithm = await createAlgorithmAs(
      app.payload,
      editor,
      completeDescription(organisation.id),
    )
    expect(await lastSequence(app.payload)).toBe(sequenceBefore + 1)
    const report = await verifyChain(app.payload)
    expect(report).toMatchObject({ ok: true, lastSequence: sequenceBefore + 1 })
    expect(algorithm.id).toBeGreaterThan(0)
  })
})
