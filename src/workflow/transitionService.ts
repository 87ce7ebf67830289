import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { asAccessUser } from '../../access/accessUser'
import { isPlatformAdmin } from '../../access/isPlatformAdmin'
import { rolesIn } from '../../access/rolesIn'
import type { Algorithm, Organisation } from '../../payload-types'
import { lockAlgorithmRow } from '../database/payloadTables'
import { membersWithRoles } from '../email/membersWithRoles'
import { localise, type Bilingual } from '../i18n/localise'
import { analyseAlgorithmTexts } from '../plainLanguage/analyseAlgorithmTexts'
import { summarisePlainLanguage } from '../plainLanguage/summarisePlainLanguage'
import { enqueueNationalDelivery } from '../national/enqueueNationalDelivery'
import { emitPublicChange } from '../publicApi/publicChangeBus'
import { missingDatabaseObjects } from '../schema/missingDatabaseObjects'
import { assessCompleteness } from '../standard/completeness'
import {
  publicationStandard,
  type StandardKey,
  type StandardRecord,
} from '../standard/publicationStandard'
import {
  availableActions,
  decideTransition,
  type AvailableAction,
  type WorkflowAction,
  type WorkflowContext,
  type WorkflowState,
} from './stateMachine'
import { applyWorkflowStep } from './applyWorkflowStep'

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
        isPlatformAdmin: isPlatformAdmin(user, req.payload),
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

function notFound(): TransitionError {
  return new TransitionError(404, 'not_found', {
    nl: 'Deze beschrijving bestaat niet, of u hebt er geen toegang toe.',
    en: 'This description does not exist, or you have no access to it.',
  })
}

/**
 * A person's workflow step, used by the REST endpoint, the Local API and the admin: load the
 * algorithm under lock, ask the state machine (the caller names the state it expects, so a stale
 * or repeated step is refused with 409), and carry the decision out through
 * {@link applyWorkflowStep}, all in one transaction: the new state, the revision, the public
 * projection, the audit event and the queued e-mails. Any failure rolls all of it back.
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
    // Load.
    if (!(await lockAlgorithmRow(req, command.algorithmId))) throw notFound()
    const algorithm = await req.payload.findByID({
      collection: 'algorithms',
      id: command.algorithmId,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const organisationId = idOf(algorithm.organization) as number
    if (!isPlatformAdmin(user, req.payload) && rolesIn(user, organisationId).length === 0)
      throw notFound()

    const { organisation, context } = await loadWorkflowContext(req, algorithm)

    // Decide.
    const decision = decideTransition({ ...context, ...command })
    if (!decision.ok) {
      const text =
        decision.code === 'incomplete'
          ? missingFieldsText(decision.details ?? [])
          : decision.message
      throw new TransitionError(decision.status, decision.code, text, decision.details)
    }

    // Apply, record, notify.
    const applied = await applyWorkflowStep(req, {
      decision,
      target: { kind: 'loaded', algorithm },
      organisation,
      actor: {
        id: Number(user.id),
        name: (req.user as { name?: string }).name ?? String(user.id),
      },
      text: command,
      hasReviewer: context.organisation.hasReviewer,
    })

    // Outbox for the national Algoritmeregister (src/national), in this transaction.
    if (applied.revision || decision.effects.publicRecord === 'remove') {
      await enqueueNationalDelivery(req, {
        algorithm,
        organisationId,
        action: applied.revision ? 'publish' : 'retract',
      })
    }

    if (shouldCommit) await commitTransaction(req)
    // Committed: this process's public API drops its cache before the caller gets an answer.
    if (shouldCommit && applied.publicChanged) emitPublicChange(String(algorithm.lars))
    const { revision } = applied
    return {
      from: decision.from ?? context.current.state,
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
