/**
 * The one door through which an algorithm changes workflow state: a person's step (submit,
 * approve, …) and an import row alike. The caller has loaded the description under lock and
 * asked the pure state machine; this carries the decision out, in the caller's transaction:
 *
 * 1. apply: the workflow fields the transition table declares (and, for an import, the content
 *    written with them), the new revision and the public projection, or the projection withdrawn;
 * 2. record: one audit event for the step;
 * 3. notify: the e-mails the table asks for, queued.
 *
 * Committing, and telling the public API after the commit, stay with the caller, which owns the
 * transaction (one per step, or one per import row).
 */
import type { PayloadRequest } from 'payload'

import type { Algorithm, Organisation, Revision } from '../../payload-types'
import type { AuditEventInput } from '../audit/writeAuditEvent'
import { writeAuditEvent } from '../audit/writeAuditEvent'
import { now } from '../clock'
import { linkPublicRevision } from '../database/payloadTables'
import { withdrawProjection } from '../publicApi/projection'
import { publishRevision } from './publishRevision'
import { queueStepNotifications } from './queueStepNotifications'
import { ACTION_LABELS, STATE_LABELS, type TransitionSuccess } from './stateMachine'
import { asWorkflowWrite } from './workflowContext'
import { workflowFieldsAfter, type StepText, type WorkflowFields } from './workflowFieldsAfter'

/** The description a step acts on: as loaded under lock, or (an import) one to create. */
export type StepTarget =
  | { kind: 'loaded'; algorithm: Algorithm }
  /** An existing description of which only the id and the workflow fields were read. */
  | { kind: 'locked'; id: number; workflow: WorkflowFields; publicationDate: string | null }
  | { kind: 'new'; fields: Record<string, unknown> }

/** An allowed step, ready to be carried out. */
export interface WorkflowStep {
  decision: TransitionSuccess
  target: StepTarget
  organisation: Organisation
  actor: { id: number; name: string }
  text: StepText
  /**
   * Content written together with the state change (an import row); the revision is made from
   * the description as written.
   */
  content?: Record<string, unknown>
  /** Whether the organisation has a reviewer of its own (who hears of a submission). */
  hasReviewer?: boolean
  /** Extra facts for the audit event (an import's file, row and warnings). */
  auditDetails?: Record<string, unknown>
}

/** What the step did. */
export interface AppliedStep {
  algorithm: Algorithm
  revision?: Revision
  /** The step changed what the public API shows (announce it after the commit). */
  publicChanged: boolean
}

function eventSummary(decision: TransitionSuccess, name: string): string {
  if (decision.action === 'import') {
    return `${decision.from === null ? 'Geïmporteerd (nieuw)' : 'Geïmporteerd (bijgewerkt)'}: ${name}`
  }
  const from = decision.from === null ? '–' : STATE_LABELS[decision.from].nl
  return `${ACTION_LABELS[decision.action].nl}: ${name} (${from} → ${STATE_LABELS[decision.to].nl})`
}

/** Everything the history keeps of one step. */
function stepAuditEvent(
  step: WorkflowStep,
  algorithm: Algorithm,
  revision: Revision | undefined,
): AuditEventInput {
  const { decision, text } = step
  const changeSummary = text.changeSummary?.trim()
  const changedFields = Array.isArray(revision?.diff)
    ? (revision.diff as Array<{ field?: unknown }>).map((change) => String(change.field))
    : undefined
  return {
    eventType: decision.action === 'import' ? 'import' : 'transition',
    summary: eventSummary(decision, algorithm.name),
    organisationId: step.organisation.id,
    targetCollection: 'algorithms',
    targetId: algorithm.id,
    targetLabel: algorithm.name,
    comment: text.comment?.trim() || text.reason?.trim() || changeSummary || null,
    changes: [{ field: 'workflow.state', before: decision.from, after: decision.to }],
    details: {
      action: decision.action,
      from: decision.from,
      to: decision.to,
      ...(revision
        ? {
            revisionNumber: revision.revisionNumber,
            revisionId: revision.id,
            contentHash: revision.contentHash,
          }
        : {}),
      ...(changeSummary ? { changeSummary } : {}),
      ...(decision.action === 'import' && changedFields ? { fields: changedFields } : {}),
      ...step.auditDetails,
    },
  }
}

/** Writes the description with its new workflow fields through the Local API (hooks, validation). */
async function writeDescription(
  req: PayloadRequest,
  target: StepTarget,
  data: Record<string, unknown>,
): Promise<Algorithm> {
  if (target.kind === 'new') {
    const fields = { ...target.fields, ...data }
    // Reading the whole new description back costs more than writing it. A new description
    // holds exactly what was written, so the revision is built from that.
    const created = await asWorkflowWrite(req, () =>
      req.payload.create({
        collection: 'algorithms',
        data: fields as never,
        select: { lars: true },
        depth: 0,
        overrideAccess: true,
        req,
      }),
    )
    return { ...fields, id: created.id } as unknown as Algorithm
  }
  const id = target.kind === 'loaded' ? target.algorithm.id : target.id
  return asWorkflowWrite(req, () =>
    req.payload.update({
      collection: 'algorithms',
      id,
      data: data as never,
      depth: 0,
      overrideAccess: true,
      req,
    }),
  )
}

/**
 * Carries out an allowed workflow step: apply, record, notify (see the module comment). Any
 * failure throws, and the caller rolls the whole step back.
 */
export async function applyWorkflowStep(
  req: PayloadRequest,
  step: WorkflowStep,
): Promise<AppliedStep> {
  const { decision, target, organisation, actor } = step
  const moment = now()
  const stamp = moment.toISOString()
  const before: WorkflowFields =
    target.kind === 'loaded'
      ? (target.algorithm.workflow ?? {})
      : target.kind === 'locked'
        ? target.workflow
        : { transitionCount: 0, publishedRevisionCount: 0 }
  let publicationDate =
    target.kind === 'loaded'
      ? (target.algorithm.publication_dt ?? null)
      : target.kind === 'locked'
        ? target.publicationDate
        : null
  if (decision.effects.createRevision) publicationDate ??= stamp.slice(0, 10)
  const workflow = workflowFieldsAfter(before, decision, {
    actor,
    moment,
    reviewIntervalMonths: organisation.settings?.reviewIntervalMonths ?? 12,
    text: step.text,
  })

  // 1. Apply. Content comes first when the step writes it: the revision is made from it.
  const writesContent = step.content !== undefined || target.kind !== 'loaded'
  let algorithm =
    target.kind === 'loaded' && !writesContent
      ? target.algorithm
      : await writeDescription(req, target, {
          ...step.content,
          publication_dt: publicationDate,
          workflow,
        })
  let revision: Revision | undefined
  if (decision.effects.createRevision && publicationDate) {
    const published = await publishRevision(req, {
      algorithm,
      organisation,
      publicationDate,
      stamp,
      source: decision.action === 'import' ? 'import' : 'approval',
      changeSummary: workflow.changeSummary ?? null,
      submitter: {
        id: workflow.submittedById ?? null,
        name: workflow.submittedByName ?? null,
        at: workflow.submittedAt ?? null,
      },
      approver: actor,
    })
    revision = published.revision
    workflow.publicRevision = revision.id
    workflow.publishedRevisionCount = revision.revisionNumber
  }
  if (decision.effects.publicRecord === 'remove') {
    await withdrawProjection(req, {
      lars: String(algorithm.lars),
      withdrawnAt: stamp,
      reason: step.text.reason?.trim() ?? '',
    })
  }
  if (!writesContent) {
    algorithm = await writeDescription(req, target, { workflow, publication_dt: publicationDate })
  } else if (revision) {
    await linkPublicRevision(req, {
      algorithmId: algorithm.id,
      revisionId: revision.id,
      revisionNumber: revision.revisionNumber,
      stamp,
    })
  }

  // 2. Record.
  await writeAuditEvent(req, stepAuditEvent(step, algorithm, revision))

  // 3. Notify.
  await queueStepNotifications(req, {
    decision,
    algorithm,
    organisation,
    before,
    after: workflow,
    actor,
    text: step.text,
    hasReviewer: step.hasReviewer ?? false,
    revisionNumber: revision?.revisionNumber,
  })

  return { algorithm, revision, publicChanged: decision.effects.publicRecord !== 'keep' }
}
