'use client'
import { useAllFormFields } from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import type React from 'react'
import { useMemo } from 'react'

import { assessCompleteness, EDITOR_FIELD_KEYS } from '../../standard/completeness'
import {
  publicationStandard,
  type StandardKey,
  type StandardRecord,
} from '../../standard/publicationStandard'
import { useAdminText } from '../i18n/useAdminText'

const REQUIRED_EDITOR_FIELDS = EDITOR_FIELD_KEYS.filter((key) => publicationStandard[key].required)

/**
 * How complete the description is, live while typing: the required fields first (they block
 * submission), then how much of the whole standard is filled in.
 */
export const CompletenessMeter: React.FC = () => {
  const [fields] = useAllFormFields()
  const { text, language } = useAdminText()
  const report = useMemo(
    () =>
      assessCompleteness(reduceFieldsToValues(fields, true) as unknown as Partial<StandardRecord>),
    [fields],
  )
  const requiredTotal = REQUIRED_EDITOR_FIELDS.length
  const requiredDone = requiredTotal - report.missingRequired.length
  const ready = report.missingRequired.length === 0
  const title = (key: StandardKey) => publicationStandard[key].title[language]

  return (
    <section className="ar-panel__section ar-meter" data-testid="completeness-meter">
      <h3 className="ar-panel__heading">{text({ nl: 'Volledigheid', en: 'Completeness' })}</h3>
      <p className={`ar-meter__required${ready ? ' ar-meter__required--done' : ''}`}>
        {ready
          ? text({
              nl: `Klaar om in te dienen: alle ${requiredTotal} verplichte velden zijn ingevuld.`,
              en: `Ready to submit: all ${requiredTotal} required fields are filled in.`,
            })
          : text({
              nl: `${requiredDone} van de ${requiredTotal} verplichte velden ingevuld. Die zijn nodig om in te dienen.`,
              en: `${requiredDone} of the ${requiredTotal} required fields filled in. They are needed to submit.`,
            })}
      </p>
      {!ready && (
        <ul className="ar-meter__missing">
          {report.missingRequired.map((key) => (
            <li key={key}>
              {text({ nl: 'Nog invullen: ', en: 'Still to fill in: ' })}
              {title(key)}
            </li>
          ))}
        </ul>
      )}
      <div
        className="ar-meter__bar"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={report.percentage}
        aria-label={text({
          nl: 'Ingevulde velden van de hele standaard',
          en: 'Fields of the whole standard filled in',
        })}
      >
        <span style={{ width: `${report.percentage}%` }} />
      </div>
      <p className="ar-meter__total">
        {text({
          nl: `De hele standaard: ${report.filled} van ${report.total} velden ingevuld (${report.percentage}%). Hoe meer, hoe beter voor de lezer.`,
          en: `The whole standard: ${report.filled} of ${report.total} fields filled in (${report.percentage}%). The more, the better for readers.`,
        })}
      </p>
      {report.emptyShownAlways.length > 0 && (
        <details className="ar-meter__details">
          <summary>
            {text({
              nl: `${report.emptyShownAlways.length} ${report.emptyShownAlways.length === 1 ? 'veld toont' : 'velden tonen'} “Veld niet ingevuld” op de openbare pagina`,
              en: `${report.emptyShownAlways.length} ${report.emptyShownAlways.length === 1 ? 'field shows' : 'fields show'} “Field not filled in” on the public page`,
            })}
          </summary>
          <ul>
            {report.emptyShownAlways.map((key) => (
              <li key={key}>{title(key)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
