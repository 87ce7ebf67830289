import { randomBytes } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres'

import type { Algorithm } from '../../../payload-types'
import { createPreviewToken, previewKey } from '../../../src/publicPages/previewToken'
import { slugOf } from '../../../src/publicPages/slugOf'
import { rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { draftAlgorithm, query, transition, type WorkflowTeam } from '../../support/workflowHelpers'
import { createTeam, html, publish, withdraw } from '../publicApi/publicApiFixtures'

/** Lower case letters and digits, so it fits in names, e-mail addresses and links. */
const SENTINEL = `zqpagina${randomBytes(5).toString('hex')}`
const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"`

const INTERNAL = {
  internal_notes: `Notitie ${SENTINEL}`,
  internal_owner: `Eigenaar ${SENTINEL}`,
  internal_contact: `Contact ${SENTINEL}`,
  publication_category_rationale: `Reden ${SENTINEL}`,
}

function everyField(tag: string): Record<string, unknown> {
  const words = `${tag} ${SENTINEL}`
  const link = (part: string) => `https://${SENTINEL}.example/${part}`
  const links = [{ title: words, link: link(tag) }]
  return {
    name: words,
    description_short: `Een korte tekst ${words}.`,
    contact_email: `${SENTINEL}@kwelder.example`,
    website: link('website'),
    goal: html(`<p>Doel ${words}</p>`),
    risks: html(`<p>Risico ${words}</p>`),
    lawful_basis_grouping: links,
    provider: words,
    tags: words,
    ...INTERNAL,
  }
}

let app: TestApp
let team: WorkflowTeam
let otherTeam: WorkflowTeam
let parking: Algorithm
let otherParking: Algorithm
let highRisk: Algorithm
let underReview: Algorithm
let draft: Algorithm
let withdrawn: Algorithm
let base: string

beforeAll(async () => {
  app = await testApp()
  base = `${app.url}/algoritmes`
  team = await createTeam(app.payload, app.url, { name: 'Gemeente Paginastad' })
  otherTeam = await createTeam(app.payload, app.url, { name: 'Gemeente Anderdorp' })
  parking = await publish(app.payload, app.url, team, {
    name: 'Parkeervergunningen toekennen',
    description_short: 'Een programma kijkt of u met een parkeervergunning mag parkeren.',
    category: ['Verkeer'],
    ...INTERNAL,
  })
  otherParking = await publish(app.payload, app.url, otherTeam, {
    name: 'Parkeerboetes controleren',
    description_short:
      'Een programma helpt bij het controleren van parkeren en parkeervergunningen.',
    category: ['Verkeer'],
  })
  highRisk = await publish(app.payload, app.url, team, {
    name: 'Leerlingenvervoer plannen',
    publication_category: 'Hoog-risico AI-systeem',
    eu_database_url: 'https://eu-database.example/systems/55',
    fria_summary: 'Samenvatting van de beoordeling.',
    ...INTERNAL,
  })
  // Published, then edited with the sentinel everywhere and submitted: under review.
  underReview = await publish(app.payload, app.url, team, { name: 'Subsidie beoordelen' })
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
  draft = await draftAlgorithm(app.payload, team, everyField('concept'))
  withdrawn = await publish(app.payload, app.url, team, { name: 'Oude wachtlijst', ...INTERNAL })
  await withdraw(app.url, team, withdrawn.id, `Intrekken ${SENTINEL}`)
})

afterAll(async () => {
  await closeTestApp()
})

async function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(`${base}${path}`, { headers, redirect: 'manual' })
  return { status: response.status, text: await response.text(), headers: response.headers }
}

const descriptionPath = (algorithm: Algorithm, name: string) =>
  `/algoritme/${algorithm.lars}/${slugOf(name)}`

describe('the public pages', () => {
  it('search with a facet filter and links to descriptions by LARS and slug', async () => {
    const page = await get(`?q=parkeren&theme=Verkeer&organisation=${team.organisation.code}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.text).toContain('<html lang="nl"')
    expect(page.text).toContain(
      `href="/algoritmes${descriptionPath(parking, 'Parkeervergunningen toekennen')}"`,
    )
    expect(page.text).not.toContain('Parkeerboetes controleren')
    expect(page.text).toMatch(/name="theme" checked="" value="Verkeer"/)
  })

  it('shows a description in the standard’s order, with "Veld niet ingevuld" and similar ones from others first', async () => {
    const page = await get(descriptionPath(parking, 'Parkeervergunningen toekennen'))
    expect(page.status).toBe(200)
    const general = page.text.indexOf('Algemene informatie')
    const technical = page.text.indexOf('Werking (technische informatie)')
    expect(general).toBeGreaterThan(0)
    expect(technical).toBeGreaterThan(general)
    expect(page.text).toContain('Veld niet ingevuld')
    expect(page.text).toContain(`<link rel="canonical" href="http://localhost:`)
    expect(page.text).toMatch(
      /<meta name="description" content="Een programma kijkt of u met een parkeervergunning/,
    )
    const similar = page.text.slice(page.text.indexOf('Wat doen anderen?'))
    expect(similar).toContain('Parkeerboetes controleren')
    expect(page.text).not.toContain('<script')
  })

  it('redirects a LARS without or with a wrong slug to the canonical address', async () => {
    const moved = await get(`/algoritme/${parking.lars}/verkeerde-naam`)
    expect(moved.status).toBe(301)
    expect(moved.headers.get('location')).toBe(
      `/algoritmes${descriptionPath(parking, 'Parkeervergunningen toekennen')}`,
    )
  })

  it('answers a withdrawn description with 410 and a clear page', async () => {
    const gone = await get(descriptionPath(withdrawn, 'Oude wachtlijst'))
    expect(gone.status).toBe(410)
    expect(gone.text).toContain('Deze beschrijving is ingetrokken')
    expect(gone.text).not.toContain(SENTINEL)
  })

  it('shows the history, the organisation’s page, the EU record, the embed and the sitemap', async () => {
    const history = await get(
      `${descriptionPath(parking, 'Parkeervergunningen toekennen')}/geschiedenis`,
    )
    expect(history.status).toBe(200)
    expect(history.text).toContain('Versie 1')
    const organisation = await get(`/organisaties/${team.organisation.code}`)
    expect(organisation.status).toBe(200)
    expect(organisation.text).toContain('Algoritmes van Gemeente Paginastad')
    const eu = await get(`${descriptionPath(highRisk, 'Leerlingenvervoer plannen')}/eu-registratie`)
    expect(eu.status).toBe(200)
    expect(eu.text).toContain('https://eu-database.example/systems/55')
    const embed = await get(`/organisaties/${team.organisation.code}/insluiten`)
    expect(embed.status).toBe(200)
    expect(embed.headers.get('content-security-policy')).toBe('frame-ancestors *')
    expect(embed.headers.get('x-frame-options')).toBeNull()
    expect(embed.text).toContain('<base target="_top"/>')
    // Other pages keep the register's framing protection.
    expect(organisation.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    const sitemap = await get('/sitemap.xml')
    expect(sitemap.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    expect(sitemap.text).toContain(descriptionPath(parking, 'Parkeervergunningen toekennen'))
    expect(sitemap.text).not.toContain(String(withdrawn.lars))
  })

  it('serves one cacheable stylesheet, and a description stays under 100 KB with it', async () => {
    const page = await get(descriptionPath(parking, 'Parkeervergunningen toekennen'))
    const href = /<link rel="stylesheet" href="\/algoritmes([^"]+)"/.exec(page.text)?.[1]
    expect(href).toMatch(/^\/stijl\.[0-9a-f]{12}\.css$/)
    const css = await get(String(href))
    expect(css.status).toBe(200)
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(css.text).toContain('.utrecht-heading-1')
    const bytes = Buffer.byteLength(page.text) + Buffer.byteLength(css.text)
    expect(bytes).toBeLessThan(100 * 1024)
  })

  it('never shows a draft, a version under review or an internal value (sentinel scan)', async () => {
    const code = String(team.organisation.code)
    const paths = [
      '',
      `?q=${encodeURIComponent('herzien')}`,
      `?organisation=${code}`,
      `/organisaties/${code}`,
      `/organisaties/${code}/insluiten`,
      '/sitemap.xml',
      `/suggesties?q=herzien`,
    ]
    for (const algorithm of [parking, highRisk, underReview, draft, withdrawn]) {
      const self = `/algoritme/${algorithm.lars}/x`
      paths.push(self, `${self}/geschiedenis`, `${self}/eu-registratie`)
    }
    const leaks: string[] = []
    for (const path of paths) {
      const first = await get(path)
      const page =
        first.status === 301
          ? await get(String(first.headers.get('location')).slice('/algoritmes'.length))
          : first
      if (page.text.includes(SENTINEL)) leaks.push(path)
    }
    expect(paths.length).toBeGreaterThan(15)
    expect(leaks).toEqual([])
    // The scan can fail: the approved version is public, the submitted one is not.
    const current = await get(descriptionPath(underReview, 'Subsidie beoordelen'))
    expect(current.status).toBe(200)
    expect((await get(descriptionPath(draft, String(draft.name)))).status).toBe(404)
  })

  it('escapes hostile text from the projection wherever it is shown', async () => {
    await query(
      app.payload,
      sql`UPDATE public_algorithms SET record = jsonb_set(jsonb_set(record, '{provider}', to_jsonb(${HOSTILE}::text)),
            '{goal}', to_jsonb(${`<p>Doel</p>${HOSTILE}`}::text))
          WHERE lars = ${String(otherParking.lars)}`,
    )
    const { emitPublicChange } = await import('../../../src/publicApi/publicChangeBus')
    emitPublicChange(String(otherParking.lars))
    const page = await get(descriptionPath(otherParking, 'Parkeerboetes controleren'))
    expect(page.status).toBe(200)
    expect(page.text).not.toMatch(/<script>alert|<img|onerror=/)
    expect(page.text).not.toContain('<script')
  })
})

describe('preview links for reviewers', () => {
  const key = () => previewKey(app.payload.secret)
  const token = (expiresAt = Date.now() + 60_000, algorithm = underReview) =>
    createPreviewToken(key(), {
      algorithmId: algorithm.id,
      organisationId: team.organisation.id,
      expiresAt,
    })
  const cookie = (jwt: string) => ({ Authorization: `JWT ${jwt}` })

  it('gives a reviewer of the organisation a link that shows the submitted version', async () => {
    const link = await rest(app.url, 'GET', `/api/algorithms/${underReview.id}/preview-link`, {
      token: team.reviewer.token,
    })
    expect(link.status).toBe(200)
    const url = new URL(String((link.body as { url: string }).url))
    const page = await fetch(`${app.url}${url.pathname}`, { headers: cookie(team.reviewer.token) })
    const text = await page.text()
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('private, no-store')
    expect(text).toContain('Voorbeeld.')
    expect(text).toContain(`herzien ${SENTINEL}`)
    // Internal fields are never part of a public record, not even in a preview.
    expect(text).not.toContain(`Notitie ${SENTINEL}`)
    expect(text).not.toContain(`Eigenaar ${SENTINEL}`)
  })

  it('refuses a reviewer of another organisation, an editor and an anonymous reader', async () => {
    const path = `/voorbeeld/${token()}`
    const other = await get(path, cookie(otherTeam.reviewer.token))
    expect(other.status).toBe(403)
    expect(other.text).not.toContain(SENTINEL)
    expect((await get(path, cookie(team.editor.token))).status).toBe(403)
    expect((await get(path)).status).toBe(401)
    const link = await rest(app.url, 'GET', `/api/algorithms/${underReview.id}/preview-link`, {
      token: otherTeam.reviewer.token,
    })
    expect(link.status).not.toBe(200)
    const byEditor = await rest(app.url, 'GET', `/api/algorithms/${underReview.id}/preview-link`, {
      token: team.editor.token,
    })
    expect(byEditor.status).toBe(403)
  })

  it('refuses an expired or tampered link', async () => {
    const expired = await get(`/voorbeeld/${token(Date.now() - 1000)}`, cookie(team.reviewer.token))
    expect(expired.status).toBe(403)
    expect(expired.text).toContain('verlopen')
    const valid = token()
    const [algorithmId, organisationId, expiresAt, signature] = valid.split('.')
    const longer = `${algorithmId}.${organisationId}.${Number(expiresAt) + 1000}.${signature}`
    const tampered = await get(`/voorbeeld/${longer}`, cookie(team.reviewer.token))
    expect(tampered.status).toBe(403)
    expect(tampered.text).toContain('klopt niet')
    const otherAlgorithm = `${draft.id}.${organisationId}.${expiresAt}.${signature}`
    expect((await get(`/voorbeeld/${otherAlgorithm}`, cookie(team.reviewer.token))).status).toBe(
      403,
    )
  })

  it('shows nothing for a version that is not waiting for review', async () => {
    const page = await get(
      `/voorbeeld/${token(Date.now() + 60_000, parking)}`,
      cookie(team.reviewer.token),
    )
    expect(page.status).toBe(409)
  })
})

describe('the theme an organisation sets', () => {
  it('changes the colour of its pages and refuses a colour too light to read', async () => {
    const tooLight = await rest(app.url, 'PATCH', `/api/organisations/${team.organisation.id}`, {
      token: team.admin.token,
      body: { publicTheme: { primaryColour: '#ffff00' } },
    })
    expect(tooLight.status).toBe(400)
    expect(JSON.stringify(tooLight.body)).toContain('Hoofdkleur #ffff00 is te licht')
    const saved = await rest(app.url, 'PATCH', `/api/organisations/${team.organisation.id}`, {
      token: team.admin.token,
      body: { publicTheme: { primaryColour: '#7a1f5c', font: 'verdana' } },
    })
    expect(saved.status).toBe(200)
    const page = await get(`/organisaties/${team.organisation.code}`)
    expect(page.text).toContain('--register-primary:#7a1f5c')
    expect(page.text).toContain('Verdana')
    const elsewhere = await get(`/organisaties/${otherTeam.organisation.code}`)
    expect(elsewhere.text).not.toContain('#7a1f5c')
  })
})
