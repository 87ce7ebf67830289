import type { Endpoint, PayloadRequest } from 'payload'

import { localise, type Bilingual } from '../i18n/localise'
import { analyseAlgorithmTexts } from '../plainLanguage/analyseAlgorithmTexts'
import { plainLanguageEndpoint } from '../plainLanguage/plainLanguageEndpoint'
import { summarisePlainLanguage } from '../plainLanguage/summarisePlainLanguage'
import { assessCompleteness } from '../standard/completeness'
import type { StandardRecord } from '../standard/publicationStandard'
import { diffDocuments } from '../audit/diffDocuments'
import { restoreRevision } from './restoreRevision'
import {
  ACTION_LABELS,
  isWorkflowAction,
  isWorkflowState,
  STATE_LABELS,
  type WorkflowState,
} from './stateMachine'
import { performTransition, transitionErrorResponse, workflowActionsFor } from './transitionService'

function error(req: PayloadRequest, status: number, text: Bilingual): Response {
  return Response.json({ errors: [{ message: localise(req, text) }] }, { status })
}

function routeId(req: PayloadRequest): number | undefined {
  const raw = req.routeParams?.id
  return typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined
}

async function body(req: PayloadRequest): Promise<Record<string, unknown> | undefined> {
  try {
    const parsed: unknown = req.json ? await req.json() : undefined
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined
  } catch (_error) {
    return undefined
  }
}

const optionalText = (value: unknown) => (typeof value === 'string' ? value : undefined)

/** POST /api/algorithms/:id/transition { action, expectedState, comment?, reason?, changeSummary? } */
const transitionEndpoint: Endpoint = {
  path: '/:id/transition',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return error(req, 401, { nl: 'Log eerst in.', en: 'Log in first.' })
    const id = routeId(req)
    const input = await body(req)
    if (id === undefined || !input) {
      return error(req, 400, {
        nl: 'Stuur { "action": ..., "expectedState": ... } naar /api/algorithms/<id>/transition.',
        en: 'Send { "action": ..., "expectedState": ... } to /api/algorithms/<id>/transition.',
      })
    }
    if (!isWorkflowAction(input.action)) {
      return error(req, 400, {
        nl: `Onbekende actie '${String(input.action)}'. Kies uit: submit, approve, request_changes, withdraw, archive, reopen.`,
        en: `Unknown action '${String(input.action)}'. Choose from: submit, approve, request_changes, withdraw, archive, reopen.`,
      })
    }
    if (!isWorkflowState(input.expectedState)) {
      return error(req, 400, {
        nl: 'Geef in expectedState de status waarin u de beschrijving verwacht (bijvoorbeeld "concept").',
        en: 'Give in expectedState the state you expect the description to be in (for example "concept").',
      })
    }
    try {
      const outcome = await performTransition(req, {
        algorithmId: id,
        action: input.action,
        expectedState: input.expectedState,
        comment: optionalText(input.comment),
        reason: optionalText(input.reason),
        changeSummary: optionalText(input.changeSummary),
      })
      return Response.json({
        message: localise(req, {
          nl: `${ACTION_LABELS[input.action].nl}: gelukt. De status is nu '${STATE_LABELS[outcome.to].nl}'.`,
          en: `${ACTION_LABELS[input.action].en}: done. The state is now '${STATE_LABELS[outcome.to].en}'.`,
        }),
        state: outcome.to,
        revision: outcome.revision ?? null,
        warnings: outcome.warnings.map((warning) => localise(req, warning)),
      })
    } catch (caught) {
      return transitionErrorResponse(req, caught)
    }
  },
}

/** GET /api/algorithms/:id/workflow: state, allowed actions, public revision, checks. */
const workflowEndpoint: Endpoint = {
  path: '/:id/workflow',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return error(req, 401, { nl: 'Log eerst in.', en: 'Log in first.' })
    const id = routeId(req)
    const notFound = {
      nl: 'Deze beschrijving bestaat niet, of u hebt er geen toegang toe.',
      en: 'This description does not exist, or you have no access to it.',
    }
    if (id === undefined) return error(req, 404, notFound)
    const algorithm = await req.payload.findByID({
      collection: 'algorithms',
      id,
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
      disableErrors: true,
    })
    if (!algorithm) return error(req, 404, notFound)
    const actions = await workflowActionsFor(req, algorithm)
    const revisions = await req.payload.find({
      collection: 'revisions',
      where: { algorithm: { equals: id } },
      sort: '-revisionNumber',
      depth: 0,
      limit: 100,
      overrideAccess: false,
      user: req.user,
      req,
      select: {
        revisionNumber: true,
        approvedAt: true,
        approvedByName: true,
        submittedByName: true,
        changeSummary: true,
        source: true,
      },
    })
    const history = await req.payload.find({
      collection: 'audit-events',
      where: {
        and: [{ targetCollection: { equals: 'algorithms' } }, { targetId: { equals: String(id) } }],
      },
      sort: '-sequence',
      depth: 0,
      limit: 50,
      overrideAccess: false,
      user: req.user,
      req,
      select: {
        eventType: true,
        summary: true,
        occurredAt: true,
        actorName: true,
        actorRole: true,
        comment: true,
        details: true,
      },
    })
    const workflow = algorithm.workflow ?? {}
    const state = (workflow.state ?? 'concept') as WorkflowState
    const publicRevisionId =
      typeof workflow.publicRevision === 'object'
        ? workflow.publicRevision?.id
        : workflow.publicRevision
    const reports = analyseAlgorithmTexts(algorithm as unknown as Record<string, unknown>)
    return Response.json({
      state,
      stateLabel: localise(req, STATE_LABELS[state]),
      actions: actions.map((action) => ({
        action: action.action,
        label: localise(req, ACTION_LABELS[action.action]),
        allowed: action.allowed,
        reason: action.reason ? localise(req, action.reason) : null,
        needs: action.needs,
        warnings: action.warnings.map((warning) => localise(req, warning.message)),
      })),
      public: publicRevisionId
        ? {
            revision: revisions.docs.find((r) => r.id === publicRevisionId) ?? null,
            since: workflow.publicSince ?? null,
          }
        : null,
      submittedBy: workflow.submittedByName ?? null,
      submittedAt: workflow.submittedAt ?? null,
      lastComment: workflow.lastComment ?? null,
      changeSummary: workflow.changeSummary ?? null,
      reviewDueAt: workflow.reviewDueAt ?? null,
      reviewOverdue: workflow.reviewOverdue ?? false,
      revisions: revisions.docs,
      history: history.docs,
      completeness: assessCompleteness(algorithm as unknown as Partial<StandardRecord>),
      plainLanguage: { reports, summary: summarisePlainLanguage(reports) },
    })
  },
}

/** POST /api/algorithms/:id/restore { revisionNumber, expectedState } */
const restoreEndpoint: Endpoint = {
  path: '/:id/restore',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return error(req, 401, { nl: 'Log eerst in.', en: 'Log in first.' })
    const id = routeId(req)
    const input = await body(req)
    const revisionNumber = Number(input?.revisionNumber)
    if (
      id === undefined ||
      !input ||
      !Number.isInteger(revisionNumber) ||
      !isWorkflowState(input.expectedState)
    ) {
      return error(req, 400, {
        nl: 'Stuur { "revisionNumber": <nummer>, "expectedState": <status> }.',
        en: 'Send { "revisionNumber": <number>, "expectedState": <state> }.',
      })
    }
    try {
      const outcome = await restoreRevision(req, {
        algorithmId: id,
        revisionNumber,
        expectedState: input.expectedState,
      })
      return Response.json({
        message: localise(req, {
          nl: `Versie ${revisionNumber} staat klaar als nieuw concept.`,
          en: `Revision ${revisionNumber} is ready as a new draft.`,
        }),
        state: outcome.state,
      })
    } catch (caught) {
      return transitionErrorResponse(req, caught)
    }
  },
}

/** GET /api/algorithms/:id/compare?from=1&to=3: field-by-field differences between revisions. */
const compareEndpoint: Endpoint = {
  path: '/:id/compare',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return error(req, 401, { nl: 'Log eerst in.', en: 'Log in first.' })
    const id = routeId(req)
    const from = Number(req.searchParams.get('from'))
    const to = Number(req.searchParams.get('to'))
    if (
      id === undefined ||
      !Number.isInteger(from) ||
      !Number.isInteger(to) ||
      from < 1 ||
      to < 1
    ) {
      return error(req, 400, {
        nl: 'Geef twee versienummers: ?from=1&to=2.',
        en: 'Give two revision numbers: ?from=1&to=2.',
      })
    }
    const found = await req.payload.find({
      collection: 'revisions',
      where: { and: [{ algorithm: { equals: id } }, { revisionNumber: { in: [from, to] } }] },
      depth: 0,
      limit: 2,
      overrideAccess: false,
      user: req.user,
      req,
    })
    const older = found.docs.find((r) => r.revisionNumber === from)
    const newer = found.docs.find((r) => r.revisionNumber === to)
    if (!older || !newer) {
      return error(req, 404, {
        nl: 'Een van deze versies bestaat niet, of u hebt er geen toegang toe.',
        en: 'One of these revisions does not exist, or you have no access to it.',
      })
    }
    const changes = diffDocuments(
      older.snapshot as Record<string, unknown>,
      newer.snapshot as Record<string, unknown>,
    )
    return Response.json({
      from: {
        revisionNumber: from,
        approvedAt: older.approvedAt,
        changeSummary: older.changeSummary ?? null,
      },
      to: {
        revisionNumber: to,
        approvedAt: newer.approvedAt,
        changeSummary: newer.changeSummary ?? null,
      },
      changes,
    })
  },
}

/** Endpoints on /api/algorithms: analysis for editors and the workflow's actions. */
export const algorithmEndpoints: Endpoint[] = [
  plainLanguageEndpoint,
  transitionEndpoint,
  workflowEndpoint,
  restoreEndpoint,
  compareEndpoint,
]
