import {
  publicationStandard,
  STANDARD_KEYS,
  type StandardKey,
} from '../standard/publicationStandard'
import { lexicalToHtml } from '../standard/richText'
import { analysePlainLanguage, type PlainLanguageReport } from './analysePlainLanguage'

/** The fields the plain-language check reads: the short description and every long text. */
export const ANALYSED_FIELDS: readonly StandardKey[] = STANDARD_KEYS.filter(
  (key) =>
    key === 'description_short' || (publicationStandard[key].kind === 'richText' && key !== 'tags'),
)

/**
 * Plain-language reports for an algorithm's texts, keyed by field. Accepts stored values
 * (editor JSON for long texts) or what an editor is typing (HTML or plain text).
 */
export function analyseAlgorithmTexts(
  doc: Record<string, unknown>,
): Record<string, PlainLanguageReport> {
  const reports: Record<string, PlainLanguageReport> = {}
  for (const key of ANALYSED_FIELDS) {
    const value = doc[key]
    if (value === undefined || value === null || value === '') continue
    const text = typeof value === 'string' ? value : lexicalToHtml(value)
    const report = analysePlainLanguage(text)
    if (report.stats.words > 0) reports[key] = report
  }
  return reports
}
