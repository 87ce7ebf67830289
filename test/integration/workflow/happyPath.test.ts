import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres'

import type { Organisation, User } from '../../../payload-types'
import { runSql } from '../../../src/database/runSql'
import { completeDescription, createAlgorithmAs } from '../../support/algorithmFixtures'
import { createOrganisation, createUser, login, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'

let app: TestApp
let organisation: Organisation
let editor: User
let reviewer: User

beforeAll(async () => {
  app = await testApp()
  organisation = await createOrganisation(app.payload)
  editor = await createUser(app.payload, {
    memberships: [{ organisation: organisation.id, role: 'redacteur' }],
  })
  reviewer = await createUser(app.payload, {
    memberships: [{ organisation: organisation.id, role: 'goedkeurder' }],
  })
})

afterAll(async () => {
  await closeTestApp()
})

describe('draft → review → published', () => {
  it('submits, approves, creates revision 1 and the public projection', async () => {
    const algorithm = await createAlgorithmAs(
      app.payload,
      editor,
      completeDescription(organisation.id),
    )
    expect(algorithm.workflow?.state).toBe('concept')
    const editorToken = await login(app.url, editor.email)
    const reviewerToken = await login(app.url, reviewer.email)

    const submitted = await rest<{ state: string }>(
      app.url,
      'POST',
      `/api/algorithms/${algorithm.id}/transition`,
      {
        token: editorToken,
        body: { action: 'submit', expectedState: 'concept' },
      },
    )
    expect(submitted.status).toBe(200)
    expect(submitted.body.state).toBe('ter_beoordeling')

    const approved = await rest<{ state: string; revision: { revisionNumber: number } }>(
      app.url,
      'POST',
      `/api/algorithms/${algorithm.id}/transition`,
      { token: reviewerToken, body: { action: 'approve', expectedState: 'ter_beoordeling' } },
    )
    expect(approved.status).toBe(200)
    expect(approved.body.revision.revisionNumber).toBe(1)

    const rows = await runSql<{
      lars: string
      revision_number: number
      record: { name: string; internal_notes?: string }
    }>(
      { payload: app.payload },
      sql`SELECT lars, revision_number, record FROM public_algorithms WHERE algorithm_id = ${algorithm.id}`,
    )
    expect(rows).toHaveLength(1)
    expect(rows[0].record.name).toBe('Afvalinzameling plannen')
    expect(JSON.stringify(rows[0].record)).not.toContain('contract met leverancier')

    const repeated = await rest(app.url, 'POST', `/api/algorithms/${algorithm.id}/transition`, {
      token: reviewerToken,
      body: { action: 'approve', expectedState: 'ter_beoordeling' },
    })
    expect(repeated.status).toBe(409)

    const workflow = await rest<{ state: string; revisions: unknown[]; history: unknown[] }>(
      app.url,
      'GET',
      `/api/algorithms/${algorithm.id}/workflow`,
      { token: editorToken },
    )
    expect(workflow.status).toBe(200)
    expect(workflow.body.state).toBe('gepubliceerd')
    expect(workflow.body.revisions).toHaveLength(1)
  })
})
