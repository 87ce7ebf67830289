import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres'

import type { Algorithm } from '../../../payload-types'
import { progressReport, type OrganisationProgress } from '../../../src/reports/progressReport'
import { rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import {
  createPerson,
  createWorkflowTeam,
  draftAlgorithm,
  publishedAlgorithm,
  query,
  submittedAlgorithm,
  transition,
  type Person,
  type WorkflowTeam,
} from '../../support/workflowHelpers'

/**
 * A known fixture: two organisations with descriptions in every interesting situation. Review
 * dates are set straight in the database, relative to the moment the report is made.
 *
 * Gemeente (review interval 12 months):
 *   a1 Impactvolle, published 13 months ago, review due 1 month ago → overdue and older
 *   a2 Hoog-risico, published 2 months ago, with EU database link → registered
 *   a3 Hoog-risico, concept, no EU database link → not registered
 *   a4 Overige, ter_beoordeling
 *   a5 no category, concept
 * Waterschap (review interval 6 months):
 *   b1 Overige, published 7 months ago, review due in 5 months → older than interval, not overdue
 *   b2 Hoog-risico, withdrawn → counts as high risk, not registered
 *   b3 Hoog-risico, archived → not counted as high risk
 */
let app: TestApp
let gemeente: WorkflowTeam
let waterschap: WorkflowTeam
let outsider: Person
let platformAdmin: Person
const moment = new Date()

function monthsFrom(months: number): string {
  const date = new Date(moment.getTime())
  date.setUTCMonth(date.getUTCMonth() + months)
  return date.toISOString()
}

async function setReviewDates(algorithm: Algorithm, publicSince: string, reviewDueAt: string) {
  await query(
    app.payload,
    sql`UPDATE algorithms SET workflow_public_since = ${publicSince}::timestamptz,
          workflow_review_due_at = ${reviewDueAt}::timestamptz WHERE id = ${algorithm.id}`,
  )
}

beforeAll(async () => {
  app = await testApp()
  gemeente = await createWorkflowTeam(app.payload, app.url, { reviewIntervalMonths: 12 })
  waterschap = await createWorkflowTeam(app.payload, app.url, { reviewIntervalMonths: 6 })
  outsider = await createPerson(app.payload, app.url)
  platformAdmin = await createPerson(app.payload, app.url, { isPlatformAdmin: true })

  const a1 = await publishedAlgorithm(app.payload, app.url, gemeente, {
    publication_category: 'Impactvolle algoritmes',
  })
  await setReviewDates(a1, monthsFrom(-13), monthsFrom(-1))
  const a2 = await publishedAlgorithm(app.payload, app.url, gemeente, {
    publication_category: 'Hoog-risico AI-systeem',
    eu_database_url: 'https://ec.europa.eu/ai-database/123',
  })
  await setReviewDates(a2, monthsFrom(-2), monthsFrom(10))
  await draftAlgorithm(app.payload, gemeente, { publication_category: 'Hoog-risico AI-systeem' })
  await submittedAlgorithm(app.payload, app.url, gemeente)
  await draftAlgorithm(app.payload, gemeente, { publication_category: null })

  const b1 = await publishedAlgorithm(app.payload, app.url, waterschap)
  await setReviewDates(b1, monthsFrom(-7), monthsFrom(5))
  const b2 = await publishedAlgorithm(app.payload, app.url, waterschap, {
    publication_category: 'Hoog-risico AI-systeem',
  })
  const withdrawn = await transition(app.url, waterschap.reviewer.token, b2.id, {
    action: 'withdraw',
    expectedState: 'gepubliceerd',
    reason: 'Proef gestopt.',
  })
  expect(withdrawn.status).toBe(200)
  const b3 = await draftAlgorithm(app.payload, waterschap, {
    publication_category: 'Hoog-risico AI-systeem',
  })
  const archived = await transition(app.url, waterschap.reviewer.token, b3.id, {
    action: 'archive',
    expectedState: 'concept',
  })
  expect(archived.status).toBe(200)
})

afterAll(async () => {
  await closeTestApp()
})

function states(values: Partial<Record<string, number>>) {
  return {
    concept: 0,
    ter_beoordeling: 0,
    teruggezet: 0,
    gepubliceerd: 0,
    gedepubliceerd: 0,
    gearchiveerd: 0,
    ...values,
  }
}

describe('progressReport on the known fixture', () => {
  let gemeenteReport: OrganisationProgress
  let waterschapReport: OrganisationProgress
  let overall: Awaited<ReturnType<typeof progressReport>>['overall']

  beforeAll(async () => {
    const report = await progressReport(
      { payload: app.payload },
      {
        organisationIds: [gemeente.organisation.id, waterschap.organisation.id],
        at: moment,
      },
    )
    expect(report.generatedAt).toBe(moment.toISOString())
    ;[gemeenteReport, waterschapReport] = [
      report.organisations.find((o) => o.id === gemeente.organisation.id)!,
      report.organisations.find((o) => o.id === waterschap.organisation.id)!,
    ]
    overall = report.overall
  })

  it('counts the municipality by publication category × workflow state', () => {
    expect(gemeenteReport.total).toBe(5)
    expect(gemeenteReport.published).toBe(2)
    expect(gemeenteReport.byState).toEqual(
      states({ concept: 2, ter_beoordeling: 1, gepubliceerd: 2 }),
    )
    expect(gemeenteReport.byCategory).toEqual([
      {
        category: 'Hoog-risico AI-systeem',
        total: 2,
        states: states({ concept: 1, gepubliceerd: 1 }),
      },
      { category: 'Impactvolle algoritmes', total: 1, states: states({ gepubliceerd: 1 }) },
      { category: 'Overige algoritmes', total: 1, states: states({ ter_beoordeling: 1 }) },
      { category: null, total: 1, states: states({ concept: 1 }) },
    ])
  })

  it('counts high-risk registration, overdue reviews and descriptions older than the interval', () => {
    expect(gemeenteReport.highRisk).toEqual({ total: 2, registered: 1, unregistered: 1 })
    expect(gemeenteReport.reviewsOverdue).toBe(1)
    expect(gemeenteReport.olderThanReviewInterval).toBe(1)
    expect(gemeenteReport.reviewIntervalMonths).toBe(12)

    expect(waterschapReport.total).toBe(3)
    expect(waterschapReport.published).toBe(1)
    expect(waterschapReport.byState).toEqual(
      states({ gepubliceerd: 1, gedepubliceerd: 1, gearchiveerd: 1 }),
    )
    expect(waterschapReport.highRisk).toEqual({ total: 1, registered: 0, unregistered: 1 })
    expect(waterschapReport.reviewsOverdue).toBe(0)
    expect(waterschapReport.olderThanReviewInterval).toBe(1)
  })

  it('adds both organisations up in the total', () => {
    expect(overall.total).toBe(8)
    expect(overall.published).toBe(3)
    expect(overall.byState).toEqual(
      states({
        concept: 2,
        ter_beoordeling: 1,
        gepubliceerd: 3,
        gedepubliceerd: 1,
        gearchiveerd: 1,
      }),
    )
    expect(overall.highRisk).toEqual({ total: 3, registered: 1, unregistered: 2 })
    expect(overall.reviewsOverdue).toBe(1)
    expect(overall.olderThanReviewInterval).toBe(2)
  })
})

describe('GET /api/algorithms/progress', () => {
  it('401 for anonymous callers, 403 for people without an organisation', async () => {
    expect((await rest(app.url, 'GET', '/api/algorithms/progress')).status).toBe(401)
    const none = await rest(app.url, 'GET', '/api/algorithms/progress', { token: outsider.token })
    expect(none.status).toBe(403)
  })

  it('shows members only their own organisation', async () => {
    const answer = await rest<{ organisations: Array<{ id: number; total: number }> }>(
      app.url,
      'GET',
      '/api/algorithms/progress',
      { token: gemeente.editor.token },
    )
    expect(answer.status).toBe(200)
    expect(answer.body.organisations).toEqual([
      expect.objectContaining({ id: gemeente.organisation.id, total: 5 }),
    ])
    const other = await rest(
      app.url,
      'GET',
      `/api/algorithms/progress?organisation=${waterschap.organisation.id}`,
      { token: gemeente.editor.token },
    )
    expect(other.status).toBe(404)
  })

  it('lets a platform admin pick any organisation, by id or code', async () => {
    const byCode = await rest<{
      organisations: Array<{ id: number }>
      overall: { total: number; highRisk: { total: number } }
    }>(app.url, 'GET', `/api/algorithms/progress?organisation=${waterschap.organisation.code}`, {
      token: platformAdmin.token,
    })
    expect(byCode.status).toBe(200)
    expect(byCode.body.organisations.map((o) => o.id)).toEqual([waterschap.organisation.id])
    expect(byCode.body.overall.total).toBe(3)
    expect(byCode.body.overall.highRisk.total).toBe(1)
    const everything = await rest<{ organisations: Array<{ id: number }> }>(
      app.url,
      'GET',
      '/api/algorithms/progress',
      { token: platformAdmin.token },
    )
    const ids = everything.body.organisations.map((o) => o.id)
    expect(ids).toEqual(
      expect.arrayContaining([gemeente.organisation.id, waterschap.organisation.id]),
    )
  })

  it('gives the same numbers as CSV', async () => {
    const response = await fetch(
      `${app.url}/api/algorithms/progress?organisation=${gemeente.organisation.id}&format=csv`,
      { headers: { authorization: `JWT ${gemeente.admin.token}` } },
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="voortgang-algoritmeregister-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines).toHaveLength(3)
    const header = lines[0].split(',')
    const cell = (line: string, column: string) => line.split(',')[header.indexOf(column)]
    expect(cell(lines[1], 'organisatie_id')).toBe(String(gemeente.organisation.id))
    expect(cell(lines[1], 'totaal')).toBe('5')
    expect(cell(lines[1], 'hoog_risico_ai_systeem__concept')).toBe('1')
    expect(cell(lines[1], 'hoog_risico_geregistreerd_eu')).toBe('1')
    expect(cell(lines[1], 'herziening_te_laat')).toBe('1')
    expect(cell(lines[2], 'organisatie')).toBe('Totaal')
  })

  it('refuses an unknown format', async () => {
    const answer = await rest<{ errors: Array<{ message: string }> }>(
      app.url,
      'GET',
      '/api/algorithms/progress?format=xlsx',
      { token: gemeente.editor.token, language: 'en' },
    )
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0].message).toBe(
      "Unknown format 'xlsx'. Choose format=json or format=csv.",
    )
  })
})
