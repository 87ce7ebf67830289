import { describe, expect, it } from '@jest/globals'

import { decideImport, TRANSITION_TABLE, WORKFLOW_STATES } from '../../../src/workflow/stateMachine'
import { workflowFieldsAfter } from '../../../src/workflow/workflowFieldsAfter'

const admin = { isPlatformAdmin: true }

describe('the import action of the state machine', () => {
  it('starts a new description, published', () => {
    expect(decideImport({ current: null, actor: admin })).toMatchObject({
      ok: true,
      action: 'import',
      from: null,
      to: 'gepubliceerd',
      effects: { createRevision: true, publicRecord: 'publish', notify: 'none' },
    })
  })

  it.each(WORKFLOW_STATES)('from %s: only a published description is replaced', (state) => {
    const result = decideImport({ current: { state }, actor: admin })
    if (state === 'gepubliceerd') {
      expect(result).toMatchObject({ ok: true, from: 'gepubliceerd', to: 'gepubliceerd' })
    } else {
      expect(result).toMatchObject({ ok: false, status: 409, code: 'invalid_transition' })
    }
  })

  it('is refused to anyone but a platform admin', () => {
    expect(decideImport({ current: null, actor: { isPlatformAdmin: false } })).toMatchObject({
      ok: false,
      status: 403,
      code: 'forbidden',
    })
  })
})

describe('workflow fields after a step, as the table declares them', () => {
  const moment = new Date('2026-03-31T10:00:00.000Z')
  const context = {
    actor: { id: 7, name: 'Ingrid' },
    moment,
    reviewIntervalMonths: 12,
    text: { changeSummary: '  Geïmporteerd uit x.csv (rij 2).  ' },
  }

  it('an import clears the submitter and comment and starts the public period', () => {
    const decision = {
      to: 'gepubliceerd' as const,
      effects: { ...TRANSITION_TABLE.import.effects },
      fields: { ...TRANSITION_TABLE.import.fields },
    }
    const before = {
      state: 'gepubliceerd' as const,
      transitionCount: 4,
      submittedById: 3,
      lastComment: 'oud',
      versionEditors: [3],
    }
    expect(workflowFieldsAfter(before, decision, context)).toEqual({
      state: 'gepubliceerd',
      transitionCount: 5,
      submittedById: null,
      submittedByName: null,
      submittedAt: null,
      versionEditors: [],
      changeSummary: 'Geïmporteerd uit x.csv (rij 2).',
      lastComment: null,
      publicSince: '2026-03-31T10:00:00.000Z',
      reviewDueAt: '2027-03-31T10:00:00.000Z',
      reviewOverdue: false,
      reviewReminderSentFor: null,
    })
  })

  it('a withdrawal keeps the reason and ends the public period', () => {
    const decision = {
      to: 'gedepubliceerd' as const,
      effects: { ...TRANSITION_TABLE.withdraw.effects },
      fields: { ...TRANSITION_TABLE.withdraw.fields },
    }
    const after = workflowFieldsAfter(
      { state: 'gepubliceerd', transitionCount: 1, publicRevision: 9, submittedById: 3 },
      decision,
      { ...context, text: { reason: ' Gestopt. ' } },
    )
    expect(after).toMatchObject({
      state: 'gedepubliceerd',
      lastComment: 'Gestopt.',
      publicRevision: null,
      publicSince: null,
      reviewDueAt: null,
      submittedById: 3,
    })
  })
})
