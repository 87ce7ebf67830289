import type React from 'react'

import {
  publicationStandard,
  type StandardFieldDefinition,
  type StandardKey,
} from '../../standard/publicationStandard'
import {
  sanitiseHtmlFragment,
  sanitiseStandardHtml,
  toPlainText,
  toSafeLink,
} from '../../standard/safeText'
import type { SimilarDescription } from '../publicPagesQueries'

/** Shown for an empty field whose `show_always` is true. */
export const EMPTY_FIELD_TEXT = 'Veld niet ingevuld'

/**
 * The standard's fields in the order the national register shows them: general information
 * first, then responsible use, then the technical working, then metadata.
 */
export const DESCRIPTION_SECTIONS: ReadonlyArray<{
  id: string
  title: string
  keys: StandardKey[]
}> = [
  {
    id: 'algemeen',
    title: 'Algemene informatie',
    keys: [
      'organization',
      'category',
      'status',
      'begin_date',
      'end_date',
      'contact_email',
      'website',
      'publication_category',
      'url',
    ],
  },
  {
    id: 'verantwoord-gebruik',
    title: 'Verantwoord gebruik',
    keys: [
      'goal',
      'proportionality',
      'human_intervention',
      'risks',
      'lawful_basis',
      'lawful_basis_grouping',
      'process_index_url',
      'impacttoetsen_grouping',
      'impacttoetsen',
    ],
  },
  {
    id: 'werking',
    title: 'Werking (technische informatie)',
    keys: ['source_data', 'source_data_grouping', 'methods_and_models', 'provider', 'publiccode'],
  },
  {
    id: 'metadata',
    title: 'Metadata',
    keys: ['source_id', 'tags', 'lars', 'lang', 'standard_version', 'publication_dt'],
  },
]

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'string') return toPlainText(value).trim() === ''
  return false
}

/** An address a link may point to: http(s) or mailto, after the API's own sanitising. */
export function linkTarget(value: unknown): string | null {
  const safe = toSafeLink(value)
  if (/^https?:\/\//i.test(safe)) return safe
  if (/^[^\s@<>]+@[^\s@<>]+$/.test(safe)) return `mailto:${safe}`
  return null
}

function Html({ html }: { html: string }): React.ReactElement {
  // The standard's HTML (p, br, ul, ol, li without attributes), sanitised again right here.
  return <div className="register-html" dangerouslySetInnerHTML={{ __html: html }} />
}

function FieldValue({
  definition,
  value,
}: {
  definition: StandardFieldDefinition
  value: unknown
}): React.ReactElement {
  switch (definition.kind) {
    case 'richText':
      return definition.key === 'tags' ? (
        <span dangerouslySetInnerHTML={{ __html: sanitiseHtmlFragment(value) }} />
      ) : (
        <Html html={sanitiseStandardHtml(value)} />
      )
    case 'multiEnum':
      return (
        <ul className="register-badges">
          {(Array.isArray(value) ? value : []).map((item) => (
            <li key={String(item)}>{toPlainText(item)}</li>
          ))}
        </ul>
      )
    case 'links':
      return (
        <ul className="utrecht-unordered-list">
          {(Array.isArray(value) ? value : []).map((item: unknown, index) => {
            const entry = (item ?? {}) as { title?: unknown; link?: unknown }
            const href = linkTarget(entry.link)
            const title = toPlainText(entry.title) || toSafeLink(entry.link)
            return (
              <li key={index} className="utrecht-unordered-list__item">
                {href ? (
                  <a className="utrecht-link" href={href}>
                    {title}
                  </a>
                ) : (
                  title
                )}
              </li>
            )
          })}
        </ul>
      )
    case 'url':
    case 'emailOrUrl': {
      const href = linkTarget(value)
      const label = toSafeLink(value)
      return href ? (
        <a className="utrecht-link register-code" href={href}>
          {label}
        </a>
      ) : (
        <span>{toPlainText(value)}</span>
      )
    }
    default:
      return <span>{toPlainText(value)}</span>
  }
}

/** The fields of one record, section by section, in the standard's order. */
export function RecordSections({
  record,
}: {
  record: Record<string, unknown>
}): React.ReactElement {
  return (
    <>
      {DESCRIPTION_SECTIONS.map((section) => {
        const fields = section.keys
          .map((key) => ({ definition: publicationStandard[key], value: record[key] }))
          .filter(({ definition, value }) => !isEmpty(value) || definition.showAlways === true)
        if (fields.length === 0) return null
        return (
          <section key={section.id} aria-labelledby={`sectie-${section.id}`}>
            <h2 className="utrecht-heading-2" id={`sectie-${section.id}`}>
              {section.title}
            </h2>
            <dl>
              {fields.map(({ definition, value }) => (
                <div className="register-field" key={definition.key}>
                  <dt>{definition.title.nl}</dt>
                  <dd>
                    {isEmpty(value) ? (
                      <span className="register-empty">{EMPTY_FIELD_TEXT}</span>
                    ) : (
                      <FieldValue definition={definition} value={value} />
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        )
      })}
    </>
  )
}

/** Links to a description and its parts, by LARS and a readable slug. */
export interface DescriptionLinks {
  self: string
  history: string
  euRegistration: string
  organisation: string
  national: string | null
}

/** The description page of one published algorithm. */
export function DescriptionBody(props: {
  record: Record<string, unknown>
  links: DescriptionLinks
  similar: SimilarDescription[]
  similarHref: (item: SimilarDescription) => string
  updatedAt: string
  preview?: boolean
}): React.ReactElement {
  const { record, links } = props
  const highRisk = record.publication_category === 'Hoog-risico AI-systeem'
  return (
    <article>
      {props.preview ? (
        <div className="register-notice" role="note">
          <strong>Voorbeeld.</strong> Zo komt deze beschrijving eruit te zien als ze wordt
          goedgekeurd. Ze is nog niet openbaar.
        </div>
      ) : null}
      <p className="register-meta">
        <a className="utrecht-link" href={links.organisation}>
          {toPlainText(record.organization)}
        </a>
      </p>
      <h1 className="utrecht-heading-1">{toPlainText(record.name)}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {toPlainText(record.description_short)}
      </p>
      {props.preview ? null : (
        <ul className="register-badges" aria-label="Meer over deze beschrijving">
          <li>
            <a className="utrecht-link" href={links.history}>
              Geschiedenis van deze beschrijving
            </a>
          </li>
          {highRisk ? (
            <li>
              <a className="utrecht-link" href={links.euRegistration}>
                EU-registratie (AI-verordening)
              </a>
            </li>
          ) : null}
          {links.national ? (
            <li>
              <a className="utrecht-link" href={links.national}>
                In het landelijke Algoritmeregister
              </a>
            </li>
          ) : null}
        </ul>
      )}
      <RecordSections record={record} />
      {props.similar.length > 0 ? (
        <section aria-labelledby="sectie-anderen">
          <h2 className="utrecht-heading-2" id="sectie-anderen">
            Wat doen anderen?
          </h2>
          <ul className="register-results">
            {props.similar.map((item) => (
              <li key={item.lars}>
                <h3 className="utrecht-heading-3">
                  <a className="utrecht-link" href={props.similarHref(item)}>
                    {item.name}
                  </a>
                </h3>
                <p className="register-meta">{item.organisationName}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}
