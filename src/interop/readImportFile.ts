/**
 * Reads a file for the register import: the national CSV export (Dutch or English labels, with or
 * without BOM) or a JSON dump, into normalised rows with every problem and clean-up attached.
 *
 * Two kinds of warnings are kept apart, so that the summary shows what matters first:
 * - `changed`: the value was changed in a way a person should check (a date read as a month, a
 *   theme left out, a list item split by guessing). These come from normaliseRow.
 * - `cleaned`: the value means the same after cleaning (spaces around it removed, an English or
 *   differently written label replaced by the standard's Dutch value).
 */

import type { BilingualText } from './bilingualText'
import { CsvParseError, parseCsv } from './csvCodec'
import { checkNationalHeader } from './nationalCsv'
import {
  CATEGORY_EN_TO_NL,
  CATEGORY_VALUES,
  GROUPING_FIELDS,
  TEXT_FIELDS,
  detectLabelLanguage,
  type LabelLanguage,
} from './nationalCsvColumns'
import { repairWebAddresses } from './repairWebAddresses'
import { UnsupportedJsonShapeError, normaliseNationalJson } from './nationalJson'
import {
  nationalRowObject,
  normaliseNationalRow,
  type NormalisedRecord,
  type RowError,
  type RowWarning,
} from './normaliseRow'

/** How serious a warning is; see the module comment. */
export type ImportWarningKind = 'changed' | 'cleaned'

/** A warning about one row, with its kind. */
export interface ImportWarning extends RowWarning {
  kind: ImportWarningKind
}

/** One record of the file, ready for the import. */
export interface ImportRow {
  /** CSV: the row as a spreadsheet numbers it (header = 1). JSON: the item, counted from 1. */
  rowNumber: number
  record: NormalisedRecord
  /** Problems that keep this row out of the register. */
  errors: RowError[]
  warnings: ImportWarning[]
  /** TOOI code of the organisation, when the file has a column for it; '' otherwise. */
  organisationCode: string
}

/** A whole file, read. */
export interface ImportSource {
  fileName: string
  format: 'csv' | 'json'
  /** Labels used for status, publication category and themes (CSV and JSON). */
  labelLanguage: LabelLanguage
  /** Columns of the national export the file does not have (CSV only). */
  missingColumns: string[]
  /** Columns the import does not know; their values are ignored (CSV only). */
  unknownColumns: string[]
  rows: ImportRow[]
}

/** The file as a whole cannot be imported; `text` says why, for the person who gave it. */
export class ImportFileError extends Error {
  readonly text: BilingualText

  constructor(text: BilingualText) {
    super(text.en)
    this.name = 'ImportFileError'
    this.text = text
  }
}

/** Columns without which no row could be imported: then the file is not an export at all. */
const ESSENTIAL_COLUMNS = ['name', 'organization', 'description_short', 'status']

/** Extra columns that may carry the organisation's TOOI code. */
const CODE_COLUMNS = ['organization_code', 'organisation_code', 'organisatiecode']

const LABEL_FIELDS = ['status', 'publication_category'] as const

function rawString(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

function hasOuterSpace(value: string): boolean {
  return value.trim() !== '' && value !== value.trim()
}

function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase()
}

const THEME_LOOKUP = new Map<string, string>([
  ...CATEGORY_VALUES.map((value): [string, string] => [labelKey(value), value]),
  ...Object.entries(CATEGORY_EN_TO_NL).map(([label, value]): [string, string] => [
    labelKey(label),
    value,
  ]),
])

/**
 * Notes on values that were cleaned without a change in meaning: spaces around a value, and
 * labels that were replaced by the standard's Dutch value (English export, other capitals).
 */
export function cleanupWarnings(
  raw: Readonly<Record<string, unknown>>,
  record: NormalisedRecord,
  rowNumber: number,
): ImportWarning[] {
  const warnings: ImportWarning[] = []
  const cleaned = (field: string, message: BilingualText, value: string): void => {
    warnings.push({ row: rowNumber, field, message, value, kind: 'cleaned' })
  }
  const spaced = [...TEXT_FIELDS, 'begin_date', 'end_date', ...GROUPING_FIELDS, ...LABEL_FIELDS]
  for (const field of spaced) {
    const value = rawString(raw[field])
    if (value !== undefined && hasOuterSpace(value)) {
      cleaned(
        field,
        {
          nl: 'Spaties of witregels voor of na de tekst zijn weggehaald.',
          en: 'Spaces or blank lines before or after the text were removed.',
        },
        value,
      )
    }
  }
  for (const field of LABEL_FIELDS) {
    const value = rawString(raw[field])?.trim()
    const result = record[field]
    if (value && result && value !== result) {
      cleaned(
        field,
        {
          nl: `"${value}" is vervangen door de waarde uit de standaard: "${result}".`,
          en: `"${value}" was replaced by the standard's value: "${result}".`,
        },
        value,
      )
    }
  }
  const category = raw.category
  const labels = (
    Array.isArray(category)
      ? category.filter((item): item is string => typeof item === 'string')
      : (rawString(category) ?? '').split(',')
  ).map((label) => label.trim())
  const replaced = labels.filter((label) => {
    const theme = THEME_LOOKUP.get(labelKey(label))
    return theme !== undefined && theme !== label
  })
  if (replaced.length > 0) {
    cleaned(
      'category',
      {
        nl: `Thema's zijn vervangen door de waarden uit de standaard: ${record.category.join(', ')}.`,
        en: `Themes were replaced by the standard's values: ${record.category.join(', ')}.`,
      },
      labels.join(', '),
    )
  }
  return warnings
}

function organisationCodeOf(raw: Readonly<Record<string, unknown>>): string {
  for (const column of CODE_COLUMNS) {
    const value = rawString(raw[column])?.trim()
    if (value) return value.toLowerCase()
  }
  return ''
}

function withKind(warnings: readonly RowWarning[]): ImportWarning[] {
  return warnings.map((warning) => ({ ...warning, kind: 'changed' as const }))
}

function readCsv(fileName: string, text: string): ImportSource {
  let table: string[][]
  try {
    table = parseCsv(text)
  } catch (error) {
    if (error instanceof CsvParseError) throw new ImportFileError(error.text)
    throw error
  }
  const [header = [], ...body] = table
  const check = checkNationalHeader(header)
  const absent = ESSENTIAL_COLUMNS.filter((column) => check.missing.includes(column))
  if (absent.length > 0) {
    throw new ImportFileError({
      nl: `Dit bestand lijkt geen export van het Algoritmeregister: de kolommen ${absent.join(', ')} ontbreken. De eerste regel moet de kolomnamen bevatten, zoals name, organization, description_short.`,
      en: `This file does not look like an Algoritmeregister export: the columns ${absent.join(', ')} are missing. The first line must hold the column names, such as name, organization, description_short.`,
    })
  }
  const objects = body.map((cells) => nationalRowObject(header, cells))
  const rows = body.map((cells, index): ImportRow => {
    const rowNumber = index + 2
    const result = normaliseNationalRow(objects[index], rowNumber)
    const warnings = [...withKind(result.warnings), ...repairWebAddresses(result.record, rowNumber)]
    if (cells.length !== header.length) {
      warnings.unshift({
        row: rowNumber,
        field: '*',
        kind: 'changed',
        message: {
          nl: `Deze rij heeft ${cells.length} cellen, maar de kopregel heeft ${header.length} kolommen. Controleer of de rij goed is ingelezen.`,
          en: `This row has ${cells.length} cells, but the header has ${header.length} columns. Check whether the row was read correctly.`,
        },
      })
    }
    warnings.push(...cleanupWarnings(objects[index], result.record, rowNumber))
    return {
      rowNumber,
      record: result.record,
      errors: result.errors,
      warnings,
      organisationCode: organisationCodeOf(objects[index]),
    }
  })
  return {
    fileName,
    format: 'csv',
    labelLanguage: detectLabelLanguage(objects),
    missingColumns: check.missing,
    unknownColumns: check.unknown.filter((column) => !CODE_COLUMNS.includes(column)),
    rows,
  }
}

function jsonItems(data: unknown): unknown[] {
  if (Array.isArray(data)) return data
  if (data && typeof data === 'object') {
    const versions = (data as { algoritme_versions?: unknown }).algoritme_versions
    return Array.isArray(versions) ? versions : [data]
  }
  return []
}

function readJson(fileName: string, text: string): ImportSource {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new ImportFileError({
      nl: `Dit JSON-bestand is niet goed te lezen: ${reason}`,
      en: `This JSON file cannot be read: ${reason}`,
    })
  }
  let result
  try {
    result = normaliseNationalJson(data)
  } catch (error) {
    if (error instanceof UnsupportedJsonShapeError) throw new ImportFileError(error.text)
    throw error
  }
  const items = jsonItems(data)
  const objects = items.map((item) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? (item as Record<string, unknown>)
      : {},
  )
  const labelRows = objects.map((item) => ({
    status: rawString(item.status) ?? '',
    publication_category: rawString(item.publication_category) ?? '',
    category: Array.isArray(item.category)
      ? item.category.join(',')
      : (rawString(item.category) ?? ''),
  }))
  const rows = result.rows.map((row, index): ImportRow => {
    const rowNumber = index + 1
    return {
      rowNumber,
      record: row.record,
      errors: row.errors,
      warnings: [
        ...withKind(row.warnings),
        ...repairWebAddresses(row.record, rowNumber),
        ...cleanupWarnings(objects[index] ?? {}, row.record, rowNumber),
      ],
      organisationCode: organisationCodeOf(objects[index] ?? {}),
    }
  })
  return {
    fileName,
    format: 'json',
    labelLanguage: detectLabelLanguage(labelRows),
    missingColumns: [],
    unknownColumns: [],
    rows,
  }
}

/**
 * Reads an import file. JSON is recognised by the `.json` extension or by text starting with
 * `[` or `{`; everything else is read as CSV.
 *
 * @throws ImportFileError when the file as a whole cannot be read (broken CSV quoting, invalid
 *   JSON, an unsupported JSON shape, or a CSV without the export's essential columns).
 */
export function readImportFile(fileName: string, text: string): ImportSource {
  const start = text.replace(/^\uFEFF/, '').trimStart()
  const json = /\.json$/i.test(fileName) || start.startsWith('[') || start.startsWith('{')
  return json ? readJson(fileName, text) : readCsv(fileName, text)
}
