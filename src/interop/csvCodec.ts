/**
 * RFC 4180 CSV reading and writing, with the options needed to write files in exactly the style of
 * the national Algoritmeregister export.
 *
 * The national export (checked byte for byte against the 869-row English export) is written as:
 * UTF-8 with a byte order mark, a comma as separator, LF (`\n`) after every row including the last,
 * and fields quoted only when they contain a comma, a double quote, CR or LF ("minimal" quoting;
 * empty values are written as nothing at all, not as `""`). Line breaks inside quoted values are
 * kept exactly as the organisation typed them, so a file can hold both CRLF and LF inside values.
 */

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
  /** Physical line (1-based) where the broken value starts. */
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

const BOM = '\uFEFF'

/**
 * Reads CSV text into rows of cells (RFC 4180).
 *
 * - A leading byte order mark is removed.
 * - Rows may end in CRLF, LF or a lone CR; a final line break does not create an empty row.
 * - Quoted fields may contain commas, line breaks (kept as they are) and doubled quotes (`""`).
 * - Completely empty lines are skipped: a one-column file cannot express an empty value that way,
 *   and {@link serializeCsv} writes such a row as `""` so the round trip still holds.
 * - Lenient where RFC 4180 is strict but the meaning is clear: a quote inside an unquoted field,
 *   or text right after a closing quote, is kept as ordinary text.
 *
 * @throws CsvParseError when a quoted field is never closed, because every later row would
 *   silently be swallowed into that one value.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(BOM) ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let line = 1
  let sawQuotes = false
  let i = 0
  const n = input.length

  const endRow = (): void => {
    row.push(field)
    field = ''
    if (sawQuotes || !(row.length === 1 && row[0] === '')) rows.push(row)
    row = []
    sawQuotes = false
  }

  while (i < n) {
    const ch = input[i]
    if (ch === '"' && field === '') {
      const startLine = line
      sawQuotes = true
      i += 1
      let closed = false
      while (i < n) {
        const c = input[i]
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i += 1
          closed = true
          break
        }
        if (c === '\n' || (c === '\r' && input[i + 1] !== '\n')) line += 1
        field += c
        i += 1
      }
      if (!closed) {
        throw new CsvParseError(startLine, {
          nl: `Het bestand is niet goed te lezen: de waarde die begint op regel ${startLine} heeft geen afsluitend aanhalingsteken (").`,
          en: `The file cannot be read: the value starting on line ${startLine} has no closing quote (").`,
        })
      }
      continue
    }
    if (ch === ',') {
      row.push(field)
      field = ''
      i += 1
      continue
    }
    if (ch === '\r' || ch === '\n') {
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1
      line += 1
      endRow()
      continue
    }
    field += ch
    i += 1
  }
  if (field !== '' || row.length > 0) endRow()
  return rows
}

const NEEDS_QUOTES = /[",\r\n]/

function writeField(value: string, quoteAll: boolean): string {
  if (quoteAll || NEEDS_QUOTES.test(value)) return `"${value.replace(/"/g, '""')}"`
  return value
}

/**
 * Writes rows as CSV text. With {@link NATIONAL_CSV_STYLE} the output matches the national
 * register's export byte for byte.
 */
export function serializeCsv(rows: string[][], options: SerializeCsvOptions): string {
  const lines = rows.map((cells) => {
    // A lone empty cell would become an empty line, which readers skip: quote it so it survives.
    if (cells.length === 1 && cells[0] === '') return '""'
    return cells.map((cell) => writeField(cell, options.quoteAll)).join(',')
  })
  const body = lines.map((l) => l + options.eol).join('')
  return options.bom ? BOM + body : body
}
