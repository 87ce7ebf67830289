import type { PayloadRequest } from 'payload'

import type { Algorithm, Organisation } from '../../payload-types'
import { membersWithRoles } from '../email/membersWithRoles'
import { approved, changesRequested, submittedForReview } from '../email/notificationTemplates'
import { queueNotification } from '../email/queueNotification'
import { registerOptionsOf, usersSlugOf } from '../plugin/registerOptionsOf'
import type { TransitionSuccess } from './stateMachine'
import type { StepText, WorkflowFields } from './workflowFieldsAfter'

async function platformAdmins(req: PayloadRequest): Promise<Array<{ id: number; email: string }>> {
  const found = await req.payload.find({
    collection: usersSlugOf(req.payload),
    where: { isPlatformAdmin: { equals: true } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return found.docs.map((admin) => ({ id: admin.id, email: admin.email }))
}

/** What the notifications of one applied step are about. */
export interface NotifiedStep {
  decision: TransitionSuccess
  algorithm: Algorithm
  organisation: Organisation
  /** The workflow fields before the step (who submitted the version). */
  before: WorkflowFields
  /** The workflow fields after it (the change summary). */
  after: WorkflowFields
  actor: { id: number; name: string }
  text: StepText
  hasReviewer: boolean
  revisionNumber?: number
}

/**
 * Queues the e-mails the transition table asks for (`effects.notify`), in the step's
 * transaction: reviewers hear of a submission, the submitter of the reviewer's answer.
 */
export async function queueStepNotifications(
  req: PayloadRequest,
  step: NotifiedStep,
): Promise<void> {
  const { decision, algorithm, organisation, actor } = step
  if (decision.effects.notify === 'none') return
  const serverUrl = registerOptionsOf(req.payload).serverUrl
  const reference = {
    name: algorithm.name,
    organisationName: organisation.name,
    adminUrl: `${serverUrl}/admin/collections/algorithms/${algorithm.id}`,
  }
  if (decision.effects.notify === 'reviewers') {
    const reviewers = (await membersWithRoles(req, organisation.id, ['goedkeurder'])).filter(
      (reviewer) => reviewer.id !== actor.id,
    )
    // Without a reviewer of its own, the organisation's submissions are approved by the
    // platform admins (see the state machine), so they are the ones to tell.
    const recipients = step.hasReviewer
      ? reviewers
      : (await platformAdmins(req)).filter((admin) => admin.id !== actor.id)
    for (const recipient of recipients) {
      await queueNotification(
        req,
        recipient.email,
        submittedForReview(reference, actor.name, step.after.changeSummary),
      )
    }
    return
  }
  const submittedById = step.before.submittedById
  if (!submittedById || submittedById === actor.id) return
  const submitter = await req.payload.findByID({
    collection: usersSlugOf(req.payload),
    id: submittedById,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  if (!submitter?.email) return
  const content =
    decision.action === 'approve'
      ? approved(reference, actor.name, step.revisionNumber ?? 0)
      : changesRequested(reference, actor.name, step.text.comment?.trim() ?? '')
  await queueNotification(req, submitter.email, content)
}
