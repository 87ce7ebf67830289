import {
  commitTransaction,
  initTransaction,
  killTransaction,
  type PayloadRequest,
  type TaskConfig,
} from 'payload'

import { writeAuditEvent } from '../audit/writeAuditEvent'
import { now } from '../clock'
import { lockAlgorithmRow, markReviewReminderSent } from '../database/payloadTables'
import { membersWithRoles } from '../email/membersWithRoles'
import { reviewDue } from '../email/notificationTemplates'
import { queueNotification } from '../email/queueNotification'
import { registerOptionsOf } from '../plugin/registerOptionsOf'

/** Dutch public bodies count days in Dutch time, whatever the server's zone. */
const REGISTER_TIME_ZONE = 'Europe/Amsterdam'

function sameMoment(a: string | null | undefined, b: string): boolean {
  return Boolean(a) && new Date(String(a)).getTime() === new Date(b).getTime()
}

/**
 * Reminds one algorithm's organisation, if it is still due. Runs in its own transaction (or
 * the caller's): the row is locked and read again, so a transition that committed after the
 * search is neither undone nor reminded about, and the queued mails commit together with the
 * "reminder sent" mark, or not at all.
 */
async function remindIfDue(req: PayloadRequest, id: number, moment: string): Promise<boolean> {
  const shouldCommit = await initTransaction(req)
  try {
    await lockAlgorithmRow(req, id)
    const algorithm = await req.payload.findByID({
      collection: 'algorithms',
      id,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    const workflow = algorithm?.workflow ?? {}
    const dueAt = workflow.reviewDueAt
    const due =
      algorithm &&
      dueAt &&
      workflow.publicRevision &&
      new Date(dueAt).getTime() <= new Date(moment).getTime() &&
      !sameMoment(workflow.reviewReminderSentFor, dueAt)
    if (!algorithm || !due) {
      if (shouldCommit) await commitTransaction(req)
      return false
    }
    const organisationId =
      typeof algorithm.organization === 'object'
        ? algorithm.organization.id
        : algorithm.organization
    const organisation = await req.payload.findByID({
      collection: 'organisations',
      id: organisationId,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const recipients = await membersWithRoles(req, organisationId, ['redacteur', 'beheerder'])
    const content = reviewDue(
      {
        name: algorithm.name,
        organisationName: organisation.name,
        adminUrl: `${registerOptionsOf(req.payload).serverUrl}/admin/collections/algorithms/${algorithm.id}`,
      },
      new Date(dueAt).toLocaleDateString('nl-NL', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: REGISTER_TIME_ZONE,
      }),
    )
    for (const recipient of recipients) await queueNotification(req, recipient.email, content)
    // Only the two bookkeeping columns: a Payload update would validate the whole document
    // against the (absent) user of a background job, and write back every other column.
    await markReviewReminderSent(req, { algorithmId: id, dueAt })
    await writeAuditEvent(req, {
      eventType: 'update',
      summary: `Herinnering voor herziening verstuurd: ${algorithm.name}`,
      organisationId,
      targetCollection: 'algorithms',
      targetId: algorithm.id,
      targetLabel: algorithm.name,
      changes: [{ field: 'workflow.reviewOverdue', before: false, after: true }],
      details: { reviewDueAt: dueAt, recipients: recipients.length },
      actor: null,
    })
    if (shouldCommit) await commitTransaction(req)
    return true
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}

/**
 * Finds published descriptions whose review date has passed, marks them overdue and mails the
 * organisation's editors and admins once per due date (running it twice sends nothing twice).
 * One failing description does not hold up the others; the run then fails so the job retries.
 */
export async function runReviewReminders(req: PayloadRequest): Promise<{ reminded: number }> {
  const moment = now().toISOString()
  const due = await req.payload.find({
    collection: 'algorithms',
    where: {
      and: [
        { 'workflow.reviewDueAt': { less_than_equal: moment } },
        { 'workflow.publicRevision': { exists: true } },
      ],
    },
    depth: 0,
    pagination: false,
    select: { name: true },
    overrideAccess: true,
    req,
  })
  const inCallersTransaction = Boolean(req.transactionID)
  let reminded = 0
  const failures: unknown[] = []
  for (const { id } of due.docs) {
    try {
      if (await remindIfDue(req, id, moment)) reminded += 1
    } catch (error) {
      // A failure inside the caller's transaction has already rolled it back.
      if (inCallersTransaction) throw error
      req.payload.logger.error({ err: error, algorithmId: id }, 'Review reminder failed')
      failures.push(error)
    }
  }
  if (failures.length > 0) {
    throw new Error(
      `Review reminders failed for ${failures.length} of ${due.docs.length} descriptions; the others were sent.`,
    )
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
