'use client'
import { useAllFormFields } from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import type React from 'react'
import { useMemo } from 'react'

import { analyseAlgorithmTexts } from '../../plainLanguage/analyseAlgorithmTexts'
import { describeReadability } from '../../plainLanguage/describeReadability'
import { summarisePlainLanguage } from '../../plainLanguage/summarisePlainLanguage'
import { publicationStandard, type StandardKey } from '../../standard/publicationStandard'
import { useAdminText } from '../i18n/useAdminText'

/**
 * Plain language in the workflow panel, live: the same analysis of the same form values as the
 * tips under each field, so the panel and the fields never disagree. Per field the band and
 * score and the number of points to fix; the server repeats the check when it is submitted.
 */
export const PlainLanguageOverview: React.FC = () => {
  const [fields] = useAllFormFields()
  const { text, language } = useAdminText()
  const reports = useMemo(
    () => analyseAlgorithmTexts(reduceFieldsToValues(fields, true) as Record<string, unknown>),
    [fields],
  )
  const summary = summarisePlainLanguage(reports)
  const keys = Object.keys(reports) as StandardKey[]
  if (keys.length === 0) return null

  return (
    <section className="ar-panel__section" data-testid="plain-language-overview">
      <h3 className="ar-panel__heading">{text({ nl: 'Eenvoudige taal', en: 'Plain language' })}</h3>
      <p>
        {summary.warnings === 0
          ? text({
              nl: 'Geen verbeterpunten in de teksten.',
              en: 'Nothing to fix in the texts.',
            })
          : text({
              nl: `${summary.warnings} ${summary.warnings === 1 ? 'verbeterpunt' : 'verbeterpunten'}. De tips staan onder de velden.`,
              en: `${summary.warnings} ${summary.warnings === 1 ? 'point' : 'points'} to fix. The tips are below the fields.`,
            })}
      </p>
      <ul className="ar-plain-overview">
        {keys.map((key) => {
          const verdict = describeReadability(reports[key])
          return (
            <li
              key={key}
              className={`ar-plain-overview__item ar-plain-overview__item--${verdict.tone}`}
            >
              <strong>{publicationStandard[key].title[language]}</strong>:{' '}
              {verdict.band ? `${text(verdict.band)}. ` : ''}
              {text(verdict.summary)}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
