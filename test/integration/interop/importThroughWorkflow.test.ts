/**
 * An import row publishes through the workflow's one apply step (applyWorkflowStep), the same
 * door as an approval: the step's audit record (action, from, to, the state change and the
 * revision it made) is written for both, in the transaction that holds the revision and the
 * public projection.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres'

import type { User } from '../../../payload-types'
import { importRegister, type ImportResult } from '../../../src/interop/importRegister'
import { readImportFile } from '../../../src/interop/readImportFile'
import { createUser } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import {
  createWorkflowTeam,
  publishedAlgorithm,
  query,
  withFailingInsert,
} from '../../support/workflowHelpers'
import {
  personaliseUnused,
  readFixture,
  type PersonalFixture,
} from '../../fixtures/interop/interopFixtures'

let app: TestApp
let admin: User

beforeAll(async () => {
  app = await testApp()
  admin = await createUser(app.payload, { isPlatformAdmin: true, name: 'Ingrid Importeur' })
})

afterAll(async () => {
  await closeTestApp()
})

function run(text: string): Promise<ImportResult> {
  return importRegister(app.payload, readImportFile('noorderhaaks-en.csv', text), {
    userEmail: admin.email,
  })
}

interface StepEvent {
  event_type: string
  changes: unknown
  details: Record<string, unknown>
}

async function stepEvents(algorithmId: number): Promise<StepEvent[]> {
  return query<StepEvent & Record<string, unknown>>(
    app.payload,
    sql`SELECT event_type, changes, details FROM audit_events
        WHERE target_collection = 'algorithms' AND target_id = ${String(algorithmId)}
          AND event_type IN ('import', 'transition') ORDER BY sequence`,
  )
}

async function facts(lars: string) {
  const [algorithm] = await query<{
    id: number
    state: string
    public_revision: number | null
    count: number | null
    submitted_by: number | null
    last_comment: string | null
  }>(
    app.payload,
    sql`SELECT id, workflow_state AS state, workflow_public_revision_id AS public_revision,
               workflow_published_revision_count::int AS count, workflow_submitted_by_id AS submitted_by,
               workflow_last_comment AS last_comment
        FROM algorithms WHERE lars = ${lars}`,
  )
  const revisions = await query<{ id: number; revision_number: number; source: string }>(
    app.payload,
    sql`SELECT id, revision_number::int AS revision_number, source FROM revisions WHERE lars = ${lars} ORDER BY revision_number`,
  )
  const [projection] = await query<{ revision_id: number }>(
    app.payload,
    sql`SELECT revision_id FROM public_algorithms WHERE lars = ${lars} AND withdrawn_at IS NULL`,
  )
  return { algorithm, revisions, projection }
}

describe('an import row goes through the workflow apply step', () => {
  let fixture: PersonalFixture

  beforeAll(async () => {
    fixture = await personaliseUnused(app.payload, readFixture('noorderhaaks-en.csv'))
  })

  it('creates the revision, the projection and the step record of an `import` action', async () => {
    const result = await run(fixture.text)
    expect(result.counts.created).toBeGreaterThan(0)
    const { algorithm, revisions, projection } = await facts(fixture.lars.verkeerslichten)
    expect(revisions).toHaveLength(1)
    expect(revisions[0].source).toBe('import')
    expect(projection.revision_id).toBe(revisions[0].id)
    expect(algorithm).toMatchObject({
      state: 'gepubliceerd',
      public_revision: revisions[0].id,
      count: 1,
      submitted_by: null,
      last_comment: null,
    })
    const events = await stepEvents(algorithm.id)
    expect(events).toHaveLength(1)
    expect(events[0].event_type).toBe('import')
    expect(events[0].changes).toEqual([
      { field: 'workflow.state', before: null, after: 'gepubliceerd' },
    ])
    expect(events[0].details).toMatchObject({
      action: 'import',
      from: null,
      to: 'gepubliceerd',
      revisionId: revisions[0].id,
      revisionNumber: 1,
      outcome: 'created',
    })
  })

  it('records an update of a published description as a step from gepubliceerd', async () => {
    const changed = fixture.text.replace(
      'Sensoren in het wegdek laten het verkeer op de Ringweg beter doorstromen.',
      'Sensoren in het wegdek laten het verkeer op de Ringweg en de Dijkweg beter doorstromen.',
    )
    expect(changed).not.toBe(fixture.text)
    const result = await run(changed)
    expect(result.counts.updated).toBe(1)
    const { algorithm, revisions, projection } = await facts(fixture.lars.verkeerslichten)
    expect(revisions.map((revision) => revision.revision_number)).toEqual([1, 2])
    expect(projection.revision_id).toBe(revisions[1].id)
    const events = await stepEvents(algorithm.id)
    expect(events.map((event) => event.details.action)).toEqual(['import', 'import'])
    expect(events[1].details).toMatchObject({
      action: 'import',
      from: 'gepubliceerd',
      to: 'gepubliceerd',
      revisionId: revisions[1].id,
      outcome: 'updated',
      fields: ['description_short'],
    })
  })

  it('writes the same step record as an approval does', async () => {
    const team = await createWorkflowTeam(app.payload, app.url)
    const approved = await publishedAlgorithm(app.payload, app.url, team)
    const [, approval] = await stepEvents(approved.id)
    const { algorithm } = await facts(fixture.lars.verkeerslichten)
    const [imported] = await stepEvents(algorithm.id)
    const stepKeys = ['action', 'from', 'to', 'revisionId', 'revisionNumber', 'contentHash']
    for (const key of stepKeys) {
      expect(Object.keys(approval.details)).toContain(key)
      expect(Object.keys(imported.details)).toContain(key)
    }
    expect(approval.details).toMatchObject({ action: 'approve', to: 'gepubliceerd' })
    expect(approval.changes).toEqual([
      { field: 'workflow.state', before: 'ter_beoordeling', after: 'gepubliceerd' },
    ])
  })

  it('rolls the row back, revision and projection included, when the step record fails', async () => {
    const other = await personaliseUnused(app.payload, readFixture('noorderhaaks-en.csv'))
    const lars = other.lars.verkeerslichten
    const result = await withFailingInsert(
      app.payload,
      {
        name: 'import_step_record',
        table: 'audit_events',
        // Only the apply step writes an event with the machine's action in its details.
        condition: `NEW.details->>'action' = 'import' AND NEW.details->>'lars' = '${lars}'`,
      },
      () => run(other.text),
    )
    const row = result.rows.find((report) => report.lars === lars)
    expect(row?.outcome).toBe('rejected')
    const [algorithms] = await query<{ n: number }>(
      app.payload,
      sql`SELECT count(*)::int AS n FROM algorithms WHERE lars = ${lars}`,
    )
    expect(algorithms.n).toBe(0)
    const { revisions, projection } = await facts(lars)
    expect(revisions).toHaveLength(0)
    expect(projection).toBeUndefined()
  })
})
