import {
  TRANSITION_TABLE,
  type MembershipRole,
  type WorkflowState,
} from '../../workflow/stateMachine'
import type { WorkflowActionView } from './workflowTypes'

/** Who is looking at the workflow panel, as far as choosing buttons goes. */
export interface PanelViewer {
  /** Roles in the organisation that owns the description. */
  roles: readonly MembershipRole[]
  isPlatformAdmin: boolean
}

/** A step for the panel: a button, disabled with its reason when the step is blocked. */
export interface PanelAction extends WorkflowActionView {
  blocked: boolean
}

/**
 * The steps worth showing: every step the viewer can take now, plus steps that fit the state and
 * the viewer's role but are blocked for a reason the viewer should read (four-eyes, missing
 * fields, plain language). Steps that are impossible from this state or not for this role are
 * left out: a communication adviser does not need six buttons with "not possible" under them.
 */
export function visibleActions(
  actions: readonly WorkflowActionView[],
  state: WorkflowState,
  isPublic: boolean,
  viewer: PanelViewer,
): PanelAction[] {
  return actions.flatMap((action): PanelAction[] => {
    if (action.allowed) return [{ ...action, blocked: false }]
    const rule = TRANSITION_TABLE[action.action]
    const condition = rule?.from[state]
    const fitsState =
      condition === 'always' ||
      (condition === 'when_public' && isPublic) ||
      (condition === 'when_not_public' && !isPublic)
    const fitsRole =
      viewer.roles.some(
        (role) => role !== 'auditor' && (rule.roles as readonly MembershipRole[]).includes(role),
      ) ||
      (viewer.isPlatformAdmin && rule.platformAdmin === 'always')
    return fitsState && fitsRole && action.reason ? [{ ...action, blocked: true }] : []
  })
}
