/**
 * The text the import prints at the end, and the counts its progress bar shows. Pure: the CLI
 * decides where the text goes.
 */

import type { BilingualText } from './bilingualText'
import type { ImportResult, OutcomeCounts, RowReport } from './importRegister'
import type { ImportWarningKind } from './readImportFile'

/** Language of the printed texts. */
export type SummaryLanguage = 'nl' | 'en'

/** Rejected rows that share a reason. */
export interface RejectionGroup {
  field: string
  /** The reason with the values that differ per row replaced by `…`. */
  message: BilingualText
  rows: number[]
}

// Values in messages are quoted ("…" or '…'): without them, rows with the same problem share a text.
const QUOTED = /"[^"]*"|'[^']*'|“[^”]*”|‘[^’]*’/g

function pattern(text: string): string {
  return text.replace(QUOTED, '…').replace(/\d+/g, '#')
}

/**
 * Groups rejected rows by field and reason, largest group first, so that 50 rows with the same
 * invalid link show as one line.
 */
export function groupRejections(rows: readonly RowReport[]): RejectionGroup[] {
  const groups = new Map<string, RejectionGroup>()
  for (const row of rows) {
    if (row.outcome !== 'rejected') continue
    for (const reason of row.reasons) {
      const message = { nl: pattern(reason.message.nl), en: pattern(reason.message.en) }
      // source_data_grouping.3.link and .4.link are the same problem in another list item.
      const field = reason.field.replace(/\.\d+(?=\.|$)/g, '[]')
      const key = `${field}\u0000${message.nl}`
      const group = groups.get(key) ?? { field, message, rows: [] }
      if (!group.rows.includes(row.rowNumber)) group.rows.push(row.rowNumber)
      groups.set(key, group)
    }
  }
  return [...groups.values()].sort(
    (a, b) => b.rows.length - a.rows.length || a.field.localeCompare(b.field),
  )
}

/** How many warnings of one kind each field got, most first. */
export function countWarningsByField(
  rows: readonly RowReport[],
  kind: ImportWarningKind,
): Array<{ field: string; count: number }> {
  const counts = new Map<string, number>()
  for (const row of rows) {
    for (const warning of row.warnings) {
      if (warning.kind === kind) counts.set(warning.field, (counts.get(warning.field) ?? 0) + 1)
    }
  }
  return [...counts.entries()]
    .map(([field, count]) => ({ field, count }))
    .sort((a, b) => b.count - a.count || a.field.localeCompare(b.field))
}

function number(value: number, language: SummaryLanguage, digits = 0): string {
  return value.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
}

function rowList(rows: readonly number[], language: SummaryLanguage, max = 10): string {
  const shown = rows.slice(0, max).join(', ')
  if (rows.length <= max) return shown
  const more = rows.length - max
  return language === 'nl' ? `${shown} en ${more} meer` : `${shown} and ${more} more`
}

const OUTCOME_LABELS: Record<keyof OutcomeCounts, BilingualText> = {
  created: { nl: 'Nieuw', en: 'Created' },
  updated: { nl: 'Bijgewerkt', en: 'Updated' },
  unchanged: { nl: 'Ongewijzigd', en: 'Unchanged' },
  rejected: { nl: 'Afgewezen', en: 'Rejected' },
}

const LABEL_LANGUAGE: Record<string, BilingualText> = {
  nl: { nl: 'Nederlandse labels', en: 'Dutch labels' },
  en: { nl: 'Engelse labels', en: 'English labels' },
  mixed: { nl: 'Nederlandse en Engelse labels', en: 'Dutch and English labels' },
  unknown: { nl: 'labels niet herkend', en: 'labels not recognised' },
}

/** Rows per second, for the progress bar and the summary. */
export function rowsPerSecond(done: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (done * 1000) / elapsedMs : 0
}

/** The counts so far, for the import's progress bar: `nieuw 430 · bijgewerkt 0 · …`. */
export function progressCounts(counts: OutcomeCounts, language: SummaryLanguage = 'nl'): string {
  return (Object.keys(OUTCOME_LABELS) as Array<keyof OutcomeCounts>)
    .map((key) => `${OUTCOME_LABELS[key][language].toLowerCase()} ${counts[key]}`)
    .join(' · ')
}

/** Options of {@link formatImportSummary}. */
export interface SummaryOptions {
  language?: SummaryLanguage
  /** Also list every rejected row and every warning. */
  verbose?: boolean
}

/** The summary printed at the end of an import. */
export function formatImportSummary(result: ImportResult, options: SummaryOptions = {}): string {
  const language = options.language ?? 'nl'
  const t = (text: BilingualText) => text[language]
  const lines: string[] = []
  const seconds = result.durationMs / 1000
  const rate = rowsPerSecond(result.total, result.durationMs)
  const format = `${result.format.toUpperCase()}, ${t(LABEL_LANGUAGE[result.labelLanguage] ?? LABEL_LANGUAGE.unknown)}`
  lines.push(
    t({
      nl: `Import van ${result.fileName} (${format}): ${result.total} rijen in ${number(seconds, language, 1)} s (${number(rate, language, 1)} rijen/s), op naam van ${result.importer.name}.`,
      en: `Import of ${result.fileName} (${format}): ${result.total} rows in ${number(seconds, language, 1)} s (${number(rate, language, 1)} rows/s), in the name of ${result.importer.name}.`,
    }),
  )
  if (result.dryRun) {
    lines.push(
      t({
        nl: 'PROEFDRAAI: alles is echt uitgevoerd en gecontroleerd, en daarna teruggedraaid. Er is niets opgeslagen.',
        en: 'DRY RUN: everything was really carried out and checked, then rolled back. Nothing was saved.',
      }),
    )
  }
  const width = Math.max(...Object.values(OUTCOME_LABELS).map((label) => t(label).length))
  for (const key of Object.keys(OUTCOME_LABELS) as Array<keyof OutcomeCounts>) {
    lines.push(
      `  ${`${t(OUTCOME_LABELS[key])}:`.padEnd(width + 2)}${String(result.counts[key]).padStart(6)}`,
    )
  }
  if (result.organisationsCreated.length > 0) {
    const unsure = result.organisationsCreated.filter((o) => !o.certain)
    lines.push(
      t({
        nl: `${result.committed ? 'Organisaties aangemaakt' : 'Nieuwe organisaties (niet opgeslagen)'}: ${result.organisationsCreated.length}${unsure.length > 0 ? ` (bij ${unsure.length} is de soort "overig" gekozen omdat de naam niets zegt; controleer die)` : ''}.`,
        en: `${result.committed ? 'Organisations created' : 'New organisations (not saved)'}: ${result.organisationsCreated.length}${unsure.length > 0 ? ` (${unsure.length} got type "other" because the name says nothing; check them)` : ''}.`,
      }),
    )
  }
  if (result.missingColumns.length > 0) {
    lines.push(
      t({
        nl: `Kolommen die het bestand niet heeft (blijven leeg): ${result.missingColumns.join(', ')}.`,
        en: `Columns the file does not have (left empty): ${result.missingColumns.join(', ')}.`,
      }),
    )
  }
  if (result.unknownColumns.length > 0) {
    lines.push(
      t({
        nl: `Onbekende kolommen (niet ingelezen): ${result.unknownColumns.join(', ')}.`,
        en: `Unknown columns (not imported): ${result.unknownColumns.join(', ')}.`,
      }),
    )
  }
  const groups = groupRejections(result.rows)
  if (groups.length > 0) {
    lines.push(t({ nl: 'Afgewezen rijen, per reden:', en: 'Rejected rows, by reason:' }))
    for (const group of groups) {
      const rows = group.rows.length === 1 ? { nl: 'rij', en: 'row' } : { nl: 'rijen', en: 'rows' }
      lines.push(
        `  - ${group.field}: ${t(group.message)} (${group.rows.length} ${t(rows)}: ${rowList(group.rows, language)})`,
      )
    }
  }
  const changed = countWarningsByField(result.rows, 'changed')
  const cleaned = countWarningsByField(result.rows, 'cleaned')
  const listCounts = (items: Array<{ field: string; count: number }>) =>
    items.map((item) => `${item.field} ${item.count}`).join(', ')
  if (changed.length > 0) {
    lines.push(
      t({
        nl: `Waarschuwingen (waarde aangepast of weggelaten; controleer) per veld: ${listCounts(changed)}.`,
        en: `Warnings (value changed or left out; check) by field: ${listCounts(changed)}.`,
      }),
    )
  }
  if (cleaned.length > 0) {
    lines.push(
      t({
        nl: `Opgeschoond zonder verandering van betekenis (spaties, Engelse labels) per veld: ${listCounts(cleaned)}.`,
        en: `Cleaned without a change in meaning (spaces, English labels) by field: ${listCounts(cleaned)}.`,
      }),
    )
  }
  if (options.verbose) {
    for (const row of result.rows) {
      for (const reason of row.reasons) {
        lines.push(
          `  ${t({ nl: 'rij', en: 'row' })} ${row.rowNumber} ✗ ${reason.field}: ${t(reason.message)}`,
        )
      }
      for (const warning of row.warnings) {
        lines.push(
          `  ${t({ nl: 'rij', en: 'row' })} ${row.rowNumber} ! ${warning.field}: ${t(warning.message)}`,
        )
      }
    }
  }
  lines.push(closingLine(result, t))
  return `${lines.join('\n')}\n`
}

function closingLine(result: ImportResult, t: (text: BilingualText) => string): string {
  const { counts } = result
  const changes = counts.created + counts.updated
  if (result.strict && !result.dryRun && !result.committed) {
    return t({
      nl: `STRIKT: er is niets opgeslagen, omdat ${counts.rejected} rij(en) zijn afgewezen. Los die op en importeer opnieuw.`,
      en: `STRICT: nothing was saved, because ${counts.rejected} row(s) were rejected. Fix them and import again.`,
    })
  }
  if (changes === 0) {
    return counts.rejected === 0
      ? t({
          nl: `Er is niets veranderd: alle ${counts.unchanged} rijen staan al precies zo in het register.`,
          en: `Nothing changed: all ${counts.unchanged} rows are already exactly like this in the register.`,
        })
      : t({
          nl: `Er is niets veranderd: ${counts.unchanged} rij(en) staan al zo in het register en ${counts.rejected} rij(en) zijn afgewezen.`,
          en: `Nothing changed: ${counts.unchanged} row(s) are already like this in the register and ${counts.rejected} row(s) were rejected.`,
        })
  }
  if (result.dryRun) {
    return t({
      nl: `Een echte import zou ${changes} beschrijving(en) publiceren en ${counts.rejected} rij(en) afwijzen.`,
      en: `A real import would publish ${changes} description(s) and reject ${counts.rejected} row(s).`,
    })
  }
  return t({
    nl: `Opgeslagen: ${changes} beschrijving(en) gepubliceerd als nieuwe versie${counts.rejected > 0 ? `; ${counts.rejected} rij(en) afgewezen (de andere rijen zijn wel opgeslagen)` : ''}.`,
    en: `Saved: ${changes} description(s) published as a new revision${counts.rejected > 0 ? `; ${counts.rejected} row(s) rejected (the other rows were saved)` : ''}.`,
  })
}
