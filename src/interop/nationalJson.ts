/**
 * Reading JSON dumps of algorithm descriptions into the same normalised records as the CSV import.
 *
 * Supported shapes (anything else throws {@link UnsupportedJsonShapeError}):
 * - `records`: an array of objects with the standard's keys (`name`, `organization`, …), the id
 *   as `lars` or `algorithm_id` (string or number). `category` may be an array of themes or a
 *   comma-separated string; grouping fields may be arrays of `{ title, link }` or strings in the
 *   flattened CSV format. Long texts may hold the simple HTML the standard allows (`p`, `div`,
 *   `br`, `ul`, `ol`, `li`); it is turned into plain text with line breaks (list items get `- `).
 * - `record`: one such object on its own.
 * - `siteData`: the national register's full dump `{ "algoritme_versions": [ … ] }`. Its records
 *   are read the same way. The dump in the reference data follows the older standard 0.x (other
 *   keys, `standard_version` "0.1"); such records get an error and are not imported, because
 *   mapping the old fields onto 1.0 would be guesswork.
 * Not supported: the register's search overview (`{ "algoritmes": [ … ] }` with Dutch summary keys
 * such as `organisatie` and `doel`): it lacks required fields, so it cannot make a record.
 * Keys the standard does not know are ignored. Items are numbered from 1 in array order.
 */

import type { BilingualText } from './bilingualText'
import type { LinkItem } from './flattenedLinks'
import { GROUPING_FIELDS } from './nationalCsvColumns'
import {
  normaliseNationalInput,
  type NationalInputValue,
  type NormalisedRow,
  type RowWarning,
} from './normaliseRow'

/** Which JSON shape was recognised. */
export type NationalJsonShape = 'records' | 'record' | 'siteData'

/** Result of {@link normaliseNationalJson}. */
export interface NationalJsonImport {
  shape: NationalJsonShape
  /** One entry per item, in array order. */
  rows: NormalisedRow[]
}

/** Thrown when the JSON is not one of the supported shapes. */
export class UnsupportedJsonShapeError extends Error {
  /** Explanation for the person who uploaded the file. */
  readonly text: BilingualText

  constructor(text: BilingualText) {
    super(text.en)
    this.name = 'UnsupportedJsonShapeError'
    this.text = text
  }
}

/** Fields whose text may contain the simple HTML the standard allows. */
const HTML_FIELDS = new Set([
  'goal',
  'proportionality',
  'human_intervention',
  'risks',
  'lawful_basis',
  'impacttoetsen',
  'source_data',
  'methods_and_models',
  'tags',
])
const GROUPINGS = new Set<string>(GROUPING_FIELDS)
const RECORD_KEYS = ['name', 'organization', 'description_short', 'lars', 'algorithm_id']
const HTML_TAG = /<\/?(?:p|div|br|ul|ol|li)\b[^>]*>/i

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function htmlToPlainText(html: string): string {
  if (!HTML_TAG.test(html)) return html
  return html
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '- ')
    .replace(/<\/(?:p|div|li|ul|ol)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (value === null || value === undefined) return ''
  return undefined
}

function linkItem(value: unknown): LinkItem | undefined {
  if (typeof value === 'string') return { title: value, link: '' }
  if (!isObject(value)) return undefined
  return { title: scalar(value.title) ?? '', link: scalar(value.link) ?? '' }
}

function toInput(
  item: Record<string, unknown>,
  rowNumber: number,
): { input: Record<string, NationalInputValue>; warnings: RowWarning[] } {
  const input: Record<string, NationalInputValue> = {}
  const warnings: RowWarning[] = []
  const skipped = (field: string): void => {
    warnings.push({
      row: rowNumber,
      field,
      message: {
        nl: 'Deze waarde heeft een onverwachte vorm en is niet ingelezen.',
        en: 'This value has an unexpected form and was not imported.',
      },
    })
  }

  for (const [key, value] of Object.entries(item)) {
    if (Array.isArray(value)) {
      if (key === 'category') {
        input[key] = value.filter((v): v is string => typeof v === 'string')
        if (input[key].length !== value.length) skipped(key)
      } else if (GROUPINGS.has(key)) {
        const items = value.map(linkItem)
        input[key] = items.filter((v): v is LinkItem => v !== undefined)
        if (input[key].length !== value.length) skipped(key)
      } else {
        skipped(key)
      }
      continue
    }
    const text = scalar(value)
    if (text === undefined) {
      if (typeof value !== 'boolean') skipped(key)
      continue
    }
    input[key] = HTML_FIELDS.has(key) ? htmlToPlainText(text) : text
  }
  return { input, warnings }
}

function normaliseItem(item: unknown, rowNumber: number): NormalisedRow {
  if (!isObject(item)) {
    const empty = normaliseNationalInput({}, rowNumber)
    return {
      record: empty.record,
      warnings: [],
      errors: [
        {
          row: rowNumber,
          field: '*',
          message: {
            nl: 'Dit item is geen registratie (geen JSON-object).',
            en: 'This item is not a record (not a JSON object).',
          },
        },
      ],
    }
  }
  const { input, warnings } = toInput(item, rowNumber)
  const result = normaliseNationalInput(input, rowNumber)
  return { ...result, warnings: [...warnings, ...result.warnings] }
}

/**
 * Normalises a JSON dump of algorithm descriptions; see the module comment for the supported
 * shapes.
 *
 * @throws UnsupportedJsonShapeError for any other shape.
 */
export function normaliseNationalJson(data: unknown): NationalJsonImport {
  if (Array.isArray(data)) {
    return { shape: 'records', rows: data.map((item, index) => normaliseItem(item, index + 1)) }
  }
  if (isObject(data) && Array.isArray(data.algoritme_versions)) {
    return {
      shape: 'siteData',
      rows: data.algoritme_versions.map((item, index) => normaliseItem(item, index + 1)),
    }
  }
  if (isObject(data) && RECORD_KEYS.some((key) => key in data)) {
    return { shape: 'record', rows: [normaliseItem(data, 1)] }
  }
  throw new UnsupportedJsonShapeError({
    nl: 'Dit JSON-bestand kunnen we niet inlezen. Verwacht wordt een lijst van registraties met de sleutels van de publicatiestandaard (zoals "name" en "organization"), één zo\'n registratie, of de volledige dump van het Algoritmeregister met "algoritme_versions".',
    en: 'This JSON file cannot be imported. Expected a list of records with the keys of the publication standard (such as "name" and "organization"), one such record, or the full Algoritmeregister dump with "algoritme_versions".',
  })
}
