import type {
  MembershipRole,
  TransitionInput,
  WorkflowAction,
  WorkflowActor,
  WorkflowContext,
  WorkflowOrganisation,
  WorkflowState,
  WorkflowSubject,
} from '../../../src/workflow/stateMachine'

/** Ids used throughout the workflow tests. */
export const SUBMITTER = 1
export const EDITOR = 2
export const REVIEWER = 3
export const OTHER = 4

/** Overrides for one test situation; nested objects are merged, not replaced. */
export interface SituationOverrides {
  current?: Partial<WorkflowSubject>
  actor?: Partial<WorkflowActor>
  organisation?: Partial<WorkflowOrganisation>
  guards?: TransitionInput['guards']
}

/**
 * A realistic situation: the working version was submitted by SUBMITTER and edited by SUBMITTER and
 * EDITOR; the actor is REVIEWER, an independent reviewer; four-eyes is on.
 */
export function makeContext(
  state: WorkflowState,
  overrides: SituationOverrides = {},
): WorkflowContext {
  return {
    current: {
      state,
      hasPublicRevision: state === 'gepubliceerd',
      publishedRevisionCount: state === 'gepubliceerd' ? 1 : 0,
      submittedBy: SUBMITTER,
      versionEditors: [SUBMITTER, EDITOR],
      ...overrides.current,
    },
    actor: { id: REVIEWER, roles: ['goedkeurder'], isPlatformAdmin: false, ...overrides.actor },
    organisation: {
      fourEyes: true,
      hasReviewer: true,
      plainLanguageBlocks: false,
      ...overrides.organisation,
    },
    guards: overrides.guards ?? { missingRequired: [], plainLanguageWarnings: 0 },
  }
}

/**
 * A transition request in which every free-text input is filled in, so only the aspect under test
 * can cause a refusal.
 */
export function makeInput(
  action: WorkflowAction,
  state: WorkflowState,
  overrides: SituationOverrides &
    Partial<Pick<TransitionInput, 'comment' | 'reason' | 'changeSummary' | 'expectedState'>> = {},
): TransitionInput {
  const { comment, reason, changeSummary, expectedState, ...situation } = overrides
  return {
    ...makeContext(state, situation),
    action,
    expectedState: expectedState ?? state,
    comment: 'comment' in overrides ? comment : 'Voeg de bron van de data toe.',
    reason: 'reason' in overrides ? reason : 'Het algoritme wordt niet meer gebruikt.',
    changeSummary:
      'changeSummary' in overrides ? changeSummary : 'Doel en werking opnieuw beschreven.',
  }
}

/** Actor shapes used in role matrices. */
export function actorWith(
  roles: MembershipRole[],
  isPlatformAdmin = false,
): Partial<WorkflowActor> {
  return { id: OTHER, roles, isPlatformAdmin }
}
