'use client'
import { useConfig } from '@payloadcms/ui'
import type React from 'react'
import { useEffect, useState } from 'react'

import type { ProgressReport, ProgressTotals } from '../../reports/progressReport'
import { useAdminText } from '../i18n/useAdminText'
import { errorMessageOf } from '../workflow/workflowTypes'
import { ProgressChart } from './ProgressChart'

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
  const { text, language } = useAdminText()
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
  const number = (n: number) => n.toLocaleString(language === 'en' ? 'en-GB' : 'nl-NL')

  return (
    <section className="ar-progress" data-testid="progress-overview">
      <div className="ar-tasks__header">
        <h2>{text({ nl: 'Voortgang', en: 'Progress' })}</h2>
        <a className="btn btn--style-secondary btn--size-small" href={`${url}?format=csv`}>
          {text({ nl: 'Download als CSV', en: 'Download as CSV' })}
        </a>
      </div>
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
          {report.organisations.map((organisation) => (
            <tr key={organisation.id}>
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
    </section>
  )
}
