import { describe, expect, it } from '@jest/globals'

import { buildProgressReport, type ProgressCountRow } from '../../../src/reports/progressReport'
import { progressReportCsv } from '../../../src/reports/progressReportCsv'

const ORGANISATIONS = [
  {
    id: 1,
    code: 'gm9901',
    name: 'Gemeente Noorderhaaks',
    type: 'gemeente',
    reviewIntervalMonths: 12,
  },
  { id: 2, code: null, name: 'Waterschap Haaksdelta', type: 'waterschap', reviewIntervalMonths: 6 },
  {
    id: 3,
    code: 'pv98',
    name: 'Provincie Zonder Algoritmes',
    type: 'provincie',
    reviewIntervalMonths: 12,
  },
]

function row(overrides: Partial<ProgressCountRow>): ProgressCountRow {
  return {
    organisationId: 1,
    category: 'Impactvolle algoritmes',
    state: 'concept',
    count: 0,
    published: 0,
    highRisk: 0,
    highRiskRegistered: 0,
    reviewsOverdue: 0,
    olderThanReviewInterval: 0,
    ...overrides,
  }
}

const ROWS: ProgressCountRow[] = [
  row({
    state: 'gepubliceerd',
    count: 3,
    published: 3,
    reviewsOverdue: 1,
    olderThanReviewInterval: 2,
  }),
  row({ state: 'concept', count: 1, published: 1 }),
  row({
    category: 'Hoog-risico AI-systeem',
    state: 'gepubliceerd',
    count: 2,
    published: 2,
    highRisk: 2,
    highRiskRegistered: 1,
  }),
  row({ category: null, state: 'concept', count: 4 }),
  row({ organisationId: 2, category: 'Overige algoritmes', state: 'gedepubliceerd', count: 1 }),
  // Another organisation's numbers, not asked for: left out of the total as well.
  row({ organisationId: 99, state: 'gepubliceerd', count: 50, published: 50 }),
]

describe('buildProgressReport', () => {
  const report = buildProgressReport(ORGANISATIONS, ROWS, '2026-11-23T10:00:00.000Z')

  it('gives every organisation, also one without descriptions, in the given order', () => {
    expect(report.organisations.map((o) => [o.id, o.total])).toEqual([
      [1, 10],
      [2, 1],
      [3, 0],
    ])
  })

  it('counts by category × state in the fixed order of the report, ready for a stacked chart', () => {
    const [noorderhaaks] = report.organisations
    expect(report.categories.map((c) => c.value)).toEqual([
      'Hoog-risico AI-systeem',
      'Impactvolle algoritmes',
      'Overige algoritmes',
      null,
    ])
    expect(report.states.map((s) => s.value)).toEqual([
      'concept',
      'ter_beoordeling',
      'teruggezet',
      'gepubliceerd',
      'gedepubliceerd',
      'gearchiveerd',
    ])
    expect(
      noorderhaaks.byCategory.map((c) => [
        c.category,
        c.total,
        c.states.gepubliceerd,
        c.states.concept,
      ]),
    ).toEqual([
      ['Hoog-risico AI-systeem', 2, 2, 0],
      ['Impactvolle algoritmes', 4, 3, 1],
      ['Overige algoritmes', 0, 0, 0],
      [null, 4, 0, 4],
    ])
    expect(noorderhaaks.byState).toEqual({
      concept: 5,
      ter_beoordeling: 0,
      teruggezet: 0,
      gepubliceerd: 5,
      gedepubliceerd: 0,
      gearchiveerd: 0,
    })
    expect(noorderhaaks.published).toBe(6)
    expect(noorderhaaks.highRisk).toEqual({ total: 2, registered: 1, unregistered: 1 })
    expect(noorderhaaks.reviewsOverdue).toBe(1)
    expect(noorderhaaks.olderThanReviewInterval).toBe(2)
  })

  it('sums the organisations asked for into the total', () => {
    expect(report.overall.total).toBe(11)
    expect(report.overall.published).toBe(6)
    expect(report.overall.byState.gedepubliceerd).toBe(1)
    expect(report.overall.byCategory[2]).toEqual({
      category: 'Overige algoritmes',
      total: 1,
      states: {
        concept: 0,
        ter_beoordeling: 0,
        teruggezet: 0,
        gepubliceerd: 0,
        gedepubliceerd: 1,
        gearchiveerd: 0,
      },
    })
  })
})

describe('progressReportCsv', () => {
  it('writes one row per organisation and a total, every number in its own column', () => {
    const report = buildProgressReport(ORGANISATIONS, ROWS, '2026-11-23T10:00:00.000Z')
    const csv = progressReportCsv(report)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const lines = csv.slice(1).trimEnd().split('\r\n')
    const header = lines[0].split(',')
    expect(header.slice(0, 5)).toEqual([
      'organisatie_id',
      'organisatiecode',
      'organisatie',
      'totaal',
      'gepubliceerd_openbaar',
    ])
    expect(header).toContain('hoog_risico_ai_systeem__gepubliceerd')
    expect(header).toContain('niet_ingevuld__concept')
    expect(header.at(-1)).toBe('gegenereerd_op')
    expect(lines).toHaveLength(5)
    const cell = (line: string, column: string) => line.split(',')[header.indexOf(column)]
    expect(cell(lines[1], 'organisatie')).toBe('Gemeente Noorderhaaks')
    expect(cell(lines[1], 'impactvolle_algoritmes__gepubliceerd')).toBe('3')
    expect(cell(lines[1], 'hoog_risico_geregistreerd_eu')).toBe('1')
    expect(cell(lines[1], 'herziening_te_laat')).toBe('1')
    expect(cell(lines[2], 'organisatiecode')).toBe('')
    expect(cell(lines[4], 'organisatie')).toBe('Totaal')
    expect(cell(lines[4], 'totaal')).toBe('11')
    expect(cell(lines[4], 'gegenereerd_op')).toBe('2026-11-23T10:00:00.000Z')
  })
})
