import type { PlainLanguageReport } from '../../plainLanguage/analysePlainLanguage'
import type { PlainLanguageSummary } from '../../plainLanguage/summarisePlainLanguage'
import type { CompletenessReport } from '../../standard/completeness'
import type { WorkflowAction, WorkflowState } from '../../workflow/stateMachine'

/** Free text a workflow step asks for in its dialog. */
export type NeededInput = 'comment' | 'reason' | 'changeSummary'

/** One step as GET /api/algorithms/:id/workflow describes it for the signed-in user. */
export interface WorkflowActionView {
  action: WorkflowAction
  label: string
  allowed: boolean
  reason: string | null
  needs: NeededInput | null
  warnings: string[]
}

/** An approved revision, as listed by the workflow endpoint. */
export interface RevisionSummary {
  id: number
  revisionNumber: number
  approvedAt?: string | null
  approvedByName?: string | null
  submittedByName?: string | null
  changeSummary?: string | null
  source?: string | null
}

/** One audit event about the algorithm. */
export interface HistoryEvent {
  id: number
  eventType: string
  summary?: string | null
  occurredAt?: string | null
  actorName?: string | null
  actorRole?: string | null
  comment?: string | null
}

/** The answer of GET /api/algorithms/:id/workflow. */
export interface WorkflowView {
  state: WorkflowState
  stateLabel: string
  actions: WorkflowActionView[]
  public: { revision: RevisionSummary | null; since: string | null } | null
  submittedBy: string | null
  submittedAt: string | null
  lastComment: string | null
  changeSummary: string | null
  reviewDueAt: string | null
  reviewOverdue: boolean
  revisions: RevisionSummary[]
  history: HistoryEvent[]
  completeness: CompletenessReport
  plainLanguage: { reports: Record<string, PlainLanguageReport>; summary: PlainLanguageSummary }
}

/** The first error message of a Payload-style error body, if there is one. */
export function errorMessageOf(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null
  const errors = (body as { errors?: unknown }).errors
  if (Array.isArray(errors)) {
    const first = errors[0] as { message?: unknown } | undefined
    if (first && typeof first.message === 'string') return first.message
  }
  const message = (body as { message?: unknown }).message
  return typeof message === 'string' ? message : null
}
