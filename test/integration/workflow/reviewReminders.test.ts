import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { commitTransaction, initTransaction } from 'payload'

import { setClock } from '../../../src/clock'
import { clearSentMail, sentMail } from '../../../src/email/mailOutbox'
import { runReviewReminders } from '../../../src/jobs/reviewRemindersTask'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import {
  createWorkflowTeam,
  localRequest,
  publishedAlgorithm,
  readAlgorithm,
  runMailQueue,
  transition,
  withInsertTrigger,
  workflowFacts,
  type WorkflowTeam,
} from '../../support/workflowHelpers'

let app: TestApp
let team: WorkflowTeam
let restoreClock: (() => void) | undefined

const DAY = 24 * 60 * 60 * 1000

beforeAll(async () => {
  app = await testApp()
  team = await createWorkflowTeam(app.payload, app.url, { reviewIntervalMonths: 3 })
})

afterEach(() => {
  restoreClock?.()
  restoreClock = undefined
})

afterAll(async () => {
  await closeTestApp()
})

function moveClockTo(moment: Date): void {
  restoreClock?.()
  restoreClock = setClock(() => new Date(moment.getTime()))
}

/** Queues and runs the daily reminder job in this process, then sends its mails. */
async function runReminderJob(): Promise<void> {
  await app.payload.jobs.queue({ task: 'reviewReminders', queue: 'reminders', input: {} })
  await app.payload.jobs.run({ queue: 'reminders', silent: true })
  await runMailQueue(app.payload)
}

function mailsAbout(name: string) {
  return sentMail().filter((mail) => mail.subject === `Tijd om te herzien: ${name}`)
}

describe('review reminders', () => {
  it('sets the review date from the organisation interval, mails editors and admins once', async () => {
    const name = 'Parkeervergunningen toekennen'
    const algorithm = await publishedAlgorithm(app.payload, app.url, team, { name })
    const publicSince = new Date(String(algorithm.workflow?.publicSince))
    const dueAt = new Date(String(algorithm.workflow?.reviewDueAt))
    const expected = new Date(publicSince.getTime())
    expected.setUTCMonth(expected.getUTCMonth() + 3)
    expect(dueAt.toISOString()).toBe(expected.toISOString())
    expect(algorithm.workflow?.reviewOverdue).toBe(false)

    // One day before the due date nothing happens.
    clearSentMail()
    moveClockTo(new Date(dueAt.getTime() - DAY))
    await runReminderJob()
    expect(mailsAbout(name)).toEqual([])
    expect((await readAlgorithm(app.payload, algorithm.id)).workflow?.reviewOverdue).toBe(false)

    moveClockTo(new Date(dueAt.getTime() + DAY))
    await runReminderJob()
    const mails = mailsAbout(name)
    expect(mails.map((mail) => mail.to).sort()).toEqual(
      [team.editor.user.email, team.admin.user.email].sort(),
    )
    const dutchDate = dueAt.toLocaleDateString('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Amsterdam',
    })
    expect(mails[0].text).toContain(`De beschrijving "${name}" moest uiterlijk ${dutchDate}`)
    expect(mails[0].text).toContain(`/admin/collections/algorithms/${algorithm.id}`)

    const stored = await readAlgorithm(app.payload, algorithm.id)
    expect(stored.workflow?.reviewOverdue).toBe(true)
    expect(new Date(String(stored.workflow?.reviewReminderSentFor)).toISOString()).toBe(
      dueAt.toISOString(),
    )
    // The reminder is bookkeeping, not a workflow step.
    expect(stored.workflow?.state).toBe('gepubliceerd')
    expect(stored.workflow?.publicRevision).toBe(algorithm.workflow?.publicRevision)

    // Running it again, as a job and directly inside a transaction, sends nothing twice.
    clearSentMail()
    await runReminderJob()
    const req = await localRequest(app.payload, team.admin.user)
    await initTransaction(req)
    const again = await runReviewReminders(req)
    await commitTransaction(req)
    await runMailQueue(app.payload)
    expect(again.reminded).toBe(0)
    expect(mailsAbout(name)).toEqual([])
  })

  it('a new approval moves the review date and clears the overdue flag', async () => {
    const name = 'Subsidie aanvragen controleren'
    const algorithm = await publishedAlgorithm(app.payload, app.url, team, { name })
    const firstDue = new Date(String(algorithm.workflow?.reviewDueAt))
    moveClockTo(new Date(firstDue.getTime() + DAY))
    clearSentMail()
    await runReminderJob()
    expect(mailsAbout(name)).toHaveLength(2)

    await app.payload.update({
      collection: 'algorithms',
      id: algorithm.id,
      data: { website: 'https://noorderhaaks.example/subsidie' },
      overrideAccess: false,
      user: team.editor.user,
    })
    await transition(app.url, team.editor.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
      changeSummary: 'Gecontroleerd en website toegevoegd.',
    })
    await transition(app.url, team.reviewer.token, algorithm.id, {
      action: 'approve',
      expectedState: 'ter_beoordeling',
    })
    const renewed = await readAlgorithm(app.payload, algorithm.id)
    const secondDue = new Date(String(renewed.workflow?.reviewDueAt))
    expect(renewed.workflow?.reviewOverdue).toBe(false)
    expect(secondDue.getTime()).toBeGreaterThan(firstDue.getTime())

    clearSentMail()
    await runReminderJob()
    expect(mailsAbout(name)).toEqual([])
    moveClockTo(new Date(secondDue.getTime() + DAY))
    await runReminderJob()
    await runReminderJob()
    expect(mailsAbout(name)).toHaveLength(2)
  })

  it('a reminder that fails to be recorded mails nobody, and goes out once on the next run', async () => {
    const name = 'Kwijtschelding beoordelen'
    const algorithm = await publishedAlgorithm(app.payload, app.url, team, { name })
    const dueAt = new Date(String(algorithm.workflow?.reviewDueAt))
    moveClockTo(new Date(dueAt.getTime() + DAY))
    clearSentMail()
    await withInsertTrigger(
      app.payload,
      {
        name: 'reminder_audit',
        table: 'audit_events',
        condition: `NEW.target_id = '${algorithm.id}' AND NEW.summary LIKE 'Herinnering%'`,
      },
      async () => {
        const req = await localRequest(app.payload, team.admin.user)
        await expect(runReviewReminders(req)).rejects.toThrow(/Review reminders failed for 1 of/)
        await runMailQueue(app.payload)
      },
    )
    expect(mailsAbout(name)).toEqual([])
    expect((await readAlgorithm(app.payload, algorithm.id)).workflow?.reviewOverdue).toBe(false)
    await runReminderJob()
    await runReminderJob()
    expect(mailsAbout(name)).toHaveLength(2)
  })

  it('a withdrawn description gets no reminder', async () => {
    const name = 'Bijstand herbeoordelen'
    const algorithm = await publishedAlgorithm(app.payload, app.url, team, { name })
    const dueAt = new Date(String(algorithm.workflow?.reviewDueAt))
    await transition(app.url, team.admin.token, algorithm.id, {
      action: 'withdraw',
      expectedState: 'gepubliceerd',
      reason: 'Niet meer in gebruik.',
    })
    moveClockTo(new Date(dueAt.getTime() + DAY))
    clearSentMail()
    await runReminderJob()
    expect(mailsAbout(name)).toEqual([])
    expect((await readAlgorithm(app.payload, algorithm.id)).workflow?.reviewOverdue).toBe(false)
  })

  it('a reminder run that overlaps an approval does not undo the approval', async () => {
    const name = 'Leerlingenvervoer plannen'
    const algorithm = await publishedAlgorithm(app.payload, app.url, team, { name })
    const firstRevision = algorithm.workflow?.publicRevision
    const dueAt = new Date(String(algorithm.workflow?.reviewDueAt))
    await app.payload.update({
      collection: 'algorithms',
      id: algorithm.id,
      data: { website: 'https://noorderhaaks.example/vervoer' },
      overrideAccess: false,
      user: team.editor.user,
    })
    await transition(app.url, team.editor.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
      changeSummary: 'Website toegevoegd.',
    })
    moveClockTo(new Date(dueAt.getTime() + DAY))
    clearSentMail()
    // The approval holds the algorithm's lock while the reminder run reads and writes it.
    const approved = await withInsertTrigger(
      app.payload,
      {
        name: 'slow_reminder_revision',
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
        await runReviewReminders(await localRequest(app.payload, team.admin.user))
        return approving
      },
    )
    expect(approved.status).toBe(200)
    const stored = await readAlgorithm(app.payload, algorithm.id)
    expect(stored.workflow?.state).toBe('gepubliceerd')
    expect(stored.workflow?.publicRevision).toBe(approved.body.revision?.id)
    expect(stored.workflow?.publicRevision).not.toBe(firstRevision)
    expect(stored.workflow?.publishedRevisionCount).toBe(2)
    expect(stored.workflow?.reviewOverdue).toBe(false)
    expect((await workflowFacts(app.payload, algorithm.id)).revisions).toBe(2)
    // It was just reviewed and approved, so nobody is asked to review it.
    await runMailQueue(app.payload)
    expect(mailsAbout(name)).toEqual([])
  })
})
