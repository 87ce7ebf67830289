import { ORGANISATION_TYPES } from '../organisations/organisationTypes'
import {
  CATEGORY_VALUES,
  PUBLICATION_CATEGORY_VALUES,
  publicationStandard,
  STANDARD_KEYS,
  STATUS_VALUES,
  type StandardKey,
} from '../standard/publicationStandard'
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE,
  MAX_PAGE_SIZE,
  MAX_QUERY_LENGTH,
  SORT_VALUES,
} from './listQuery'

/** Version of the public API (also the API-Version header). Kept here to avoid an import cycle. */
const VERSION = '1.0.0'

/** Options of {@link buildOpenApiDocument}. */
export interface OpenApiOptions {
  /** Public address of the register (without /register/v1). */
  serverUrl: string
  /** Who answers questions about the API. */
  contact?: { name: string; email: string; url: string }
}

type Schema = Record<string, unknown>

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` })
const str = (description: string, extra: Schema = {}): Schema => ({
  type: 'string',
  description,
  ...extra,
})
const int = (description: string, extra: Schema = {}): Schema => ({
  type: 'integer',
  description,
  ...extra,
})
const dateTime = (description: string): Schema => ({
  type: 'string',
  format: 'date-time',
  description,
})
const YEAR_MONTH: Schema = {
  type: 'string',
  // The standard stores months (yyyy-mm), not whole dates; '' when unknown.
  format: 'year-month',
  pattern: '^(\\d{4}-(0[1-9]|1[0-2]))?$',
}

const HEADERS = {
  'API-Version': { $ref: '#/components/headers/ApiVersion' },
}
const CACHED_HEADERS = {
  ...HEADERS,
  ETag: { $ref: '#/components/headers/ETag' },
  'Cache-Control': { $ref: '#/components/headers/CacheControl' },
}

function standardProperty(key: StandardKey): Schema {
  const definition = publicationStandard[key]
  const description = `${definition.title.nl} (${definition.title.en}).`
  switch (definition.kind) {
    case 'multiEnum':
      return {
        type: 'array',
        description,
        items: { type: 'string', enum: (definition.permittedValues ?? []).map((v) => v.value) },
      }
    case 'enum':
      return {
        type: 'string',
        description,
        enum: (definition.permittedValues ?? []).map((v) => v.value),
      }
    case 'links':
      return { type: 'array', description, items: ref('LinkItem') }
    case 'yearMonth':
      return { ...YEAR_MONTH, description: `${description} Jaar en maand (yyyy-mm) of leeg.` }
    case 'richText':
      return str(
        key === 'tags'
          ? `${description} Trefwoorden.`
          : `${description} HTML met alleen de tags div, br, p, ul, ol en li.`,
      )
    default:
      if (key === 'lars') return str(description, { pattern: '^\\d{8}$' })
      if (key === 'publication_dt') return str(`${description} Datum (yyyy-mm-dd).`)
      return str(description)
  }
}

const PROBLEM_CONTENT = {
  'application/problem+json': { schema: ref('Problem') },
}

function problem(description: string): Schema {
  return { description, headers: HEADERS, content: PROBLEM_CONTENT }
}

const STANDARD_RESPONSES = {
  '304': { $ref: '#/components/responses/NotModified' },
  '400': { $ref: '#/components/responses/BadRequest' },
  '500': { $ref: '#/components/responses/ServerError' },
  '503': { $ref: '#/components/responses/Unavailable' },
}

function ok(
  description: string,
  mediaType: string,
  schema: Schema,
  headers: Schema = CACHED_HEADERS,
): Schema {
  return { description, headers, content: { [mediaType]: { schema } } }
}

const param = (name: string): Schema => ({ $ref: `#/components/parameters/${name}` })

function arrayQuery(
  name: string,
  description: string,
  values: readonly string[] | null,
  pattern?: string,
): Schema {
  return {
    name,
    in: 'query',
    required: false,
    description,
    style: 'form',
    explode: true,
    schema: {
      type: 'array',
      items: values ? { type: 'string', enum: [...values] } : { type: 'string', pattern },
    },
  }
}

/**
 * The OpenAPI 3.0 description of the public content API, written to pass the Dutch government's
 * API Design Rules linter: version in the path, API-Version header on every success, problem+json
 * for every error, no trailing slashes, kebab-case paths and camelCase query keys.
 */
export function buildOpenApiDocument(options: OpenApiOptions): Record<string, unknown> {
  const base = options.serverUrl.replace(/\/+$/, '')
  const contact = options.contact ?? {
    name: 'Beheer Algoritmeregister',
    email: 'algoritmeregister@example.org',
    url: `${base}/register/v1/openapi.json`,
  }
  const algorithmProperties: Record<string, Schema> = {}
  for (const key of STANDARD_KEYS) algorithmProperties[key] = standardProperty(key)

  return {
    openapi: '3.0.3',
    info: {
      title: 'Algoritmeregister: openbare API',
      version: VERSION,
      description:
        'Gepubliceerde beschrijvingen van algoritmes, volgens publicatiestandaard 1.0. Alleen goedgekeurde versies; concepten en interne velden staan er nooit in. Elke goedkeuring is direct zichtbaar.\n\nPublished algorithm descriptions following publication standard 1.0. Approved versions only; drafts and internal fields never appear. Every approval shows at once.',
      contact,
      license: { name: 'EUPL-1.2', url: 'https://eupl.eu/1.2/nl/' },
    },
    servers: [{ url: `${base}/register/v1`, description: 'Dit register' }],
    tags: [
      { name: 'algoritmes', description: 'Gepubliceerde algoritmes zoeken en lezen.' },
      { name: 'organisaties', description: 'Organisaties die publiceren, met aantallen.' },
      { name: 'downloads', description: 'Alles in één bestand (CSV of JSON).' },
      { name: 'feed', description: 'Nieuwe en gewijzigde publicaties als Atom-feed.' },
      { name: 'documentatie', description: 'Deze beschrijving.' },
    ],
    paths: {
      '/algorithms': {
        get: {
          operationId: 'listAlgorithms',
          tags: ['algoritmes'],
          summary: 'Gepubliceerde algoritmes zoeken en filteren',
          description:
            'Eén pagina resultaten met het totaal en de aantallen per filterwaarde (facetten). Elk facet telt over de resultaten met alle andere filters, maar zonder zijn eigen filter. Een filter mag vaker voorkomen: de waarden tellen dan als OF; verschillende filters als EN.',
          parameters: [
            param('organisation'),
            param('organisationType'),
            param('publicationCategory'),
            param('status'),
            param('theme'),
            param('hasImpactAssessment'),
            param('q'),
            param('sort'),
            param('page'),
            param('pageSize'),
          ],
          responses: {
            '200': ok('Een pagina algoritmes.', 'application/json', ref('AlgorithmList')),
            ...STANDARD_RESPONSES,
          },
        },
      },
      '/algorithms/{lars}': {
        get: {
          operationId: 'getAlgorithm',
          tags: ['algoritmes'],
          summary: 'Eén gepubliceerd algoritme',
          description:
            'De laatst goedgekeurde versie. 410 als de publicatie is ingetrokken (met de datum), 404 als het nooit is gepubliceerd.',
          parameters: [param('lars')],
          responses: {
            '200': ok('Het algoritme.', 'application/json', ref('Algorithm')),
            ...STANDARD_RESPONSES,
            '404': { $ref: '#/components/responses/NotFound' },
            '410': { $ref: '#/components/responses/Gone' },
          },
        },
      },
      '/algorithms/{lars}/history': {
        get: {
          operationId: 'getAlgorithmHistory',
          tags: ['algoritmes'],
          summary: 'Alle gepubliceerde versies met wat er veranderde',
          description:
            'Nieuwste eerst: per versie de datum, de toelichting van de organisatie en per veld de oude en nieuwe waarde. Namen van medewerkers staan er niet in; de organisatie is verantwoordelijk.',
          parameters: [param('lars')],
          responses: {
            '200': ok('De versiegeschiedenis.', 'application/json', ref('History')),
            ...STANDARD_RESPONSES,
            '404': { $ref: '#/components/responses/NotFound' },
            '410': { $ref: '#/components/responses/Gone' },
          },
        },
      },
      '/algorithms/{lars}/eu-registration': {
        get: {
          operationId: 'getEuRegistration',
          tags: ['algoritmes'],
          summary: 'EU-registratie van een hoog-risico AI-systeem',
          description:
            'De gegevens die een overheid als gebruiksverantwoordelijke registreert volgens de AI-verordening (EU) 2024/1689, artikel 49 lid 3 en bijlage VIII, deel C. 404 voor algoritmes die geen hoog-risico AI-systeem zijn.',
          parameters: [param('lars')],
          responses: {
            '200': ok('De registratie.', 'application/json', ref('EuRegistration')),
            ...STANDARD_RESPONSES,
            '404': { $ref: '#/components/responses/NotFound' },
            '410': { $ref: '#/components/responses/Gone' },
          },
        },
      },
      '/organisations': {
        get: {
          operationId: 'listOrganisations',
          tags: ['organisaties'],
          summary: 'Organisaties met gepubliceerde algoritmes',
          parameters: [param('organisationType')],
          responses: {
            '200': ok('De organisaties, op naam.', 'application/json', ref('OrganisationList')),
            ...STANDARD_RESPONSES,
          },
        },
      },
      '/organisations/{code}': {
        get: {
          operationId: 'getOrganisation',
          tags: ['organisaties'],
          summary: 'Eén organisatie met aantallen',
          parameters: [param('code')],
          responses: {
            '200': ok('De organisatie.', 'application/json', ref('Organisation')),
            ...STANDARD_RESPONSES,
            '404': { $ref: '#/components/responses/NotFound' },
          },
        },
      },
      '/feed': {
        get: {
          operationId: 'getFeed',
          tags: ['feed'],
          summary: 'Atom-feed van nieuwe, gewijzigde en ingetrokken publicaties',
          description:
            'De laatste 50 gebeurtenissen, nieuwste eerst (RFC 4287), van het hele register of van één organisatie.',
          parameters: [param('feedOrganisation')],
          responses: {
            '200': ok('De feed.', 'application/atom+xml', { type: 'string' }),
            ...STANDARD_RESPONSES,
          },
        },
      },
      '/downloads/algorithms.csv': {
        get: {
          operationId: 'downloadCsv',
          tags: ['downloads'],
          summary: 'Alle gepubliceerde algoritmes als CSV',
          description:
            'In het formaat van de landelijke export: dezelfde kolommen in dezelfde volgorde, UTF-8 met BOM, elk veld tussen aanhalingstekens, HTML verwijderd, lijsten als `1: titel, link. 2: ...`.',
          parameters: [param('downloadOrganisation')],
          responses: {
            '200': ok(
              'Het CSV-bestand.',
              'text/csv',
              { type: 'string' },
              {
                ...CACHED_HEADERS,
                'Content-Disposition': { $ref: '#/components/headers/ContentDisposition' },
              },
            ),
            ...STANDARD_RESPONSES,
          },
        },
      },
      '/downloads/algorithms.json': {
        get: {
          operationId: 'downloadJson',
          tags: ['downloads'],
          summary: 'Alle gepubliceerde algoritmes als JSON',
          description: 'Een lijst van records met de sleutels van publicatiestandaard 1.0.',
          parameters: [param('downloadOrganisation')],
          responses: {
            '200': ok(
              'De records.',
              'application/json',
              { type: 'array', items: ref('AlgorithmRecord') },
              {
                ...CACHED_HEADERS,
                'Content-Disposition': { $ref: '#/components/headers/ContentDisposition' },
              },
            ),
            ...STANDARD_RESPONSES,
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          tags: ['documentatie'],
          summary: 'Deze beschrijving (OpenAPI 3)',
          responses: {
            '200': ok('Het OpenAPI-document.', 'application/json', { type: 'object' }),
            ...STANDARD_RESPONSES,
          },
        },
      },
    },
    components: {
      headers: {
        ApiVersion: {
          description: 'Volledige versie van deze API (major.minor.patch).',
          schema: { type: 'string', example: VERSION },
        },
        ETag: {
          description:
            'Sterke validator van dit antwoord. Stuur hem terug in If-None-Match voor een 304.',
          schema: { type: 'string' },
        },
        CacheControl: {
          description: 'Hoe lang een cache dit antwoord mag gebruiken zonder te vragen.',
          schema: { type: 'string' },
        },
        ContentDisposition: {
          description: 'Bestandsnaam van de download.',
          schema: { type: 'string' },
        },
      },
      parameters: {
        lars: {
          name: 'lars',
          in: 'path',
          required: true,
          description: 'Algoritme-ID: 8 cijfers.',
          schema: { type: 'string', pattern: '^\\d{8}$' },
        },
        code: {
          name: 'code',
          in: 'path',
          required: true,
          description:
            'Organisatiecode (TOOI), bijvoorbeeld gm0363; org-<nummer> voor een organisatie zonder code.',
          schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$' },
        },
        organisation: arrayQuery(
          'organisation',
          'Organisatiecode (TOOI), bijvoorbeeld gm0363.',
          null,
          '^[a-z0-9][a-z0-9-]{0,39}$',
        ),
        downloadOrganisation: {
          name: 'organisation',
          in: 'query',
          required: false,
          description: 'Alleen de algoritmes van deze organisatie (TOOI-code).',
          schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$' },
        },
        feedOrganisation: {
          name: 'organisation',
          in: 'query',
          required: false,
          description: 'Alleen de gebeurtenissen van deze organisatie (TOOI-code).',
          schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$' },
        },
        organisationType: arrayQuery(
          'organisationType',
          'Soort organisatie.',
          ORGANISATION_TYPES.map((option) => option.value),
        ),
        publicationCategory: arrayQuery(
          'publicationCategory',
          'Publicatiecategorie.',
          PUBLICATION_CATEGORY_VALUES,
        ),
        status: arrayQuery('status', 'Status van het algoritme.', STATUS_VALUES),
        theme: arrayQuery('theme', 'Thema (veld category van de standaard).', CATEGORY_VALUES),
        hasImpactAssessment: {
          name: 'hasImpactAssessment',
          in: 'query',
          required: false,
          description: 'true: alleen algoritmes met een impacttoets; false: alleen zonder.',
          schema: { type: 'boolean' },
        },
        q: {
          name: 'q',
          in: 'query',
          required: false,
          description:
            'Zoektekst (Nederlands, met woordstammen) in naam, korte beschrijving, doel, trefwoorden en organisatie. Werkt als een zoekmachine: "exacte woordgroep", -uitsluiten, OR.',
          schema: { type: 'string', maxLength: MAX_QUERY_LENGTH },
        },
        sort: {
          name: 'sort',
          in: 'query',
          required: false,
          description:
            'Volgorde. Standaard relevance als er een zoektekst is, anders name. Een min-teken betekent aflopend.',
          schema: { type: 'string', enum: [...SORT_VALUES] },
        },
        page: {
          name: 'page',
          in: 'query',
          required: false,
          description: 'Paginanummer, vanaf 1.',
          schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 },
        },
        pageSize: {
          name: 'pageSize',
          in: 'query',
          required: false,
          description: `Resultaten per pagina, hoogstens ${MAX_PAGE_SIZE}.`,
          schema: {
            type: 'integer',
            minimum: 1,
            maximum: MAX_PAGE_SIZE,
            default: DEFAULT_PAGE_SIZE,
          },
        },
      },
      responses: {
        NotModified: {
          description: 'Niet veranderd sinds de ETag in If-None-Match.',
          headers: CACHED_HEADERS,
        },
        BadRequest: problem('Een parameter klopt niet; invalidParams noemt hem.'),
        NotFound: problem('Bestaat niet (of is niet gepubliceerd).'),
        Gone: problem('De publicatie is ingetrokken; withdrawnAt geeft de datum.'),
        ServerError: problem('Fout op de server (zonder technische details).'),
        Unavailable: problem('De database is even niet bereikbaar.'),
      },
      schemas: {
        Problem: {
          type: 'object',
          description: 'Foutmelding volgens RFC 9457.',
          required: ['status', 'title', 'detail'],
          properties: {
            type: str('Altijd about:blank.'),
            status: int('HTTP-statuscode.'),
            title: str('Korte omschrijving van de soort fout.'),
            detail: str('Wat er mis is en wat u kunt doen.'),
            invalidParams: {
              type: 'array',
              description: 'Bij 400: de parameters die niet kloppen.',
              items: ref('InvalidParam'),
            },
            lars: str('Bij 410: het Algoritme-ID.'),
            withdrawnAt: dateTime('Bij 410: wanneer de publicatie werd ingetrokken.'),
          },
        },
        InvalidParam: {
          type: 'object',
          required: ['name', 'reason'],
          properties: {
            name: str('Naam van de parameter.'),
            reason: str('Waarom hij niet klopt.'),
          },
        },
        LinkItem: {
          type: 'object',
          required: ['title', 'link'],
          properties: { title: str('Titel.'), link: str('Link; leeg als er geen is.') },
        },
        EuAiAct: {
          type: 'object',
          description: 'Alleen bij hoog-risico AI-systemen.',
          properties: {
            eu_database_url: str('Link naar de registratie van de aanbieder in de EU-databank.'),
            fria_summary: str('Samenvatting grondrechteneffectbeoordeling (FRIA).'),
            dpia_summary: str('Samenvatting gegevensbeschermingseffectbeoordeling (DPIA).'),
          },
        },
        BasedOn: {
          type: 'object',
          description: 'Het voorbeeld waarop deze beschrijving is gebaseerd.',
          properties: {
            lars: str('Algoritme-ID van het voorbeeld.'),
            organization: str('Organisatie van het voorbeeld.'),
            revision: { type: 'integer', nullable: true, description: 'Versie van het voorbeeld.' },
          },
        },
        AlgorithmRecord: {
          type: 'object',
          description: 'Een gepubliceerd record met de sleutels van publicatiestandaard 1.0.',
          properties: {
            ...algorithmProperties,
            eu_ai_act: ref('EuAiAct'),
            based_on: ref('BasedOn'),
          },
        },
        Algorithm: {
          description: 'Het record plus gegevens van het register.',
          allOf: [
            ref('AlgorithmRecord'),
            {
              type: 'object',
              properties: {
                organisationCode: str('Organisatiecode (TOOI).'),
                organisationType: str('Soort organisatie.'),
                revisionNumber: int('Versienummer van deze publicatie.'),
                firstPublishedAt: dateTime('Eerste publicatie in dit register.'),
                updatedAt: dateTime('Laatste goedkeuring.'),
              },
            },
          ],
        },
        AlgorithmSummary: {
          type: 'object',
          description: 'Een algoritme in een lijst.',
          properties: {
            lars: algorithmProperties.lars,
            name: algorithmProperties.name,
            organization: algorithmProperties.organization,
            organisationCode: str('Organisatiecode (TOOI).'),
            organisationType: str('Soort organisatie.'),
            description_short: algorithmProperties.description_short,
            category: algorithmProperties.category,
            status: algorithmProperties.status,
            publication_category: algorithmProperties.publication_category,
            begin_date: algorithmProperties.begin_date,
            end_date: algorithmProperties.end_date,
            publication_dt: algorithmProperties.publication_dt,
            hasImpactAssessment: { type: 'boolean', description: 'Er is een impacttoets.' },
            revisionNumber: int('Versienummer.'),
            updatedAt: dateTime('Laatste goedkeuring.'),
          },
        },
        FacetValue: {
          type: 'object',
          properties: {
            value: str('Waarde om mee te filteren.'),
            label: str('Naam om te tonen.'),
            count: int('Aantal algoritmes.'),
          },
        },
        Facets: {
          type: 'object',
          properties: {
            organisation: { type: 'array', items: ref('FacetValue') },
            organisationType: { type: 'array', items: ref('FacetValue') },
            publicationCategory: { type: 'array', items: ref('FacetValue') },
            status: { type: 'array', items: ref('FacetValue') },
            theme: { type: 'array', items: ref('FacetValue') },
            hasImpactAssessment: { type: 'array', items: ref('FacetValue') },
          },
        },
        PageLinks: {
          type: 'object',
          properties: {
            self: str('Deze pagina.'),
            first: str('Eerste pagina.'),
            last: str('Laatste pagina.'),
            prev: str('Vorige pagina (niet op pagina 1).'),
            next: str('Volgende pagina (niet op de laatste).'),
          },
        },
        AlgorithmList: {
          type: 'object',
          properties: {
            results: { type: 'array', items: ref('AlgorithmSummary') },
            page: int('Paginanummer.'),
            pageSize: int('Resultaten per pagina.'),
            totalCount: int('Aantal resultaten in totaal.'),
            pageCount: int('Aantal pagina’s.'),
            facets: ref('Facets'),
            links: ref('PageLinks'),
          },
        },
        FieldChange: {
          type: 'object',
          properties: {
            field: str('Sleutel van het veld.'),
            title: str('Naam van het veld.'),
            before: { description: 'Oude waarde.', nullable: true },
            after: { description: 'Nieuwe waarde.', nullable: true },
          },
        },
        Revision: {
          type: 'object',
          properties: {
            revisionNumber: int('Versienummer.'),
            approvedAt: dateTime('Goedgekeurd op.'),
            source: str('approval of import.', { enum: ['approval', 'import'] }),
            changeSummary: {
              type: 'string',
              nullable: true,
              description: 'Toelichting van de organisatie.',
            },
            contentHash: str('SHA-256 van het gepubliceerde record.'),
            changes: { type: 'array', items: ref('FieldChange') },
          },
        },
        History: {
          type: 'object',
          properties: {
            lars: algorithmProperties.lars,
            name: algorithmProperties.name,
            organization: algorithmProperties.organization,
            revisionCount: int('Aantal gepubliceerde versies.'),
            revisions: { type: 'array', items: ref('Revision') },
          },
        },
        OrganisationSummary: {
          type: 'object',
          properties: {
            code: str('Organisatiecode (TOOI).'),
            name: str('Naam.'),
            type: str('Soort organisatie.'),
            typeLabel: str('Soort organisatie, leesbaar.'),
            algorithmCount: int('Aantal gepubliceerde algoritmes.'),
            byPublicationCategory: { type: 'array', items: ref('FacetValue') },
            lastUpdatedAt: dateTime('Laatste publicatie.'),
          },
        },
        Organisation: {
          allOf: [
            ref('OrganisationSummary'),
            {
              type: 'object',
              properties: {
                byStatus: { type: 'array', items: ref('FacetValue') },
                byTheme: { type: 'array', items: ref('FacetValue') },
                website: str('Website.'),
                contactEmail: str('Algemeen e-mailadres.'),
              },
            },
          ],
        },
        OrganisationList: {
          type: 'object',
          properties: {
            results: { type: 'array', items: ref('OrganisationSummary') },
            totalCount: int('Aantal organisaties.'),
          },
        },
        PostalAddress: {
          type: 'object',
          properties: {
            street: str('Straat en huisnummer of postbus.'),
            postalCode: str('Postcode.'),
            city: str('Plaats.'),
            country: str('Land.'),
          },
        },
        RegistrationParty: {
          type: 'object',
          properties: {
            name: str('Naam.'),
            address: ref('PostalAddress'),
            contact: {
              type: 'object',
              properties: { email: str('E-mailadres.'), website: str('Website.') },
            },
          },
        },
        EuRegistration: {
          type: 'object',
          description: 'AI-verordening, bijlage VIII, deel C.',
          properties: {
            lars: algorithmProperties.lars,
            legalBasis: str('Wettelijke grondslag van de registratie.'),
            systemName: str('Naam van het AI-systeem.'),
            deployer: ref('RegistrationParty'),
            submittedOnBehalfOf: ref('RegistrationParty'),
            providerEuDatabaseUrl: str(
              'Punt 3: link naar de registratie van de aanbieder in de EU-databank.',
            ),
            fundamentalRightsImpactAssessmentSummary: str(
              'Punt 4: samenvatting van de FRIA (artikel 27).',
            ),
            dataProtectionImpactAssessmentSummary: str('Punt 5: samenvatting van de DPIA.'),
            missing: {
              type: 'array',
              items: { type: 'string' },
              description: 'Punten die nog leeg zijn.',
            },
            revisionNumber: int('Versienummer.'),
            updatedAt: dateTime('Laatste goedkeuring.'),
          },
        },
      },
    },
  }
}
