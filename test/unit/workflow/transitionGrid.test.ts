import { describe, expect, it } from '@jest/globals'
import {
  decideTransition,
  TRANSITION_TABLE,
  WORKFLOW_ACTIONS,
  WORKFLOW_STATES,
  type TransitionEffects,
  type WorkflowAction,
  type WorkflowState,
} from '../../../src/workflow/stateMachine'
import { makeInput } from './workflowFixtures'

/** Target state, or null when the step is impossible from that state. */
type Cell = WorkflowState | null

/**
 * The expected workflow, one cell per state and action. A pair is [nothing public, an approved
 * revision is public]; a single value holds for the publicity that state can really have.
 */
const GRID: Record<WorkflowState, Record<WorkflowAction, Cell | [Cell, Cell]>> = {
  concept: {
    submit: 'ter_beoordeling',
    approve: null,
    request_changes: null,
    withdraw: [null, 'gedepubliceerd'],
    archive: ['gearchiveerd', null],
    reopen: null,
  },
  ter_beoordeling: {
    submit: null,
    approve: 'gepubliceerd',
    request_changes: 'teruggezet',
    withdraw: [null, 'gedepubliceerd'],
    archive: [null, null],
    reopen: null,
  },
  teruggezet: {
    submit: 'ter_beoordeling',
    approve: null,
    request_changes: null,
    withdraw: [null, 'gedepubliceerd'],
    archive: ['gearchiveerd', null],
    reopen: null,
  },
  gepubliceerd: {
    submit: null,
    approve: null,
    request_changes: null,
    withdraw: 'gedepubliceerd',
    archive: null,
    reopen: null,
  },
  gedepubliceerd: {
    submit: null,
    approve: null,
    request_changes: null,
    withdraw: null,
    archive: 'gearchiveerd',
    reopen: 'concept',
  },
  gearchiveerd: {
    submit: null,
    approve: null,
    request_changes: null,
    withdraw: null,
    archive: null,
    reopen: 'concept',
  },
}

/** Which publicity each state can really have. */
const PUBLICITY: Record<WorkflowState, boolean[]> = {
  concept: [false, true],
  ter_beoordeling: [false, true],
  teruggezet: [false, true],
  gepubliceerd: [true],
  gedepubliceerd: [false],
  gearchiveerd: [false],
}

const cases = WORKFLOW_STATES.flatMap((state) =>
  WORKFLOW_ACTIONS.flatMap((action) =>
    PUBLICITY[state].map((isPublic) => {
      const cell = GRID[state][action]
      const expected = Array.isArray(cell) ? cell[isPublic ? 1 : 0] : cell
      return { state, action, isPublic, expected }
    }),
  ),
)

describe('state × action grid', () => {
  it('covers all 36 cells', () => {
    const cells = new Set(cases.map((c) => `${c.state}/${c.action}`))
    expect(cells.size).toBe(36)
    expect(cases).toHaveLength(54)
  })

  it.each(cases)(
    '$action from $state (public: $isPublic) → $expected',
    ({ state, action, isPublic, expected }) => {
      // The actor is an independent reviewer who may take every step, so only the state decides.
      const result = decideTransition(
        makeInput(action, state, {
          current: { hasPublicRevision: isPublic, publishedRevisionCount: isPublic ? 1 : 0 },
        }),
      )
      if (expected === null) {
        expect(result).toMatchObject({ ok: false, status: 409, code: 'invalid_transition' })
      } else {
        expect(result).toMatchObject({ ok: true, action, from: state, to: expected })
      }
    },
  )
})

describe('effects per step', () => {
  const expectedEffects: Record<WorkflowAction, [WorkflowState, TransitionEffects]> = {
    submit: [
      'concept',
      {
        createRevision: false,
        publicRecord: 'keep',
        resetVersionEditors: false,
        notify: 'reviewers',
        setSubmittedBy: true,
      },
    ],
    approve: [
      'ter_beoordeling',
      {
        createRevision: true,
        publicRecord: 'publish',
        resetVersionEditors: true,
        notify: 'submitter',
        setSubmittedBy: false,
      },
    ],
    request_changes: [
      'ter_beoordeling',
      {
        createRevision: false,
        publicRecord: 'keep',
        resetVersionEditors: false,
        notify: 'submitter',
        setSubmittedBy: false,
      },
    ],
    withdraw: [
      'gepubliceerd',
      {
        createRevision: false,
        publicRecord: 'remove',
        resetVersionEditors: false,
        notify: 'none',
        setSubmittedBy: false,
      },
    ],
    archive: [
      'gedepubliceerd',
      {
        createRevision: false,
        publicRecord: 'keep',
        resetVersionEditors: false,
        notify: 'none',
        setSubmittedBy: false,
      },
    ],
    reopen: [
      'gearchiveerd',
      {
        createRevision: false,
        publicRecord: 'keep',
        resetVersionEditors: false,
        notify: 'none',
        setSubmittedBy: false,
      },
    ],
  }

  it.each(WORKFLOW_ACTIONS)('%s has the agreed effects', (action) => {
    const [state, effects] = expectedEffects[action]
    const result = decideTransition(makeInput(action, state))
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.effects).toEqual(effects)
      expect(result.warnings).toEqual([])
    }
  })

  it('withdrawing a draft of a published algorithm removes the public record too', () => {
    const result = decideTransition(
      makeInput('withdraw', 'concept', { current: { hasPublicRevision: true } }),
    )
    expect(result).toMatchObject({ ok: true, effects: { publicRecord: 'remove' } })
  })

  it('hands out a copy, so a caller cannot change the policy', () => {
    const result = decideTransition(makeInput('approve', 'ter_beoordeling'))
    if (!result.ok) throw new Error('expected approval')
    result.effects.publicRecord = 'remove'
    expect(TRANSITION_TABLE.approve.effects.publicRecord).toBe('publish')
  })
})

describe('refusal messages for impossible steps', () => {
  it('tells the actor to withdraw before archiving a published algorithm', () => {
    const result = decideTransition(makeInput('archive', 'gepubliceerd'))
    expect(result).toMatchObject({ ok: false, status: 409, code: 'invalid_transition' })
    if (!result.ok) {
      expect(result.message.nl).toBe(
        'Deze beschrijving staat nog openbaar. Trek eerst de publicatie in. Daarna kunt u haar archiveren.',
      )
      expect(result.message.en).toContain('Withdraw the publication first')
    }
  })

  it.each(['concept', 'teruggezet', 'ter_beoordeling'] as const)(
    'says to withdraw first when archiving from %s while a revision is public',
    (state) => {
      const result = decideTransition(
        makeInput('archive', state, { current: { hasPublicRevision: true } }),
      )
      expect(result).toMatchObject({ code: 'invalid_transition' })
      if (!result.ok) expect(result.message.nl).toContain('Trek eerst de publicatie in')
    },
  )

  it('says there is nothing to withdraw when nothing is public', () => {
    const result = decideTransition(makeInput('withdraw', 'concept'))
    expect(result).toMatchObject({ code: 'invalid_transition', status: 409 })
    if (!result.ok) {
      expect(result.message.nl).toBe(
        'Er is geen openbare versie van deze beschrijving, dus er valt niets in te trekken.',
      )
    }
  })

  it('names the states a step is possible from and the current state', () => {
    const result = decideTransition(makeInput('approve', 'concept'))
    if (result.ok) throw new Error('expected refusal')
    expect(result.message.nl).toBe(
      "'Goedkeuren en publiceren' kan alleen vanuit 'Ter beoordeling'. De status is nu 'Concept'.",
    )
    expect(result.message.en).toBe(
      "'Approve and publish' is only possible from 'In review'. The status is now 'Draft'.",
    )
  })

  it('lists several source states with "of"', () => {
    const result = decideTransition(makeInput('submit', 'gedepubliceerd'))
    if (result.ok) throw new Error('expected refusal')
    expect(result.message.nl).toBe(
      "'Indienen ter beoordeling' kan alleen vanuit 'Concept' of 'Teruggezet'. De status is nu 'Gedepubliceerd'.",
    )
  })

  it('says when the description already has the target state', () => {
    const result = decideTransition(makeInput('archive', 'gearchiveerd'))
    if (result.ok) throw new Error('expected refusal')
    expect(result.message.nl).toBe("'Archiveren' kan niet: de status is al 'Gearchiveerd'.")
  })

  it('refuses an unknown action from a request body without crashing', () => {
    const input = makeInput('submit', 'concept')
    const result = decideTransition({ ...input, action: 'delete' as unknown as WorkflowAction })
    expect(result).toMatchObject({ ok: false, status: 409, code: 'invalid_transition' })
    if (!result.ok) expect(result.message.nl).toBe("Onbekende stap 'delete'.")
  })
})

describe('stale expected state', () => {
  const pairs = WORKFLOW_STATES.flatMap((expected) =>
    WORKFLOW_STATES.filter((actual) => actual !== expected).map((actual) => ({ expected, actual })),
  )

  it.each(WORKFLOW_ACTIONS)('%s is refused with 409 for every outdated state', (action) => {
    expect(pairs).toHaveLength(30)
    for (const { expected, actual } of pairs) {
      const result = decideTransition(makeInput(action, actual, { expectedState: expected }))
      expect(result).toMatchObject({ ok: false, status: 409, code: 'stale_state' })
    }
  })

  it.each(WORKFLOW_ACTIONS)('%s is stale even where it would have been allowed', (action) => {
    const [state] = (
      {
        submit: ['concept'],
        approve: ['ter_beoordeling'],
        request_changes: ['ter_beoordeling'],
        withdraw: ['gepubliceerd'],
        archive: ['gedepubliceerd'],
        reopen: ['gearchiveerd'],
      } as const
    )[action]
    expect(decideTransition(makeInput(action, state)).ok).toBe(true)
    const stale = decideTransition(
      makeInput(action, state, { expectedState: state === 'concept' ? 'teruggezet' : 'concept' }),
    )
    expect(stale).toMatchObject({ ok: false, status: 409, code: 'stale_state' })
  })

  it('names both states in plain Dutch and English', () => {
    const result = decideTransition(
      makeInput('submit', 'ter_beoordeling', { expectedState: 'concept' }),
    )
    if (result.ok) throw new Error('expected refusal')
    expect(result.message.nl).toBe(
      "Deze beschrijving is intussen gewijzigd: de status is nu 'Ter beoordeling' in plaats van 'Concept'. Ververs de pagina.",
    )
    expect(result.message.en).toBe(
      "This description has changed in the meantime: its status is now 'In review' instead of 'Draft'. Refresh the page.",
    )
  })

  it('comes before every other check', () => {
    const result = decideTransition(
      makeInput('approve', 'gearchiveerd', {
        expectedState: 'ter_beoordeling',
        actor: { id: 1, roles: ['auditor'], isPlatformAdmin: false },
      }),
    )
    expect(result).toMatchObject({ code: 'stale_state' })
  })
})
