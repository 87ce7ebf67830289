import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'

import { logIn } from '../adminPage'
import { apiToken } from '../registerApi'

const PASSWORD = 'demo-wachtwoord'
/** Lower case letters and digits: fits in names, links and e-mail addresses. */
const SENTINEL = `zqe2egeheim${Date.now().toString(36)}`
const THEME_COLOUR = '#7a1f5c'

interface Context {
  browser: Browser
  baseUrl: string
  outputDir: string
  log: (line: string) => void
}

async function api(
  baseUrl: string,
  token: string,
  method: string,
  pathname: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}${pathname}`, {
    method,
    headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${pathname}: HTTP ${response.status} ${text}`)
  return JSON.parse(text) as Record<string, unknown>
}

const richText = (text: string) => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: null,
    children: [
      {
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: null,
        textFormat: 0,
        children: [
          { type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 },
        ],
      },
    ],
  },
})

function description(organisation: number, name: string, short: string, extra = {}) {
  return {
    name,
    organization: organisation,
    description_short: short,
    category: ['Verkeer'],
    status: 'In gebruik',
    begin_date: '2022-01',
    contact_email: 'algoritmes@example.nl',
    publication_category: 'Overige algoritmes',
    goal: richText('Aanvragen snel en op dezelfde manier behandelen.'),
    human_intervention: richText('Een medewerker bekijkt elke afwijzing.'),
    risks: richText('Een adres kan verkeerd in de registratie staan.'),
    lawful_basis_grouping: [
      { title: 'Wegenverkeerswet 1994', link: 'https://wetten.overheid.nl/BWBR0006622' },
    ],
    ...extra,
  }
}

async function organisationId(baseUrl: string, token: string, code: string): Promise<number> {
  const found = await api(
    baseUrl,
    token,
    'GET',
    `/api/organisations?where[code][equals]=${code}&depth=0`,
  )
  return (found.docs as Array<{ id: number }>)[0].id
}

async function publishAs(
  baseUrl: string,
  writer: string,
  approver: string,
  data: Record<string, unknown>,
): Promise<{ id: number; lars: string }> {
  const created = (await api(baseUrl, writer, 'POST', '/api/algorithms', data)).doc as {
    id: number
    lars: string
  }
  await api(baseUrl, writer, 'POST', `/api/algorithms/${created.id}/transition`, {
    action: 'submit',
    expectedState: 'concept',
  })
  await api(baseUrl, approver, 'POST', `/api/algorithms/${created.id}/transition`, {
    action: 'approve',
    expectedState: 'ter_beoordeling',
  })
  return created
}

/** axe-core in the page: WCAG 2.0/2.1 A and AA rules; returns the violations. */
async function axe(page: Page): Promise<Array<{ id: string; help: string; nodes: unknown[] }>> {
  const require = createRequire(import.meta.url)
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
  await page.addScriptTag({ content: source })
  return page.evaluate(async () => {
    const runner = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe
    const result = (await runner.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as { violations: Array<{ id: string; help: string; nodes: unknown[] }> }
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3) }))
  })
}

/**
 * The citizen's path through the public pages, without JavaScript: search "parkeren", filter on
 * a theme, open a description, its history, a similar one from another organisation. Then every
 * page type through axe-core (0 violations), the size of a description page, a withdrawn one
 * (410), a sentinel scan of every page, and a theme set in the admin changing the colours.
 */
export async function runPublicPagesJourney(context: Context): Promise<string[]> {
  const { browser, baseUrl, outputDir, log } = context
  const shots: string[] = []
  const shoot = async (page: Page, name: string) => {
    const file = path.join(outputDir, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`)
    await page.screenshot({ path: file, fullPage: true })
    shots.push(file)
  }

  log('gegevens klaarzetten: beschrijvingen in twee organisaties, een concept, een intrekking')
  const editor = await apiToken(baseUrl, 'redacteur@noorderhaaks.example', PASSWORD)
  const reviewer = await apiToken(baseUrl, 'goedkeurder@noorderhaaks.example', PASSWORD)
  const provinceEditor = await apiToken(baseUrl, 'redacteur@zuiderzeekust.example', PASSWORD)
  const platform = await apiToken(baseUrl, 'platform@algoritmeregister.example', PASSWORD)
  const noorderhaaks = await organisationId(baseUrl, editor, 'gm9901')
  const zuiderzeekust = await organisationId(baseUrl, provinceEditor, 'pv98')
  const residents = await publishAs(
    baseUrl,
    editor,
    reviewer,
    description(
      noorderhaaks,
      'Parkeren voor bewoners controleren',
      'Een programma kijkt of bewoners met een parkeervergunning in hun eigen zone parkeren.',
    ),
  )
  const province = await publishAs(
    baseUrl,
    provinceEditor,
    platform,
    description(
      zuiderzeekust,
      'Parkeren bij provinciale gebouwen',
      'Een programma verdeelt parkeerplaatsen en parkeervergunningen voor bezoekers van provinciale gebouwen.',
    ),
  )
  const highRisk = await publishAs(
    baseUrl,
    editor,
    reviewer,
    description(
      noorderhaaks,
      'Fraude bij parkeervergunningen opsporen',
      'Een AI-systeem wijst aanvragen aan die een medewerker extra controleert.',
      {
        publication_category: 'Hoog-risico AI-systeem',
        eu_database_url: 'https://eu-database.example/systems/12',
        fria_summary: 'De beoordeling vond geen onevenredige gevolgen.',
      },
    ),
  )
  const withdrawn = await publishAs(
    baseUrl,
    editor,
    reviewer,
    description(noorderhaaks, 'Oude parkeerkaart', 'Een programma dat niet meer wordt gebruikt.'),
  )
  await api(baseUrl, reviewer, 'POST', `/api/algorithms/${withdrawn.id}/transition`, {
    action: 'withdraw',
    expectedState: 'gepubliceerd',
    reason: `Niet meer in gebruik ${SENTINEL}`,
  })
  // The sentinel in a never-published draft, and in a new working version and internal notes
  // of a published description: none of it may appear on a public page.
  await api(baseUrl, editor, 'POST', '/api/algorithms', {
    ...description(noorderhaaks, `Concept ${SENTINEL}`, `Geheim concept ${SENTINEL}`),
    internal_notes: `Notitie ${SENTINEL}`,
  })
  await api(baseUrl, provinceEditor, 'PATCH', `/api/algorithms/${province.id}`, {
    description_short: `Nieuwe tekst ${SENTINEL}`,
    internal_notes: `Notitie ${SENTINEL}`,
    internal_owner: `Eigenaar ${SENTINEL}`,
  })

  log('de route van een inwoner, zonder JavaScript')
  const noScript = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-NL' })
  const page = await noScript.newPage()
  await page.goto(`${baseUrl}/algoritmes`)
  await page.getByLabel('Zoek een algoritme').fill('parkeren')
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click()
  await page.waitForURL(/q=parkeren/)
  await shoot(page, 'zoeken-parkeren')
  await page
    .getByRole('group', { name: 'Thema' })
    .getByLabel(/Verkeer/)
    .check()
  await page.getByRole('button', { name: 'Filters toepassen' }).click()
  await page.waitForURL(/theme=Verkeer/)
  await shoot(page, 'filter-thema-verkeer')
  await page.getByRole('link', { name: 'Parkeren voor bewoners controleren' }).click()
  await page
    .getByRole('heading', { level: 1, name: 'Parkeren voor bewoners controleren' })
    .waitFor()
  const descriptionUrl = page.url()
  if (!/\/algoritmes\/algoritme\/\d{8}\/parkeren-voor-bewoners-controleren$/.test(descriptionUrl)) {
    throw new Error(`onverwacht adres van de beschrijving: ${descriptionUrl}`)
  }
  await shoot(page, 'beschrijving')
  await page.getByRole('link', { name: 'Geschiedenis van deze beschrijving' }).click()
  await page.getByRole('heading', { level: 1, name: /^Geschiedenis/ }).waitFor()
  await shoot(page, 'geschiedenis')
  await page.goBack()
  const others = page.locator('section[aria-labelledby="sectie-anderen"]')
  const firstOther = others.getByRole('link').first()
  const otherName = await firstOther.textContent()
  if (otherName !== 'Parkeren bij provinciale gebouwen') {
    throw new Error(`"Wat doen anderen?" begint niet met de andere organisatie: ${otherName}`)
  }
  await firstOther.click()
  await page.getByRole('heading', { level: 1, name: 'Parkeren bij provinciale gebouwen' }).waitFor()
  await shoot(page, 'vergelijkbaar-andere-organisatie')

  log('een ingetrokken beschrijving: 410 met een duidelijke pagina')
  const gone = await page.goto(
    `${baseUrl}/algoritmes/algoritme/${withdrawn.lars}/oude-parkeerkaart`,
  )
  if (gone?.status() !== 410) throw new Error(`ingetrokken: status ${gone?.status()}, niet 410`)
  await page.getByRole('heading', { name: 'Deze beschrijving is ingetrokken' }).waitFor()
  await shoot(page, 'ingetrokken-410')
  await noScript.close()

  log('axe-core op elk soort pagina (WCAG 2.1 AA)')
  const pageTypes: Array<[string, string]> = [
    ['zoeken', '/algoritmes?q=parkeren&theme=Verkeer'],
    ['beschrijving', `/algoritmes/algoritme/${residents.lars}/parkeren-voor-bewoners-controleren`],
    [
      'geschiedenis',
      `/algoritmes/algoritme/${residents.lars}/parkeren-voor-bewoners-controleren/geschiedenis`,
    ],
    ['organisatie', '/algoritmes/organisaties/gm9901'],
    [
      'eu-registratie',
      `/algoritmes/algoritme/${highRisk.lars}/fraude-bij-parkeervergunningen-opsporen/eu-registratie`,
    ],
    ['insluiten', '/algoritmes/organisaties/gm9901/insluiten'],
    ['ingetrokken', `/algoritmes/algoritme/${withdrawn.lars}/oude-parkeerkaart`],
    ['niet-gevonden', '/algoritmes/bestaat-niet'],
  ]
  const withScript = await browser.newContext({ locale: 'nl-NL' })
  const checker = await withScript.newPage()
  const failures: string[] = []
  for (const [name, pathname] of pageTypes) {
    await checker.goto(`${baseUrl}${pathname}`)
    const violations = await axe(checker)
    log(`  axe ${name}: ${violations.length} overtredingen`)
    for (const violation of violations) {
      failures.push(
        `${name}: ${violation.id} (${violation.help}) ${JSON.stringify(violation.nodes)}`,
      )
    }
    // Keyboard: the first Tab reaches the skip link, and it shows.
    await checker.keyboard.press('Tab')
    const focused = await checker.evaluate(() => {
      const element = document.activeElement as HTMLElement | null
      if (!element) return null
      const style = getComputedStyle(element)
      return {
        text: element.textContent,
        outline: style.outlineStyle,
        top: element.getBoundingClientRect().top,
      }
    })
    if (focused?.text !== 'Naar de inhoud' || focused.outline === 'none' || focused.top < 0) {
      failures.push(
        `${name}: de eerste Tab komt niet zichtbaar op de link "Naar de inhoud" (${JSON.stringify(focused)})`,
      )
    }
  }
  if (failures.length > 0) throw new Error(`toegankelijkheid:\n${failures.join('\n')}`)

  log('grootte van een beschrijving: HTML + CSS onder 100 KB, geen script')
  const html = await (await fetch(`${baseUrl}${pageTypes[1][1]}`)).text()
  const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1]
  const css = await (await fetch(`${baseUrl}${stylesheet}`)).text()
  const bytes = Buffer.byteLength(html) + Buffer.byteLength(css)
  log(
    `  beschrijving: ${Buffer.byteLength(html)} B HTML + ${Buffer.byteLength(css)} B CSS = ${(bytes / 1024).toFixed(1)} KB`,
  )
  if (bytes >= 100 * 1024) throw new Error(`beschrijving is ${bytes} bytes, niet onder 100 KB`)
  if (/<script/i.test(html)) throw new Error('de beschrijving bevat een script')

  log('sentinelscan over elke pagina')
  const sitemap = await (await fetch(`${baseUrl}/algoritmes/sitemap.xml`)).text()
  const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname)
  const scanned = new Set<string>([...urls, ...pageTypes.map(([, p]) => p.split('?')[0])])
  for (const url of urls) {
    if (url.includes('/algoritme/')) {
      scanned.add(`${url}/geschiedenis`)
      scanned.add(`${url}/eu-registratie`)
    }
  }
  scanned.add(`/algoritmes?q=${SENTINEL}`)
  scanned.add('/algoritmes/organisaties/pv98')
  scanned.add('/algoritmes/organisaties/pv98/insluiten')
  const leaks: string[] = []
  for (const url of scanned) {
    const response = await fetch(`${baseUrl}${url}`)
    let text = await response.text()
    // The search box repeats what the reader typed; that is not a leak.
    if (url.includes(`q=${SENTINEL}`))
      text = text.split(SENTINEL).length > 4 ? text : text.replaceAll(SENTINEL, '')
    if (text.includes(SENTINEL)) leaks.push(url)
  }
  log(`  ${scanned.size} pagina's gescand, ${leaks.length} lekken`)
  if (leaks.length > 0) throw new Error(`de sentinel staat op: ${leaks.join(', ')}`)

  log('een huisstijl instellen in het beheer verandert de kleuren')
  const admin = await withScript.newPage()
  await logIn(admin, baseUrl, 'beheerder@noorderhaaks.example', PASSWORD)
  await admin.goto(`${baseUrl}/admin/collections/organisations/${noorderhaaks}`)
  await admin.locator('#field-publicTheme__primaryColour').fill(THEME_COLOUR)
  await admin.locator('#register-embed-snippet').waitFor()
  const [saved] = await Promise.all([
    admin.waitForResponse(
      (r) =>
        new URL(r.url()).pathname === `/api/organisations/${noorderhaaks}` &&
        r.request().method() === 'PATCH',
      { timeout: 30_000 },
    ),
    admin.locator('#action-save').click(),
  ])
  if (!saved.ok())
    throw new Error(`huisstijl opslaan mislukte: ${saved.status()} ${await saved.text()}`)
  await admin.locator('#register-embed-snippet').scrollIntoViewIfNeeded()
  await shoot(admin, 'beheer-huisstijl-en-insluitcode')
  const snippet = await admin.locator('#register-embed-snippet').inputValue()
  if (!snippet.includes('/algoritmes/organisaties/gm9901/insluiten')) {
    throw new Error(`insluitcode onverwacht: ${snippet}`)
  }
  await checker.goto(`${baseUrl}/algoritmes/organisaties/gm9901`)
  const header = await checker
    .locator('header')
    .evaluate((element) => getComputedStyle(element).backgroundColor)
  if (header !== 'rgb(122, 31, 92)')
    throw new Error(`kopbalk heeft kleur ${header}, niet ${THEME_COLOUR}`)
  const violations = await axe(checker)
  if (violations.length > 0) throw new Error(`axe met huisstijl: ${JSON.stringify(violations)}`)
  await shoot(checker, 'organisatie-met-huisstijl')
  // The organisation's website: a page on another origin, served by a small local server (a
  // loopback address too, because Chromium does not let a public site frame a local one).
  const website = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(
      `<!DOCTYPE html><html lang="nl"><title>Noorderhaaks</title><body><h1>Website van Noorderhaaks</h1>${snippet}</body></html>`,
    )
  })
  await new Promise<void>((resolve) => website.listen(0, '127.0.0.1', resolve))
  const frame = await withScript.newPage()
  await frame.goto(`http://127.0.0.1:${(website.address() as AddressInfo).port}/`)
  await frame
    .frameLocator('iframe')
    .getByRole('heading', { name: /Algoritmes van/ })
    .waitFor()
  await shoot(frame, 'ingesloten-lijst')
  website.close()
  await withScript.close()
  return shots
}
