import { describe, expect, it } from '@jest/globals'
import {
  ACTION_LABELS,
  applyEdit,
  availableActions,
  canRestoreRevision,
  isWorkflowAction,
  isWorkflowState,
  ROLE_LABELS,
  STATE_LABELS,
  WORKFLOW_ACTIONS,
  WORKFLOW_STATES,
  type AvailableAction,
  type WorkflowAction,
  type WorkflowState,
} from '../../../src/workflow/stateMachine'
import { actorWith, makeContext, SUBMITTER } from './workflowFixtures'

describe('applyEdit', () => {
  const expected: Record<WorkflowState, WorkflowState | 'refused'> = {
    concept: 'concept',
    ter_beoordeling: 'ter_beoordeling',
    teruggezet: 'teruggezet',
    gepubliceerd: 'concept',
    gedepubliceerd: 'refused',
    gearchiveerd: 'refused',
  }

  it.each(WORKFLOW_STATES)('editing in %s', (state) => {
    const result = applyEdit(state)
    if (expected[state] === 'refused') {
      expect(result).toMatchObject({ ok: false, status: 409, code: 'read_only_state' })
      if (!result.ok) expect(result.message.nl).toContain('Heropen de beschrijving eerst.')
    } else {
      expect(result).toEqual({
        ok: true,
        from: state,
        to: expected[state],
        startsNewVersion: state === 'gepubliceerd',
      })
    }
  })

  it('explains why an archived description cannot be edited', () => {
    expect(applyEdit('gearchiveerd')).toEqual({
      ok: false,
      status: 409,
      code: 'read_only_state',
      message: {
        nl: 'Deze beschrijving is gearchiveerd en kan niet worden gewijzigd. Heropen de beschrijving eerst.',
        en: 'This description is archived and cannot be changed. Reopen it first.',
      },
    })
  })
})

describe('canRestoreRevision', () => {
  const allowed: Record<WorkflowState, boolean> = {
    concept: true,
    ter_beoordeling: false,
    teruggezet: true,
    gepubliceerd: true,
    gedepubliceerd: true,
    gearchiveerd: false,
  }

  it.each(WORKFLOW_STATES)('restoring in %s', (state) => {
    const result = canRestoreRevision(state)
    if (allowed[state]) {
      expect(result).toEqual({ ok: true, from: state, to: 'concept' })
    } else {
      expect(result).toMatchObject({ ok: false, status: 409 })
    }
  })

  it('says to wait for the reviewer during review', () => {
    const result = canRestoreRevision('ter_beoordeling')
    expect(result).toMatchObject({ code: 'invalid_transition' })
    if (!result.ok) expect(result.message.nl).toContain('ter beoordeling')
  })

  it('says to reopen an archived description first', () => {
    expect(canRestoreRevision('gearchiveerd')).toMatchObject({ code: 'read_only_state' })
  })
})

function byAction(list: AvailableAction[]): Record<WorkflowAction, AvailableAction> {
  return Object.fromEntries(list.map((entry) => [entry.action, entry])) as Record<
    WorkflowAction,
    AvailableAction
  >
}

describe('availableActions', () => {
  it('lists every step once, in a fixed order, with its target', () => {
    const list = availableActions(makeContext('concept'))
    expect(list.map((entry) => entry.action)).toEqual([...WORKFLOW_ACTIONS])
    expect(list.map((entry) => entry.to)).toEqual([
      'ter_beoordeling',
      'gepubliceerd',
      'teruggezet',
      'gedepubliceerd',
      'gearchiveerd',
      'concept',
    ])
  })

  it('an editor on a first draft can only submit', () => {
    const list = byAction(
      availableActions(makeContext('concept', { actor: actorWith(['redacteur']) })),
    )
    expect(list.submit).toEqual({
      action: 'submit',
      to: 'ter_beoordeling',
      allowed: true,
      needs: null,
      warnings: [],
    })
    expect(list.approve).toMatchObject({ allowed: false, code: 'invalid_transition' })
    expect(list.withdraw).toMatchObject({ allowed: false, code: 'invalid_transition' })
    expect(list.archive).toMatchObject({ allowed: false, code: 'forbidden', needs: null })
    expect(list.reopen).toMatchObject({ allowed: false, code: 'invalid_transition' })
    expect(Object.values(list).filter((entry) => entry.allowed)).toHaveLength(1)
  })

  it('a reviewer who submitted cannot approve, but can send back and withdraw', () => {
    const list = byAction(
      availableActions(
        makeContext('ter_beoordeling', {
          actor: { id: SUBMITTER, roles: ['goedkeurder'] },
          current: { hasPublicRevision: true, publishedRevisionCount: 1 },
        }),
      ),
    )
    expect(list.approve.allowed).toBe(false)
    expect(list.approve.code).toBe('four_eyes')
    expect(list.approve.reason?.nl).toBe(
      'U kunt uw eigen werk niet goedkeuren: u hebt deze versie ingediend. Vraag een andere goedkeurder.',
    )
    expect(list.request_changes).toMatchObject({ allowed: true, needs: 'comment' })
    expect(list.withdraw).toMatchObject({ allowed: true, needs: 'reason' })
    expect(list.archive).toMatchObject({ allowed: false, code: 'invalid_transition' })
  })

  it('an independent reviewer can approve', () => {
    const list = byAction(availableActions(makeContext('ter_beoordeling')))
    expect(list.approve).toMatchObject({ allowed: true, needs: null })
  })

  it('after an earlier publication, submit needs a change summary but is not blocked by it', () => {
    const list = byAction(
      availableActions(
        makeContext('concept', {
          actor: actorWith(['redacteur']),
          current: { hasPublicRevision: true, publishedRevisionCount: 1 },
          guards: { missingRequired: [], plainLanguageWarnings: 2 },
        }),
      ),
    )
    expect(list.submit.allowed).toBe(true)
    expect(list.submit.needs).toBe('changeSummary')
    expect(list.submit.warnings.map((warning) => warning.code)).toEqual(['plain_language'])
    expect(list.withdraw).toMatchObject({ allowed: false, code: 'forbidden', needs: 'reason' })
  })

  it('submit is disabled with the reason when required fields are empty', () => {
    const list = byAction(
      availableActions(
        makeContext('teruggezet', {
          actor: actorWith(['redacteur']),
          guards: { missingRequired: ['doel'] },
        }),
      ),
    )
    expect(list.submit).toMatchObject({ allowed: false, code: 'incomplete' })
    expect(list.submit.reason?.nl).toBe('Vul eerst de verplichte velden in: doel.')
  })

  it('an auditor sees every step refused', () => {
    const list = availableActions(makeContext('gedepubliceerd', { actor: actorWith(['auditor']) }))
    expect(list.every((entry) => !entry.allowed)).toBe(true)
    expect(byAction(list).reopen.code).toBe('forbidden')
    expect(byAction(list).archive.code).toBe('forbidden')
    expect(byAction(list).submit.code).toBe('invalid_transition')
  })

  it('an archived description can only be reopened', () => {
    const list = availableActions(makeContext('gearchiveerd'))
    expect(list.filter((entry) => entry.allowed).map((entry) => entry.action)).toEqual(['reopen'])
  })
})

describe('labels and type guards', () => {
  it('has the Dutch state labels', () => {
    expect(WORKFLOW_STATES.map((state) => STATE_LABELS[state].nl)).toEqual([
      'Concept',
      'Ter beoordeling',
      'Teruggezet',
      'Gepubliceerd',
      'Gedepubliceerd',
      'Gearchiveerd',
    ])
    expect(STATE_LABELS.ter_beoordeling.en).toBe('In review')
  })

  it('has the Dutch action labels', () => {
    expect(WORKFLOW_ACTIONS.map((action) => ACTION_LABELS[action].nl)).toEqual([
      'Indienen ter beoordeling',
      'Goedkeuren en publiceren',
      'Terugzetten met opmerking',
      'Publicatie intrekken',
      'Archiveren',
      'Heropenen',
    ])
    expect(ACTION_LABELS.approve.en).toBe('Approve and publish')
  })

  it('has role labels', () => {
    expect(ROLE_LABELS.goedkeurder).toEqual({ nl: 'goedkeurder', en: 'reviewer' })
  })

  it('recognises states and actions from untrusted input', () => {
    expect(isWorkflowState('gepubliceerd')).toBe(true)
    expect(isWorkflowState('published')).toBe(false)
    expect(isWorkflowState(3)).toBe(false)
    expect(isWorkflowAction('request_changes')).toBe(true)
    expect(isWorkflowAction('edit')).toBe(false)
    expect(isWorkflowAction(null)).toBe(false)
  })
})
