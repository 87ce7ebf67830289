import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import {
  createPerson,
  createWorkflowTeam,
  projectionRow,
  queuedMailCount,
  readAlgorithm,
  submittedAlgorithm,
  transition,
  withInsertTrigger,
  workflowFacts,
  type ErrorBody,
  type Person,
  type WorkflowTeam,
} from '../../support/workflowHelpers'

let app: TestApp
let team: WorkflowTeam
let reviewers: Person[]

beforeAll(async () => {
  app = await testApp()
  team = await createWorkflowTeam(app.payload, app.url)
  const more = await Promise.all(
    [1, 2, 3].map((n) =>
      createPerson(app.payload, app.url, {
        memberships: [{ organisation: team.organisation.id, role: 'goedkeurder' }],
        name: `Extra goedkeurder ${n}`,
      }),
    ),
  )
  reviewers = [team.reviewer, team.secondReviewer, ...more]
})

afterAll(async () => {
  await closeTestApp()
})

describe('concurrent approvals', () => {
  it('20 simultaneous approvals: exactly one wins, nineteen get 409', async () => {
    const algorithm = await submittedAlgorithm(app.payload, app.url, team)
    const calls = Array.from({ length: 20 }, (_, index) =>
      transition<ErrorBody & { state?: string }>(
        app.url,
        reviewers[index % reviewers.length].token,
        algorithm.id,
        { action: 'approve', expectedState: 'ter_beoordeling' },
      ),
    )
    const results = await Promise.all(calls)
    const statuses = results.map((result) => result.status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(19)
    for (const result of results.filter((r) => r.status === 409)) {
      expect(result.body.errors[0].code).toBe('stale_state')
    }

    const facts = await workflowFacts(app.payload, algorithm.id)
    expect(facts.state).toBe('gepubliceerd')
    expect(facts.revisions).toBe(1)
    expect(facts.projections).toBe(1)
    expect(facts.transitionCount).toBe(2)
    expect(facts.transitionEvents.filter((event) => event.action === 'approve')).toHaveLength(1)
    expect((await projectionRow(app.payload, algorithm.id))?.revision_number).toBe(1)
    expect(await queuedMailCount(app.payload, team.editor.user.email)).toBe(1)
  })

  it('an edit that reads the row during an approval does not undo the approval', async () => {
    const algorithm = await submittedAlgorithm(app.payload, app.url, team)
    // The approval holds its lock on the algorithm for a while (its revision insert sleeps); the
    // edit starts meanwhile, so it reads the row as it was before the approval committed.
    const { approved, edited } = await withInsertTrigger(
      app.payload,
      {
        name: 'slow_revision',
        table: 'revisions',
        condition: `NEW.algorithm_id = ${algorithm.id}`,
        sleepSeconds: 1.5,
      },
      async () => {
        const approving = transition(app.url, team.reviewer.token, algorithm.id, {
          action: 'approve',
          expectedState: 'ter_beoordeling',
        })
        await new Promise((resolve) => setTimeout(resolve, 500))
        const editing = rest(app.url, 'PATCH', `/api/algorithms/${algorithm.id}`, {
          token: team.editor.token,
          body: { website: 'https://noorderhaaks.example/afval' },
        })
        return { approved: await approving, edited: await editing }
      },
    )
    expect(approved.status).toBe(200)
    expect(edited.status).toBe(200)
    const stored = await readAlgorithm(app.payload, algorithm.id)
    // The approval stands, and the edit opened a new working version next to it.
    expect(stored.workflow).toMatchObject({
      state: 'concept',
      publicRevision: approved.body.revision?.id,
      publishedRevisionCount: 1,
      versionEditors: [team.editor.user.id],
    })
    expect(stored.website).toBe('https://noorderhaaks.example/afval')
    const facts = await workflowFacts(app.payload, algorithm.id)
    expect(facts).toMatchObject({ revisions: 1, projections: 1 })
    expect((await projectionRow(app.payload, algorithm.id))?.record).toMatchObject({
      website: '',
    })
  })
})
