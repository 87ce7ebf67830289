/**
 * The bridge between a normalised national record (plain text, as the CSV export carries it) and
 * the fields of the register's `algorithms` collection, in both directions.
 */

import { htmlToText, textToLexical, type LexicalState } from '../standard/richText'
import type { LinkItem } from './flattenedLinks'
import type { NationalExportRecord, NormalisedRecord } from './normaliseRow'

/** Long texts the register keeps as editor state (the standard's HTML in public records). */
export const LONG_TEXT_FIELDS = [
  'goal',
  'proportionality',
  'human_intervention',
  'risks',
  'lawful_basis',
  'impacttoetsen',
  'source_data',
  'methods_and_models',
] as const

/** Plain text fields of the standard as the register stores them. */
export const PLAIN_FIELDS = [
  'name',
  'description_short',
  'status',
  'begin_date',
  'end_date',
  'contact_email',
  'website',
  'publication_category',
  'url',
  'source_id',
  'tags',
  'process_index_url',
  'provider',
  'publiccode',
] as const

/** The `{ title, link }` list fields. */
export const LINK_FIELDS = [
  'lawful_basis_grouping',
  'impacttoetsen_grouping',
  'source_data_grouping',
] as const

/** The public content of one algorithm as written to the `algorithms` collection. */
export type AlgorithmImportData = Record<(typeof PLAIN_FIELDS)[number], string | null> &
  Record<(typeof LONG_TEXT_FIELDS)[number], LexicalState | null> &
  Record<(typeof LINK_FIELDS)[number], LinkItem[]> & {
    category: string[]
    lang: string
  }

/**
 * The collection fields for a normalised record. Empty values become null (and empty lists), so
 * that an update also clears what the new data no longer has. Long texts become one paragraph
 * per line, which gives the same text back on export.
 */
export function toAlgorithmData(record: NormalisedRecord): AlgorithmImportData {
  const data = {} as AlgorithmImportData
  for (const field of PLAIN_FIELDS) data[field] = record[field] === '' ? null : record[field]
  for (const field of LONG_TEXT_FIELDS) {
    data[field] = record[field] === '' ? null : textToLexical(record[field])
  }
  for (const field of LINK_FIELDS) {
    data[field] = record[field].map((item) => ({ title: item.title, link: item.link }))
  }
  data.category = [...record.category]
  data.lang = record.lang || 'nld'
  return data
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function links(value: unknown): LinkItem[] {
  if (!Array.isArray(value)) return []
  return value.map((item: { title?: unknown; link?: unknown }) => ({
    title: text(item?.title),
    link: text(item?.link),
  }))
}

/**
 * A public record (standard keys, long texts as HTML) as a row of the national CSV export: long
 * texts as the export's stripped text (one line per paragraph, list item or line break).
 */
export function publicRecordToNational(
  record: Readonly<Record<string, unknown>>,
): NationalExportRecord {
  const out: NationalExportRecord = {}
  for (const field of PLAIN_FIELDS) out[field] = text(record[field])
  for (const field of LONG_TEXT_FIELDS) out[field] = htmlToText(text(record[field]))
  for (const field of LINK_FIELDS) out[field] = links(record[field])
  out.category = Array.isArray(record.category)
    ? record.category.filter((value): value is string => typeof value === 'string')
    : []
  out.organization = text(record.organization)
  out.lang = text(record.lang)
  out.standard_version = text(record.standard_version)
  out.lars = text(record.lars)
  return out
}
