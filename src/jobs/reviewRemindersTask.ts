import type { PayloadRequest, TaskConfig } from 'payload'

import { now } from '../clock'
import { membersWithRoles } from '../email/membersWithRoles'
import { reviewDue } from '../email/notificationTemplates'
import { queueNotification } from '../email/queueNotification'
import { registerOptionsOf } from '../plugin/registerOptionsOf'
import { WORKFLOW_WRITE } from '../workflow/workflowContext'

/**
 * Finds published descriptions whose review date has passed, marks them overdue and mails the
 * organisation's editors and admins once per due date (running it twice sends nothing twice).
 */
export async function runReviewReminders(req: PayloadRequest): Promise<{ reminded: number }> {
  const today = now().toISOString()
  const due = await req.payload.find({
    collection: 'algorithms',
    where: {
      and: [
        { 'workflow.reviewDueAt': { less_than_equal: today } },
        { 'workflow.publicRevision': { exists: true } },
      ],
    },
    depth: 1,
    limit: 1000,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const serverUrl = registerOptionsOf(req.payload).serverUrl
  let reminded = 0
  for (const algorithm of due.docs) {
    const workflow = algorithm.workflow ?? {}
    const dueAt = workflow.reviewDueAt
    if (!dueAt) continue
    if (
      workflow.reviewReminderSentFor &&
      new Date(workflow.reviewReminderSentFor).getTime() === new Date(dueAt).getTime()
    )
      continue
    const organisation = typeof algorithm.organization === 'object' ? algorithm.organization : null
    const organisationId = organisation?.id ?? (algorithm.organization as number)
    const recipients = await membersWithRoles(req, organisationId, ['redacteur', 'beheerder'])
    const content = reviewDue(
      {
        name: algorithm.name,
        organisationName: organisation?.name ?? '',
        adminUrl: `${serverUrl}/admin/collections/algorithms/${algorithm.id}`,
      },
      new Date(dueAt).toLocaleDateString('nl-NL', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
    )
    for (const recipient of recipients) await queueNotification(req, recipient.email, content)
    const previousContext = req.context[WORKFLOW_WRITE]
    req.context[WORKFLOW_WRITE] = true
    try {
      await req.payload.update({
        collection: 'algorithms',
        id: algorithm.id,
        data: { workflow: { ...workflow, reviewOverdue: true, reviewReminderSentFor: dueAt } },
        depth: 0,
        overrideAccess: true,
        req,
      })
    } finally {
      req.context[WORKFLOW_WRITE] = previousContext
    }
    reminded += 1
  }
  return { reminded }
}

/** Daily job on Payload's queue, run by the server's job runner. */
export const reviewRemindersTask: TaskConfig<{ input: object; output: { reminded: number } }> = {
  slug: 'reviewReminders',
  label: 'Herinneringen voor herziening',
  retries: 1,
  schedule: [{ cron: '0 0 6 * * *', queue: 'reminders' }],
  outputSchema: [{ name: 'reminded', type: 'number' }],
  handler: async ({ req }) => ({ output: await runReviewReminders(req) }),
}
