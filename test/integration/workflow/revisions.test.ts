import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres'
import pg from 'pg'

import type { Algorithm, Revision } from '../../../payload-types'
import { publicRecordHash, type PublicRecord } from '../../../src/publicApi/publicRecord'
import { STANDARD_KEYS } from '../../../src/standard/publicationStandard'
import { htmlToLexical } from '../../../src/standard/richText'
import { createOrganisation, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import {
  createPerson,
  createWorkflowTeam,
  projectionRow,
  publishedAlgorithm,
  query,
  readAlgorithm,
  transition,
  workflowFacts,
  type ErrorBody,
  type Person,
  type WorkflowTeam,
} from '../../support/workflowHelpers'

let app: TestApp
let url: string
let team: WorkflowTeam
let platformAdmin: Person
let algorithm: Algorithm
let revisions: Revision[]

const INTERNAL = {
  internal_notes: 'GEHEIM-notitie-7731: contract loopt af.',
  internal_owner: 'GEHEIM-eigenaar-7731',
  internal_contact: 'GEHEIM-contact-7731',
  publication_category_rationale: 'GEHEIM-reden-7731',
}
const FIRST_SHORT =
  'Een computerprogramma plant de routes van de vuilniswagens. Zo rijden de wagens minder kilometers.'
const SECOND_SHORT = 'Een programma plant de routes. Een planner controleert ze elke week.'
const SECOND_GOAL = '<p>Wij halen het afval op tijd op en rijden minder.</p>'
const SUMMARY = 'Korte omschrijving en doel eenvoudiger gemaakt.'

async function loadRevisions(): Promise<Revision[]> {
  const found = await app.payload.find({
    collection: 'revisions',
    where: { algorithm: { equals: algorithm.id } },
    sort: 'revisionNumber',
    depth: 0,
    overrideAccess: true,
  })
  return found.docs
}

beforeAll(async () => {
  app = await testApp()
  url = app.url
  team = await createWorkflowTeam(app.payload, url)
  platformAdmin = await createPerson(app.payload, url, { isPlatformAdmin: true })
  algorithm = await publishedAlgorithm(app.payload, url, team, INTERNAL)
  const edited = await rest(url, 'PATCH', `/api/algorithms/${algorithm.id}`, {
    token: team.editor.token,
    body: { description_short: SECOND_SHORT, goal: htmlToLexical(SECOND_GOAL) },
  })
  if (edited.status !== 200) throw new Error(`edit failed: ${JSON.stringify(edited.body)}`)
  await transition(url, team.editor.token, algorithm.id, {
    action: 'submit',
    expectedState: 'concept',
    changeSummary: SUMMARY,
  })
  const approved = await transition(url, team.secondReviewer.token, algorithm.id, {
    action: 'approve',
    expectedState: 'ter_beoordeling',
  })
  if (approved.status !== 200) throw new Error(`approve failed: ${JSON.stringify(approved.body)}`)
  revisions = await loadRevisions()
})

afterAll(async () => {
  await closeTestApp()
})

describe('revision content', () => {
  it('numbers revisions and records who submitted and approved them, and when', () => {
    expect(revisions.map((revision) => revision.revisionNumber)).toEqual([1, 2])
    const [first, second] = revisions
    expect(first).toMatchObject({
      lars: algorithm.lars,
      organisationId: team.organisation.id,
      source: 'approval',
      standardVersion: '1.0',
      submittedById: team.editor.user.id,
      submittedByName: 'Eva Redacteur',
      approvedById: team.reviewer.user.id,
      approvedByName: 'Gijs Goedkeurder',
    })
    expect(first.changeSummary ?? null).toBeNull()
    expect(second).toMatchObject({
      submittedById: team.editor.user.id,
      approvedById: team.secondReviewer.user.id,
      approvedByName: 'Greet Goedkeurder',
      changeSummary: SUMMARY,
    })
    for (const revision of revisions) {
      const submittedAt = new Date(String(revision.submittedAt)).getTime()
      const approvedAt = new Date(revision.approvedAt).getTime()
      expect(Number.isNaN(submittedAt)).toBe(false)
      expect(approvedAt).toBeGreaterThanOrEqual(submittedAt)
    }
    expect(new Date(second.approvedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(first.approvedAt).getTime(),
    )
  })

  it('snapshots the public fields only, never internal values', async () => {
    for (const revision of revisions) {
      const snapshot = revision.snapshot as Record<string, unknown>
      expect(Object.keys(snapshot).sort()).toEqual([...STANDARD_KEYS].sort())
      expect(snapshot.organization).toBe(team.organisation.name)
      expect(snapshot.standard_version).toBe('1.0')
      expect(snapshot.lars).toBe(algorithm.lars)
      const everything = JSON.stringify(revision)
      expect(everything).not.toContain('GEHEIM')
    }
    expect((revisions[0].snapshot as Record<string, unknown>).description_short).toBe(FIRST_SHORT)
    expect((revisions[1].snapshot as Record<string, unknown>).description_short).toBe(SECOND_SHORT)
    // Nor through the REST API (at depth 0: a populated algorithm shows members its own
    // internal fields, as it should), the public projection or the transitions' history.
    const listed = await rest(
      url,
      'GET',
      `/api/revisions?depth=0&where[algorithm][equals]=${algorithm.id}`,
      {
        token: team.editor.token,
      },
    )
    expect(listed.status).toBe(200)
    expect(JSON.stringify(listed.body)).not.toContain('GEHEIM')
    expect(JSON.stringify(await projectionRow(app.payload, algorithm.id))).not.toContain('GEHEIM')
    const events = await query(
      app.payload,
      sql`SELECT * FROM audit_events WHERE event_type = 'transition' AND target_id = ${String(algorithm.id)}`,
    )
    expect(events).toHaveLength(4)
    expect(JSON.stringify(events)).not.toContain('GEHEIM')
  })

  it('stores the field-level diff against the previous revision and a content hash', () => {
    const [first, second] = revisions
    const secondDiff = second.diff as Array<{ field: string; before: unknown; after: unknown }>
    expect(secondDiff).toEqual([
      { field: 'description_short', before: FIRST_SHORT, after: SECOND_SHORT },
      {
        field: 'goal',
        before: '<p>Wij willen het afval op tijd ophalen en minder rijden.</p>',
        after: SECOND_GOAL,
      },
    ])
    const firstDiff = first.diff as Array<{ field: string; before: unknown }>
    expect(firstDiff.map((change) => change.field)).toContain('name')
    expect(firstDiff.every((change) => change.before === undefined || change.before === null)).toBe(
      true,
    )
    for (const revision of revisions) {
      expect(revision.contentHash).toMatch(/^[0-9a-f]{64}$/)
      expect(revision.contentHash).toBe(
        publicRecordHash(revision.snapshot as unknown as PublicRecord),
      )
    }
    expect(first.contentHash).not.toBe(second.contentHash)
  })

  it('the public projection shows the latest approved revision', async () => {
    const row = await projectionRow(app.payload, algorithm.id)
    expect(row?.revision_number).toBe(2)
    expect(row?.revision_id).toBe(revisions[1].id)
    expect(row?.record).toEqual(revisions[1].snapshot)
    expect((await readAlgorithm(app.payload, algorithm.id)).workflow?.publicRevision).toBe(
      revisions[1].id,
    )
  })
})

describe('immutability', () => {
  it('refuses REST create, update and delete of revisions for everyone', async () => {
    const revision = revisions[0]
    for (const person of [team.editor, team.reviewer, team.admin, platformAdmin]) {
      const patched = await rest(url, 'PATCH', `/api/revisions/${revision.id}`, {
        token: person.token,
        body: { changeSummary: 'Achteraf aangepast' },
      })
      expect(patched.status).toBe(403)
      const deleted = await rest(url, 'DELETE', `/api/revisions/${revision.id}`, {
        token: person.token,
      })
      expect(deleted.status).toBe(403)
      const created = await rest(url, 'POST', '/api/revisions', {
        token: person.token,
        body: { ...revision, id: undefined, revisionNumber: 99 },
      })
      expect(created.status).toBe(403)
    }
    expect(await loadRevisions()).toEqual(revisions)
  })

  it('the database itself refuses UPDATE, DELETE and TRUNCATE on revisions', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    client.on('error', () => undefined)
    await client.connect()
    // Each attempt runs in a transaction that is rolled back, so a missing guard cannot
    // damage the shared test database.
    const attempt = async (statement: string): Promise<string> => {
      await client.query('BEGIN')
      try {
        await client.query(statement)
        return 'succeeded'
      } catch (error) {
        return (error as Error).message
      } finally {
        await client.query('ROLLBACK')
      }
    }
    try {
      const id = revisions[0].id
      expect(await attempt(`UPDATE revisions SET change_summary = 'x' WHERE id = ${id}`)).toBe(
        'register: UPDATE on revisions is not allowed: this table is append-only',
      )
      expect(await attempt(`UPDATE revisions SET snapshot = '{}'::jsonb`)).toBe(
        'register: UPDATE on revisions is not allowed: this table is append-only',
      )
      expect(await attempt(`DELETE FROM revisions WHERE id = ${id}`)).toBe(
        'register: DELETE on revisions is not allowed: this table is append-only',
      )
      expect(await attempt('TRUNCATE revisions CASCADE')).toBe(
        'register: TRUNCATE on revisions is not allowed: this table is append-only',
      )
    } finally {
      await client.end()
    }
    expect(await loadRevisions()).toEqual(revisions)
  })
})

describe('compare', () => {
  it('GET /compare?from=1&to=2 lists the changed fields', async () => {
    const compared = await rest<{
      from: { revisionNumber: number; changeSummary: string | null }
      to: { revisionNumber: number; changeSummary: string | null }
      changes: Array<{ field: string; before: unknown; after: unknown }>
    }>(url, 'GET', `/api/algorithms/${algorithm.id}/compare?from=1&to=2`, {
      token: team.editor.token,
    })
    expect(compared.status).toBe(200)
    expect(compared.body.from).toMatchObject({ revisionNumber: 1, changeSummary: null })
    expect(compared.body.to).toMatchObject({ revisionNumber: 2, changeSummary: SUMMARY })
    expect(compared.body.changes).toEqual(revisions[1].diff)
    const backwards = await rest<{ changes: Array<{ field: string; before: unknown }> }>(
      url,
      'GET',
      `/api/algorithms/${algorithm.id}/compare?from=2&to=1`,
      { token: team.reviewer.token },
    )
    expect(backwards.body.changes[0]).toMatchObject({
      field: 'description_short',
      before: SECOND_SHORT,
    })
  })

  it('answers 400 for bad numbers, 404 for unknown revisions or outsiders, 401 anonymously', async () => {
    const bad = await rest(url, 'GET', `/api/algorithms/${algorithm.id}/compare?from=a&to=2`, {
      token: team.editor.token,
    })
    expect(bad.status).toBe(400)
    const missing = await rest(url, 'GET', `/api/algorithms/${algorithm.id}/compare?from=1&to=9`, {
      token: team.editor.token,
    })
    expect(missing.status).toBe(404)
    const other = await createOrganisation(app.payload)
    const outsider = await createPerson(app.payload, url, {
      memberships: [{ organisation: other.id, role: 'redacteur' }],
    })
    const hidden = await rest(url, 'GET', `/api/algorithms/${algorithm.id}/compare?from=1&to=2`, {
      token: outsider.token,
    })
    expect(hidden.status).toBe(404)
    const anonymous = await rest(url, 'GET', `/api/algorithms/${algorithm.id}/compare?from=1&to=2`)
    expect(anonymous.status).toBe(401)
  })
})

describe('restore', () => {
  it('puts revision 1 back as a new draft while revision 2 stays public', async () => {
    const projectionBefore = await projectionRow(app.payload, algorithm.id)
    const stale = await rest<ErrorBody>(url, 'POST', `/api/algorithms/${algorithm.id}/restore`, {
      token: team.editor.token,
      body: { revisionNumber: 1, expectedState: 'concept' },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.errors[0].code).toBe('stale_state')

    const restored = await rest<{ state: string; message: string }>(
      url,
      'POST',
      `/api/algorithms/${algorithm.id}/restore`,
      { token: team.editor.token, body: { revisionNumber: 1, expectedState: 'gepubliceerd' } },
    )
    expect(restored.status).toBe(200)
    expect(restored.body).toEqual({
      state: 'concept',
      message: 'Versie 1 staat klaar als nieuw concept.',
    })
    const working = await readAlgorithm(app.payload, algorithm.id)
    expect(working.description_short).toBe(FIRST_SHORT)
    expect(working.internal_notes).toBe(INTERNAL.internal_notes)
    expect(working.workflow?.state).toBe('concept')
    expect(working.workflow?.publicRevision).toBe(revisions[1].id)

    expect(await projectionRow(app.payload, algorithm.id)).toEqual(projectionBefore)
    expect(await loadRevisions()).toEqual(revisions)
    const [restoreEvent] = await query<{ actor_id: string; details: Record<string, unknown> }>(
      app.payload,
      sql`SELECT actor_id, details FROM audit_events
          WHERE event_type = 'restore' AND target_id = ${String(algorithm.id)}`,
    )
    expect(Number(restoreEvent.actor_id)).toBe(team.editor.user.id)
    expect(restoreEvent.details).toMatchObject({ revisionNumber: 1, to: 'concept' })

    // Approving the restored draft publishes exactly what revision 1 published.
    await transition(url, team.editor.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
      changeSummary: 'Terug naar versie 1.',
    })
    const approved = await transition(url, team.reviewer.token, algorithm.id, {
      action: 'approve',
      expectedState: 'ter_beoordeling',
    })
    expect(approved.status).toBe(200)
    const third = (await loadRevisions())[2]
    expect(third.revisionNumber).toBe(3)
    expect(third.snapshot).toEqual(revisions[0].snapshot)
    expect(third.contentHash).toBe(revisions[0].contentHash)
    expect((await workflowFacts(app.payload, algorithm.id)).revisions).toBe(3)
  })

  it('refuses a restore during review, of an unknown revision and by an auditor', async () => {
    await rest(url, 'PATCH', `/api/algorithms/${algorithm.id}`, {
      token: team.editor.token,
      body: { website: 'https://noorderhaaks.example/afval' },
    })
    await transition(url, team.editor.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
      changeSummary: 'Website toegevoegd.',
    })
    const inReview = await rest(url, 'POST', `/api/algorithms/${algorithm.id}/restore`, {
      token: team.editor.token,
      body: { revisionNumber: 1, expectedState: 'ter_beoordeling' },
    })
    expect(inReview.status).toBe(409)
    await transition(url, team.reviewer.token, algorithm.id, {
      action: 'request_changes',
      expectedState: 'ter_beoordeling',
      comment: 'Nog niet.',
    })
    const unknown = await rest(url, 'POST', `/api/algorithms/${algorithm.id}/restore`, {
      token: team.editor.token,
      body: { revisionNumber: 42, expectedState: 'teruggezet' },
    })
    expect(unknown.status).toBe(404)
    const auditor = await createPerson(app.payload, url, {
      memberships: [{ organisation: team.organisation.id, role: 'auditor' }],
    })
    const byAuditor = await rest(url, 'POST', `/api/algorithms/${algorithm.id}/restore`, {
      token: auditor.token,
      body: { revisionNumber: 1, expectedState: 'teruggezet' },
    })
    expect(byAuditor.status).toBe(403)
    expect((await readAlgorithm(app.payload, algorithm.id)).workflow?.state).toBe('teruggezet')
  })
})
