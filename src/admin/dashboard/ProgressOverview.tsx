'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import type React from 'react'
import { useEffect, useId, useState } from 'react'

import { organisationIdsFor } from '../../../access/organisationIdsFor'
import type { ProgressReport, ProgressTotals } from '../../reports/progressReport'
import { useAdminText } from '../i18n/useAdminText'
import { errorMessageOf } from '../workflow/workflowTypes'
import { arrangeOrganisations } from './arrangeOrganisations'
import { ProgressChart } from './ProgressChart'

/** Rows per page of the organisation table: a register has hundreds of organisations. */
const PAGE_SIZE = 20

function inProgress(totals: ProgressTotals): number {
  return totals.byState.concept + totals.byState.teruggezet
}

/**
 * How far the register is: per organisation the number of descriptions, how many are public,
 * in progress or in review, high-risk AI systems registered in the EU database, and overdue
 * reviews; and for all of them together the publication categories by workflow state.
 * Reads GET /api/algorithms/progress, which shows each person only their own organisations.
 */
export const ProgressOverview: React.FC = () => {
  const { config } = useConfig()
  const { user } = useAuth()
  const { text, language } = useAdminText()
  const [query, setQuery] = useState('')
  const [page, setPage] = useState(1)
  const searchId = useId()
  const [report, setReport] = useState<ProgressReport | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const url = `${config.routes.api}/algorithms/progress`

  useEffect(() => {
    let cancelled = false
    void (async () => {
      try {
        const response = await fetch(url, { credentials: 'include' })
        const body: unknown = await response.json().catch(() => null)
        if (cancelled) return
        // Someone without an organisation has no progress to show; that is not an error.
        if (response.status === 403) return
        if (!response.ok) {
          setProblem(errorMessageOf(body) ?? String(response.status))
          return
        }
        setReport(body as ProgressReport)
      } catch (_error) {
        if (!cancelled) {
          setProblem(
            text({
              nl: 'De voortgang kon niet worden geladen.',
              en: 'Progress could not be loaded.',
            }),
          )
        }
      }
    })()
    return () => {
      cancelled = true
    }
  }, [text, url])

  if (problem) {
    return (
      <section className="ar-progress">
        <h2>{text({ nl: 'Voortgang', en: 'Progress' })}</h2>
        <p role="alert">{problem}</p>
      </section>
    )
  }
  if (!report) return null
  const states = report.states
  const mine = organisationIdsFor(user)
  const arranged = arrangeOrganisations(report.organisations, {
    mine,
    query,
    page,
    pageSize: PAGE_SIZE,
  })
  const number = (n: number) => n.toLocaleString(language === 'en' ? 'en-GB' : 'nl-NL')

  return (
    <section className="ar-progress" data-testid="progress-overview">
      <div className="ar-tasks__header">
        <h2>{text({ nl: 'Voortgang', en: 'Progress' })}</h2>
        <a className="btn btn--style-secondary btn--size-small" href={`${url}?format=csv`}>
          {text({ nl: 'Download als CSV', en: 'Download as CSV' })}
        </a>
      </div>
      <ProgressChart report={report} />
      <table className="ar-progress__table">
        <caption className="ar-progress__caption">
          {report.organisations.length === 1
            ? text({
                nl: 'Per publicatiecategorie en status',
                en: 'By publication category and state',
              })
            : text({
                nl: 'Alle organisaties samen, per publicatiecategorie en status',
                en: 'All organisations together, by publication category and state',
              })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{text({ nl: 'Publicatiecategorie', en: 'Publication category' })}</th>
            {states.map((state) => (
              <th key={state.value} scope="col" className="ar-progress__number">
                {text(state.label)}
              </th>
            ))}
            <th scope="col" className="ar-progress__number">
              {text({ nl: 'Totaal', en: 'Total' })}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.overall.byCategory.map((row, index) => (
            <tr key={row.category ?? 'none'}>
              <th scope="row">
                {text(
                  report.categories[index]?.label ?? {
                    nl: String(row.category),
                    en: String(row.category),
                  },
                )}
              </th>
              {states.map((state) => (
                <td key={state.value} className="ar-progress__number">
                  {number(row.states[state.value] ?? 0)}
                </td>
              ))}
              <td className="ar-progress__number">{number(row.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.organisations.length > PAGE_SIZE && (
        <div className="ar-progress__controls">
          <label htmlFor={searchId}>
            {text({ nl: 'Zoek een organisatie', en: 'Find an organisation' })}
          </label>
          <input
            id={searchId}
            type="search"
            className="ar-progress__search"
            value={query}
            placeholder={text({ nl: 'Bijvoorbeeld: Utrecht', en: 'For example: Utrecht' })}
            onChange={(event) => {
              setQuery(event.target.value)
              setPage(1)
            }}
          />
        </div>
      )}
      <table className="ar-progress__table">
        <caption className="ar-progress__caption">
          {text({ nl: 'Beschrijvingen per organisatie', en: 'Descriptions per organisation' })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{text({ nl: 'Organisatie', en: 'Organisation' })}</th>
            <th scope="col" className="ar-progress__number">
              {text({ nl: 'Totaal', en: 'Total' })}
            </th>
            <th scope="col" className="ar-progress__number">
              {text({ nl: 'Openbaar', en: 'Public' })}
            </th>
            <th scope="col" className="ar-progress__number">
              {text({ nl: 'In bewerking', en: 'Being written' })}
            </th>
            <th scope="col" className="ar-progress__number">
              {text({ nl: 'Ter beoordeling', en: 'In review' })}
            </th>
            <th scope="col" className="ar-progress__number">
              {text({ nl: 'Hoog-risico in EU-databank', en: 'High-risk in EU database' })}
            </th>
            <th scope="col" className="ar-progress__number">
              {text({ nl: 'Herziening te laat', en: 'Review overdue' })}
            </th>
          </tr>
        </thead>
        <tbody>
          {arranged.rows.map((organisation) => (
            <tr
              key={organisation.id}
              className={mine.includes(organisation.id) ? 'ar-progress__mine' : undefined}
            >
              <th scope="row">{organisation.name}</th>
              <td className="ar-progress__number">{number(organisation.total)}</td>
              <td className="ar-progress__number">{number(organisation.published)}</td>
              <td className="ar-progress__number">{number(inProgress(organisation))}</td>
              <td className="ar-progress__number">
                {number(organisation.byState.ter_beoordeling)}
              </td>
              <td className="ar-progress__number">
                {organisation.highRisk.total === 0
                  ? '–'
                  : `${number(organisation.highRisk.registered)} / ${number(organisation.highRisk.total)}`}
              </td>
              <td className="ar-progress__number">{number(organisation.reviewsOverdue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {arranged.pageCount > 1 && (
        <nav
          className="ar-progress__pager"
          aria-label={text({ nl: 'Pagina’s van de tabel', en: 'Pages of the table' })}
        >
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            disabled={arranged.page <= 1}
            onClick={() => setPage(arranged.page - 1)}
          >
            {text({ nl: 'Vorige', en: 'Previous' })}
          </button>
          <span data-testid="progress-page">
            {text({
              nl: `Pagina ${arranged.page} van ${arranged.pageCount} (${number(arranged.matching)} organisaties)`,
              en: `Page ${arranged.page} of ${arranged.pageCount} (${number(arranged.matching)} organisations)`,
            })}
          </span>
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            disabled={arranged.page >= arranged.pageCount}
            onClick={() => setPage(arranged.page + 1)}
          >
            {text({ nl: 'Volgende', en: 'Next' })}
          </button>
        </nav>
      )}
      {arranged.matching === 0 && (
        <p>
          {text({
            nl: 'Geen organisatie gevonden met die naam.',
            en: 'No organisation found by that name.',
          })}
        </p>
      )}
    </section>
  )
}
