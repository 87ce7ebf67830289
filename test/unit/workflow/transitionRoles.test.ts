import { describe, expect, it } from '@jest/globals'
import {
  decideTransition,
  WORKFLOW_ACTIONS,
  type MembershipRole,
  type WorkflowAction,
  type WorkflowActor,
  type WorkflowState,
} from '../../../src/workflow/stateMachine'
import { actorWith, EDITOR, makeInput, OTHER, REVIEWER, SUBMITTER } from './workflowFixtures'

/** A state from which each step is possible, so only the actor decides. */
const VALID_FROM: Record<WorkflowAction, WorkflowState> = {
  submit: 'concept',
  approve: 'ter_beoordeling',
  request_changes: 'ter_beoordeling',
  withdraw: 'gepubliceerd',
  archive: 'gedepubliceerd',
  reopen: 'gearchiveerd',
}

type Who =
  | MembershipRole
  | 'no_membership'
  | 'platform_admin_org_has_reviewer'
  | 'platform_admin_org_without_reviewer'

const WHO: Who[] = [
  'redacteur',
  'goedkeurder',
  'beheerder',
  'auditor',
  'no_membership',
  'platform_admin_org_has_reviewer',
  'platform_admin_org_without_reviewer',
]

/** Expected permission per step, in the order of WHO. */
const ROLE_MATRIX: Record<WorkflowAction, boolean[]> = {
  submit: [true, true, true, false, false, true, true],
  approve: [false, true, false, false, false, false, true],
  request_changes: [false, true, false, false, false, false, true],
  withdraw: [false, true, true, false, false, true, true],
  archive: [false, true, true, false, false, true, true],
  reopen: [true, true, true, false, false, true, true],
}

function situation(who: Who): {
  actor: Partial<WorkflowActor>
  organisation: { hasReviewer: boolean }
} {
  switch (who) {
    case 'no_membership':
      return { actor: actorWith([]), organisation: { hasReviewer: true } }
    case 'platform_admin_org_has_reviewer':
      return { actor: actorWith([], true), organisation: { hasReviewer: true } }
    case 'platform_admin_org_without_reviewer':
      return { actor: actorWith([], true), organisation: { hasReviewer: false } }
    default:
      return { actor: actorWith([who]), organisation: { hasReviewer: true } }
  }
}

const cases = WORKFLOW_ACTIONS.flatMap((action) =>
  WHO.map((who, index) => ({ action, who, allowed: ROLE_MATRIX[action][index] })),
)

describe('role matrix', () => {
  it('has one expectation per step and actor', () => {
    expect(cases).toHaveLength(42)
  })

  it.each(cases)('$action by $who → allowed: $allowed', ({ action, who, allowed }) => {
    const result = decideTransition(makeInput(action, VALID_FROM[action], situation(who)))
    if (allowed) {
      expect(result).toMatchObject({ ok: true, to: expect.any(String) })
    } else {
      expect(result).toMatchObject({ ok: false, status: 403, code: 'forbidden' })
    }
  })

  it('tells an auditor that auditors only look', () => {
    const result = decideTransition(
      makeInput('submit', 'concept', { actor: actorWith(['auditor']) }),
    )
    if (result.ok) throw new Error('expected refusal')
    expect(result.message.nl).toBe(
      'Als auditor kunt u alles inzien, maar geen stappen in het publicatieproces zetten.',
    )
  })

  it('tells a non-member that they have no role here', () => {
    const result = decideTransition(makeInput('reopen', 'gearchiveerd', { actor: actorWith([]) }))
    if (result.ok) throw new Error('expected refusal')
    expect(result.message.nl).toBe(
      'U hebt geen rol in deze organisatie. Daarom kunt u hier geen stappen in het publicatieproces zetten.',
    )
  })

  it('tells an editor who may approve and what their own role is', () => {
    const result = decideTransition(
      makeInput('approve', 'ter_beoordeling', { actor: actorWith(['redacteur']) }),
    )
    if (result.ok) throw new Error('expected refusal')
    expect(result.message.nl).toBe(
      "'Goedkeuren en publiceren' mag alleen een goedkeurder. Uw rol hier: redacteur.",
    )
    expect(result.message.en).toBe(
      "Only these roles may use 'Approve and publish': reviewer. Your role here: editor.",
    )
  })

  it('lists every role that may archive', () => {
    const result = decideTransition(
      makeInput('archive', 'gedepubliceerd', { actor: actorWith(['redacteur']) }),
    )
    if (result.ok) throw new Error('expected refusal')
    expect(result.message.nl).toBe(
      "'Archiveren' mag alleen een goedkeurder, beheerder of platformbeheerder. Uw rol hier: redacteur.",
    )
  })

  it('tells a platform admin that the organisation has its own reviewer', () => {
    const result = decideTransition(
      makeInput('request_changes', 'ter_beoordeling', { actor: actorWith([], true) }),
    )
    if (result.ok) throw new Error('expected refusal')
    expect(result.message.nl).toContain('Deze organisatie heeft een eigen goedkeurder.')
  })

  it('lets an auditor who is also editor act as editor: the auditor role adds nothing', () => {
    const asBoth = decideTransition(
      makeInput('submit', 'concept', { actor: actorWith(['auditor', 'redacteur']) }),
    )
    expect(asBoth).toMatchObject({ ok: true, to: 'ter_beoordeling' })
    const approve = decideTransition(
      makeInput('approve', 'ter_beoordeling', { actor: actorWith(['auditor', 'redacteur']) }),
    )
    expect(approve).toMatchObject({ ok: false, code: 'forbidden' })
  })

  it('lets a platform admin who is also reviewer of the organisation review', () => {
    const result = decideTransition(
      makeInput('approve', 'ter_beoordeling', { actor: actorWith(['goedkeurder'], true) }),
    )
    expect(result).toMatchObject({ ok: true, to: 'gepubliceerd' })
  })

  it('checks the role before the input: an auditor without comment hears about the role', () => {
    const result = decideTransition(
      makeInput('request_changes', 'ter_beoordeling', {
        actor: actorWith(['auditor']),
        comment: '',
      }),
    )
    expect(result).toMatchObject({ code: 'forbidden', status: 403 })
  })

  it('checks the transition before the role', () => {
    const result = decideTransition(
      makeInput('approve', 'concept', { actor: actorWith(['auditor']) }),
    )
    expect(result).toMatchObject({ code: 'invalid_transition', status: 409 })
  })
})

describe('four-eyes on approval', () => {
  const approveBy = (id: number, fourEyes: boolean, extra: Partial<WorkflowActor> = {}) =>
    decideTransition(
      makeInput('approve', 'ter_beoordeling', {
        actor: { id, roles: ['goedkeurder'], isPlatformAdmin: false, ...extra },
        organisation: { fourEyes },
      }),
    )

  it('refuses the submitter and says why', () => {
    const result = approveBy(SUBMITTER, true)
    expect(result).toMatchObject({ ok: false, status: 403, code: 'four_eyes' })
    if (!result.ok) {
      expect(result.message.nl).toBe(
        'U kunt uw eigen werk niet goedkeuren: u hebt deze versie ingediend. Vraag een andere goedkeurder.',
      )
      expect(result.message.en).toBe(
        'You cannot approve your own work: you submitted this version. Ask another reviewer.',
      )
    }
  })

  it('refuses a version editor and says why', () => {
    const result = approveBy(EDITOR, true)
    expect(result).toMatchObject({ ok: false, status: 403, code: 'four_eyes' })
    if (!result.ok) {
      expect(result.message.nl).toBe(
        'U kunt uw eigen werk niet goedkeuren: u hebt deze versie bewerkt. Vraag een andere goedkeurder.',
      )
    }
  })

  it('refuses an editor who did not submit, even when nobody is recorded as submitter', () => {
    const result = decideTransition(
      makeInput('approve', 'ter_beoordeling', {
        current: { submittedBy: null, versionEditors: [EDITOR] },
        actor: { id: EDITOR, roles: ['goedkeurder'], isPlatformAdmin: false },
      }),
    )
    expect(result).toMatchObject({ code: 'four_eyes' })
  })

  it('allows a third reviewer', () => {
    expect(approveBy(REVIEWER, true)).toMatchObject({ ok: true, to: 'gepubliceerd' })
  })

  it.each([SUBMITTER, EDITOR, REVIEWER])('allows reviewer %i when four-eyes is off', (id) => {
    expect(approveBy(id, false)).toMatchObject({ ok: true, to: 'gepubliceerd' })
  })

  it('does not restrict requesting changes: the submitter may send it back', () => {
    const result = decideTransition(
      makeInput('request_changes', 'ter_beoordeling', {
        actor: { id: SUBMITTER, roles: ['goedkeurder'], isPlatformAdmin: false },
      }),
    )
    expect(result).toMatchObject({ ok: true, to: 'teruggezet' })
  })

  it('reports a missing role before four-eyes', () => {
    const result = decideTransition(
      makeInput('approve', 'ter_beoordeling', {
        actor: { id: SUBMITTER, roles: ['redacteur'], isPlatformAdmin: false },
      }),
    )
    expect(result).toMatchObject({ code: 'forbidden' })
  })
})

describe('platform admin as reviewer', () => {
  const admin = (id: number): Partial<WorkflowActor> => ({ id, roles: [], isPlatformAdmin: true })

  it('may approve when the organisation has no reviewer', () => {
    const result = decideTransition(
      makeInput('approve', 'ter_beoordeling', {
        actor: admin(OTHER),
        organisation: { hasReviewer: false },
      }),
    )
    expect(result).toMatchObject({ ok: true, to: 'gepubliceerd' })
  })

  it('may not approve when the organisation has a reviewer', () => {
    const result = decideTransition(
      makeInput('approve', 'ter_beoordeling', {
        actor: admin(OTHER),
        organisation: { hasReviewer: true },
      }),
    )
    expect(result).toMatchObject({ ok: false, status: 403, code: 'forbidden' })
  })

  it('is still bound by four-eyes as submitter', () => {
    const result = decideTransition(
      makeInput('approve', 'ter_beoordeling', {
        actor: admin(SUBMITTER),
        organisation: { hasReviewer: false },
      }),
    )
    expect(result).toMatchObject({ ok: false, status: 403, code: 'four_eyes' })
  })

  it('is still bound by four-eyes as version editor', () => {
    const result = decideTransition(
      makeInput('approve', 'ter_beoordeling', {
        actor: admin(EDITOR),
        organisation: { hasReviewer: false },
      }),
    )
    expect(result).toMatchObject({ ok: false, code: 'four_eyes' })
  })

  it('may approve own work when four-eyes is off and the organisation has no reviewer', () => {
    const result = decideTransition(
      makeInput('approve', 'ter_beoordeling', {
        actor: admin(SUBMITTER),
        organisation: { hasReviewer: false, fourEyes: false },
      }),
    )
    expect(result).toMatchObject({ ok: true })
  })

  it('may request changes only when the organisation has no reviewer', () => {
    const without = decideTransition(
      makeInput('request_changes', 'ter_beoordeling', {
        actor: admin(SUBMITTER),
        organisation: { hasReviewer: false },
      }),
    )
    expect(without).toMatchObject({ ok: true, to: 'teruggezet' })
    const withReviewer = decideTransition(
      makeInput('request_changes', 'ter_beoordeling', { actor: admin(OTHER) }),
    )
    expect(withReviewer).toMatchObject({ ok: false, code: 'forbidden' })
  })
})
