import { sql } from '@payloadcms/db-postgres'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { asAccessUser } from '../../access/accessUser'
import { isPlatformAdmin } from '../../access/isPlatformAdmin'
import { rolesIn } from '../../access/rolesIn'
import type { Algorithm, Organisation, Revision } from '../../payload-types'
import { SKIP_GENERIC_AUDIT } from '../audit/auditContext'
import { writeAuditEvent } from '../audit/writeAuditEvent'
import { now } from '../clock'
import { runSql } from '../database/runSql'
import { membersWithRoles } from '../email/membersWithRoles'
import { approved, changesRequested, submittedForReview } from '../email/notificationTemplates'
import { queueNotification } from '../email/queueNotification'
import { localise, type Bilingual } from '../i18n/localise'
import { analyseAlgorithmTexts } from '../plainLanguage/analyseAlgorithmTexts'
import { summarisePlainLanguage } from '../plainLanguage/summarisePlainLanguage'
import { registerOptionsOf } from '../plugin/registerOptionsOf'
import { emitPublicChange } from '../publicApi/publicChangeBus'
import { withdrawProjection } from '../publicApi/projection'
import { missingDatabaseObjects } from '../schema/missingDatabaseObjects'
import { assessCompleteness } from '../standard/completeness'
import {
  publicationStandard,
  type StandardKey,
  type StandardRecord,
} from '../standard/publicationStandard'
import {
  ACTION_LABELS,
  availableActions,
  decideTransition,
  STATE_LABELS,
  type AvailableAction,
  type TransitionInput,
  type WorkflowAction,
  type WorkflowContext,
  type WorkflowState,
} from './stateMachine'
import { publishRevision } from './publishRevision'
import { WORKFLOW_WRITE } from './workflowContext'

/** A refused workflow step, with the HTTP status the API answers. */
export class TransitionError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly details?: string[],
  ) {
    super(text.nl)
    this.name = 'TransitionError'
  }
}

export interface TransitionCommand {
  algorithmId: number
  action: WorkflowAction
  expectedState: WorkflowState
  comment?: string
  reason?: string
  changeSummary?: string
}

export interface TransitionOutcome {
  from: WorkflowState
  to: WorkflowState
  revision?: { id: number; revisionNumber: number }
  warnings: Bilingual[]
}

function idOf(value: unknown): number | null {
  if (typeof value === 'number') return value
  if (value && typeof value === 'object' && 'id' in value)
    return Number((value as { id: unknown }).id)
  return null
}

function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime())
  result.setUTCMonth(result.getUTCMonth() + months)
  return result
}

/** Loads what a decision needs: the algorithm, its organisation and who may review there. */
export async function loadWorkflowContext(
  req: PayloadRequest,
  algorithm: Algorithm,
): Promise<{ organisation: Organisation; context: WorkflowContext }> {
  const organisationId = idOf(algorithm.organization) as number
  const organisation = await req.payload.findByID({
    collection: 'organisations',
    id: organisationId,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const reviewers = await membersWithRoles(req, organisationId, ['goedkeurder'])
  const user = asAccessUser(req.user)
  const workflow = algorithm.workflow ?? {}
  const editors = Array.isArray(workflow.versionEditors)
    ? (workflow.versionEditors as unknown[]).map(Number)
    : []
  const completeness = assessCompleteness(algorithm as unknown as Partial<StandardRecord>)
  const plainLanguage = summarisePlainLanguage(
    analyseAlgorithmTexts(algorithm as unknown as Record<string, unknown>),
  )
  return {
    organisation,
    context: {
      current: {
        state: (workflow.state ?? 'concept') as WorkflowState,
        hasPublicRevision: Boolean(workflow.publicRevision),
        publishedRevisionCount: workflow.publishedRevisionCount ?? 0,
        submittedBy: workflow.submittedById ?? null,
        versionEditors: editors,
      },
      actor: {
        id: user ? Number(user.id) : -1,
        roles: rolesIn(user, organisationId),
        isPlatformAdmin: isPlatformAdmin(user),
      },
      organisation: {
        fourEyes: organisation.settings?.fourEyes !== false,
        hasReviewer: reviewers.length > 0,
        plainLanguageBlocks: organisation.settings?.plainLanguageBlocks === true,
      },
      guards: {
        missingRequired: [...completeness.missingRequired],
        plainLanguageWarnings: plainLanguage.warnings,
      },
    },
  }
}

/** The actions the current user may take on an algorithm, for the admin's workflow panel. */
export async function workflowActionsFor(
  req: PayloadRequest,
  algorithm: Algorithm,
): Promise<AvailableAction[]> {
  const { context } = await loadWorkflowContext(req, algorithm)
  const missing = context.guards?.missingRequired ?? []
  return availableActions(context).map((action) =>
    action.code === 'incomplete' ? { ...action, reason: missingFieldsText(missing) } : action,
  )
}

function joinTitles(titles: string[], conjunction: string): string {
  if (titles.length <= 1) return titles.join('')
  return `${titles.slice(0, -1).join(', ')} ${conjunction} ${titles[titles.length - 1]}`
}

/**
 * The state machine names missing fields by their keys; editors know them by the titles the
 * admin shows (Korte omschrijving, not description_short).
 */
function missingFieldsText(keys: readonly string[]): Bilingual {
  const titles = keys.map(
    (key) => publicationStandard[key as StandardKey]?.title ?? { nl: key, en: key },
  )
  return {
    nl: `Vul eerst de verplichte velden in: ${joinTitles(
      titles.map((title) => title.nl),
      'en',
    )}.`,
    en: `Fill in the required fields first: ${joinTitles(
      titles.map((title) => title.en),
      'and',
    )}.`,
  }
}

async function platformAdmins(req: PayloadRequest): Promise<Array<{ id: number; email: string }>> {
  const found = await req.payload.find({
    collection: 'users',
    where: { isPlatformAdmin: { equals: true } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return found.docs.map((admin) => ({ id: admin.id, email: admin.email }))
}

/**
 * Nothing is published into a database without the register's projection table and
 * append-only guards (a host that skipped the register's migration): say what to run.
 */
async function refuseWithoutRegisterDatabase(req: PayloadRequest): Promise<void> {
  const missing = await missingDatabaseObjects(req)
  if (missing.length === 0) return
  req.payload.logger.error(
    `algorithmRegister: the database lacks ${missing.join(', ')}. Run \`payload migrate:create register --file @algoritmeregister/payload-plugin/migration\` and \`payload migrate\`.`,
  )
  throw new TransitionError(503, 'database_incomplete', {
    nl: 'De database van het register is niet volledig bijgewerkt (migratie van het register ontbreekt). Neem contact op met de beheerder.',
    en: "The register's database is not fully migrated (the register's migration is missing). Contact the administrator.",
  })
}

async function lockAlgorithm(req: PayloadRequest, id: number): Promise<void> {
  const rows = await runSql(req, sql`SELECT id FROM algorithms WHERE id = ${id} FOR UPDATE`)
  if (rows.length === 0) throw notFound()
}

function notFound(): TransitionError {
  return new TransitionError(404, 'not_found', {
    nl: 'Deze beschrijving bestaat niet, of u hebt er geen toegang toe.',
    en: 'This description does not exist, or you have no access to it.',
  })
}

/**
 * The one way an algorithm changes workflow state, used by the REST endpoint, the Local API
 * and the admin. It locks the algorithm row, checks the step against the state machine (the
 * caller names the state it expects, so a stale or repeated step is refused with 409), and
 * commits in a single transaction: the new state, the revision, the public projection, the
 * audit event and the queued notification e-mails. Any failure rolls all of it back.
 */
export async function performTransition(
  req: PayloadRequest,
  command: TransitionCommand,
): Promise<TransitionOutcome> {
  const user = asAccessUser(req.user)
  if (!user) {
    throw new TransitionError(401, 'unauthenticated', { nl: 'Log eerst in.', en: 'Log in first.' })
  }
  await refuseWithoutRegisterDatabase(req)
  const shouldCommit = await initTransaction(req)
  try {
    await lockAlgorithm(req, command.algorithmId)
    const algorithm = await req.payload.findByID({
      collection: 'algorithms',
      id: command.algorithmId,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const organisationId = idOf(algorithm.organization) as number
    if (!isPlatformAdmin(user) && rolesIn(user, organisationId).length === 0) throw notFound()

    const { organisation, context } = await loadWorkflowContext(req, algorithm)
    const input: TransitionInput = { ...context, ...command }
    const decision = decideTransition(input)
    if (!decision.ok) {
      const text =
        decision.code === 'incomplete'
          ? missingFieldsText(decision.details ?? [])
          : decision.message
      throw new TransitionError(decision.status, decision.code, text, decision.details)
    }

    const moment = now()
    const stamp = moment.toISOString()
    const workflow = { ...(algorithm.workflow ?? {}) }
    const actorName = (req.user as { name?: string; email?: string }).name ?? String(user.id)
    const serverUrl = registerOptionsOf(req.payload).serverUrl
    const reference = {
      name: algorithm.name,
      organisationName: organisation.name,
      adminUrl: `${serverUrl}/admin/collections/algorithms/${algorithm.id}`,
    }
    let revision: Revision | undefined
    let publicationDate = algorithm.publication_dt ?? null

    workflow.state = decision.to
    workflow.transitionCount = (workflow.transitionCount ?? 0) + 1

    switch (command.action) {
      case 'submit':
        workflow.submittedById = Number(user.id)
        workflow.submittedByName = actorName
        workflow.submittedAt = stamp
        workflow.changeSummary = command.changeSummary?.trim() || null
        workflow.lastComment = null
        break
      case 'request_changes':
        workflow.lastComment = command.comment?.trim() ?? null
        break
      case 'withdraw':
        workflow.lastComment = command.reason?.trim() ?? null
        break
      default:
        break
    }

    if (decision.effects.createRevision) {
      publicationDate ??= stamp.slice(0, 10)
      const published = await publishRevision(req, {
        algorithm,
        organisation,
        publicationDate,
        stamp,
        source: 'approval',
        changeSummary: workflow.changeSummary ?? null,
        submitter: {
          id: workflow.submittedById ?? null,
          name: workflow.submittedByName ?? null,
          at: workflow.submittedAt ?? null,
        },
        approver: { id: Number(user.id), name: actorName },
      })
      revision = published.revision
      const revisionNumber = revision.revisionNumber
      workflow.publicRevision = revision.id
      workflow.publishedRevisionCount = revisionNumber
      workflow.publicSince = stamp
      workflow.reviewDueAt = addMonths(
        moment,
        organisation.settings?.reviewIntervalMonths ?? 12,
      ).toISOString()
      workflow.reviewOverdue = false
      workflow.reviewReminderSentFor = null
    }
    if (decision.effects.resetVersionEditors) workflow.versionEditors = []
    if (decision.effects.publicRecord === 'remove') {
      await withdrawProjection(req, {
        lars: algorithm.lars as string,
        withdrawnAt: stamp,
        reason: command.reason?.trim() ?? '',
      })
      workflow.publicRevision = null
      workflow.publicSince = null
      workflow.reviewDueAt = null
      workflow.reviewOverdue = false
    }

    const previousContext = {
      write: req.context[WORKFLOW_WRITE],
      audit: req.context[SKIP_GENERIC_AUDIT],
    }
    req.context[WORKFLOW_WRITE] = true
    req.context[SKIP_GENERIC_AUDIT] = true
    try {
      await req.payload.update({
        collection: 'algorithms',
        id: algorithm.id,
        data: { workflow, publication_dt: publicationDate },
        depth: 0,
        overrideAccess: true,
        req,
      })
    } finally {
      req.context[WORKFLOW_WRITE] = previousContext.write
      req.context[SKIP_GENERIC_AUDIT] = previousContext.audit
    }

    await writeAuditEvent(req, {
      eventType: 'transition',
      summary: `${ACTION_LABELS[command.action].nl}: ${algorithm.name} (${STATE_LABELS[decision.from].nl} → ${STATE_LABELS[decision.to].nl})`,
      organisationId,
      targetCollection: 'algorithms',
      targetId: algorithm.id,
      targetLabel: algorithm.name,
      comment:
        command.comment?.trim() || command.reason?.trim() || command.changeSummary?.trim() || null,
      changes: [{ field: 'workflow.state', before: decision.from, after: decision.to }],
      details: {
        action: command.action,
        from: decision.from,
        to: decision.to,
        ...(revision
          ? {
              revisionNumber: revision.revisionNumber,
              revisionId: revision.id,
              contentHash: revision.contentHash,
            }
          : {}),
        ...(command.changeSummary ? { changeSummary: command.changeSummary.trim() } : {}),
      },
    })

    const actorId = Number(user.id)
    if (decision.effects.notify === 'reviewers') {
      const reviewers = (await membersWithRoles(req, organisationId, ['goedkeurder'])).filter(
        (reviewer) => reviewer.id !== actorId,
      )
      // Without a reviewer of its own, the organisation's submissions are approved by the
      // platform admins (see the state machine), so they are the ones to tell.
      const recipients = context.organisation.hasReviewer
        ? reviewers
        : (await platformAdmins(req)).filter((admin) => admin.id !== actorId)
      for (const recipient of recipients) {
        await queueNotification(
          req,
          recipient.email,
          submittedForReview(reference, actorName, workflow.changeSummary),
        )
      }
    } else if (
      decision.effects.notify === 'submitter' &&
      algorithm.workflow?.submittedById &&
      algorithm.workflow.submittedById !== actorId
    ) {
      const submitter = await req.payload.findByID({
        collection: 'users',
        id: algorithm.workflow.submittedById,
        depth: 0,
        overrideAccess: true,
        req,
        disableErrors: true,
      })
      if (submitter?.email) {
        const content =
          command.action === 'approve'
            ? approved(reference, actorName, revision?.revisionNumber ?? 0)
            : changesRequested(reference, actorName, command.comment?.trim() ?? '')
        await queueNotification(req, submitter.email, content)
      }
    }

    if (shouldCommit) await commitTransaction(req)
    // Committed: this process's public API drops its cache before the caller gets an answer.
    if (shouldCommit && decision.effects.publicRecord !== 'keep') {
      emitPublicChange(String(algorithm.lars))
    }
    return {
      from: decision.from,
      to: decision.to,
      revision: revision ? { id: revision.id, revisionNumber: revision.revisionNumber } : undefined,
      warnings: decision.warnings.map((warning) => warning.message),
    }
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}

/**
 * Turns a TransitionError, or an unexpected failure, into the API's JSON error response.
 * Payload's own client errors (validation, not found) are passed on for Payload to answer.
 */
export function transitionErrorResponse(req: PayloadRequest, error: unknown): Response {
  if (
    error instanceof TransitionError ||
    (error as { name?: string })?.name === 'TransitionError'
  ) {
    const refusal = error as TransitionError
    return Response.json(
      {
        errors: [
          {
            message: localise(req, refusal.text),
            code: refusal.code,
            details: refusal.details ?? [],
          },
        ],
      },
      { status: refusal.status },
    )
  }
  const status = (error as { status?: unknown })?.status
  if (typeof status === 'number' && status < 500) throw error
  // Payload would answer an English "Something went wrong."; the user needs to know, in their
  // language, that the step did not happen (the transaction rolled everything back).
  req.payload.logger.error({ err: error }, 'Workflow step failed')
  return Response.json(
    {
      errors: [
        {
          message: localise(req, {
            nl: 'Er ging iets mis op de server. Er is niets veranderd: probeer het later opnieuw.',
            en: 'Something went wrong on the server. Nothing was changed: please try again later.',
          }),
          code: 'internal_error',
          details: [],
        },
      ],
    },
    { status: 500 },
  )
}
