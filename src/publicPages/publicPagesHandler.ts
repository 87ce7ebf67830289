import { createHash } from 'node:crypto'

import type pg from 'pg'
import type { Payload } from 'payload'
import { createElement, type ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import { poolOf } from '../database/runSql'
import { registerOptionsOf } from '../plugin/registerOptionsOf'
import type { EuRegistration } from '../publicApi/euRegistration'
import { LIST_QUERY_KEYS } from '../publicApi/listQuery'
import type { PublicHistory } from '../publicApi/publicHistory'
import { createPublicApiHandler, type PublicApiHandler } from '../publicApi/publicApiHandler'
import type { PublicOrganisation } from '../publicApi/publicOrganisations'
import { queryRunner, type AlgorithmSummary } from '../publicApi/publicReaders'
import { toPlainText } from '../standard/safeText'
import { publicPagesStylesheet } from './pageStyles'
import { DEFAULT_THEME, resolvePageTheme, type PageTheme } from './pageTheme'
import { findSimilarDescriptions, readThemeSettings } from './publicPagesQueries'
import { readPreview } from './readPreview'
import { DEFAULT_PUBLIC_PAGES_BASE_PATH } from './publicPagesBasePath'
import { slugOf } from './slugOf'
import { DescriptionBody, type DescriptionLinks } from './views/DescriptionPage'
import { Layout, type LayoutProps } from './views/Layout'
import {
  EuRegistrationBody,
  HistoryBody,
  MessageBody,
  OrganisationIntro,
  SearchBody,
  type AlgorithmList,
} from './views/PageViews'

/** Options of {@link createPublicPagesHandler}. */
export interface PublicPagesHandlerOptions {
  payload: Payload
  /**
   * Where the pages are mounted; request paths are read relative to it.
   * @default '/algoritmes'
   */
  basePath?: string
  /**
   * The public API handler the pages read through. Default: one of their own
   * (`createPublicApiHandler({ payload })`), which the pages close with their own close().
   */
  api?: PublicApiHandler
}

/** A Web-standard handler for the public pages, with a way to stop what it keeps open. */
export type PublicPagesHandler = ((request: Request) => Promise<Response>) & {
  close: () => Promise<void>
}

const HTML = 'text/html; charset=utf-8'
/**
 * Pages are checked again on every visit (they are made from the API's cache): a publication or a
 * new theme shows on the next page view, as in the API.
 */
const PAGE_CACHE = 'no-cache'
const LARS = /^\d{8}$/
const CODE = /^[a-z0-9][a-z0-9-]{0,39}$/
const ALLOWED_LIST_KEYS = new Set<string>(LIST_QUERY_KEYS.filter((key) => key !== 'pageSize'))

/** The small script that fills the search box's suggestions; the page works without it. */
const SUGGEST_SCRIPT = `(function(){var i=document.querySelector('input[data-suggest]');if(!i||!window.fetch)return;var l=document.getElementById(i.getAttribute('list'));var t;i.addEventListener('input',function(){clearTimeout(t);var q=i.value.trim();if(q.length<3)return;t=setTimeout(function(){fetch(i.getAttribute('data-suggest')+'?q='+encodeURIComponent(q)).then(function(r){return r.ok?r.json():[]}).then(function(s){l.textContent='';s.forEach(function(n){var o=document.createElement('option');o.value=n;l.appendChild(o)})}).catch(function(){})},200)})})();`

interface ApiAnswer<T> {
  status: number
  body: T | undefined
  problem?: { detail?: string; withdrawnAt?: string }
}

/**
 * The register's public pages as one Web-standard handler (Request → Response): search with
 * facets and paging, each description in the standard's order with its history, similar
 * descriptions and (for high-risk AI) its EU registration, each organisation's page and an
 * embeddable list, a sitemap and one stylesheet. Every value comes from the public API handler
 * (published content only); the only other reads are the similarity query on the public
 * projection and the organisations' theme settings.
 */
export function createPublicPagesHandler(options: PublicPagesHandlerOptions): PublicPagesHandler {
  const { payload } = options
  const basePath = (options.basePath ?? DEFAULT_PUBLIC_PAGES_BASE_PATH).replace(/\/+$/, '')
  const ownApi = options.api ? undefined : createPublicApiHandler({ payload })
  const api = options.api ?? (ownApi as PublicApiHandler)
  const run = queryRunner(poolOf(payload) as unknown as pg.Pool)
  const serverUrl = registerOptionsOf(payload).serverUrl
  const stylesheet = publicPagesStylesheet()
  const stylesheetPath = `${basePath}/stijl.${stylesheet.hash}.css`
  const scriptHash = createHash('sha256').update(SUGGEST_SCRIPT).digest('hex').slice(0, 12)
  const scriptPath = `${basePath}/zoeken.${scriptHash}.js`

  const apiGet = async <T>(path: string): Promise<ApiAnswer<T>> => {
    const response = await api(
      new Request(`http://register.internal/register/v1${path}`, {
        headers: { 'accept-language': 'nl' },
      }),
    )
    const json = (await response.json()) as unknown
    if (response.status === 200) return { status: 200, body: json as T }
    return { status: response.status, body: undefined, problem: json as ApiAnswer<T>['problem'] }
  }

  const descriptionPath = (lars: string, name: string) =>
    `${basePath}/algoritme/${lars}/${slugOf(name)}`
  const organisationPath = (code: string) => `${basePath}/organisaties/${encodeURIComponent(code)}`

  const themeOf = async (code: string | undefined, name?: string): Promise<PageTheme> => {
    if (!code) return DEFAULT_THEME
    const settings = await readThemeSettings(run, code)
    return settings ? resolvePageTheme({ ...settings, organisationName: name }) : DEFAULT_THEME
  }

  const page = (
    status: number,
    layout: Omit<LayoutProps, 'children' | 'basePath' | 'stylesheet'>,
    body: ReactElement,
    headers: Record<string, string> = {},
  ): Response => {
    const html = `<!DOCTYPE html>${renderToStaticMarkup(
      createElement(Layout, { ...layout, basePath, stylesheet: stylesheetPath, children: body }),
    )}`
    return new Response(html, {
      status,
      headers: {
        'Content-Type': HTML,
        'Cache-Control': status === 200 ? PAGE_CACHE : 'no-store',
        'Content-Language': 'nl',
        ...headers,
      },
    })
  }

  const message = (status: number, heading: string, text: string, theme = DEFAULT_THEME) =>
    page(
      status,
      { title: `${heading} – Algoritmeregister`, description: text, theme, noIndex: true },
      createElement(MessageBody, { heading, text, homeHref: basePath }),
    )

  const problemPage = (answer: ApiAnswer<unknown>, theme?: PageTheme): Response => {
    if (answer.status === 410) {
      const date = answer.problem?.withdrawnAt?.slice(0, 10)
      return message(
        410,
        'Deze beschrijving is ingetrokken',
        `De organisatie heeft de publicatie van deze beschrijving${date ? ` op ${date}` : ''} ingetrokken. Het algoritme staat daarom niet meer in het register.`,
        theme,
      )
    }
    if (answer.status === 404) {
      return message(
        404,
        'Pagina niet gevonden',
        answer.problem?.detail ?? 'Deze pagina bestaat niet.',
        theme,
      )
    }
    if (answer.status === 400) {
      return message(400, 'Deze zoekvraag klopt niet', answer.problem?.detail ?? '', theme)
    }
    return message(
      answer.status >= 500 ? 503 : answer.status,
      'Tijdelijk niet beschikbaar',
      'Het register is even niet bereikbaar. Probeer het over een paar seconden opnieuw.',
      theme,
    )
  }

  /** The search parameters the pages pass on: the API's list filters, nothing else. */
  const listQuery = (query: URLSearchParams, organisation?: string): URLSearchParams => {
    const result = new URLSearchParams()
    for (const [key, value] of query) {
      if (ALLOWED_LIST_KEYS.has(key) && value.trim() !== '') result.append(key, value)
    }
    if (organisation) {
      result.delete('organisation')
      result.set('organisation', organisation)
    }
    return result
  }

  const listHref =
    (action: string, query: URLSearchParams, organisationPage = false) =>
    (pageNumber: number) => {
      const copy = new URLSearchParams(query)
      // On an organisation's own page the organisation is in the address already.
      if (organisationPage) copy.delete('organisation')
      if (pageNumber > 1) copy.set('page', String(pageNumber))
      else copy.delete('page')
      const text = copy.toString()
      return text ? `${action}?${text}` : action
    }

  const searchPage = async (query: URLSearchParams): Promise<Response> => {
    const apiQuery = listQuery(query)
    const answer = await apiGet<AlgorithmList>(`/algorithms?${apiQuery.toString()}`)
    if (!answer.body) {
      if (answer.status !== 400) return problemPage(answer)
      const fallback = await apiGet<AlgorithmList>('/algorithms')
      if (!fallback.body) return problemPage(fallback)
      return page(
        400,
        {
          title: 'Algoritmes zoeken – Algoritmeregister',
          description: 'Zoek in de algoritmes.',
          theme: DEFAULT_THEME,
          noIndex: true,
        },
        createElement(SearchBody, {
          action: basePath,
          query: new URLSearchParams(),
          list: fallback.body,
          href: (item: AlgorithmSummary) => descriptionPath(item.lars, item.name),
          pageHref: listHref(basePath, new URLSearchParams()),
          heading: 'Algoritmes zoeken',
          error: `Deze zoekvraag klopt niet: ${answer.problem?.detail ?? ''}`,
        }),
      )
    }
    const filtered = [...apiQuery.keys()].some((key) => key !== 'page')
    return page(
      200,
      {
        title: 'Algoritmes zoeken – Algoritmeregister',
        description: `Zoek in ${answer.body.totalCount} algoritmes die overheden gebruiken: wat ze doen, waarom, en met welke risico's en menselijke controle.`,
        canonical: filtered ? undefined : `${serverUrl}${basePath}`,
        noIndex: filtered,
        theme: DEFAULT_THEME,
        script: scriptPath,
      },
      createElement(SearchBody, {
        action: basePath,
        query: apiQuery,
        list: answer.body,
        href: (item: AlgorithmSummary) => descriptionPath(item.lars, item.name),
        pageHref: listHref(basePath, apiQuery),
        heading: 'Algoritmes zoeken',
        suggestUrl: `${basePath}/suggesties`,
      }),
    )
  }

  const organisationPage = async (
    code: string,
    query: URLSearchParams,
    embedded: boolean,
  ): Promise<Response> => {
    if (!CODE.test(code))
      return message(404, 'Pagina niet gevonden', 'Deze organisatie bestaat niet.')
    const organisation = await apiGet<PublicOrganisation>(`/organisations/${code}`)
    if (!organisation.body) return problemPage(organisation)
    const org = organisation.body
    const theme = await themeOf(code, org.name)
    const apiQuery = listQuery(query, code)
    let list = await apiGet<AlgorithmList>(`/algorithms?${apiQuery.toString()}`)
    let error: string | undefined
    if (!list.body && list.status === 400) {
      error = `Deze zoekvraag klopt niet: ${list.problem?.detail ?? ''}`
      list = await apiGet<AlgorithmList>(`/algorithms?organisation=${code}`)
    }
    if (!list.body) return problemPage(list, theme)
    const action = `${organisationPath(code)}${embedded ? '/insluiten' : ''}`
    const filtered = [...apiQuery.keys()].some((key) => key !== 'organisation' && key !== 'page')
    const body = createElement(
      'div',
      null,
      embedded ? null : createElement(OrganisationIntro, { organisation: org }),
      createElement(SearchBody, {
        action,
        query: apiQuery,
        list: list.body,
        href: (item: AlgorithmSummary) => descriptionPath(item.lars, item.name),
        pageHref: listHref(action, apiQuery, true),
        heading: `Algoritmes van ${org.name}`,
        hideFacets: ['organisation', 'organisationType'],
        error,
      }),
    )
    return page(
      error ? 400 : 200,
      {
        title: `Algoritmes van ${org.name} – Algoritmeregister`,
        description: `${org.name} publiceert ${org.algorithmCount} algoritmes: wat ze doen, waarom, en met welke risico's en menselijke controle.`,
        canonical: embedded || filtered ? undefined : `${serverUrl}${organisationPath(code)}`,
        noIndex: embedded || filtered,
        theme,
        organisation: { name: org.name, code },
        embedded,
      },
      body,
      // Embedding on the organisation's own website is the point of this page.
      embedded ? { 'Content-Security-Policy': 'frame-ancestors *' } : {},
    )
  }

  const descriptionLinks = (
    lars: string,
    name: string,
    code: string,
    detail: Record<string, unknown>,
  ): DescriptionLinks => {
    const self = descriptionPath(lars, name)
    return {
      self,
      history: `${self}/geschiedenis`,
      euRegistration: `${self}/eu-registratie`,
      organisation: organisationPath(code),
      national: nationalRegisterLink(detail),
    }
  }

  const descriptionPage = async (
    lars: string,
    slug: string | undefined,
    part: string | undefined,
  ): Promise<Response> => {
    const detailAnswer = await apiGet<Record<string, unknown>>(`/algorithms/${lars}`)
    if (!detailAnswer.body) return problemPage(detailAnswer)
    const detail = detailAnswer.body
    const name = toPlainText(detail.name)
    const code = String(detail.organisationCode)
    const links = descriptionLinks(lars, name, code, detail)
    const canonicalSlug = slugOf(name)
    if (slug !== canonicalSlug) {
      return new Response(null, {
        status: 301,
        headers: {
          Location: `${links.self}${part ? `/${part}` : ''}`,
          'Cache-Control': PAGE_CACHE,
        },
      })
    }
    const organisationName = toPlainText(detail.organization)
    const theme = await themeOf(code, organisationName)
    const organisation = { name: organisationName, code }
    if (part === 'geschiedenis') {
      const history = await apiGet<PublicHistory>(`/algorithms/${lars}/history`)
      if (!history.body) return problemPage(history, theme)
      return page(
        200,
        {
          title: `Geschiedenis: ${name} – ${organisationName}`,
          description: `Alle gepubliceerde versies van ‘${name}’ van ${organisationName}, met wat er veranderde.`,
          canonical: `${serverUrl}${links.history}`,
          theme,
          organisation,
        },
        createElement(HistoryBody, { history: history.body, descriptionHref: links.self }),
      )
    }
    if (part === 'eu-registratie') {
      const registration = await apiGet<EuRegistration>(`/algorithms/${lars}/eu-registration`)
      if (!registration.body) return problemPage(registration, theme)
      return page(
        200,
        {
          title: `EU-registratie: ${name} – ${organisationName}`,
          description: `De registratie van het hoog-risico AI-systeem ‘${name}’ van ${organisationName} volgens de AI-verordening.`,
          canonical: `${serverUrl}${links.euRegistration}`,
          theme,
          organisation,
        },
        createElement(EuRegistrationBody, {
          registration: registration.body,
          descriptionHref: links.self,
        }),
      )
    }
    const similar = await findSimilarDescriptions(run, lars)
    return page(
      200,
      {
        title: `${name} – ${organisationName}`,
        description: toPlainText(detail.description_short).slice(0, 300),
        canonical: `${serverUrl}${links.self}`,
        theme,
        organisation,
      },
      createElement(DescriptionBody, {
        record: detail,
        links,
        similar,
        similarHref: (item) => descriptionPath(item.lars, item.name),
        updatedAt: String(detail.updatedAt),
      }),
    )
  }

  const previewPage = async (token: string, headers: Headers): Promise<Response> => {
    const privateHeaders = {
      'Cache-Control': 'private, no-store',
      'Referrer-Policy': 'no-referrer',
    }
    const preview = await readPreview(payload, token, headers)
    if (!preview.ok) {
      const response = message(preview.status, 'Voorbeeld niet beschikbaar', preview.reason)
      response.headers.set('Referrer-Policy', 'no-referrer')
      return response
    }
    const record = preview.record
    const name = toPlainText(record.name)
    const organisationName = toPlainText(record.organization)
    const theme = await themeOf(preview.organisationCode, organisationName)
    const links = descriptionLinks(preview.lars, name, preview.organisationCode, {})
    return page(
      200,
      {
        title: `Voorbeeld: ${name} – ${organisationName}`,
        description: toPlainText(record.description_short).slice(0, 300),
        theme,
        organisation: { name: organisationName, code: preview.organisationCode },
        noIndex: true,
      },
      createElement(DescriptionBody, {
        record,
        links,
        similar: [],
        similarHref: () => '',
        updatedAt: '',
        preview: true,
      }),
      privateHeaders,
    )
  }

  const sitemap = async (): Promise<Response> => {
    const urls: Array<{ loc: string; lastmod?: string }> = [{ loc: `${serverUrl}${basePath}` }]
    const organisations = await apiGet<{ results: Array<{ code: string; lastUpdatedAt: string }> }>(
      '/organisations',
    )
    for (const organisation of organisations.body?.results ?? []) {
      urls.push({
        loc: `${serverUrl}${organisationPath(organisation.code)}`,
        lastmod: organisation.lastUpdatedAt,
      })
    }
    for (let pageNumber = 1; pageNumber <= 500; pageNumber += 1) {
      const list = await apiGet<AlgorithmList>(`/algorithms?pageSize=100&page=${pageNumber}`)
      if (!list.body) break
      for (const item of list.body.results) {
        urls.push({
          loc: `${serverUrl}${descriptionPath(item.lars, item.name)}`,
          lastmod: item.updatedAt,
        })
      }
      if (pageNumber >= list.body.pageCount) break
    }
    const xml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
      .map(
        (url) =>
          `<url><loc>${xml(url.loc)}</loc>${url.lastmod ? `<lastmod>${xml(url.lastmod)}</lastmod>` : ''}</url>`,
      )
      .join('\n')}\n</urlset>\n`
    return new Response(body, {
      headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': PAGE_CACHE },
    })
  }

  const suggestions = async (query: URLSearchParams): Promise<Response> => {
    const q = (query.get('q') ?? '').trim().slice(0, 100)
    let names: string[] = []
    if (q.length >= 2) {
      const list = await apiGet<AlgorithmList>(
        `/algorithms?${new URLSearchParams({ q, pageSize: '8' })}`,
      )
      names = [...new Set((list.body?.results ?? []).map((item) => item.name))]
    }
    return new Response(JSON.stringify(names), {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'public, max-age=60',
      },
    })
  }

  const handler = async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Alleen lezen: gebruik GET.', {
        status: 405,
        headers: { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' },
      })
    }
    const url = new URL(request.url)
    const path = url.pathname.startsWith(basePath)
      ? url.pathname.slice(basePath.length)
      : url.pathname
    const segments = path
      .split('/')
      .filter(Boolean)
      .map((segment) => {
        try {
          return decodeURIComponent(segment)
        } catch (_error) {
          return ''
        }
      })
    const response = await route(segments, url.searchParams, request.headers)
    return request.method === 'HEAD' ? new Response(null, response) : response
  }

  const route = async (
    segments: string[],
    query: URLSearchParams,
    headers: Headers,
  ): Promise<Response> => {
    const [first, second, third, fourth] = segments
    if (segments.length === 0) return searchPage(query)
    if (segments.length === 1 && first === `stijl.${stylesheet.hash}.css`) {
      return new Response(stylesheet.css, {
        headers: {
          'Content-Type': 'text/css; charset=utf-8',
          'Cache-Control': 'public, max-age=31536000, immutable',
        },
      })
    }
    if (segments.length === 1 && first === `zoeken.${scriptHash}.js`) {
      return new Response(SUGGEST_SCRIPT, {
        headers: {
          'Content-Type': 'text/javascript; charset=utf-8',
          'Cache-Control': 'public, max-age=31536000, immutable',
        },
      })
    }
    if (segments.length === 2 && first === 'voorbeeld' && second)
      return previewPage(second, headers)
    if (segments.length === 1 && first === 'sitemap.xml') return sitemap()
    if (segments.length === 1 && first === 'suggesties') return suggestions(query)
    if (first === 'algoritme' && second && LARS.test(second) && segments.length <= 4) {
      if (fourth !== undefined && fourth !== 'geschiedenis' && fourth !== 'eu-registratie') {
        return message(404, 'Pagina niet gevonden', 'Deze pagina bestaat niet.')
      }
      return descriptionPage(second, third, fourth)
    }
    if (first === 'organisaties' && second && segments.length <= 3) {
      if (third !== undefined && third !== 'insluiten') {
        return message(404, 'Pagina niet gevonden', 'Deze pagina bestaat niet.')
      }
      return organisationPage(second, query, third === 'insluiten')
    }
    return message(
      404,
      'Pagina niet gevonden',
      'Deze pagina bestaat niet. Zoek hieronder in alle algoritmes.',
    )
  }

  const safeHandler = async (request: Request): Promise<Response> => {
    try {
      return await handler(request)
    } catch (error) {
      payload.logger.error({ err: error }, 'Public page failed')
      return message(
        500,
        'Er ging iets mis',
        'Deze pagina kon niet worden gemaakt. Probeer het later opnieuw.',
      )
    }
  }

  return Object.assign(safeHandler, {
    close: async () => {
      await ownApi?.close()
    },
  })
}

/**
 * The description's entry in the national Algoritmeregister, once the national register has
 * it: read from the public record (`national_register.lars` or a `nationalRegisterUrl` on the
 * national register's own site); null until then.
 */
export function nationalRegisterLink(detail: Record<string, unknown>): string | null {
  const url = detail.nationalRegisterUrl
  if (typeof url === 'string' && /^https:\/\/algoritmes\.overheid\.nl\//.test(url)) return url
  const national = detail.national_register as { lars?: unknown } | undefined
  if (national && typeof national.lars === 'string' && LARS.test(national.lars)) {
    return `https://algoritmes.overheid.nl/nl/algoritme/${national.lars}`
  }
  return null
}
