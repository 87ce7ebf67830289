import type { PlainLanguageReport } from './analysePlainLanguage'

/** Totals over the plain-language reports of several fields. */
export interface PlainLanguageSummary {
  /** Number of `warning` findings over all fields. */
  readonly warnings: number
  /** Number of `info` findings over all fields. */
  readonly infos: number
  /** Fields with at least one warning, in the order of the input. */
  readonly fields: string[]
}

/**
 * Adds up the findings of the reports per field (for example `{ beschrijving: report }`), so the
 * workflow can block or allow submission according to the organisation's setting and tell the
 * editor which fields to look at. Only warnings name a field: info findings are advice.
 */
export function summarisePlainLanguage(
  reports: Record<string, PlainLanguageReport>,
): PlainLanguageSummary {
  let warnings = 0
  let infos = 0
  const fields: string[] = []
  for (const [field, report] of Object.entries(reports)) {
    let fieldWarnings = 0
    for (const finding of report.findings) {
      if (finding.severity === 'warning') fieldWarnings += 1
      else infos += 1
    }
    warnings += fieldWarnings
    if (fieldWarnings > 0) fields.push(field)
  }
  return { warnings, infos, fields }
}
