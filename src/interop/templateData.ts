/**
 * Which fields of another organisation's published description a template copies.
 *
 * Copied: what describes the algorithm itself (what it does, why, how, on which legal basis,
 * which data, which risks, who supplies it, the EU database entry of the AI system). Left empty:
 * what is true only for the organisation that published it (whether and since when it is in use,
 * its contact details and web pages, its own reference number and processing register). Copying
 * those would put another organisation's contact address into a new draft, where it is easily
 * overlooked and published. Internal fields are never read: the source is the public record.
 */

import { htmlToLexical, type LexicalState } from '../standard/richText'
import type { LinkItem } from './flattenedLinks'
import { LINK_FIELDS, LONG_TEXT_FIELDS } from './algorithmImportData'

/** Fields copied from the template, in the standard's keys. */
export const TEMPLATE_COPIED_FIELDS = [
  'name',
  'description_short',
  'category',
  'publication_category',
  'goal',
  'proportionality',
  'human_intervention',
  'risks',
  'lawful_basis',
  'lawful_basis_grouping',
  'impacttoetsen',
  'impacttoetsen_grouping',
  'source_data',
  'source_data_grouping',
  'methods_and_models',
  'provider',
  'publiccode',
  'tags',
  'lang',
  'eu_database_url',
] as const

/** Public fields left empty because they belong to the template's organisation. */
export const TEMPLATE_CLEARED_FIELDS = [
  'status',
  'begin_date',
  'end_date',
  'contact_email',
  'website',
  'url',
  'source_id',
  'process_index_url',
] as const

/** The new draft's fields, and which of the copied ones had a value. */
export interface TemplateData {
  data: Record<string, string | string[] | LexicalState | LinkItem[] | null>
  /** Copied fields that had a value in the template. */
  copied: string[]
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/**
 * The fields of a new draft based on a public record (the standard's keys, long texts as HTML,
 * high-risk extras under `eu_ai_act`).
 */
export function templateData(record: Readonly<Record<string, unknown>>): TemplateData {
  const data: TemplateData['data'] = {}
  const copied: string[] = []
  const longTexts = new Set<string>(LONG_TEXT_FIELDS)
  const lists = new Set<string>(LINK_FIELDS)
  const euAiAct = (record.eu_ai_act ?? {}) as Record<string, unknown>
  for (const field of TEMPLATE_COPIED_FIELDS) {
    const value = field === 'eu_database_url' ? euAiAct.eu_database_url : record[field]
    if (field === 'category') {
      const themes = Array.isArray(value)
        ? value.filter((item): item is string => typeof item === 'string')
        : []
      data.category = themes
      if (themes.length > 0) copied.push(field)
    } else if (lists.has(field)) {
      const items = Array.isArray(value)
        ? value.map((item: { title?: unknown; link?: unknown }) => ({
            title: text(item?.title),
            link: text(item?.link),
          }))
        : []
      data[field] = items
      if (items.length > 0) copied.push(field)
    } else if (longTexts.has(field)) {
      const html = text(value)
      data[field] = html.trim() === '' ? null : htmlToLexical(html)
      if (html.trim() !== '') copied.push(field)
    } else {
      const plain = text(value)
      data[field] = plain === '' ? null : plain
      if (plain !== '') copied.push(field)
    }
  }
  for (const field of TEMPLATE_CLEARED_FIELDS) data[field] = null
  return { data, copied }
}
