'use client'
import { useFormFields } from '@payloadcms/ui'
import type React from 'react'
import { useEffect, useState } from 'react'

import {
  analysePlainLanguage,
  type Finding,
  type PlainLanguageReport,
} from '../../plainLanguage/analysePlainLanguage'
import { describeReadability } from '../../plainLanguage/describeReadability'
import { useAdminText } from '../i18n/useAdminText'
import { analysableText, measureLength, type LengthRule } from './measureText'
import '../styles/registerAdmin.scss'

/** Props set in the collection config (clientProps) plus the field path Payload passes. */
export interface FieldAidsProps {
  path: string
  /** The field's maximum length; null when it has none. */
  maxLength: number | null
  /** Show plain-language findings for this field. */
  analyse: boolean
  lengthRule?: LengthRule
}

/** Findings shown at once; the rest behind "show all", so a long text does not bury the form. */
const VISIBLE_FINDINGS = 5
const ANALYSE_DELAY_MS = 300

function ordered(findings: readonly Finding[]): Finding[] {
  // Warnings first: they may block submission; advice comes after.
  return [...findings].sort(
    (a, b) => Number(a.severity !== 'warning') - Number(b.severity !== 'warning'),
  )
}

/**
 * Shown under a text field: how many characters are used of the standard's limit, and, for the
 * texts the public reads, plain-language tips while the editor types. The analysis runs in the
 * browser with the same rules the server uses when the description is submitted.
 */
export const FieldAids: React.FC<FieldAidsProps> = ({
  path,
  maxLength,
  analyse,
  lengthRule = 'characters',
}) => {
  const value = useFormFields(([fields]) => fields[path]?.value)
  const { text, language } = useAdminText()
  const [report, setReport] = useState<PlainLanguageReport | null>(null)
  const [showAll, setShowAll] = useState(false)

  useEffect(() => {
    if (!analyse) return undefined
    const timer = setTimeout(() => {
      const input = analysableText(value)
      setReport(input.trim() === '' ? null : analysePlainLanguage(input))
    }, ANALYSE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [analyse, value])

  const length = measureLength(value, lengthRule)
  const over = maxLength !== null && length > maxLength
  const nearLimit = maxLength !== null && !over && length >= maxLength * 0.9
  const findings = report ? ordered(report.findings) : []
  // The same verdict as the workflow panel: a band with its score, praise only for easy texts.
  const verdict = report ? describeReadability(report) : null
  const visible = showAll ? findings : findings.slice(0, VISIBLE_FINDINGS)
  const number = (n: number) => n.toLocaleString(language === 'en' ? 'en-GB' : 'nl-NL')

  return (
    <div className="ar-aids" data-aids-for={path}>
      {maxLength !== null && (
        <p
          className={`ar-count${over ? ' ar-count--over' : nearLimit ? ' ar-count--near' : ''}`}
          aria-live="polite"
        >
          {over
            ? text({
                nl: `${number(length)} van ${number(maxLength)} tekens: ${number(length - maxLength)} te veel. Maak de tekst korter.`,
                en: `${number(length)} of ${number(maxLength)} characters: ${number(length - maxLength)} too many. Shorten the text.`,
              })
            : text({
                nl: `${number(length)} van ${number(maxLength)} tekens`,
                en: `${number(length)} of ${number(maxLength)} characters`,
              })}
        </p>
      )}
      {analyse && report && findings.length > 0 && (
        <div
          className={`ar-plain${findings.some((f) => f.severity === 'warning') ? '' : ' ar-plain--tips'}`}
          role="status"
          aria-live="polite"
        >
          <p className="ar-plain__title">
            {text({ nl: 'Tips voor eenvoudige taal', en: 'Plain-language tips' })}
            {verdict?.band && (
              <span className={`ar-level ar-level--${report.level ?? 'none'}`}>
                {text(verdict.band)}
              </span>
            )}
          </p>
          {verdict && <p className="ar-plain__summary">{text(verdict.summary)}</p>}
          <ul className="ar-plain__list">
            {visible.map((finding, index) => (
              <li
                key={`${finding.code}-${finding.sentence ?? 0}-${finding.word ?? ''}-${index}`}
                className={`ar-finding ar-finding--${finding.severity}`}
              >
                <span className="ar-finding__kind">
                  {finding.severity === 'warning'
                    ? text({ nl: 'Verbeter', en: 'Fix' })
                    : text({ nl: 'Tip', en: 'Tip' })}
                </span>{' '}
                {text(finding.message)}
                {finding.code === 'long-sentence' && finding.suggestion && (
                  <span className="ar-finding__hint">
                    {' '}
                    {language === 'en'
                      ? 'Split it into two or more sentences, one message each.'
                      : finding.suggestion}
                    {finding.excerpt && <q className="ar-finding__excerpt">{finding.excerpt}</q>}
                  </span>
                )}
              </li>
            ))}
          </ul>
          {findings.length > VISIBLE_FINDINGS && (
            <button type="button" className="ar-link-button" onClick={() => setShowAll(!showAll)}>
              {showAll
                ? text({ nl: 'Minder tonen', en: 'Show fewer' })
                : text({
                    nl: `Alle ${findings.length} tips tonen`,
                    en: `Show all ${findings.length} tips`,
                  })}
            </button>
          )}
        </div>
      )}
      {analyse && report && verdict && findings.length === 0 && report.stats.words >= 5 && (
        <p
          className={`ar-plain ${verdict.tone === 'good' ? 'ar-plain--ok' : 'ar-plain--tips'}`}
          role="status"
        >
          {verdict.band && <span className="ar-level">{text(verdict.band)}</span>}{' '}
          {text(verdict.summary)}
        </p>
      )}
    </div>
  )
}
