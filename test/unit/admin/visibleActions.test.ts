import { describe, expect, it } from '@jest/globals'

import { visibleActions } from '../../../src/admin/workflow/visibleActions'
import type { WorkflowActionView } from '../../../src/admin/workflow/workflowTypes'

const action = (
  name: WorkflowActionView['action'],
  allowed: boolean,
  reason: string | null = null,
): WorkflowActionView => ({
  action: name,
  label: name,
  allowed,
  reason,
  needs: null,
  warnings: [],
})

const inReview: WorkflowActionView[] = [
  action('submit', false, "'Indienen' kan alleen vanuit 'Concept'."),
  action('approve', false, 'U kunt uw eigen werk niet goedkeuren: u hebt deze versie bewerkt.'),
  action('request_changes', true),
  action('withdraw', false, 'Er is geen openbare versie.'),
  action('archive', false, 'Kan niet.'),
  action('reopen', false, 'Kan niet.'),
]

describe('visibleActions', () => {
  it('shows a reviewer the allowed step and the four-eyes refusal, nothing impossible', () => {
    const shown = visibleActions(inReview, 'ter_beoordeling', false, {
      roles: ['goedkeurder'],
      isPlatformAdmin: false,
    })
    expect(shown.map((a) => [a.action, a.blocked])).toEqual([
      ['approve', true],
      ['request_changes', false],
    ])
  })

  it('hides review steps from an editor', () => {
    const shown = visibleActions(inReview, 'ter_beoordeling', false, {
      roles: ['redacteur'],
      isPlatformAdmin: false,
    })
    expect(shown.map((a) => a.action)).toEqual(['request_changes'])
  })

  it('shows a blocked submit with its reason to an editor of a draft', () => {
    const shown = visibleActions(
      [action('submit', false, 'Vul eerst de verplichte velden in: Status.')],
      'concept',
      false,
      { roles: ['redacteur'], isPlatformAdmin: false },
    )
    expect(shown).toEqual([
      expect.objectContaining({
        action: 'submit',
        blocked: true,
        reason: expect.stringContaining('Status'),
      }),
    ])
  })

  it('shows withdraw only when something is public', () => {
    const withdraw = [action('withdraw', false, 'Alleen een goedkeurder.')]
    const viewer = { roles: ['goedkeurder' as const], isPlatformAdmin: false }
    expect(visibleActions(withdraw, 'concept', false, viewer)).toEqual([])
    expect(visibleActions(withdraw, 'concept', true, viewer)).toHaveLength(1)
  })

  it('shows an auditor nothing to press', () => {
    expect(
      visibleActions(inReview, 'ter_beoordeling', false, {
        roles: ['auditor'],
        isPlatformAdmin: false,
      }),
    ).toEqual([expect.objectContaining({ action: 'request_changes' })])
  })
})
