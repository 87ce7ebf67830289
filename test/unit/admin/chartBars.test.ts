import { describe, expect, it } from '@jest/globals'

import { chartBars } from '../../../src/admin/dashboard/chartBars'
import type { ProgressReport } from '../../../src/reports/progressReport'
import { WORKFLOW_STATES, type WorkflowState } from '../../../src/workflow/stateMachine'

const label = (nl: string) => ({ nl, en: nl })

function states(counts: Partial<Record<WorkflowState, number>>): Record<WorkflowState, number> {
  return Object.fromEntries(WORKFLOW_STATES.map((s) => [s, counts[s] ?? 0])) as Record<
    WorkflowState,
    number
  >
}

function report(
  rows: Array<[string | null, Partial<Record<WorkflowState, number>>]>,
): ProgressReport {
  const byCategory = rows.map(([category, counts]) => {
    const all = states(counts)
    return { category, states: all, total: Object.values(all).reduce((a, b) => a + b, 0) }
  })
  return {
    generatedAt: '2026-12-02T12:00:00.000Z',
    categories: rows.map(([category]) => ({
      value: category,
      label: label(category ?? 'Niet ingevuld'),
    })),
    states: WORKFLOW_STATES.map((value) => ({ value, label: label(value) })),
    overall: {
      total: byCategory.reduce((a, row) => a + row.total, 0),
      published: 0,
      byState: states({}),
      byCategory,
      highRisk: { total: 0, registered: 0, unregistered: 0 },
      reviewsOverdue: 0,
      olderThanReviewInterval: 0,
    },
    organisations: [],
  }
}

describe('chartBars', () => {
  it('makes a bar per category with a segment per state that has descriptions, scaled to the largest', () => {
    const bars = chartBars(
      report([
        ['Hoog-risico AI-systeem', { gepubliceerd: 1, ter_beoordeling: 1 }],
        ['Impactvolle algoritmes', { gepubliceerd: 6, concept: 2 }],
        ['Overige algoritmes', {}],
      ]),
    )
    expect(bars).toEqual([
      {
        label: label('Hoog-risico AI-systeem'),
        total: 2,
        segments: [
          { state: 'ter_beoordeling', count: 1, percent: 12.5 },
          { state: 'gepubliceerd', count: 1, percent: 12.5 },
        ],
      },
      {
        label: label('Impactvolle algoritmes'),
        total: 8,
        segments: [
          { state: 'concept', count: 2, percent: 25 },
          { state: 'gepubliceerd', count: 6, percent: 75 },
        ],
      },
    ])
  })

  it('gives no bars for an empty register', () => {
    expect(chartBars(report([['Overige algoritmes', {}]]))).toEqual([])
  })
})
