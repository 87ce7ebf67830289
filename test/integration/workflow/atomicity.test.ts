import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Algorithm } from '../../../payload-types'
import { clearSentMail, sentMail } from '../../../src/email/mailOutbox'
import { performTransition } from '../../../src/workflow/transitionService'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import {
  createWorkflowTeam,
  localRequest,
  projectionRow,
  queuedMailCount,
  readAlgorithm,
  runMailQueue,
  submittedAlgorithm,
  transition,
  withFailingInsert,
  workflowFacts,
  type WorkflowTeam,
} from '../../support/workflowHelpers'

let app: TestApp
let team: WorkflowTeam

beforeAll(async () => {
  app = await testApp()
  team = await createWorkflowTeam(app.payload, app.url)
})

afterAll(async () => {
  await closeTestApp()
})

/** Everything an approval could leave behind, to compare before and after a failed one. */
async function footprint(algorithm: Algorithm) {
  const stored = await readAlgorithm(app.payload, algorithm.id)
  return {
    facts: await workflowFacts(app.payload, algorithm.id),
    workflow: stored.workflow,
    publicationDate: stored.publication_dt ?? null,
    projection: await projectionRow(app.payload, algorithm.id),
    mailsToSubmitter: await queuedMailCount(app.payload, team.editor.user.email),
  }
}

const FAILURES = [
  { name: 'revision', table: 'revisions', condition: (id: number) => `NEW.algorithm_id = ${id}` },
  {
    name: 'audit',
    table: 'audit_events',
    condition: (id: number) => `NEW.event_type = 'transition' AND NEW.target_id = '${id}'`,
  },
  {
    name: 'projection',
    table: 'public_algorithms',
    condition: (id: number) => `NEW.algorithm_id = ${id}`,
  },
  {
    name: 'outbox',
    table: 'payload_jobs',
    condition: () => `NEW.input->>'to' = '${team.editor.user.email}'`,
  },
]

describe('an approval is all or nothing', () => {
  it.each(FAILURES)(
    'a failing insert into $table leaves no trace (REST)',
    async ({ name, table, condition }) => {
      const algorithm = await submittedAlgorithm(app.payload, app.url, team)
      await runMailQueue(app.payload)
      const before = await footprint(algorithm)
      expect(before.facts).toMatchObject({
        state: 'ter_beoordeling',
        revisions: 0,
        projections: 0,
      })
      expect(before.mailsToSubmitter).toBe(0)

      const failed = await withFailingInsert(
        app.payload,
        { name, table, condition: condition(algorithm.id) },
        () =>
          transition(app.url, team.reviewer.token, algorithm.id, {
            action: 'approve',
            expectedState: 'ter_beoordeling',
          }),
      )
      expect(failed.status).toBe(500)
      // The user hears in plain Dutch that nothing happened; the database's message stays in the log.
      expect(failed.body).toEqual({
        errors: [
          {
            message:
              'Er ging iets mis op de server. Er is niets veranderd: probeer het later opnieuw.',
            code: 'internal_error',
            details: [],
          },
        ],
      })

      expect(await footprint(algorithm)).toEqual(before)
      const after = await workflowFacts(app.payload, algorithm.id)
      expect(after.state).toBe('ter_beoordeling')
      expect(after.revisions).toBe(0)
      expect(after.projections).toBe(0)
      expect(after.transitionEvents.map((event) => event.action)).toEqual(['submit'])

      // Nothing was mailed for the approval that did not happen.
      clearSentMail()
      await runMailQueue(app.payload)
      expect(sentMail().filter((mail) => mail.to === team.editor.user.email)).toEqual([])

      // Without the failure the same approval goes through: the test set-up was sound.
      const retried = await transition(app.url, team.reviewer.token, algorithm.id, {
        action: 'approve',
        expectedState: 'ter_beoordeling',
      })
      expect(retried.status).toBe(200)
      const done = await workflowFacts(app.payload, algorithm.id)
      expect(done).toMatchObject({ state: 'gepubliceerd', revisions: 1, projections: 1 })
      expect(done.transitionEvents.map((event) => event.action)).toEqual(['submit', 'approve'])
      expect(await queuedMailCount(app.payload, team.editor.user.email)).toBe(1)
      await runMailQueue(app.payload)
    },
  )

  it('the Local API rolls back the same way and rethrows the failure', async () => {
    const algorithm = await submittedAlgorithm(app.payload, app.url, team)
    await runMailQueue(app.payload)
    const before = await footprint(algorithm)
    await withFailingInsert(
      app.payload,
      {
        name: 'local_projection',
        table: 'public_algorithms',
        condition: `NEW.algorithm_id = ${algorithm.id}`,
      },
      async () => {
        const req = await localRequest(app.payload, team.reviewer.user)
        const failure = await performTransition(req, {
          algorithmId: algorithm.id,
          action: 'approve',
          expectedState: 'ter_beoordeling',
        }).then(
          () => undefined,
          (caught: unknown) => caught as Error & { cause?: { message?: string } },
        )
        expect(failure).toBeInstanceOf(Error)
        expect(failure?.cause?.message).toBe('injected test failure on public_algorithms')
        expect(req.transactionID).toBeUndefined()
      },
    )
    expect(await footprint(algorithm)).toEqual(before)
  })

  it('a failed withdrawal keeps the publication public', async () => {
    const algorithm = await submittedAlgorithm(app.payload, app.url, team)
    await transition(app.url, team.reviewer.token, algorithm.id, {
      action: 'approve',
      expectedState: 'ter_beoordeling',
    })
    const before = await footprint(algorithm)
    const failed = await withFailingInsert(
      app.payload,
      {
        name: 'withdraw_audit',
        table: 'audit_events',
        condition: `NEW.event_type = 'transition' AND NEW.target_id = '${algorithm.id}'`,
      },
      () =>
        transition(app.url, team.admin.token, algorithm.id, {
          action: 'withdraw',
          expectedState: 'gepubliceerd',
          reason: 'Gestopt.',
        }),
    )
    expect(failed.status).toBe(500)
    const after = await footprint(algorithm)
    expect(after).toEqual(before)
    expect(after.projection?.withdrawn_at).toBeNull()
  })
})
