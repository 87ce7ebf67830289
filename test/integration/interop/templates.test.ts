import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres'

import type { Algorithm } from '../../../payload-types'
import { htmlToLexical, lexicalToHtml } from '../../../src/standard/richText'
import { createOrganisation, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import {
  createPerson,
  createWorkflowTeam,
  projectionRow,
  publishedAlgorithm,
  query,
  readAlgorithm,
  transition,
  type WorkflowTeam,
} from '../../support/workflowHelpers'

interface TemplateAnswer {
  message: string
  id: number
  lars: string
  state: string
  basedOn: { lars: string; organisationName: string; revisionNumber: number }
  copiedFields: string[]
  clearedFields: string[]
  errors?: Array<{ message: string; code?: string }>
}

let app: TestApp
let source: WorkflowTeam
let target: WorkflowTeam
let published: Algorithm

beforeAll(async () => {
  app = await testApp()
  source = await createWorkflowTeam(app.payload, app.url)
  target = await createWorkflowTeam(app.payload, app.url)
  published = await publishedAlgorithm(app.payload, app.url, source, {
    name: 'Dijkbewaking met sensoren',
    publication_category: 'Hoog-risico AI-systeem',
    eu_database_url: 'https://ec.europa.eu/ai-database/haaks-123',
    fria_summary: 'Grondrechten van bewoners langs de dijk zijn bekeken.',
    website: 'https://www.noorderhaaks.example/dijken',
    source_id: 'NH-DIJK-1',
    goal: htmlToLexical('<p>Dijkdoorbraken voorkomen.</p><ul><li>Op tijd waarschuwen</li></ul>'),
    lawful_basis_grouping: [{ title: 'Waterwet', link: 'https://wetten.overheid.nl/BWBR0025458' }],
    internal_owner: 'Afdeling Dijken, intern',
  })
})

afterAll(async () => {
  await closeTestApp()
})

function fromTemplate(token: string | undefined, body: Record<string, unknown>, language?: string) {
  return rest<TemplateAnswer>(app.url, 'POST', '/api/algorithms/from-template', {
    token,
    body,
    language,
  })
}

describe('POST /api/algorithms/from-template', () => {
  let answer: TemplateAnswer
  let copy: Algorithm

  beforeAll(async () => {
    const response = await fromTemplate(target.editor.token, { lars: published.lars })
    expect(response.status).toBe(201)
    answer = response.body
    copy = await readAlgorithm(app.payload, answer.id)
  })

  it('creates a draft in the editor’s own organisation with a new LARS id', () => {
    expect(copy.organization).toBe(target.organisation.id)
    expect(copy.workflow?.state).toBe('concept')
    expect(answer.state).toBe('concept')
    expect(copy.lars).toMatch(/^\d{8}$/)
    expect(copy.lars).not.toBe(published.lars)
    expect(answer.lars).toBe(copy.lars)
    expect(answer.message).toContain(`gebaseerd op ${published.lars}`)
  })

  it('copies the public description, not the other organisation’s own facts or internal fields', () => {
    expect(copy.name).toBe('Dijkbewaking met sensoren')
    expect(copy.description_short).toBe(published.description_short)
    expect(copy.category).toEqual(['Natuur en milieu'])
    expect(copy.publication_category).toBe('Hoog-risico AI-systeem')
    expect(lexicalToHtml(copy.goal)).toBe(
      '<p>Dijkdoorbraken voorkomen.</p><ul><li>Op tijd waarschuwen</li></ul>',
    )
    expect(copy.lawful_basis_grouping).toEqual([
      expect.objectContaining({
        title: 'Waterwet',
        link: 'https://wetten.overheid.nl/BWBR0025458',
      }),
    ])
    expect(copy.eu_database_url).toBe('https://ec.europa.eu/ai-database/haaks-123')
    for (const field of [
      'status',
      'begin_date',
      'contact_email',
      'website',
      'source_id',
    ] as const) {
      expect(copy[field] ?? null).toBeNull()
    }
    expect(copy.fria_summary ?? null).toBeNull()
    expect(copy.internal_notes ?? null).toBeNull()
    expect(copy.internal_owner ?? null).toBeNull()
    expect(answer.clearedFields).toEqual(
      expect.arrayContaining(['status', 'contact_email', 'website', 'source_id']),
    )
    expect(answer.copiedFields).toEqual(
      expect.arrayContaining(['name', 'goal', 'lawful_basis_grouping', 'eu_database_url']),
    )
  })

  it('keeps the provenance and records a template audit event by the editor', async () => {
    const provenance = {
      lars: published.lars,
      organisationName: source.organisation.name,
      revisionNumber: 1,
    }
    expect(answer.basedOn).toEqual(provenance)
    expect(copy.basedOn).toEqual(provenance)
    const events = await query<{ event_type: string; actor_id: string; organisation_id: string }>(
      app.payload,
      sql`SELECT event_type, actor_id, organisation_id FROM audit_events
          WHERE target_collection = 'algorithms' AND target_id = ${String(copy.id)} ORDER BY sequence`,
    )
    expect(events).toEqual([
      {
        event_type: 'template',
        actor_id: String(target.editor.user.id),
        organisation_id: String(target.organisation.id),
      },
    ])
  })

  it('shows “gebaseerd op” in the public record once the copy is approved', async () => {
    await app.payload.update({
      collection: 'algorithms',
      id: copy.id,
      data: {
        status: 'In ontwikkeling',
        contact_email: 'algoritmes@haaksdelta.example',
      } as never,
      overrideAccess: false,
      user: target.editor.user,
      depth: 0,
    })
    const submitted = await transition(app.url, target.editor.token, copy.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    expect(submitted.status).toBe(200)
    const approved = await transition(app.url, target.reviewer.token, copy.id, {
      action: 'approve',
      expectedState: 'ter_beoordeling',
    })
    expect(approved.status).toBe(200)
    const row = await projectionRow(app.payload, copy.id)
    expect((row?.record as { based_on?: unknown }).based_on).toEqual({
      lars: published.lars,
      organization: source.organisation.name,
      revision: 1,
    })
    const api = await rest<Record<string, unknown>>(
      app.url,
      'GET',
      `/register/v1/algorithms/${copy.lars}`,
    )
    expect(api.status).toBe(200)
    expect(api.body.based_on).toEqual({
      lars: published.lars,
      organization: source.organisation.name,
      revision: 1,
    })
  })
})

describe('refusals', () => {
  it('401 without login, 400 without a LARS id', async () => {
    expect((await fromTemplate(undefined, { lars: published.lars })).status).toBe(401)
    const missing = await fromTemplate(target.editor.token, {})
    expect(missing.status).toBe(400)
    expect(missing.body.errors?.[0].code).toBe('lars_required')
  })

  it('404 for an unknown or withdrawn description, in the caller’s language', async () => {
    const unknown = await fromTemplate(target.editor.token, { lars: '11111115' }, 'en')
    expect(unknown.status).toBe(404)
    expect(unknown.body.errors?.[0].message).toBe(
      'There is no published description with Algorithm ID 11111115. A withdrawn description cannot be a template.',
    )
    const withdrawnSource = await publishedAlgorithm(app.payload, app.url, source, {
      name: 'Ingetrokken voorbeeld',
    })
    const withdrawn = await transition(app.url, source.reviewer.token, withdrawnSource.id, {
      action: 'withdraw',
      expectedState: 'gepubliceerd',
      reason: 'Wordt niet meer gebruikt.',
    })
    expect(withdrawn.status).toBe(200)
    const refused = await fromTemplate(target.editor.token, { lars: withdrawnSource.lars })
    expect(refused.status).toBe(404)
  })

  it('409 for a description of one’s own organisation', async () => {
    const own = await fromTemplate(source.editor.token, { lars: published.lars })
    expect(own.status).toBe(409)
    expect(own.body.errors?.[0].code).toBe('own_organisation')
  })

  it('403 for someone who may not write, 400 when the organisation is ambiguous', async () => {
    const auditor = await createPerson(app.payload, app.url, {
      memberships: [{ organisation: target.organisation.id, role: 'auditor' }],
    })
    const readOnly = await fromTemplate(auditor.token, { lars: published.lars })
    expect(readOnly.status).toBe(403)
    const second = await createOrganisation(app.payload)
    const twoHats = await createPerson(app.payload, app.url, {
      memberships: [
        { organisation: target.organisation.id, role: 'redacteur' },
        { organisation: second.id, role: 'redacteur' },
      ],
    })
    const ambiguous = await fromTemplate(twoHats.token, { lars: published.lars })
    expect(ambiguous.status).toBe(400)
    expect(ambiguous.body.errors?.[0].code).toBe('organisation_required')
    const chosen = await fromTemplate(twoHats.token, {
      lars: published.lars,
      organisation: second.code,
    })
    expect(chosen.status).toBe(201)
    expect((await readAlgorithm(app.payload, chosen.body.id)).organization).toBe(second.id)
    const elsewhere = await fromTemplate(twoHats.token, {
      lars: published.lars,
      organisation: source.organisation.id,
    })
    expect(elsewhere.status).toBe(403)
  })
})
