/**
 * Reading and writing whole CSV files in the format of the national Algoritmeregister export.
 * See csvCodec for the byte-level style and normaliseRow for what happens to each value.
 */

import { NATIONAL_CSV_STYLE, parseCsv, serializeCsv } from './csvCodec'
import {
  NATIONAL_CSV_FIELDS,
  NATIONAL_CSV_HEADER,
  detectLabelLanguage,
  type LabelLanguage,
} from './nationalCsvColumns'
import {
  nationalRowObject,
  normaliseNationalRow,
  toNationalRow,
  type NationalExportRecord,
  type NationalRowOptions,
  type NormalisedRow,
} from './normaliseRow'

/** Result of {@link checkNationalHeader}. */
export interface NationalHeaderCheck {
  /** Data columns of the national export that the file does not have. */
  missing: string[]
  /** Columns the national export does not know; their values are not imported. */
  unknown: string[]
}

/** Result of {@link parseNationalCsv}. */
export interface NationalCsvImport {
  header: string[]
  /** Whether the file uses Dutch or English labels (information only). */
  labelLanguage: LabelLanguage
  missingColumns: string[]
  unknownColumns: string[]
  /** One entry per data row, in file order. */
  rows: NormalisedRow[]
}

/** Other names accepted for the id column. */
const ID_ALIASES = ['lars']

/**
 * Compares a header with the national export's columns. `algorithm_id` may be missing (the Dutch
 * export has none, and new records have no id yet); `lars` is accepted in its place.
 */
export function checkNationalHeader(header: readonly string[]): NationalHeaderCheck {
  const names = header.map((name) => name.replace(/^\uFEFF/, '').trim())
  const known = new Set<string>([...NATIONAL_CSV_HEADER, ...ID_ALIASES])
  return {
    missing: NATIONAL_CSV_FIELDS.filter((field) => !names.includes(field)),
    unknown: names.filter((name) => name !== '' && !known.has(name)),
  }
}

/**
 * Reads a national CSV export (Dutch or English labels) and normalises every row. Row numbers
 * in the issues are as a spreadsheet shows them: the header is row 1, the first record row 2.
 * A row with more or fewer cells than the header gets a warning on field `*`.
 *
 * @throws CsvParseError when the text is not readable as CSV at all.
 */
export function parseNationalCsv(text: string): NationalCsvImport {
  const [header = [], ...body] = parseCsv(text)
  const objects = body.map((cells) => nationalRowObject(header, cells))
  const check = checkNationalHeader(header)
  const rows = body.map((cells, index) => {
    const rowNumber = index + 2
    const result = normaliseNationalRow(objects[index], rowNumber)
    if (cells.length !== header.length) {
      result.warnings.unshift({
        row: rowNumber,
        field: '*',
        message: {
          nl: `Deze rij heeft ${cells.length} cellen, maar de kopregel heeft ${header.length} kolommen. Controleer of de rij goed is ingelezen.`,
          en: `This row has ${cells.length} cells, but the header has ${header.length} columns. Check whether the row was read correctly.`,
        },
      })
    }
    return result
  })
  return {
    header: header.map((name) => name.trim()),
    labelLanguage: detectLabelLanguage(objects),
    missingColumns: check.missing,
    unknownColumns: check.unknown,
    rows,
  }
}

/** Options for {@link serializeNationalCsv}. */
export interface NationalCsvWriteOptions extends NationalRowOptions {
  /** Leave out the trailing `algorithm_id` column, like the Dutch example export. */
  withoutAlgorithmId?: boolean
}

/**
 * Writes records as a national CSV export: header, one row per record, in the national style
 * (UTF-8 with BOM, minimal quoting, LF after every row).
 */
export function serializeNationalCsv(
  records: readonly NationalExportRecord[],
  options: NationalCsvWriteOptions = {},
): string {
  const width = options.withoutAlgorithmId ? NATIONAL_CSV_FIELDS.length : NATIONAL_CSV_HEADER.length
  const rows = [
    [...NATIONAL_CSV_HEADER].slice(0, width),
    ...records.map((record) => toNationalRow(record, options).slice(0, width)),
  ]
  return serializeCsv(rows, NATIONAL_CSV_STYLE)
}
