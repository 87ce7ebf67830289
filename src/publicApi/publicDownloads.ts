import { serializeCsv } from '../interop/csvCodec'
import type { LinkItem } from '../interop/flattenedLinks'
import { NATIONAL_CSV_HEADER } from '../interop/nationalCsvColumns'
import { toNationalRow, type NationalExportRecord } from '../interop/normaliseRow'
import { htmlToText } from '../standard/richText'
import { publicFields, type RunQuery } from './publicReaders'

/** Every field quoted, as the issue asks; otherwise the national export's bytes (BOM, LF). */
export const DOWNLOAD_CSV_STYLE = { bom: true, quoteAll: true, eol: '\n' } as const

const LONG_TEXT_FIELDS = [
  'goal',
  'proportionality',
  'human_intervention',
  'risks',
  'lawful_basis',
  'impacttoetsen',
  'source_data',
  'methods_and_models',
  'tags',
] as const

/** The public records of all published algorithms, or of one organisation, by organisation and name. */
export async function readPublishedRecords(
  run: RunQuery,
  organisation: string | null,
): Promise<Array<Record<string, unknown>>> {
  const rows = await run<{ record: Record<string, unknown> }>(
    `SELECT record FROM public_algorithms
     WHERE withdrawn_at IS NULL ${organisation ? 'AND organisation_code = $1' : ''}
     ORDER BY lower(organisation_name) COLLATE register_dutch, name_sort, lars`,
    organisation ? [organisation] : [],
  )
  return rows.map((row) => publicFields(row.record))
}

function links(value: unknown): LinkItem[] {
  if (!Array.isArray(value)) return []
  return value.map((item: Record<string, unknown>) => ({
    title: typeof item?.title === 'string' ? item.title : '',
    link: typeof item?.link === 'string' ? item.link : '',
  }))
}

/** One public record as a row of the national export: HTML stripped, lists flattened. */
export function toExportRecord(record: Record<string, unknown>): NationalExportRecord {
  const textOf = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : '')
  const result: Record<string, unknown> = {}
  for (const column of NATIONAL_CSV_HEADER) {
    if (column === 'algorithm_id') continue
    result[column] = textOf(column)
  }
  for (const key of LONG_TEXT_FIELDS) result[key] = htmlToText(textOf(key))
  result.category = Array.isArray(record.category) ? (record.category as string[]) : []
  result.lawful_basis_grouping = links(record.lawful_basis_grouping)
  result.impacttoetsen_grouping = links(record.impacttoetsen_grouping)
  result.source_data_grouping = links(record.source_data_grouping)
  result.lars = textOf('lars')
  return result as NationalExportRecord
}

/** The records as CSV in the national export's column order, UTF-8 with BOM, every field quoted. */
export function renderCsv(records: Array<Record<string, unknown>>): string {
  const rows = [
    [...NATIONAL_CSV_HEADER],
    ...records.map((record) => toNationalRow(toExportRecord(record))),
  ]
  return serializeCsv(rows, DOWNLOAD_CSV_STYLE)
}
