import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { AuditEvent, Organisation, User } from '../../../payload-types'
import { poolOf } from '../../../src/database/runSql'
import { completeDescription, createAlgorithmAs } from '../../support/algorithmFixtures'
import { createOrganisation, createUser, graphql, login } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { auditEvents, call, verifyChain } from './auditSupport'

let app: TestApp
let organisation: Organisation
let editor: User
let event: AuditEvent
const tokens: Record<string, string> = {}

beforeAll(async () => {
  app = await testApp()
  await createUser(app.payload, { name: 'Eerste account' })
  organisation = await createOrganisation(app.payload)
  editor = await createUser(app.payload, {
    memberships: [{ organisation: organisation.id, role: 'redacteur' }],
  })
  const people: Record<string, User> = {
    platformAdmin: await createUser(app.payload, { isPlatformAdmin: true }),
    organisationAdmin: await createUser(app.payload, {
      memberships: [{ organisation: organisation.id, role: 'beheerder' }],
    }),
    auditor: await createUser(app.payload, {
      memberships: [{ organisation: organisation.id, role: 'auditor' }],
    }),
    editor,
  }
  for (const [role, person] of Object.entries(people)) {
    tokens[role] = await login(app.url, person.email)
  }
  const algorithm = await createAlgorithmAs(
    app.payload,
    editor,
    completeDescription(organisation.id),
  )
  ;[event] = await auditEvents(app.payload, {
    and: [{ targetId: { equals: String(algorithm.id) } }, { eventType: { equals: 'create' } }],
  })
})

afterAll(async () => {
  await closeTestApp()
})

async function storedRow(id: number): Promise<Record<string, unknown>> {
  const result = await poolOf(app.payload).query('SELECT * FROM audit_events WHERE id = $1', [id])
  return result.rows[0] as Record<string, unknown>
}

describe('the database refuses to change history', () => {
  const refusal = (operation: string) => ({
    message: `register: ${operation} on audit_events is not allowed: this table is append-only`,
    code: '42501',
  })

  it('refuses UPDATE', async () => {
    const before = await storedRow(event.id)
    await expect(
      poolOf(app.payload).query("UPDATE audit_events SET summary = 'vervalst' WHERE id = $1", [
        event.id,
      ]),
    ).rejects.toMatchObject(refusal('UPDATE'))
    expect(await storedRow(event.id)).toEqual(before)
  })

  it('refuses DELETE', async () => {
    await expect(
      poolOf(app.payload).query('DELETE FROM audit_events WHERE id = $1', [event.id]),
    ).rejects.toMatchObject(refusal('DELETE'))
    expect(await storedRow(event.id)).toBeDefined()
  })

  it('refuses TRUNCATE, also with CASCADE', async () => {
    // A plain TRUNCATE already stops at the foreign key of Payload's document locks; CASCADE
    // gets past that and meets the register's own trigger.
    await expect(poolOf(app.payload).query('TRUNCATE audit_events')).rejects.toThrow()
    await expect(poolOf(app.payload).query('TRUNCATE audit_events CASCADE')).rejects.toMatchObject(
      refusal('TRUNCATE'),
    )
    expect(await storedRow(event.id)).toBeDefined()
  })

  it('refuses changes through the Local API, even with access overridden', async () => {
    await expect(
      app.payload.update({
        collection: 'audit-events',
        id: event.id,
        data: { summary: 'vervalst' },
        overrideAccess: true,
      }),
    ).rejects.toThrow()
    await expect(
      app.payload.delete({ collection: 'audit-events', id: event.id, overrideAccess: true }),
    ).rejects.toThrow()
    const [row] = await auditEvents(app.payload, { id: { equals: event.id } })
    expect(row.summary).toBe(event.summary)
  })
})

describe('no API writes history', () => {
  const roles = ['platformAdmin', 'organisationAdmin', 'auditor', 'editor', 'anonymous']

  it.each(roles)('refuses REST create, update and delete for %s', async (role) => {
    const token = tokens[role]
    const created = await call(app.url, 'POST', '/api/audit-events', {
      token,
      body: {
        eventType: 'create',
        summary: 'Verzonnen',
        occurredAt: new Date().toISOString(),
        sequence: 1,
        previousHash: 'x',
        hash: 'y',
      },
    })
    expect(created.status).toBe(403)
    const updated = await call(app.url, 'PATCH', `/api/audit-events/${event.id}`, {
      token,
      body: { summary: 'vervalst' },
    })
    expect(updated.status).toBe(403)
    const bulkUpdated = await call(
      app.url,
      'PATCH',
      `/api/audit-events?where[id][equals]=${event.id}`,
      { token, body: { summary: 'vervalst' } },
    )
    expect(bulkUpdated.status).toBe(403)
    const deleted = await call(app.url, 'DELETE', `/api/audit-events/${event.id}`, { token })
    expect(deleted.status).toBe(403)
    const bulkDeleted = await call(
      app.url,
      'DELETE',
      `/api/audit-events?where[id][equals]=${event.id}`,
      { token },
    )
    expect(bulkDeleted.status).toBe(403)
  })

  it('refuses GraphQL create, update and delete for a platform admin', async () => {
    const token = tokens.platformAdmin
    const attempts = [
      `mutation { createAuditEvent(data: { eventType: create, occurredAt: "2026-01-01T00:00:00Z", sequence: 1, previousHash: "x", hash: "y" }) { id } }`,
      `mutation { updateAuditEvent(id: ${event.id}, data: { summary: "vervalst" }) { id } }`,
      `mutation { deleteAuditEvent(id: ${event.id}) { id } }`,
    ]
    for (const query of attempts) {
      const result = await graphql(app.url, query, {}, { token })
      expect(result.body.errors?.[0]?.extensions?.statusCode).toBe(403)
    }
  })

  it('leaves the event and the chain as they were', async () => {
    const [row] = await auditEvents(app.payload, { id: { equals: event.id } })
    expect(row).toEqual(event)
    expect((await verifyChain(app.payload)).ok).toBe(true)
  })
})
