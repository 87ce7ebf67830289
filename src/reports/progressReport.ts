/**
 * The progress report ("algoritmeboekhouding"): how far each organisation is with registering its
 * algorithms, and the total. Built for charts: every breakdown is a list in a fixed order (the
 * `categories` and `states` lists at the top give the order and the labels), so a stacked bar
 * chart is `byCategory[i].states[state]` per category, without any reshaping.
 *
 * Definitions (per organisation, and summed for the total):
 * - counts: every description of the organisation, by publication category × workflow state of
 *   its working copy (a description without a category counts under `null`, "niet ingevuld");
 * - published: descriptions with a public revision right now;
 * - high risk: descriptions in category "Hoog-risico AI-systeem" that are not archived; registered
 *   means the link to the EU database entry is filled in;
 * - reviews overdue: published descriptions whose review date (set at approval: approval date +
 *   the organisation's review interval) has passed;
 * - older than the review interval: published descriptions whose current public version was
 *   approved longer ago than the organisation's review interval as it is set now (differs from
 *   "overdue" after the interval setting changed).
 */

import type { PayloadRequest } from 'payload'

import { progressReportRows } from '../database/payloadTables'
import { registerOptionsOf } from '../plugin/registerOptionsOf'
import { PUBLICATION_CATEGORY_VALUES } from '../interop/nationalCsvColumns'
import { STATE_LABELS, WORKFLOW_STATES, type WorkflowState } from '../workflow/stateMachine'

/** A text in Dutch and English. */
export interface ReportLabel {
  nl: string
  en: string
}

/** Counts of one publication category, by workflow state. */
export interface CategoryCounts {
  /** The category's value in the standard; null for descriptions without a category. */
  category: string | null
  total: number
  states: Record<WorkflowState, number>
}

/** The numbers of one organisation, or of all of them together. */
export interface ProgressTotals {
  total: number
  published: number
  byState: Record<WorkflowState, number>
  /** One entry per category, in the order of the report's `categories`. */
  byCategory: CategoryCounts[]
  highRisk: { total: number; registered: number; unregistered: number }
  reviewsOverdue: number
  olderThanReviewInterval: number
}

/** One organisation in the report. */
export interface OrganisationProgress extends ProgressTotals {
  id: number
  code: string | null
  name: string
  type: string
  reviewIntervalMonths: number
}

/** The whole report. */
export interface ProgressReport {
  generatedAt: string
  categories: Array<{ value: string | null; label: ReportLabel }>
  states: Array<{ value: WorkflowState; label: ReportLabel }>
  overall: ProgressTotals
  organisations: OrganisationProgress[]
}

/** One row of the aggregate query: the numbers of one organisation × category × state. */
export interface ProgressCountRow {
  organisationId: number
  category: string | null
  state: WorkflowState
  count: number
  published: number
  highRisk: number
  highRiskRegistered: number
  reviewsOverdue: number
  olderThanReviewInterval: number
}

/** An organisation as the report needs it. */
export interface ProgressOrganisation {
  id: number
  code: string | null
  name: string
  type: string
  reviewIntervalMonths: number
}

const CATEGORY_LABELS: Record<string, ReportLabel> = {
  'Hoog-risico AI-systeem': { nl: 'Hoog-risico AI-systeem', en: 'High-risk AI system' },
  'Impactvolle algoritmes': { nl: 'Impactvolle algoritmes', en: 'Impactful algorithms' },
  'Overige algoritmes': { nl: 'Overige algoritmes', en: 'Other algorithms' },
}

/** Categories in report order: the standard's three, then "not filled in". */
export const REPORT_CATEGORIES: ReadonlyArray<{ value: string | null; label: ReportLabel }> = [
  ...PUBLICATION_CATEGORY_VALUES.map((value) => ({ value, label: CATEGORY_LABELS[value] })),
  { value: null, label: { nl: 'Niet ingevuld', en: 'Not filled in' } },
]

function zeroStates(): Record<WorkflowState, number> {
  return Object.fromEntries(WORKFLOW_STATES.map((state) => [state, 0])) as Record<
    WorkflowState,
    number
  >
}

function emptyTotals(): ProgressTotals {
  return {
    total: 0,
    published: 0,
    byState: zeroStates(),
    byCategory: REPORT_CATEGORIES.map((category) => ({
      category: category.value,
      total: 0,
      states: zeroStates(),
    })),
    highRisk: { total: 0, registered: 0, unregistered: 0 },
    reviewsOverdue: 0,
    olderThanReviewInterval: 0,
  }
}

function add(totals: ProgressTotals, row: ProgressCountRow): void {
  const known = REPORT_CATEGORIES.some((category) => category.value === row.category)
  const category = known ? row.category : null
  const bucket = totals.byCategory.find((entry) => entry.category === category)
  totals.total += row.count
  totals.published += row.published
  totals.byState[row.state] += row.count
  if (bucket) {
    bucket.total += row.count
    bucket.states[row.state] += row.count
  }
  totals.highRisk.total += row.highRisk
  totals.highRisk.registered += row.highRiskRegistered
  totals.highRisk.unregistered += row.highRisk - row.highRiskRegistered
  totals.reviewsOverdue += row.reviewsOverdue
  totals.olderThanReviewInterval += row.olderThanReviewInterval
}

/**
 * Puts aggregate rows together into the report: one entry per organisation (also those without
 * descriptions, in the given order) and the total over exactly those organisations.
 */
export function buildProgressReport(
  organisations: readonly ProgressOrganisation[],
  rows: readonly ProgressCountRow[],
  generatedAt: string,
): ProgressReport {
  const entries = new Map<number, OrganisationProgress>(
    organisations.map((organisation) => [organisation.id, { ...organisation, ...emptyTotals() }]),
  )
  const overall = emptyTotals()
  for (const row of rows) {
    const entry = entries.get(row.organisationId)
    if (!entry) continue
    add(entry, row)
    add(overall, row)
  }
  return {
    generatedAt,
    categories: REPORT_CATEGORIES.map((category) => ({ ...category })),
    states: WORKFLOW_STATES.map((state) => ({ value: state, label: { ...STATE_LABELS[state] } })),
    overall,
    organisations: [...entries.values()],
  }
}

/**
 * Reads the numbers for the given organisations (all when `organisationIds` is undefined) from
 * the database and builds the report, as of `at`.
 */
export async function progressReport(
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  options: { organisationIds?: readonly number[]; at: Date },
): Promise<ProgressReport> {
  const defaultInterval = registerOptionsOf(req.payload).reviewIntervalMonths
  const at = options.at.toISOString()
  const ids = options.organisationIds ? JSON.stringify([...options.organisationIds]) : null
  const { organisationRows, countRows } = await progressReportRows(req, {
    ids,
    at,
    defaultInterval,
  })
  const organisations = organisationRows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type,
    reviewIntervalMonths: row.interval === null ? defaultInterval : Number(row.interval),
  }))
  const rows: ProgressCountRow[] = countRows.map((row) => ({
    organisationId: row.organisation_id,
    category: row.category,
    state: (WORKFLOW_STATES as readonly string[]).includes(row.state ?? '')
      ? (row.state as WorkflowState)
      : 'concept',
    count: row.count,
    published: row.published,
    highRisk: row.high_risk,
    highRiskRegistered: row.high_risk_registered,
    reviewsOverdue: row.overdue,
    olderThanReviewInterval: row.stale,
  }))
  return buildProgressReport(organisations, rows, at)
}
