import type React from 'react'

import type { EuRegistration } from '../../publicApi/euRegistration'
import type { PublicHistory } from '../../publicApi/publicHistory'
import type { PublicOrganisation } from '../../publicApi/publicOrganisations'
import type { AlgorithmSummary, FacetValue, Facets } from '../../publicApi/publicReaders'
import { sanitiseStandardHtml, toPlainText, toSafeLink } from '../../standard/safeText'
import { linkTarget } from './DescriptionPage'

/** The search page's filters: the API's filter parameters, with Dutch legends. */
export const FACET_FILTERS: ReadonlyArray<{ facet: keyof Facets; legend: string }> = [
  { facet: 'theme', legend: 'Thema' },
  { facet: 'organisation', legend: 'Organisatie' },
  { facet: 'organisationType', legend: 'Soort organisatie' },
  { facet: 'publicationCategory', legend: 'Publicatiecategorie' },
  { facet: 'status', legend: 'Status' },
  { facet: 'hasImpactAssessment', legend: 'Impacttoets gedaan' },
]

/** A list of algorithms as the API answers it. */
export interface AlgorithmList {
  results: AlgorithmSummary[]
  page: number
  pageCount: number
  totalCount: number
  facets: Facets
}

function ResultList(props: {
  list: AlgorithmList
  href: (item: AlgorithmSummary) => string
  showOrganisation: boolean
}): React.ReactElement {
  return (
    <ul className="register-results">
      {props.list.results.map((item) => (
        <li key={item.lars}>
          <h3 className="utrecht-heading-3">
            <a className="utrecht-link" href={props.href(item)}>
              {item.name}
            </a>
          </h3>
          <p className="register-meta">
            {props.showOrganisation ? `${item.organization} · ` : ''}
            {item.status} · {item.publication_category}
          </p>
          <p className="utrecht-paragraph">{item.description_short}</p>
        </li>
      ))}
    </ul>
  )
}

function Pagination(props: {
  page: number
  pageCount: number
  href: (page: number) => string
}): React.ReactElement | null {
  if (props.pageCount <= 1) return null
  return (
    <nav aria-label="Paginering">
      <ul className="register-pagination">
        {props.page > 1 ? (
          <li>
            <a className="utrecht-link" rel="prev" href={props.href(props.page - 1)}>
              Vorige pagina
            </a>
          </li>
        ) : null}
        <li aria-current="page">
          Pagina {props.page} van {props.pageCount}
        </li>
        {props.page < props.pageCount ? (
          <li>
            <a className="utrecht-link" rel="next" href={props.href(props.page + 1)}>
              Volgende pagina
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

/** The search form with the facets as checkboxes (a GET form: works without script). */
export function SearchBody(props: {
  action: string
  query: URLSearchParams
  list: AlgorithmList
  href: (item: AlgorithmSummary) => string
  pageHref: (page: number) => string
  heading: string
  /** Facets not to show (the organisation's own page has no organisation filter). */
  hideFacets?: ReadonlyArray<keyof Facets>
  suggestUrl?: string
  error?: string
}): React.ReactElement {
  const { query, list } = props
  const q = query.get('q') ?? ''
  const selected = (name: string, value: string) => query.getAll(name).includes(value)
  const facets = FACET_FILTERS.filter((filter) => !props.hideFacets?.includes(filter.facet))
  const filterName = (facet: keyof Facets) => facet
  return (
    <>
      <h1 className="utrecht-heading-1">{props.heading}</h1>
      <form method="get" action={props.action} role="search">
        <div className="register-searchbar">
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor="zoek">
              Zoek een algoritme
            </label>
            <input
              className="utrecht-textbox"
              id="zoek"
              name="q"
              type="search"
              defaultValue={q}
              autoComplete="off"
              list={props.suggestUrl ? 'zoek-suggesties' : undefined}
              data-suggest={props.suggestUrl}
            />
            {props.suggestUrl ? <datalist id="zoek-suggesties" /> : null}
          </div>
          <button className="utrecht-button utrecht-button--primary-action" type="submit">
            Zoeken
          </button>
        </div>
        {props.error ? (
          <div className="register-notice" role="alert">
            {props.error}
          </div>
        ) : null}
        <div className="register-search">
          <div>
            <h2 className="utrecht-heading-2">Filters</h2>
            {facets.map(({ facet, legend }) => {
              const values = (list.facets[facet] ?? []).filter(
                (value: FacetValue) => value.count > 0 || selected(filterName(facet), value.value),
              )
              if (values.length === 0) return null
              return (
                <fieldset className="register-facet" key={facet}>
                  <legend>{legend}</legend>
                  {values.map((value: FacetValue) => {
                    const id = `f-${facet}-${value.value}`.replace(/[^A-Za-z0-9-]/g, '-')
                    return (
                      <label key={value.value} htmlFor={id}>
                        <input
                          className="utrecht-checkbox"
                          type={facet === 'hasImpactAssessment' ? 'radio' : 'checkbox'}
                          id={id}
                          name={filterName(facet)}
                          value={value.value}
                          defaultChecked={selected(filterName(facet), value.value)}
                        />
                        {value.label} ({value.count})
                      </label>
                    )
                  })}
                </fieldset>
              )
            })}
            <button className="utrecht-button utrecht-button--secondary-action" type="submit">
              Filters toepassen
            </button>
          </div>
          <div>
            <h2 className="utrecht-heading-2" aria-live="polite">
              {list.totalCount === 1 ? '1 algoritme' : `${list.totalCount} algoritmes`}
              {q ? ` voor ‘${q}’` : ''}
            </h2>
            <ResultList list={list} href={props.href} showOrganisation={!props.hideFacets} />
            <Pagination page={list.page} pageCount={list.pageCount} href={props.pageHref} />
          </div>
        </div>
      </form>
    </>
  )
}

function Value({ value }: { value: unknown }): React.ReactElement {
  if (value === null || value === undefined || value === '') return <em>leeg</em>
  if (Array.isArray(value)) {
    return (
      <ul>
        {value.map((item, index) => (
          <li key={index}>
            {typeof item === 'object' && item !== null
              ? `${toPlainText((item as { title?: unknown }).title)} ${toSafeLink((item as { link?: unknown }).link)}`
              : toPlainText(item)}
          </li>
        ))}
      </ul>
    )
  }
  if (typeof value === 'string' && /<(p|ul|ol|li|br)\b/.test(value)) {
    return <div dangerouslySetInnerHTML={{ __html: sanitiseStandardHtml(value) }} />
  }
  return <span>{toPlainText(value)}</span>
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeZone: 'Europe/Amsterdam',
})

/** A date as Dutch readers write it ("3 december 2026"). */
export function dutchDate(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date)
}

/** The public history: every published version, what changed and why. */
export function HistoryBody(props: {
  history: PublicHistory
  descriptionHref: string
}): React.ReactElement {
  const { history } = props
  return (
    <>
      <p className="register-meta">
        <a className="utrecht-link" href={props.descriptionHref}>
          Terug naar de beschrijving
        </a>
      </p>
      <h1 className="utrecht-heading-1">Geschiedenis: {history.name}</h1>
      <p className="utrecht-paragraph">
        {history.organization} publiceerde {history.revisionCount}{' '}
        {history.revisionCount === 1 ? 'versie' : 'versies'} van deze beschrijving. Hieronder staat
        per versie wat er veranderde.
      </p>
      {history.revisions.map((revision) => (
        <section
          key={revision.revisionNumber}
          aria-labelledby={`versie-${revision.revisionNumber}`}
        >
          <h2 className="utrecht-heading-2" id={`versie-${revision.revisionNumber}`}>
            Versie {revision.revisionNumber}, {dutchDate(revision.approvedAt)}
          </h2>
          <p className="utrecht-paragraph">
            {revision.changeSummary ??
              (revision.revisionNumber === 1 ? 'Eerste publicatie.' : 'Geen toelichting.')}
          </p>
          {revision.changes.length > 0 && revision.revisionNumber > 1 ? (
            <table className="register-diff">
              <caption className="register-meta">
                Wat er veranderde in versie {revision.revisionNumber}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Veld</th>
                  <th scope="col">Was</th>
                  <th scope="col">Werd</th>
                </tr>
              </thead>
              <tbody>
                {revision.changes.map((change) => (
                  <tr key={change.field}>
                    <th scope="row">{change.title}</th>
                    <td>
                      <del>
                        <Value value={change.before} />
                      </del>
                    </td>
                    <td>
                      <ins>
                        <Value value={change.after} />
                      </ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ))}
    </>
  )
}

/** The organisation's page: who they are, counts, and their list with search. */
export function OrganisationIntro({
  organisation,
}: {
  organisation: PublicOrganisation
}): React.ReactElement {
  const website = linkTarget(organisation.website)
  const email = linkTarget(organisation.contactEmail)
  return (
    <section aria-label={`Over ${organisation.name}`}>
      <p className="utrecht-paragraph">
        {organisation.typeLabel}. {organisation.algorithmCount}{' '}
        {organisation.algorithmCount === 1 ? 'gepubliceerd algoritme' : 'gepubliceerde algoritmes'},
        laatst bijgewerkt op {dutchDate(organisation.lastUpdatedAt)}.
        {website ? (
          <>
            {' '}
            <a className="utrecht-link" href={website}>
              Website van {organisation.name}
            </a>
          </>
        ) : null}
        {email ? (
          <>
            {' '}
            · Vragen?{' '}
            <a className="utrecht-link" href={email}>
              {organisation.contactEmail}
            </a>
          </>
        ) : null}
      </p>
    </section>
  )
}

const EU_LABELS: Record<string, string> = {
  'deployer.address': 'Adres van de gebruiksverantwoordelijke',
  'deployer.contact': 'Contactgegevens',
  providerEuDatabaseUrl: 'Link naar de registratie door de aanbieder',
  fundamentalRightsImpactAssessmentSummary: 'Samenvatting grondrechteneffectbeoordeling (FRIA)',
  dataProtectionImpactAssessmentSummary:
    'Samenvatting gegevensbeschermingseffectbeoordeling (DPIA)',
}

/** The EU AI Act registration (Annex VIII, section C) of a high-risk AI system. */
export function EuRegistrationBody(props: {
  registration: EuRegistration
  descriptionHref: string
}): React.ReactElement {
  const r = props.registration
  const a = r.deployer.address
  const provider = linkTarget(r.providerEuDatabaseUrl)
  const field = (label: string, value: React.ReactNode, empty: boolean) => (
    <div className="register-field">
      <dt>{label}</dt>
      <dd>{empty ? <span className="register-empty">Veld niet ingevuld</span> : value}</dd>
    </div>
  )
  return (
    <>
      <p className="register-meta">
        <a className="utrecht-link" href={props.descriptionHref}>
          Terug naar de beschrijving
        </a>
      </p>
      <h1 className="utrecht-heading-1">EU-registratie: {r.systemName}</h1>
      <p className="utrecht-paragraph">
        Dit is een hoog-risico AI-systeem. Dit zijn de gegevens die de overheid als gebruiker
        registreert volgens {r.legalBasis}.
      </p>
      {r.missing.length > 0 ? (
        <div className="register-notice" role="note">
          Nog niet ingevuld: {r.missing.map((name) => EU_LABELS[name] ?? name).join(', ')}.
        </div>
      ) : null}
      <dl>
        {field('Naam van het systeem', r.systemName, false)}
        {field('Gebruiksverantwoordelijke', r.deployer.name, false)}
        {field(
          EU_LABELS['deployer.address'],
          `${a.street}, ${a.postalCode} ${a.city}, ${a.country}`,
          !(a.street && a.city),
        )}
        {field(EU_LABELS['deployer.contact'], r.deployer.contact.email, !r.deployer.contact.email)}
        {field(
          EU_LABELS.providerEuDatabaseUrl,
          provider ? (
            <a className="utrecht-link register-code" href={provider}>
              {r.providerEuDatabaseUrl}
            </a>
          ) : (
            r.providerEuDatabaseUrl
          ),
          !r.providerEuDatabaseUrl,
        )}
        {field(
          EU_LABELS.fundamentalRightsImpactAssessmentSummary,
          r.fundamentalRightsImpactAssessmentSummary,
          !r.fundamentalRightsImpactAssessmentSummary,
        )}
        {field(
          EU_LABELS.dataProtectionImpactAssessmentSummary,
          r.dataProtectionImpactAssessmentSummary,
          !r.dataProtectionImpactAssessmentSummary,
        )}
      </dl>
    </>
  )
}

/** A page for a status other than 200: what happened and where to go. */
export function MessageBody(props: {
  heading: string
  text: string
  homeHref: string
}): React.ReactElement {
  return (
    <>
      <h1 className="utrecht-heading-1">{props.heading}</h1>
      <p className="utrecht-paragraph">{props.text}</p>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={props.homeHref}>
          Zoek in alle algoritmes
        </a>
      </p>
    </>
  )
}
