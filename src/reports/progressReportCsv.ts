/**
 * The progress report as a spreadsheet: one row per organisation and a last row with the total,
 * every number in its own column.
 */

import { serializeCsv } from '../interop/csvCodec'
import { WORKFLOW_STATES } from '../workflow/stateMachine'
import type { ProgressReport, ProgressTotals } from './progressReport'

/** Column-name part for a publication category (null: not filled in). */
function categoryKey(category: string | null): string {
  if (category === null) return 'niet_ingevuld'
  return category
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
}

/** Column names after the organisation columns, in order. */
export function progressCsvNumberColumns(report: ProgressReport): string[] {
  const matrix = report.categories.flatMap((category) =>
    WORKFLOW_STATES.map((state) => `${categoryKey(category.value)}__${state}`),
  )
  return [
    'totaal',
    'gepubliceerd_openbaar',
    ...WORKFLOW_STATES.map((state) => `status__${state}`),
    ...matrix,
    'hoog_risico_totaal',
    'hoog_risico_geregistreerd_eu',
    'hoog_risico_niet_geregistreerd_eu',
    'herziening_te_laat',
    'ouder_dan_herzieningstermijn',
  ]
}

function numbers(totals: ProgressTotals): string[] {
  return [
    totals.total,
    totals.published,
    ...WORKFLOW_STATES.map((state) => totals.byState[state]),
    ...totals.byCategory.flatMap((entry) => WORKFLOW_STATES.map((state) => entry.states[state])),
    totals.highRisk.total,
    totals.highRisk.registered,
    totals.highRisk.unregistered,
    totals.reviewsOverdue,
    totals.olderThanReviewInterval,
  ].map(String)
}

/**
 * The report as CSV (UTF-8 with BOM so spreadsheet programs read the accents, CRLF line ends):
 * `organisatie_id, organisatiecode, organisatie, …numbers…, gegenereerd_op`. Category × state
 * columns are named `<category>__<state>`, e.g. `impactvolle_algoritmes__gepubliceerd`. The last
 * row is the total, with organisatie "Totaal" and no id.
 */
export function progressReportCsv(report: ProgressReport): string {
  const header = [
    'organisatie_id',
    'organisatiecode',
    'organisatie',
    ...progressCsvNumberColumns(report),
    'gegenereerd_op',
  ]
  const rows = report.organisations.map((organisation) => [
    String(organisation.id),
    organisation.code ?? '',
    organisation.name,
    ...numbers(organisation),
    report.generatedAt,
  ])
  rows.push(['', '', 'Totaal', ...numbers(report.overall), report.generatedAt])
  return serializeCsv([header, ...rows], { bom: true, quoteAll: false, eol: '\r\n' })
}
