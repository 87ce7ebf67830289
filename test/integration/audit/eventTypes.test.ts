import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { AuditEvent, Organisation, User } from '../../../payload-types'
import { htmlToLexical } from '../../../src/standard/richText'
import { completeDescription, createAlgorithmAs } from '../../support/algorithmFixtures'
import {
  createOrganisation,
  createUser,
  graphql,
  login,
  TEST_PASSWORD,
} from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { auditEvents, call, eventsOfRequest, newRequestId, verifyChain } from './auditSupport'

let app: TestApp
let home: Organisation
let other: Organisation
let editor: User
let reviewer: User
let admin: User
let twoOrgAdmin: User
let platformAdmin: User
let editorToken: string
let reviewerToken: string
let adminToken: string

interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

function changesOf(event: AuditEvent): FieldChange[] {
  return event.changes as unknown as FieldChange[]
}

function changeOf(event: AuditEvent, field: string): FieldChange | undefined {
  return changesOf(event).find((change) => change.field === field)
}

/** An event's time lies between two moments taken around the request. */
function expectTimeBetween(event: AuditEvent, start: number, end: number): void {
  const at = Date.parse(event.occurredAt)
  expect(at).toBeGreaterThanOrEqual(start - 5)
  expect(at).toBeLessThanOrEqual(end + 5)
}

beforeAll(async () => {
  app = await testApp()
  // The very first account of a fresh database becomes platform admin: let it not be a tester.
  await createUser(app.payload, { name: 'Eerste account' })
  home = await createOrganisation(app.payload)
  other = await createOrganisation(app.payload)
  editor = await createUser(app.payload, {
    name: 'Eva Redacteur',
    memberships: [{ organisation: home.id, role: 'redacteur' }],
  })
  reviewer = await createUser(app.payload, {
    name: 'Gijs Goedkeurder',
    memberships: [{ organisation: home.id, role: 'goedkeurder' }],
  })
  admin = await createUser(app.payload, {
    name: 'Bea Beheerder',
    memberships: [{ organisation: home.id, role: 'beheerder' }],
  })
  twoOrgAdmin = await createUser(app.payload, {
    name: 'Tom Twee',
    memberships: [
      { organisation: home.id, role: 'beheerder' },
      { organisation: other.id, role: 'beheerder' },
    ],
  })
  platformAdmin = await createUser(app.payload, { name: 'Pim Platform', isPlatformAdmin: true })
  editorToken = await login(app.url, editor.email)
  reviewerToken = await login(app.url, reviewer.email)
  adminToken = await login(app.url, admin.email)
})

afterAll(async () => {
  await closeTestApp()
})

describe('content changes', () => {
  it('records a create with actor, role, organisation, target, time and the client’s request id', async () => {
    const requestId = newRequestId('create')
    const start = Date.now()
    const created = await call<{ doc: { id: number; name: string } }>(
      app.url,
      'POST',
      '/api/algorithms?depth=0',
      {
        token: editorToken,
        requestId,
        body: completeDescription(home.id, { name: 'Parkeervergunningen toekennen' }),
      },
    )
    const end = Date.now()
    expect(created.status).toBe(201)
    expect(created.headers.get('x-request-id')).toBe(requestId)
    const events = await eventsOfRequest(app.payload, requestId)
    expect(events).toHaveLength(1)
    const [event] = events
    expect(event).toMatchObject({
      eventType: 'create',
      actorId: editor.id,
      actorName: 'Eva Redacteur',
      actorRole: 'redacteur',
      organisationId: home.id,
      targetCollection: 'algorithms',
      targetId: String(created.body.doc.id),
      targetLabel: 'Parkeervergunningen toekennen',
      requestId,
    })
    expectTimeBetween(event, start, end)
    expect(changeOf(event, 'internal_notes')).toEqual({
      field: 'internal_notes',
      before: null,
      after: 'Intern: contract met leverancier loopt tot 2027.',
    })
    expect(changeOf(event, 'goal')?.after).toBe(
      '<p>Wij willen het afval op tijd ophalen en minder rijden.</p>',
    )
    expect(changesOf(event).map((c) => c.field)).not.toContain('updatedAt')
  })

  it('records an update field by field, internal fields included and rich text as HTML', async () => {
    const algorithm = await createAlgorithmAs(app.payload, editor, completeDescription(home.id))
    const requestId = newRequestId('update')
    const updated = await call(app.url, 'PATCH', `/api/algorithms/${algorithm.id}?depth=0`, {
      token: editorToken,
      requestId,
      body: {
        internal_notes: 'Intern: contract verlengd tot 2029.',
        goal: htmlToLexical('<p>Wij halen het afval op tijd op.</p>'),
      },
    })
    expect(updated.status).toBe(200)
    const events = await eventsOfRequest(app.payload, requestId)
    expect(events).toHaveLength(1)
    const [event] = events
    expect(event).toMatchObject({
      eventType: 'update',
      actorId: editor.id,
      actorName: 'Eva Redacteur',
      actorRole: 'redacteur',
      organisationId: home.id,
      targetCollection: 'algorithms',
      targetId: String(algorithm.id),
      targetLabel: 'Afvalinzameling plannen',
    })
    expect(changesOf(event).map((c) => c.field)).toEqual(['goal', 'internal_notes'])
    expect(changeOf(event, 'internal_notes')).toEqual({
      field: 'internal_notes',
      before: 'Intern: contract met leverancier loopt tot 2027.',
      after: 'Intern: contract verlengd tot 2029.',
    })
    expect(changeOf(event, 'goal')).toEqual({
      field: 'goal',
      before: '<p>Wij willen het afval op tijd ophalen en minder rijden.</p>',
      after: '<p>Wij halen het afval op tijd op.</p>',
    })
    expect(event.summary).toBe('Afvalinzameling plannen gewijzigd (goal, internal_notes)')
  })

  it('records nothing for a save without changes', async () => {
    const algorithm = await createAlgorithmAs(app.payload, editor, completeDescription(home.id))
    const requestId = newRequestId('nochange')
    const saved = await call(app.url, 'PATCH', `/api/algorithms/${algorithm.id}`, {
      token: editorToken,
      requestId,
      body: { name: algorithm.name, internal_notes: algorithm.internal_notes },
    })
    expect(saved.status).toBe(200)
    expect(await eventsOfRequest(app.payload, requestId)).toEqual([])
  })

  it('records the deletion of an unpublished concept with its last content', async () => {
    const algorithm = await createAlgorithmAs(
      app.payload,
      editor,
      completeDescription(home.id, { name: 'Proef met chatbot' }),
    )
    const requestId = newRequestId('delete')
    const deleted = await call(app.url, 'DELETE', `/api/algorithms/${algorithm.id}`, {
      token: adminToken,
      requestId,
    })
    expect(deleted.status).toBe(200)
    const events = await eventsOfRequest(app.payload, requestId)
    expect(events).toHaveLength(1)
    const [event] = events
    expect(event).toMatchObject({
      eventType: 'delete',
      actorId: admin.id,
      actorName: 'Bea Beheerder',
      actorRole: 'beheerder',
      organisationId: home.id,
      targetCollection: 'algorithms',
      targetId: String(algorithm.id),
      targetLabel: 'Proef met chatbot',
      summary: 'Proef met chatbot verwijderd',
    })
    expect(changeOf(event, 'name')).toEqual({
      field: 'name',
      before: 'Proef met chatbot',
      after: null,
    })
    expect(changeOf(event, 'internal_notes')?.before).toBe(
      'Intern: contract met leverancier loopt tot 2027.',
    )
  })
})

describe('workflow', () => {
  it('records submit and request_changes with the reviewer’s comment', async () => {
    const algorithm = await createAlgorithmAs(app.payload, editor, completeDescription(home.id))
    const submitId = newRequestId('submit')
    const submitted = await call(app.url, 'POST', `/api/algorithms/${algorithm.id}/transition`, {
      token: editorToken,
      requestId: submitId,
      body: { action: 'submit', expectedState: 'concept', changeSummary: 'Eerste versie' },
    })
    expect(submitted.status).toBe(200)
    const [submitEvent, ...extraSubmit] = await eventsOfRequest(app.payload, submitId)
    expect(extraSubmit).toEqual([])
    expect(submitEvent).toMatchObject({
      eventType: 'transition',
      actorId: editor.id,
      actorName: 'Eva Redacteur',
      actorRole: 'redacteur',
      organisationId: home.id,
      targetCollection: 'algorithms',
      targetId: String(algorithm.id),
      targetLabel: 'Afvalinzameling plannen',
      comment: 'Eerste versie',
      details: { action: 'submit', from: 'concept', to: 'ter_beoordeling' },
    })

    const requestId = newRequestId('request-changes')
    const comment = 'Leg het doel eenvoudiger uit, zonder vaktaal.'
    const sentBack = await call(app.url, 'POST', `/api/algorithms/${algorithm.id}/transition`, {
      token: reviewerToken,
      requestId,
      body: { action: 'request_changes', expectedState: 'ter_beoordeling', comment },
    })
    expect(sentBack.status).toBe(200)
    const events = await eventsOfRequest(app.payload, requestId)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      eventType: 'transition',
      actorId: reviewer.id,
      actorName: 'Gijs Goedkeurder',
      actorRole: 'goedkeurder',
      organisationId: home.id,
      targetId: String(algorithm.id),
      comment,
      details: { action: 'request_changes', from: 'ter_beoordeling', to: 'teruggezet' },
    })
    expect(events[0].changes).toEqual([
      { field: 'workflow.state', before: 'ter_beoordeling', after: 'teruggezet' },
    ])
    expect(events[0].sequence).toBeGreaterThan(submitEvent.sequence)
  })

  it('records a restore of a published revision as a new concept', async () => {
    const algorithm = await createAlgorithmAs(
      app.payload,
      editor,
      completeDescription(home.id, { name: 'Bijstand controleren' }),
    )
    const submitted = await call(app.url, 'POST', `/api/algorithms/${algorithm.id}/transition`, {
      token: editorToken,
      body: { action: 'submit', expectedState: 'concept' },
    })
    expect(submitted.status).toBe(200)
    const approved = await call(app.url, 'POST', `/api/algorithms/${algorithm.id}/transition`, {
      token: reviewerToken,
      body: { action: 'approve', expectedState: 'ter_beoordeling' },
    })
    expect(approved.status).toBe(200)
    const edited = await call(app.url, 'PATCH', `/api/algorithms/${algorithm.id}`, {
      token: editorToken,
      body: { name: 'Bijstand controleren (nieuw)' },
    })
    expect(edited.status).toBe(200)

    const requestId = newRequestId('restore')
    const restored = await call(app.url, 'POST', `/api/algorithms/${algorithm.id}/restore`, {
      token: editorToken,
      requestId,
      body: { revisionNumber: 1, expectedState: 'concept' },
    })
    expect(restored.status).toBe(200)
    const events = await eventsOfRequest(app.payload, requestId)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      eventType: 'restore',
      actorId: editor.id,
      actorName: 'Eva Redacteur',
      actorRole: 'redacteur',
      organisationId: home.id,
      targetCollection: 'algorithms',
      targetId: String(algorithm.id),
      details: { revisionNumber: 1, to: 'concept' },
    })
    expect(changeOf(events[0], 'name')).toEqual({
      field: 'name',
      before: 'Bijstand controleren (nieuw)',
      after: 'Bijstand controleren',
    })
  })
})

describe('people', () => {
  it('records a role change once per organisation involved', async () => {
    const mover = await createUser(app.payload, {
      name: 'Mo Verhuizer',
      memberships: [{ organisation: home.id, role: 'redacteur' }],
    })
    const token = await login(app.url, twoOrgAdmin.email)
    const requestId = newRequestId('membership')
    const changed = await call(app.url, 'PATCH', `/api/users/${mover.id}`, {
      token,
      requestId,
      body: { memberships: [{ organisation: other.id, role: 'auditor' }] },
    })
    expect(changed.status).toBe(200)
    const events = await eventsOfRequest(app.payload, requestId)
    expect(events.map((e) => e.organisationId).sort()).toEqual([home.id, other.id].sort())
    for (const event of events) {
      expect(event).toMatchObject({
        eventType: 'membership',
        actorId: twoOrgAdmin.id,
        actorName: 'Tom Twee',
        actorRole: 'beheerder',
        targetCollection: 'users',
        targetId: String(mover.id),
        targetLabel: 'Mo Verhuizer',
        summary: 'Rollen van Mo Verhuizer gewijzigd',
      })
      expect(changeOf(event, 'memberships')).toEqual({
        field: 'memberships',
        before: [{ organisation: home.id, role: 'redacteur' }],
        after: [{ organisation: other.id, role: 'auditor' }],
      })
    }
  })

  it('keeps the history of a deleted user: ids and names are snapshots', async () => {
    const leaver = await createUser(app.payload, {
      name: 'Lies Vertrekt',
      memberships: [{ organisation: home.id, role: 'redacteur' }],
    })
    const leaverToken = await login(app.url, leaver.email)
    const created = await call<{ doc: { id: number } }>(app.url, 'POST', '/api/algorithms', {
      token: leaverToken,
      body: completeDescription(home.id, { name: 'Wachtlijst sportpark' }),
    })
    expect(created.status).toBe(201)
    const platformToken = await login(app.url, platformAdmin.email)
    const requestId = newRequestId('user-delete')
    const removed = await call(app.url, 'DELETE', `/api/users/${leaver.id}`, {
      token: platformToken,
      requestId,
    })
    expect(removed.status).toBe(200)
    const [deletion] = await eventsOfRequest(app.payload, requestId)
    expect(deletion).toMatchObject({
      eventType: 'delete',
      actorId: platformAdmin.id,
      actorRole: 'platformbeheerder',
      organisationId: home.id,
      targetCollection: 'users',
      targetId: String(leaver.id),
    })
    const earlier = await auditEvents(app.payload, {
      and: [{ actorId: { equals: leaver.id } }, { eventType: { equals: 'create' } }],
    })
    expect(earlier).toHaveLength(1)
    expect(earlier[0]).toMatchObject({ actorName: 'Lies Vertrekt', actorRole: 'redacteur' })
    expect((await verifyChain(app.payload)).ok).toBe(true)
  })
})

describe('logins', () => {
  it('records a REST login with the person’s role in each of their organisations', async () => {
    const requestId = newRequestId('login')
    const response = await call<{ token?: string }>(app.url, 'POST', '/api/users/login', {
      requestId,
      body: { email: twoOrgAdmin.email, password: TEST_PASSWORD },
    })
    expect(response.status).toBe(200)
    const events = await eventsOfRequest(app.payload, requestId)
    expect(events.map((e) => e.organisationId).sort()).toEqual([home.id, other.id].sort())
    for (const event of events) {
      expect(event).toMatchObject({
        eventType: 'login_success',
        actorId: twoOrgAdmin.id,
        actorName: 'Tom Twee',
        actorRole: 'beheerder',
        targetCollection: 'users',
        targetId: String(twoOrgAdmin.id),
      })
    }
  })

  it('records a GraphQL login', async () => {
    const requestId = newRequestId('gql-login')
    const response = await call<{ data?: { loginUser?: { token?: string } } }>(
      app.url,
      'POST',
      '/api/graphql',
      {
        requestId,
        body: {
          query: `mutation { loginUser(email: "${editor.email}", password: "${TEST_PASSWORD}") { token } }`,
        },
      },
    )
    expect(response.status).toBe(200)
    expect(response.body.data?.loginUser?.token).toBeTruthy()
    const events = await eventsOfRequest(app.payload, requestId)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      eventType: 'login_success',
      actorId: editor.id,
      actorName: 'Eva Redacteur',
      actorRole: 'redacteur',
      organisationId: home.id,
    })
  })

  it('records a failed REST login with a wrong password, and with an unknown address', async () => {
    const requestId = newRequestId('login-fail')
    const response = await call(app.url, 'POST', '/api/users/login', {
      requestId,
      body: { email: reviewer.email.toUpperCase(), password: 'niet-het-goede-wachtwoord' },
    })
    expect(response.status).toBe(401)
    const events = await eventsOfRequest(app.payload, requestId)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      eventType: 'login_failure',
      actorId: reviewer.id,
      actorName: 'Gijs Goedkeurder',
      actorRole: 'goedkeurder',
      organisationId: home.id,
      targetCollection: 'users',
      targetId: String(reviewer.id),
      targetLabel: reviewer.email,
      details: { reason: 'wrong-password' },
    })

    const unknownId = newRequestId('login-unknown')
    const unknown = await call(app.url, 'POST', '/api/users/login', {
      requestId: unknownId,
      body: { email: 'niemand@noorderhaaks.example', password: 'raden' },
    })
    expect(unknown.status).toBe(401)
    const [event] = await eventsOfRequest(app.payload, unknownId)
    expect(event).toMatchObject({
      eventType: 'login_failure',
      actorId: null,
      organisationId: null,
      targetLabel: 'niemand@noorderhaaks.example',
      details: { reason: 'unknown-account' },
    })
  })

  it('records a failed GraphQL login, with the address written out or as a variable', async () => {
    const inlineId = newRequestId('gql-fail')
    const inline = await call<{ errors?: unknown[] }>(app.url, 'POST', '/api/graphql', {
      requestId: inlineId,
      body: {
        query: `mutation { loginUser(email: "${admin.email}", password: "fout") { token } }`,
      },
    })
    expect(inline.body.errors).toHaveLength(1)
    const [inlineEvent] = await eventsOfRequest(app.payload, inlineId)
    expect(inlineEvent).toMatchObject({
      eventType: 'login_failure',
      actorId: admin.id,
      actorName: 'Bea Beheerder',
      actorRole: 'beheerder',
      organisationId: home.id,
      targetLabel: admin.email,
    })

    const variableResult = await graphql(
      app.url,
      'mutation Login($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }',
      { email: admin.email, password: 'ook-fout' },
    )
    expect(variableResult.body.errors).toHaveLength(1)
    const latest = await auditEvents(app.payload, {
      and: [{ eventType: { equals: 'login_failure' } }, { actorId: { equals: admin.id } }],
    })
    expect(latest).toHaveLength(2)
    expect(latest[1].targetLabel).toBe(admin.email)
  })
})
