/**
 * CSV reading and writing on csv-parse / csv-stringify, with the options needed to write files in
 * exactly the style of the national Algoritmeregister export.
 *
 * The national export (checked byte for byte against the 869-row English export) is written as:
 * UTF-8 with a byte order mark, a comma as separator, LF (`\n`) after every row including the last,
 * and fields quoted only when they contain a comma, a double quote, CR or LF ("minimal" quoting;
 * empty values are written as nothing at all, not as `""`). Line breaks inside quoted values are
 * kept exactly as the organisation typed them, so a file can hold both CRLF and LF inside values.
 */

import { CsvError, parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'

import type { BilingualText } from './bilingualText'

/** Options for {@link serializeCsv}. */
export interface SerializeCsvOptions {
  /** Start the text with a UTF-8 byte order mark, so spreadsheet programs detect UTF-8. */
  bom: boolean
  /** Quote every field; when false, only fields that need it are quoted. */
  quoteAll: boolean
  /** Written after every row, including the last one. */
  eol: '\r\n' | '\n'
}

/** The style of the national register's CSV export. */
export const NATIONAL_CSV_STYLE: SerializeCsvOptions = { bom: true, quoteAll: false, eol: '\n' }

/** Thrown when a CSV text cannot be read at all (so far only: a quoted value that never ends). */
export class CsvParseError extends Error {
  /** Physical line (1-based) where the row with the broken value starts. */
  readonly line: number
  /** Explanation for the person who uploaded the file. */
  readonly text: BilingualText

  constructor(line: number, text: BilingualText) {
    super(text.en)
    this.name = 'CsvParseError'
    this.line = line
    this.text = text
  }
}

/**
 * Reads CSV text into rows of cells (RFC 4180).
 *
 * - A leading byte order mark is removed.
 * - Rows may end in CRLF, LF or a lone CR, mixed in one file; a final line break does not create
 *   an empty row.
 * - Quoted fields may contain commas, line breaks (kept as they are) and doubled quotes (`""`).
 * - Completely empty lines are skipped: a one-column file cannot express an empty value that way,
 *   and {@link serializeCsv} writes such a row as `""` so the round trip still holds.
 * - Lenient where RFC 4180 is strict but the meaning is clear: a quote inside an unquoted field,
 *   or text right after a closing quote, is kept as written (`"ab"c` stays `"ab"c`).
 * - Rows may have different numbers of cells; the caller checks them against the header.
 *
 * @throws CsvParseError when a quoted field is never closed, because every later row would
 *   silently be swallowed into that one value.
 */
export function parseCsv(text: string): string[][] {
  // Where the last complete row ended, to say on which line the unreadable row starts.
  let lastRow = { lines: 0, emptyLines: 0 }
  try {
    return parse(text, {
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        lastRow = { lines: context.lines, emptyLines: context.empty_lines }
        return record
      },
    }) as string[][]
  } catch (error) {
    if (!(error instanceof CsvError) || error.code !== 'CSV_QUOTE_NOT_CLOSED') throw error
    // Blank lines skipped after the last complete row still count as lines of the file.
    const emptyLines =
      typeof error.empty_lines === 'number' ? error.empty_lines : lastRow.emptyLines
    const line = lastRow.lines + 1 + (emptyLines - lastRow.emptyLines)
    throw new CsvParseError(line, {
      nl: `Het bestand is niet goed te lezen: de waarde die begint op regel ${line} heeft geen afsluitend aanhalingsteken (").`,
      en: `The file cannot be read: the value starting on line ${line} has no closing quote (").`,
    })
  }
}

/**
 * Writes rows as CSV text. With {@link NATIONAL_CSV_STYLE} the output matches the national
 * register's export byte for byte.
 */
export function serializeCsv(rows: string[][], options: SerializeCsvOptions): string {
  return stringify(rows, {
    bom: options.bom,
    record_delimiter: options.eol,
    quoted: options.quoteAll,
    quoted_empty: options.quoteAll,
    // csv-stringify quotes only on the record delimiter it writes; any CR or LF must be quoted, or
    // a reader that accepts all three row endings (as parseCsv does) splits the value.
    quoted_match: /[\r\n]/,
    cast: {
      // A lone empty cell would become an empty line, which readers skip: quote it so it survives.
      string: (value, context) =>
        value === '' && rows[context.records]?.length === 1 ? { value, quoted_empty: true } : value,
    },
  })
}
