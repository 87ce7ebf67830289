/**
 * Turns one row of the national register's CSV export (Dutch or English labels) into a record
 * with the standard's keys and Dutch permitted values, and back.
 *
 * Decisions (each one is tested):
 * - Text is trimmed, CRLF becomes LF (line breaks are kept), and the HTML entities that the
 *   national export leaves behind after stripping HTML (`&amp;`, `&lt;`, `&gt;`, …) are decoded.
 *   None of this is reported: it changes no meaning, and reporting it would bury real problems.
 * - Rows are rejected (errors) only for problems that would make the record wrong: an empty
 *   required field, an unknown status, publication category or language, a publication standard
 *   other than 1.0, or an invalid LARS id. Problems in optional fields are warnings and the field
 *   is left empty or cleaned: an unreadable date becomes empty, an unknown theme is left out.
 * - English labels of the English export are translated to the Dutch values without a warning;
 *   matching ignores upper/lower case and extra spaces.
 * - `lang` left empty becomes `nld` (the only permitted value) with a warning.
 * - `standard_version` empty, `1`, `1.0` or `1.0.0` becomes `1.0` without a warning.
 * - `algorithm_id` (or `lars`) becomes `lars`; empty means "new record, id still to be made".
 */

import type { BilingualText } from './bilingualText'
import { flattenLinks, parseFlattenedLinks, type LinkItem } from './flattenedLinks'
import {
  CATEGORY_EN_TO_NL,
  CATEGORY_NL_TO_EN,
  CATEGORY_VALUES,
  GROUPING_FIELDS,
  LANG_ALIASES,
  LANG_VALUES,
  NATIONAL_CSV_HEADER,
  PUBLICATION_CATEGORY_EN_TO_NL,
  PUBLICATION_CATEGORY_NL_TO_EN,
  PUBLICATION_CATEGORY_VALUES,
  REQUIRED_FIELDS,
  STATUS_EN_TO_NL,
  STATUS_NL_TO_EN,
  STATUS_VALUES,
  TEXT_FIELDS,
  type CategoryValue,
  type GroupingField,
  type LangValue,
  type PublicationCategoryValue,
  type StatusValue,
  type TextField,
} from './nationalCsvColumns'
import { normaliseMonth } from './normaliseMonth'

/** A problem found in one row, pointing at the field it concerns. */
export interface RowIssue {
  /** Row number as given by the caller (for CSV: as a spreadsheet shows it, header = row 1). */
  row: number
  /** Standard key of the field, `lars` for the id, or `*` for the row as a whole. */
  field: string
  message: BilingualText
  /** The value as it was in the file, when that helps to find it. */
  value?: string
}

/** Something that was changed or left out; the row can still be imported. */
export type RowWarning = RowIssue
/** Something that makes the row unfit to import. */
export type RowError = RowIssue

/** A record in the standard's keys, with Dutch permitted values. */
export interface NormalisedRecord {
  name: string
  organization: string
  description_short: string
  category: CategoryValue[]
  website: string
  /** Empty only when the row has an error for this field. */
  status: StatusValue | ''
  goal: string
  proportionality: string
  lawful_basis: string
  /** Empty only when the row has an error for this field. */
  standard_version: '1.0' | ''
  url: string
  contact_email: string
  /** Empty only when the row has an error for this field. */
  lang: LangValue | ''
  publiccode: string
  source_data: string
  methods_and_models: string
  human_intervention: string
  risks: string
  provider: string
  process_index_url: string
  tags: string
  source_id: string
  /** `yyyy-mm` or empty. */
  begin_date: string
  /** `yyyy-mm` or empty. */
  end_date: string
  impacttoetsen: string
  /** Empty only when the row has an error for this field. */
  publication_category: PublicationCategoryValue | ''
  lawful_basis_grouping: LinkItem[]
  impacttoetsen_grouping: LinkItem[]
  source_data_grouping: LinkItem[]
  /** 8-digit LARS id (`algorithm_id` in the CSV), or empty for a record without one. */
  lars: string
}

/** Result of normalising one row. */
export interface NormalisedRow {
  record: NormalisedRecord
  warnings: RowWarning[]
  errors: RowError[]
}

/**
 * A value as it can arrive from CSV (always a string) or from JSON (lists already as arrays).
 * Strings for `category` are split at commas; strings for the grouping fields are read in the
 * flattened `1: title, link. 2: …` format.
 */
export type NationalInputValue = string | readonly string[] | readonly LinkItem[] | null | undefined

/** One record before normalisation, keyed by standard key (`algorithm_id` or `lars` for the id). */
export type NationalRecordInput = Readonly<Record<string, NationalInputValue>>

/** What {@link toNationalRow} writes; missing fields are written as empty cells. */
export interface NationalExportRecord {
  name?: string
  organization?: string
  description_short?: string
  category?: readonly string[]
  website?: string
  status?: string
  goal?: string
  proportionality?: string
  lawful_basis?: string
  standard_version?: string
  url?: string
  contact_email?: string
  lang?: string
  publiccode?: string
  source_data?: string
  methods_and_models?: string
  human_intervention?: string
  risks?: string
  provider?: string
  process_index_url?: string
  tags?: string
  source_id?: string
  begin_date?: string
  end_date?: string
  impacttoetsen?: string
  publication_category?: string
  lawful_basis_grouping?: readonly LinkItem[]
  impacttoetsen_grouping?: readonly LinkItem[]
  source_data_grouping?: readonly LinkItem[]
  lars?: string
}

/** Options for {@link toNationalRow}. */
export interface NationalRowOptions {
  /** Write the labels of the Dutch (default) or the English national export. */
  labels?: 'nl' | 'en'
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

/** Decodes in one pass, so `&amp;lt;` becomes `&lt;` and not `<`. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

function cleanText(text: string): string {
  return decodeEntities(text.replace(/\r\n?/g, '\n')).trim()
}

function asString(value: NationalInputValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  return value
    .map((item) => (typeof item === 'string' ? item : [item.title, item.link].join(', ')))
    .join(', ')
}

/** Compares labels without caring about case or repeated spaces. */
function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase()
}

function buildLookup<V extends string>(
  dutch: readonly V[],
  english: Readonly<Record<string, V>>,
): Map<string, V> {
  const lookup = new Map<string, V>()
  for (const value of dutch) lookup.set(labelKey(value), value)
  for (const [label, value] of Object.entries(english)) lookup.set(labelKey(label), value)
  return lookup
}

const STATUS_LOOKUP = buildLookup(STATUS_VALUES, STATUS_EN_TO_NL)
const PUBLICATION_CATEGORY_LOOKUP = buildLookup(
  PUBLICATION_CATEGORY_VALUES,
  PUBLICATION_CATEGORY_EN_TO_NL,
)
const CATEGORY_LOOKUP = buildLookup(CATEGORY_VALUES, CATEGORY_EN_TO_NL)
const LANG_LOOKUP = buildLookup(LANG_VALUES, LANG_ALIASES)

const FIELD_LABELS: Readonly<Record<string, BilingualText>> = {
  name: { nl: 'Naam', en: 'Name' },
  organization: { nl: 'Organisatienaam', en: 'Organisation' },
  description_short: { nl: 'Korte omschrijving', en: 'Short description' },
  status: { nl: 'Status', en: 'Status' },
  contact_email: { nl: 'Contactgegevens', en: 'Contact details' },
  publication_category: { nl: 'Publicatiecategorie', en: 'Publication category' },
  lang: { nl: 'Taal', en: 'Language' },
  begin_date: { nl: 'Begindatum', en: 'Start date' },
  end_date: { nl: 'Einddatum', en: 'End date' },
  category: { nl: 'Thema', en: 'Theme' },
}

function fieldLabel(field: string): BilingualText {
  return FIELD_LABELS[field] ?? { nl: field, en: field }
}

function quoteList(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ')
}

/** The LARS check digit: c = (3 × (d1 + d3 + d5 + d7) + (d2 + d4 + d6)) mod 10. */
function larsCheckDigit(firstSeven: string): number {
  const d = [...firstSeven].map(Number)
  return (3 * (d[0] + d[2] + d[4] + d[6]) + (d[1] + d[3] + d[5])) % 10
}

function emptyRecord(): NormalisedRecord {
  return {
    name: '',
    organization: '',
    description_short: '',
    category: [],
    website: '',
    status: '',
    goal: '',
    proportionality: '',
    lawful_basis: '',
    standard_version: '1.0',
    url: '',
    contact_email: '',
    lang: 'nld',
    publiccode: '',
    source_data: '',
    methods_and_models: '',
    human_intervention: '',
    risks: '',
    provider: '',
    process_index_url: '',
    tags: '',
    source_id: '',
    begin_date: '',
    end_date: '',
    impacttoetsen: '',
    publication_category: '',
    lawful_basis_grouping: [],
    impacttoetsen_grouping: [],
    source_data_grouping: [],
    lars: '',
  }
}

/** Collects issues for one row. */
class IssueList {
  readonly warnings: RowWarning[] = []
  readonly errors: RowError[] = []

  constructor(private readonly row: number) {}

  warn(field: string, message: BilingualText, value?: string): void {
    this.warnings.push(this.issue(field, message, value))
  }

  fail(field: string, message: BilingualText, value?: string): void {
    this.errors.push(this.issue(field, message, value))
  }

  private issue(field: string, message: BilingualText, value?: string): RowIssue {
    return value === undefined
      ? { row: this.row, field, message }
      : { row: this.row, field, message, value }
  }
}

function readEnum<V extends string>(
  field: 'status' | 'publication_category',
  raw: string,
  lookup: Map<string, V>,
  permitted: readonly V[],
  issues: IssueList,
): V | '' {
  const value = cleanText(raw)
  const label = fieldLabel(field)
  if (value === '') {
    issues.fail(field, {
      nl: `${label.nl} is verplicht, maar is leeg.`,
      en: `${label.en} is required, but is empty.`,
    })
    return ''
  }
  const found = lookup.get(labelKey(value))
  if (found !== undefined) return found
  issues.fail(
    field,
    {
      nl: `${label.nl} "${value}" is geen toegestane waarde. Kies uit: ${quoteList(permitted)}.`,
      en: `${label.en} "${value}" is not a permitted value. Choose from: ${quoteList(permitted)}.`,
    },
    raw,
  )
  return ''
}

function readCategories(value: NationalInputValue, issues: IssueList): CategoryValue[] {
  const parts =
    typeof value === 'string' || value === null || value === undefined
      ? (value ?? '').split(',')
      : value.map((item) => (typeof item === 'string' ? item : item.title))
  const raw = asString(value)
  const found: CategoryValue[] = []
  let unknown = 0
  for (const part of parts) {
    const label = cleanText(part)
    if (label === '') continue
    const theme = CATEGORY_LOOKUP.get(labelKey(label))
    if (theme === undefined) {
      unknown += 1
      issues.warn(
        'category',
        {
          nl: `Thema "${label}" bestaat niet en is weggelaten. Toegestaan zijn: ${quoteList(CATEGORY_VALUES)}.`,
          en: `Theme "${label}" does not exist and was left out. Permitted are: ${quoteList(CATEGORY_VALUES)}.`,
        },
        raw,
      )
    } else if (!found.includes(theme)) {
      found.push(theme)
    }
  }
  if (found.length === 0 && unknown === 0 && cleanText(raw) !== '') {
    issues.warn(
      'category',
      {
        nl: 'In het veld Thema staat geen thema. Het veld is leeg gelaten.',
        en: 'The Theme field holds no theme. The field was left empty.',
      },
      raw,
    )
  }
  return found
}

function readLang(raw: string, issues: IssueList): LangValue | '' {
  const value = cleanText(raw)
  if (value === '') {
    issues.warn('lang', {
      nl: 'Taal was leeg. We hebben "nld" (Nederlands) ingevuld, de enige toegestane taal.',
      en: 'Language was empty. It was set to "nld" (Dutch), the only permitted language.',
    })
    return 'nld'
  }
  const found = LANG_LOOKUP.get(labelKey(value))
  if (found !== undefined) return found
  issues.fail(
    'lang',
    {
      nl: `Taal "${value}" is niet toegestaan. Toegestaan is alleen: ${quoteList(LANG_VALUES)}.`,
      en: `Language "${value}" is not permitted. Only ${quoteList(LANG_VALUES)} is permitted.`,
    },
    raw,
  )
  return ''
}

function readStandardVersion(raw: string, issues: IssueList): '1.0' | '' {
  const value = cleanText(raw)
  if (value === '' || /^1(?:\.0){0,2}$/.test(value)) return '1.0'
  issues.fail(
    'standard_version',
    {
      nl: `Deze registratie volgt versie "${value}" van de publicatiestandaard. Alleen versie 1.0 kan worden ingelezen.`,
      en: `This record follows version "${value}" of the publication standard. Only version 1.0 can be imported.`,
    },
    raw,
  )
  return ''
}

function readMonthField(field: 'begin_date' | 'end_date', raw: string, issues: IssueList): string {
  const result = normaliseMonth(raw)
  if (result.reason === undefined) return result.value
  const label = fieldLabel(field)
  const suffix: BilingualText =
    result.outcome === 'invalid'
      ? { nl: ' Het veld is leeg gelaten.', en: ' The field was left empty.' }
      : { nl: '', en: '' }
  issues.warn(
    field,
    {
      nl: `${label.nl}: ${result.reason.nl}${suffix.nl}`,
      en: `${label.en}: ${result.reason.en}${suffix.en}`,
    },
    raw,
  )
  return result.value
}

function readLars(raw: string, issues: IssueList): string {
  const value = raw.trim()
  if (value === '') return ''
  if (!/^\d{8}$/.test(value)) {
    issues.fail(
      'lars',
      {
        nl: `Algoritme-ID "${value}" klopt niet: het moet precies 8 cijfers hebben.`,
        en: `Algorithm ID "${value}" is not valid: it must have exactly 8 digits.`,
      },
      raw,
    )
    return ''
  }
  if (larsCheckDigit(value.slice(0, 7)) !== Number(value[7])) {
    issues.fail(
      'lars',
      {
        nl: `Algoritme-ID "${value}" klopt niet: het controlecijfer (het laatste cijfer) past niet bij de andere cijfers. Waarschijnlijk is er een cijfer verkeerd overgenomen.`,
        en: `Algorithm ID "${value}" is not valid: the check digit (the last digit) does not match the other digits. Probably a digit was copied wrongly.`,
      },
      raw,
    )
    return ''
  }
  return value
}

function readGrouping(
  field: GroupingField,
  value: NationalInputValue,
  issues: IssueList,
): LinkItem[] {
  if (value === null || value === undefined) return []
  if (typeof value === 'string') {
    const parsed = parseFlattenedLinks(cleanText(value))
    for (const warning of parsed.warnings) issues.warn(field, warning, value)
    return parsed.items
  }
  return value
    .map((item) =>
      typeof item === 'string'
        ? { title: cleanText(item), link: '' }
        : { title: cleanText(item.title), link: cleanText(item.link) },
    )
    .filter((item) => item.title !== '' || item.link !== '')
}

/**
 * Normalises one record given with standard keys, from CSV or JSON. Use
 * {@link normaliseNationalRow} for CSV rows; this variant also accepts lists as arrays.
 */
export function normaliseNationalInput(
  input: NationalRecordInput,
  rowNumber: number,
): NormalisedRow {
  const issues = new IssueList(rowNumber)
  const record = emptyRecord()
  const text = (key: string): string => asString(input[key])
  // First, so that for a record in another version of the standard this is the first error.
  record.standard_version = readStandardVersion(text('standard_version'), issues)

  for (const field of TEXT_FIELDS as readonly TextField[]) record[field] = cleanText(text(field))
  for (const field of REQUIRED_FIELDS) {
    if (field === 'status' || field === 'publication_category' || field === 'lang') continue
    if (record[field] === '') {
      const label = fieldLabel(field)
      issues.fail(field, {
        nl: `${label.nl} is verplicht, maar is leeg.`,
        en: `${label.en} is required, but is empty.`,
      })
    }
  }

  record.category = readCategories(input.category, issues)
  record.status = readEnum('status', text('status'), STATUS_LOOKUP, STATUS_VALUES, issues)
  record.publication_category = readEnum(
    'publication_category',
    text('publication_category'),
    PUBLICATION_CATEGORY_LOOKUP,
    PUBLICATION_CATEGORY_VALUES,
    issues,
  )
  record.lang = readLang(text('lang'), issues)
  record.begin_date = readMonthField('begin_date', text('begin_date'), issues)
  record.end_date = readMonthField('end_date', text('end_date'), issues)
  for (const field of GROUPING_FIELDS) record[field] = readGrouping(field, input[field], issues)

  const id = text('algorithm_id').trim() !== '' ? text('algorithm_id') : text('lars')
  record.lars = readLars(id, issues)

  return { record, warnings: issues.warnings, errors: issues.errors }
}

/**
 * Normalises one row of the national CSV export, given as column name → cell (see
 * {@link nationalRowObject}). `rowNumber` is only used in the issues it reports.
 */
export function normaliseNationalRow(
  row: Record<string, string>,
  rowNumber: number,
): NormalisedRow {
  return normaliseNationalInput(row, rowNumber)
}

/**
 * Pairs a header with the cells of one row. Header names are trimmed; missing cells become empty
 * strings; cells beyond the header are ignored (the caller can compare the lengths); when a
 * column name occurs twice, the first one counts.
 */
export function nationalRowObject(
  header: readonly string[],
  cells: readonly string[],
): Record<string, string> {
  const row: Record<string, string> = {}
  header.forEach((name, index) => {
    const key = name.replace(/^\uFEFF/, '').trim()
    if (key !== '' && !(key in row)) row[key] = cells[index] ?? ''
  })
  return row
}

function exportLabel(
  value: string,
  toEnglish: Readonly<Record<string, string>>,
  english: boolean,
): string {
  return english ? (toEnglish[value] ?? value) : value
}

/**
 * Writes a record as the cells of one national export row, in {@link NATIONAL_CSV_HEADER} order:
 * text as given, themes joined with `, `, grouping lists flattened as `1: title, link. 2: …`, the
 * LARS id in `algorithm_id`. `lang` and `standard_version` default to `nld` and `1.0`, the only
 * values standard 1.0 permits, so records need not store them. With `labels: 'en'` status,
 * publication category and themes get the labels of the English export.
 */
export function toNationalRow(
  record: NationalExportRecord,
  options: NationalRowOptions = {},
): string[] {
  const english = options.labels === 'en'
  return NATIONAL_CSV_HEADER.map((column) => {
    switch (column) {
      case 'category':
        return (record.category ?? [])
          .map((theme) => exportLabel(theme, CATEGORY_NL_TO_EN, english))
          .join(', ')
      case 'status':
        return exportLabel(record.status ?? '', STATUS_NL_TO_EN, english)
      case 'publication_category':
        return exportLabel(
          record.publication_category ?? '',
          PUBLICATION_CATEGORY_NL_TO_EN,
          english,
        )
      case 'lawful_basis_grouping':
      case 'impacttoetsen_grouping':
      case 'source_data_grouping':
        return flattenLinks(record[column] ?? [])
      case 'algorithm_id':
        return record.lars ?? ''
      case 'lang':
        return record.lang || 'nld'
      case 'standard_version':
        return record.standard_version || '1.0'
      default:
        return record[column] ?? ''
    }
  })
}
