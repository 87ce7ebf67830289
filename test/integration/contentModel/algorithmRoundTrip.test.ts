import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Algorithm, Organisation } from '../../../payload-types'
import { isValidLars } from '../../../src/standard/lars'
import { STANDARD_KEYS } from '../../../src/standard/publicationStandard'
import { lexicalToHtml } from '../../../src/standard/richText'
import {
  LONG_TEXT_KEYS,
  completeAlgorithmInput,
  noorderhaaksAiAct,
  noorderhaaksAlgorithm,
  noorderhaaksInternal,
} from '../../fixtures/noorderhaaksAlgorithm'
import { createOrganisation, createUser, graphql, login, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'

let app: TestApp
let organisation: Organisation
let token: string
let input: Record<string, unknown>
let created: Algorithm
let read: Algorithm

/** Array rows get an `id` from Payload; the standard's items are only title and link. */
const withoutRowIds = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map((row: unknown) => {
        if (typeof row !== 'object' || row === null) return row
        const { id: _id, ...rest } = row as Record<string, unknown>
        return rest
      })
    : value

beforeAll(async () => {
  app = await testApp()
  organisation = await createOrganisation(app.payload, { name: 'Gemeente Noorderhaaks' })
  const editor = await createUser(app.payload, {
    memberships: [{ organisation: organisation.id, role: 'redacteur' }],
  })
  token = await login(app.url, editor.email)
  input = completeAlgorithmInput(organisation.id)
  const response = await rest<{ doc: Algorithm }>(app.url, 'POST', '/api/algorithms?depth=0', {
    token,
    body: input,
  })
  expect(response.status).toBe(201)
  created = response.body.doc
  const again = await rest<Algorithm>(app.url, 'GET', `/api/algorithms/${created.id}?depth=0`, {
    token,
  })
  expect(again.status).toBe(200)
  read = again.body
})

afterAll(async () => {
  await closeTestApp()
})

describe('a complete description (every field filled) through REST', () => {
  it('has every key of the standard, spelled exactly as the standard does', () => {
    for (const key of STANDARD_KEYS)
      expect({ key, present: key in read }).toEqual({ key, present: true })
  })

  it.each(Object.keys(completeAlgorithmInput(0)))('round-trips %s unchanged', (key) => {
    const record = read as unknown as Record<string, unknown>
    expect(withoutRowIds(record[key])).toEqual(input[key])
  })

  it('gives the long texts back as the same HTML of the standard', () => {
    const record = read as unknown as Record<string, unknown>
    for (const key of LONG_TEXT_KEYS) {
      expect({ key, html: lexicalToHtml(record[key]) }).toEqual({
        key,
        html: noorderhaaksAlgorithm[key],
      })
    }
  })

  it('fills the system fields: Algoritme-ID, standard version, language, workflow state', () => {
    expect(isValidLars(String(read.lars))).toBe(true)
    expect(read.lars).toBe(created.lars)
    expect(read.standard_version).toBe('1.0')
    expect(read.lang).toBe('nld')
    expect(read.publication_dt ?? null).toBeNull()
    expect(read.organization).toBe(organisation.id)
    expect(read.workflow?.state).toBe('concept')
  })

  it('reads the same values through GraphQL', async () => {
    const result = await graphql<{ Algorithm: Record<string, unknown> }>(
      app.url,
      `
        query ($id: Int!) {
          Algorithm(id: $id) {
            name
            description_short
            category
            status
            begin_date
            end_date
            contact_email
            website
            publication_category
            url
            goal
            lawful_basis_grouping {
              title
              link
            }
            process_index_url
            impacttoetsen_grouping {
              title
              link
            }
            source_data_grouping {
              title
              link
            }
            provider
            publiccode
            lang
            standard_version
            source_id
            tags
            lars
            eu_database_url
            fria_summary
            dpia_summary
            internal_notes
            internal_owner
            internal_contact
            publication_category_rationale
          }
        }
      `,
      { id: created.id },
      { token },
    )
    expect(result.body.errors).toBeUndefined()
    const doc = result.body.data?.Algorithm ?? {}
    const { goal, ...texts } = noorderhaaksAlgorithm
    for (const [key, value] of Object.entries(texts)) {
      if ((LONG_TEXT_KEYS as readonly string[]).includes(key)) continue
      expect({ key, value: doc[key] }).toEqual({ key, value })
    }
    expect(lexicalToHtml(doc.goal)).toBe(goal)
    expect(doc.lars).toBe(created.lars)
    expect(doc).toMatchObject({ ...noorderhaaksAiAct, ...noorderhaaksInternal })
  })

  it('keeps everything when the same description is saved again unchanged', async () => {
    const { id: _id, ...body } = read as unknown as Record<string, unknown>
    const saved = await rest<{ doc: Algorithm }>(
      app.url,
      'PATCH',
      `/api/algorithms/${created.id}?depth=0`,
      { token, body },
    )
    expect(saved.status).toBe(200)
    for (const key of Object.keys(input)) {
      const record = saved.body.doc as unknown as Record<string, unknown>
      expect({ key, value: withoutRowIds(record[key]) }).toEqual({ key, value: input[key] })
    }
    expect(saved.body.doc.lars).toBe(created.lars)
  })

  it('hides the internal fields from people outside the organisation', async () => {
    const platformAdmin = await createUser(app.payload, { isPlatformAdmin: true })
    const adminToken = await login(app.url, platformAdmin.email)
    const asAdmin = await rest<Record<string, unknown>>(
      app.url,
      'GET',
      `/api/algorithms/${created.id}?depth=0`,
      { token: adminToken },
    )
    expect(asAdmin.body.internal_notes).toBe(noorderhaaksInternal.internal_notes)

    const outsiderOrg = await createOrganisation(app.payload)
    const outsider = await createUser(app.payload, {
      memberships: [{ organisation: outsiderOrg.id, role: 'beheerder' }],
    })
    const asOutsider = await rest(app.url, 'GET', `/api/algorithms/${created.id}`, {
      token: await login(app.url, outsider.email),
    })
    expect(asOutsider.status).toBe(404)
  })
})
