/**
 * Fields the standard requires block submission, not saving: a concept with only a name is
 * stored, and the workflow endpoint tells the editor what is still missing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Algorithm, Organisation } from '../../../payload-types'
import { EDITOR_FIELD_KEYS } from '../../../src/standard/completeness'
import { completeAlgorithmInput, minimalAlgorithmInput } from '../../fixtures/noorderhaaksAlgorithm'
import { createOrganisation, createUser, login, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'

let app: TestApp
let organisation: Organisation
let token: string

type Completeness = {
  missingRequired: string[]
  emptyShownAlways: string[]
  filled: number
  total: number
  percentage: number
}

beforeAll(async () => {
  app = await testApp()
  organisation = await createOrganisation(app.payload)
  const editor = await createUser(app.payload, {
    memberships: [{ organisation: organisation.id, role: 'redacteur' }],
  })
  token = await login(app.url, editor.email)
})

afterAll(async () => {
  await closeTestApp()
})

const createThroughRest = async (body: Record<string, unknown>) => {
  const response = await rest<{ doc: Algorithm }>(app.url, 'POST', '/api/algorithms?depth=0', {
    token,
    body,
  })
  expect(response.status).toBe(201)
  return response.body.doc
}

const completenessOf = async (id: number, asToken = token) =>
  rest<{ completeness: Completeness }>(app.url, 'GET', `/api/algorithms/${id}/workflow`, {
    token: asToken,
  })

describe('completeness through GET /api/algorithms/:id/workflow', () => {
  it('lists the required fields a saved concept still lacks', async () => {
    const concept = await createThroughRest(minimalAlgorithmInput(organisation.id))
    const response = await completenessOf(concept.id)
    expect(response.status).toBe(200)
    expect(response.body.completeness).toEqual({
      missingRequired: ['description_short', 'status', 'contact_email', 'publication_category'],
      emptyShownAlways: [
        'category',
        'begin_date',
        'goal',
        'proportionality',
        'human_intervention',
        'risks',
        'source_data',
      ],
      filled: 1,
      total: EDITOR_FIELD_KEYS.length,
      percentage: Math.round((1 / EDITOR_FIELD_KEYS.length) * 100),
    })
  })

  it('reports a complete description as complete', async () => {
    const complete = await createThroughRest(completeAlgorithmInput(organisation.id))
    const response = await completenessOf(complete.id)
    expect(response.body.completeness).toEqual({
      missingRequired: [],
      emptyShownAlways: [],
      filled: EDITOR_FIELD_KEYS.length,
      total: EDITOR_FIELD_KEYS.length,
      percentage: 100,
    })
  })

  it('is only for signed-in members of the organisation', async () => {
    const concept = await createThroughRest(minimalAlgorithmInput(organisation.id))
    expect((await rest(app.url, 'GET', `/api/algorithms/${concept.id}/workflow`)).status).toBe(401)
    const outsiderOrg = await createOrganisation(app.payload)
    const outsider = await createUser(app.payload, {
      memberships: [{ organisation: outsiderOrg.id, role: 'redacteur' }],
    })
    const response = await completenessOf(concept.id, await login(app.url, outsider.email))
    expect(response.status).toBe(404)
  })
})
