import type { Algorithm } from '../../payload-types'
import type { TransitionSuccess } from './stateMachine'

/** The workflow group of an algorithm, as Payload stores it. */
export type WorkflowFields = NonNullable<Algorithm['workflow']>

/** Free text a step carries: the reviewer's comment, a withdrawal reason, a change summary. */
export interface StepText {
  comment?: string
  reason?: string
  changeSummary?: string
}

/** What the workflow fields of a step are computed from, besides the decision. */
export interface FieldsContext {
  actor: { id: number; name: string }
  moment: Date
  /** Months until the next review of a published description. */
  reviewIntervalMonths: number
  text: StepText
}

function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime())
  result.setUTCMonth(result.getUTCMonth() + months)
  return result
}

/**
 * The workflow fields after an allowed step, as the transition table declares them. Pure; the
 * link to a new revision (publicRevision, publishedRevisionCount) is set by the apply step once
 * the revision exists.
 */
export function workflowFieldsAfter(
  before: WorkflowFields,
  decision: Pick<TransitionSuccess, 'to' | 'effects' | 'fields'>,
  context: FieldsContext,
): WorkflowFields {
  const stamp = context.moment.toISOString()
  const { fields, effects } = decision
  const workflow: WorkflowFields = {
    ...before,
    state: decision.to,
    transitionCount: (before.transitionCount ?? 0) + 1,
  }
  if (fields.submitter === 'actor') {
    workflow.submittedById = context.actor.id
    workflow.submittedByName = context.actor.name
    workflow.submittedAt = stamp
  } else if (fields.submitter === 'clear') {
    workflow.submittedById = null
    workflow.submittedByName = null
    workflow.submittedAt = null
  }
  if (effects.resetVersionEditors) workflow.versionEditors = []
  if (fields.changeSummary === 'input') {
    workflow.changeSummary = context.text.changeSummary?.trim() || null
  }
  if (fields.lastComment === 'clear') workflow.lastComment = null
  else if (fields.lastComment === 'comment')
    workflow.lastComment = context.text.comment?.trim() ?? null
  else if (fields.lastComment === 'reason')
    workflow.lastComment = context.text.reason?.trim() ?? null
  if (fields.publication === 'start') {
    workflow.publicSince = stamp
    workflow.reviewDueAt = addMonths(context.moment, context.reviewIntervalMonths).toISOString()
    workflow.reviewOverdue = false
    workflow.reviewReminderSentFor = null
  } else if (fields.publication === 'stop') {
    workflow.publicRevision = null
    workflow.publicSince = null
    workflow.reviewDueAt = null
    workflow.reviewOverdue = false
  }
  return workflow
}
