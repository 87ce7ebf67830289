import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { firstMessage } from '../../fixtures/fieldErrors'
import { createOrganisation, createUser, login, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'

let app: TestApp
let token: string

const PATH = '/api/algorithms/plain-language'

// Two short sentences, and one of 32 words.
const LONG_SENTENCE =
  'Het college van burgemeester en wethouders heeft besloten dat alle aanvragen voor een parkeervergunning in de binnenstad voortaan eerst door een computerprogramma worden bekeken voordat een medewerker van de gemeente ernaar kijkt.'
const SHORT_TEXT = 'Wij kijken naar uw aanvraag. U krijgt binnen twee weken antwoord.'

type Finding = { code: string; severity: string; sentence?: number; message: { nl: string } }
type Reports = { reports: Record<string, { findings: Finding[] }>; summary: unknown }

beforeAll(async () => {
  app = await testApp()
  const organisation = await createOrganisation(app.payload)
  const editor = await createUser(app.payload, {
    memberships: [{ organisation: organisation.id, role: 'redacteur' }],
  })
  token = await login(app.url, editor.email)
})

afterAll(async () => {
  await closeTestApp()
})

describe('POST /api/algorithms/plain-language', () => {
  it('refuses anonymous callers with 401', async () => {
    const response = await rest(app.url, 'POST', PATH, {
      body: { fields: { goal: `<p>${LONG_SENTENCE}</p>` } },
    })
    expect(response.status).toBe(401)
    expect(firstMessage(response.body)).toBe('Log eerst in.')
  })

  it('reports a long sentence in the goal of a member', async () => {
    const response = await rest<Reports>(app.url, 'POST', PATH, {
      token,
      body: { fields: { goal: `<p>${SHORT_TEXT}</p><p>${LONG_SENTENCE}</p>` } },
    })
    expect(response.status).toBe(200)
    const findings = response.body.reports.goal.findings
    const long = findings.filter((finding) => finding.code === 'long-sentence')
    expect(long).toHaveLength(1)
    expect(long[0]).toMatchObject({
      severity: 'warning',
      sentence: 3,
      message: {
        nl: 'Zin 3 heeft 32 woorden. Probeer zinnen van hoogstens 20 woorden te schrijven.',
      },
    })
    expect(response.body.summary).toBeTruthy()
  })

  it('finds nothing to report about short sentences', async () => {
    const response = await rest<Reports>(app.url, 'POST', PATH, {
      token,
      body: { fields: { description_short: SHORT_TEXT } },
    })
    expect(response.status).toBe(200)
    expect(
      response.body.reports.description_short.findings.filter((f) => f.code === 'long-sentence'),
    ).toEqual([])
  })

  it.each([
    ['no fields', {}],
    ['fields as a list', { fields: ['goal'] }],
    ['fields as text', { fields: 'Doel' }],
  ])('answers 400 for %s', async (_label, body) => {
    const response = await rest(app.url, 'POST', PATH, { token, body })
    expect(response.status).toBe(400)
    expect(firstMessage(response.body)).toBe(
      'Stuur de teksten mee als { "fields": { "veldnaam": "tekst" } }.',
    )
  })

  it('answers 400 in English for a body that is not JSON', async () => {
    const response = await fetch(`${app.url}${PATH}`, {
      method: 'POST',
      headers: {
        authorization: `JWT ${token}`,
        'content-type': 'application/json',
        'accept-language': 'en',
      },
      body: '{ dit is geen json',
    })
    expect(response.status).toBe(400)
    // The HTTP edge refuses invalid JSON before the endpoint runs.
    expect(firstMessage(await response.json())).toBe('The request body is not valid JSON.')
  })
})
