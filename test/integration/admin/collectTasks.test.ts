import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { collectTasks } from '../../../src/admin/dashboard/collectTasks'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import {
  createWorkflowTeam,
  submittedAlgorithm,
  transition,
  type WorkflowTeam,
} from '../../support/workflowHelpers'

/** "Mijn taken" on the dashboard: what waits for a reviewer, and for an editor. */
describe('collectTasks', () => {
  let app: TestApp
  let team: WorkflowTeam
  let otherTeam: WorkflowTeam
  let waitingId: number
  let sentBackId: number

  beforeAll(async () => {
    app = await testApp()
    team = await createWorkflowTeam(app.payload, app.url)
    otherTeam = await createWorkflowTeam(app.payload, app.url)
    const waiting = await submittedAlgorithm(app.payload, app.url, team, {
      name: 'Wacht op beoordeling',
    })
    waitingId = waiting.id
    const sentBack = await submittedAlgorithm(app.payload, app.url, team, {
      name: 'Teruggestuurd',
    })
    sentBackId = sentBack.id
    const result = await transition(app.url, team.reviewer.token, sentBack.id, {
      action: 'request_changes',
      expectedState: 'ter_beoordeling',
      comment: 'Schrijf korter.',
    })
    expect(result.status).toBe(200)
    // Another organisation's submission must never show up.
    await submittedAlgorithm(app.payload, app.url, otherTeam, { name: 'Van een ander' })
  })

  afterAll(async () => {
    await closeTestApp()
  })

  it('gives a reviewer the submissions of their organisation, and no editor tasks', async () => {
    const tasks = await collectTasks(app.payload, team.reviewer.user)
    expect(tasks.toReview.map((task) => task.id)).toEqual([waitingId])
    expect(tasks.toReview[0]).toMatchObject({
      name: 'Wacht op beoordeling',
      organisation: team.organisation.name,
      submittedByName: 'Eva Redacteur',
      ownWork: false,
    })
    expect(tasks.changesRequested).toEqual([])
  })

  it('gives an editor what was sent back, with the comment', async () => {
    const tasks = await collectTasks(app.payload, team.editor.user)
    expect(tasks.toReview).toEqual([])
    expect(tasks.changesRequested.map((task) => [task.id, task.lastComment])).toEqual([
      [sentBackId, 'Schrijf korter.'],
    ])
    expect(tasks.canWrite).toBe(true)
  })

  it('marks a submission the reviewer worked on as their own work', async () => {
    await app.payload.update({
      collection: 'algorithms',
      id: waitingId,
      data: { provider: 'Eigen ontwikkeling' },
      overrideAccess: false,
      user: team.secondReviewer.user,
    })
    const tasks = await collectTasks(app.payload, team.secondReviewer.user)
    expect(tasks.toReview.find((task) => task.id === waitingId)?.ownWork).toBe(true)
  })
})
