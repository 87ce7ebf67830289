/**
 * The register's public records as a file in the national Algoritmeregister's CSV format, so that
 * the national register (or anyone else) can read them with the same tools as its own export.
 * Reads only the public projection: what is public, nothing internal, nothing withdrawn.
 */

import type { PayloadRequest } from 'payload'

import { currentPublicRecords } from '../publicApi/projection'
import { sanitisePublicRecord } from '../publicApi/publicRecord'
import { publicRecordToNational } from './algorithmImportData'
import { NATIONAL_CSV_STYLE, serializeCsv } from './csvCodec'
import { NATIONAL_CSV_FIELDS, NATIONAL_CSV_HEADER } from './nationalCsvColumns'
import { toNationalRow, type NationalRowOptions } from './normaliseRow'

/** Options of {@link exportNationalCsv} and {@link nationalCsvFromPublicRecords}. */
export interface NationalExportOptions extends NationalRowOptions {
  /** Only these organisations (ids); all when omitted. */
  organisationIds?: readonly number[]
  /**
   * Quote every field. Default false: the national export quotes only fields that need it (checked
   * byte for byte against the real 869-row export), and the round trip needs the same style.
   */
  quoteAll?: boolean
  /** Leave out the trailing `algorithm_id` column, like the Dutch example export. */
  withoutAlgorithmId?: boolean
}

/**
 * Writes public records (as stored in `public_algorithms.record`: the standard's keys, long texts
 * as HTML) as a national CSV export: UTF-8 with BOM, the national header, one row per record in
 * the given order, long texts as stripped text, lists flattened as `1: title, link. 2: …`.
 */
export function nationalCsvFromPublicRecords(
  records: ReadonlyArray<Readonly<Record<string, unknown>>>,
  options: NationalExportOptions = {},
): string {
  const width = options.withoutAlgorithmId ? NATIONAL_CSV_FIELDS.length : NATIONAL_CSV_HEADER.length
  const rows = [
    [...NATIONAL_CSV_HEADER].slice(0, width),
    ...records.map((record) =>
      toNationalRow(publicRecordToNational(record), { labels: options.labels }).slice(0, width),
    ),
  ]
  return serializeCsv(rows, { ...NATIONAL_CSV_STYLE, quoteAll: options.quoteAll === true })
}

/**
 * The current public records (not withdrawn), ordered by LARS id so that the same register always
 * gives the same file, as a national CSV export. Runs in the request's transaction when it has one.
 */
export async function exportNationalCsv(
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  options: NationalExportOptions = {},
): Promise<string> {
  const records = await currentPublicRecords(req, options.organisationIds)
  return nationalCsvFromPublicRecords(
    // Rows stored before output was sanitised leave as plain text and the standard's HTML too.
    records.map((record) => sanitisePublicRecord(record)),
    options,
  )
}
