/**
 * Column names and label lists of the national Algoritmeregister CSV export (standard 1.0).
 *
 * These are the minimal facts the import/export code needs. The full field definitions live in
 * src/standard; the two are kept separate on purpose for now and will be reconciled later, so the
 * values here are copied from the standard (permitted values) and from the real exports (English
 * labels and the header order), not invented.
 */

/** Data columns of the national export, in the order both the Dutch and English files use. */
export const NATIONAL_CSV_FIELDS = [
  'name',
  'organization',
  'description_short',
  'category',
  'website',
  'status',
  'goal',
  'proportionality',
  'lawful_basis',
  'standard_version',
  'url',
  'contact_email',
  'lang',
  'publiccode',
  'source_data',
  'methods_and_models',
  'human_intervention',
  'risks',
  'provider',
  'process_index_url',
  'tags',
  'source_id',
  'begin_date',
  'end_date',
  'impacttoetsen',
  'publication_category',
  'lawful_basis_grouping',
  'impacttoetsen_grouping',
  'source_data_grouping',
] as const

/** A data column of the national export. */
export type NationalCsvField = (typeof NATIONAL_CSV_FIELDS)[number]

/**
 * Exact header of the full national export: the data columns, then `algorithm_id` (the LARS id,
 * stored as `lars` in the standard). The Dutch example export has the same order without
 * `algorithm_id`.
 */
export const NATIONAL_CSV_HEADER = [...NATIONAL_CSV_FIELDS, 'algorithm_id'] as const

/** A column of the full national export header. */
export type NationalCsvColumn = (typeof NATIONAL_CSV_HEADER)[number]

/** Column holding the LARS id in the national export. */
export const ALGORITHM_ID_COLUMN = 'algorithm_id'

/** Columns that hold a list of `{ title, link }` pairs, flattened as `1: title, link. 2: …`. */
export const GROUPING_FIELDS = [
  'lawful_basis_grouping',
  'impacttoetsen_grouping',
  'source_data_grouping',
] as const

/** A grouping column. */
export type GroupingField = (typeof GROUPING_FIELDS)[number]

/** Text columns: everything that is not a list, a fixed value, a date or the id. */
export const TEXT_FIELDS = [
  'name',
  'organization',
  'description_short',
  'website',
  'goal',
  'proportionality',
  'lawful_basis',
  'url',
  'contact_email',
  'publiccode',
  'source_data',
  'methods_and_models',
  'human_intervention',
  'risks',
  'provider',
  'process_index_url',
  'tags',
  'source_id',
  'impacttoetsen',
] as const

/** A text column. */
export type TextField = (typeof TEXT_FIELDS)[number]

/** Fields the standard marks as required (`required: true`). */
export const REQUIRED_FIELDS = [
  'name',
  'description_short',
  'organization',
  'status',
  'contact_email',
  'publication_category',
  'lang',
] as const

/** Permitted values of `status` (standard 1.0). */
export const STATUS_VALUES = ['In ontwikkeling', 'In gebruik', 'Buiten gebruik'] as const
/** A permitted `status`. */
export type StatusValue = (typeof STATUS_VALUES)[number]

/** Permitted values of `publication_category` (standard 1.0). */
export const PUBLICATION_CATEGORY_VALUES = [
  'Hoog-risico AI-systeem',
  'Impactvolle algoritmes',
  'Overige algoritmes',
] as const
/** A permitted `publication_category`. */
export type PublicationCategoryValue = (typeof PUBLICATION_CATEGORY_VALUES)[number]

/** Permitted values of `category` (themes, standard 1.0). */
export const CATEGORY_VALUES = [
  'Organisatie en bedrijfsvoering',
  'Cultuur en recreatie',
  'Economie',
  'Overheidsfinanciën',
  'Wonen',
  'Internationaal',
  'Migratie en integratie',
  'Natuur en milieu',
  'Onderwijs en wetenschap',
  'Openbare orde en veiligheid',
  'Recht',
  'Ruimte en infrastructuur',
  'Sociale zekerheid',
  'Verkeer',
  'Werk',
  'Zorg en gezondheid',
] as const
/** A permitted theme. */
export type CategoryValue = (typeof CATEGORY_VALUES)[number]

/** Permitted values of `lang` (ISO 639-3; only Dutch so far). */
export const LANG_VALUES = ['nld'] as const
/** A permitted `lang`. */
export type LangValue = (typeof LANG_VALUES)[number]

/** Permitted values of `standard_version`. */
export const STANDARD_VERSION_VALUES = ['1.0'] as const

/** English `status` labels of the English national export, with their Dutch value. */
export const STATUS_EN_TO_NL: Readonly<Record<string, StatusValue>> = {
  'In development': 'In ontwikkeling',
  'In use': 'In gebruik',
  'Out of use': 'Buiten gebruik',
}

/** English `publication_category` labels of the English national export. */
export const PUBLICATION_CATEGORY_EN_TO_NL: Readonly<Record<string, PublicationCategoryValue>> = {
  'High-Risk AI-system': 'Hoog-risico AI-systeem',
  'Impactful algorithms': 'Impactvolle algoritmes',
  'Other algorithms': 'Overige algoritmes',
}

/**
 * English theme labels of the English national export. All 16 labels that occur in the 869 rows
 * are here and each maps to exactly one Dutch value; the export has no other theme labels.
 */
export const CATEGORY_EN_TO_NL: Readonly<Record<string, CategoryValue>> = {
  'Organisation and business operations': 'Organisatie en bedrijfsvoering',
  'Culture and Recreation': 'Cultuur en recreatie',
  Economy: 'Economie',
  'Public finance': 'Overheidsfinanciën',
  Living: 'Wonen',
  International: 'Internationaal',
  'Migration and Integration': 'Migratie en integratie',
  'Nature and Environment': 'Natuur en milieu',
  'Education and Science': 'Onderwijs en wetenschap',
  'Public Order and Safety': 'Openbare orde en veiligheid',
  Law: 'Recht',
  'Space and Infrastructure': 'Ruimte en infrastructuur',
  'Social Security': 'Sociale zekerheid',
  Traffic: 'Verkeer',
  Work: 'Werk',
  'Health and Healthcare': 'Zorg en gezondheid',
}

/**
 * Other spellings of `lang`. The national CSV exports only use `nld`; the older JSON dump
 * (site-data) writes the language out, in Dutch or in English.
 */
export const LANG_ALIASES: Readonly<Record<string, LangValue>> = {
  nld: 'nld',
  nl: 'nld',
  dut: 'nld',
  nederlands: 'nld',
  dutch: 'nld',
}

function invert<V extends string>(map: Readonly<Record<string, V>>): Readonly<Record<V, string>> {
  const out = {} as Record<V, string>
  for (const [en, nl] of Object.entries(map) as [string, V][]) out[nl] = en
  return out
}

/** Dutch `status` value to the label of the English export. */
export const STATUS_NL_TO_EN = invert(STATUS_EN_TO_NL)
/** Dutch `publication_category` value to the label of the English export. */
export const PUBLICATION_CATEGORY_NL_TO_EN = invert(PUBLICATION_CATEGORY_EN_TO_NL)
/** Dutch theme to the label of the English export. */
export const CATEGORY_NL_TO_EN = invert(CATEGORY_EN_TO_NL)

/** Which labels a file uses for the fixed-value columns. */
export type LabelLanguage = 'nl' | 'en' | 'mixed' | 'unknown'

const NL_LABELS = new Set<string>([
  ...STATUS_VALUES,
  ...PUBLICATION_CATEGORY_VALUES,
  ...CATEGORY_VALUES,
])
const EN_LABELS = new Set<string>([
  ...Object.keys(STATUS_EN_TO_NL),
  ...Object.keys(PUBLICATION_CATEGORY_EN_TO_NL),
  ...Object.keys(CATEGORY_EN_TO_NL),
])

/**
 * Tells whether rows use the Dutch labels (`In gebruik`, `Sociale zekerheid`) or the English
 * labels of the English export (`In use`, `Social Security`), by looking at `status`,
 * `publication_category` and `category`. Only exact labels count; `mixed` means both occur, and
 * `unknown` that none was recognised. Rows are normalised value by value either way, so this is
 * information for the import report, not a switch.
 */
export function detectLabelLanguage(rows: readonly Record<string, string>[]): LabelLanguage {
  let nl = 0
  let en = 0
  for (const row of rows) {
    const values = [row.status, row.publication_category, ...(row.category ?? '').split(',')]
    for (const raw of values) {
      const value = (raw ?? '').trim()
      if (NL_LABELS.has(value)) nl += 1
      else if (EN_LABELS.has(value)) en += 1
    }
  }
  if (nl > 0 && en > 0) return 'mixed'
  if (nl > 0) return 'nl'
  if (en > 0) return 'en'
  return 'unknown'
}
