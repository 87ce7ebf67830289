import { randomBytes } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres'

import type { Algorithm } from '../../../payload-types'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import {
  draftAlgorithm,
  query,
  submittedAlgorithm,
  transition,
  type WorkflowTeam,
} from '../../support/workflowHelpers'
import { rest } from '../../support/fixtures'
import { createTeam, getPublic, html, publish, withdraw } from './publicApiFixtures'

/** Unique, lower case and letters/digits only, so it fits in names, e-mail addresses and links. */
const SENTINEL = `zqgeheim${randomBytes(5).toString('hex')}`

const INTERNAL = {
  internal_notes: `Notitie ${SENTINEL}`,
  internal_owner: `Eigenaar ${SENTINEL}`,
  internal_contact: `Contact ${SENTINEL}`,
  publication_category_rationale: `Reden ${SENTINEL}`,
}

/** Every content field filled with the sentinel, as far as each field's type allows. */
function everyField(tag: string): Record<string, unknown> {
  const words = `${tag} ${SENTINEL}`
  const link = (part: string) => `https://${SENTINEL}.example/${part}`
  const links = [{ title: words, link: link(tag) }]
  return {
    name: words,
    description_short: `Een korte tekst ${words}.`,
    contact_email: `${SENTINEL}@kwelder.example`,
    website: link('website'),
    url: link('url'),
    source_id: words,
    tags: words,
    goal: html(`<p>Doel ${words}</p>`),
    proportionality: html(`<p>Afweging ${words}</p>`),
    human_intervention: html(`<p>Menselijke tussenkomst ${words}</p>`),
    risks: html(`<p>Risico ${words}</p>`),
    lawful_basis: html(`<p>Grondslag ${words}</p>`),
    lawful_basis_grouping: links,
    process_index_url: link('process'),
    impacttoetsen_grouping: links,
    impacttoetsen: html(`<p>Impacttoets ${words}</p>`),
    source_data: html(`<p>Bronnen ${words}</p>`),
    source_data_grouping: links,
    methods_and_models: html(`<p>Methode ${words}</p>`),
    provider: words,
    publiccode: link('code'),
    eu_database_url: link('eu'),
    fria_summary: words,
    dpia_summary: words,
    ...INTERNAL,
  }
}

let app: TestApp
let team: WorkflowTeam
let published: Algorithm
let underReview: Algorithm
let draft: Algorithm
let sentBack: Algorithm
let withdrawn: Algorithm

beforeAll(async () => {
  app = await testApp()
  team = await createTeam(app.payload, app.url, { name: 'Gemeente Zeggenschap' })
  // Published, with the sentinel only in its internal fields.
  published = await publish(app.payload, app.url, team, {
    name: 'Leerlingenvervoer plannen',
    publication_category: 'Hoog-risico AI-systeem',
    eu_database_url: 'https://eu-database.example/systems/55',
    fria_summary: 'Samenvatting van de beoordeling.',
    dpia_summary: 'Samenvatting van de DPIA.',
    ...INTERNAL,
  })
  // Published, then a new working version with the sentinel everywhere, submitted for review.
  underReview = await publish(app.payload, app.url, team, {
    name: 'Subsidie aanvragen beoordelen',
    ...INTERNAL,
  })
  const edited = await rest(app.url, 'PATCH', `/api/algorithms/${underReview.id}`, {
    token: team.editor.token,
    body: everyField('herzien'),
  })
  if (edited.status !== 200) throw new Error(`edit failed: ${JSON.stringify(edited.body)}`)
  const submitted = await transition(app.url, team.editor.token, underReview.id, {
    action: 'submit',
    expectedState: 'concept',
    changeSummary: `Alles anders ${SENTINEL}`,
  })
  if (submitted.status !== 200) throw new Error(`submit failed: ${JSON.stringify(submitted.body)}`)
  // Never published: a draft, and a submission that was sent back with a comment.
  draft = await draftAlgorithm(app.payload, team, {
    ...everyField('concept'),
    publication_category: 'Hoog-risico AI-systeem',
  })
  sentBack = await submittedAlgorithm(app.payload, app.url, team, everyField('teruggezet'))
  const returned = await transition(app.url, team.reviewer.token, sentBack.id, {
    action: 'request_changes',
    expectedState: 'ter_beoordeling',
    comment: `Graag aanpassen ${SENTINEL}`,
  })
  if (returned.status !== 200) throw new Error(`send back failed: ${JSON.stringify(returned.body)}`)
  // Withdrawn with a reason that holds the sentinel: the reason is internal.
  withdrawn = await publish(app.payload, app.url, team, { name: 'Oude wachtlijst', ...INTERNAL })
  await withdraw(app.url, team, withdrawn.id, `Intrekken ${SENTINEL}`)
})

afterAll(async () => {
  await closeTestApp()
})

async function everyPublicAnswer(): Promise<Array<[string, string]>> {
  const code = String(team.organisation.code)
  const paths = [
    '/algorithms',
    `/algorithms?q=${SENTINEL}`,
    `/algorithms?q=${encodeURIComponent(`herzien ${SENTINEL}`)}`,
    `/algorithms?organisation=${code}&pageSize=100`,
    `/algorithms?organisation=${code}&q=subsidie`,
    '/feed',
    '/organisations',
    `/organisations/${code}`,
    '/downloads/algorithms.csv',
    `/downloads/algorithms.csv?organisation=${code}`,
    '/downloads/algorithms.json',
    `/downloads/algorithms.json?organisation=${code}`,
    '/openapi.json',
  ]
  for (const algorithm of [published, underReview, draft, sentBack, withdrawn]) {
    paths.push(
      `/algorithms/${algorithm.lars}`,
      `/algorithms/${algorithm.lars}/history`,
      `/algorithms/${algorithm.lars}/eu-registration`,
    )
  }
  // Every page of the whole list, not only the first.
  const first = await getPublic<{ pageCount: number }>(app.url, '/algorithms?pageSize=100')
  for (let page = 2; page <= first.body.pageCount; page += 1) {
    paths.push(`/algorithms?pageSize=100&page=${page}`)
  }
  const answers: Array<[string, string]> = []
  for (const path of paths) {
    const answer = await getPublic<Record<string, unknown>>(app.url, path)
    let text = answer.text
    if (path.includes(SENTINEL)) {
      // The links echo the caller's own search text; that is not a leak. The rest must be clean.
      expect(answer.body.totalCount).toBe(0)
      text = JSON.stringify({ ...answer.body, links: undefined })
    }
    answers.push([path, `${answer.status} ${[...answer.headers.entries()].join(' ')} ${text}`])
  }
  return answers
}

describe('nothing unpublished or internal reaches the public API', () => {
  it('holds the sentinel in the editorial tables (so the scan below can fail)', async () => {
    const [row] = await query<{ n: number }>(
      app.payload,
      sql`SELECT count(*)::int AS n FROM algorithms
          WHERE internal_notes LIKE ${`%${SENTINEL}%`} OR name LIKE ${`%${SENTINEL}%`}`,
    )
    expect(row.n).toBeGreaterThanOrEqual(5)
    const [reason] = await query<{ n: number }>(
      app.payload,
      sql`SELECT count(*)::int AS n FROM public_algorithms WHERE withdrawal_reason LIKE ${`%${SENTINEL}%`}`,
    )
    expect(reason.n).toBe(1)
  })

  it('never shows the sentinel in any endpoint’s full output', async () => {
    const answers = await everyPublicAnswer()
    expect(answers.length).toBeGreaterThan(25)
    const leaks = answers.filter(([, text]) => text.includes(SENTINEL)).map(([path]) => path)
    expect(leaks).toEqual([])
  })

  it('keeps serving the approved version while a new one is under review', async () => {
    const detail = await getPublic<{ name: string }>(app.url, `/algorithms/${underReview.lars}`)
    expect(detail.status).toBe(200)
    expect(detail.body.name).toBe('Subsidie aanvragen beoordelen')
    expect((await getPublic(app.url, `/algorithms/${draft.lars}`)).status).toBe(404)
    expect((await getPublic(app.url, `/algorithms/${sentBack.lars}`)).status).toBe(404)
    expect((await getPublic(app.url, `/algorithms/${withdrawn.lars}`)).status).toBe(410)
    const registration = await getPublic(app.url, `/algorithms/${published.lars}/eu-registration`)
    expect(registration.status).toBe(200)
  })
})
