/**
 * How complete a description is, from an editor's point of view: what still blocks
 * publication, what the public page will show as "Veld niet ingevuld", and a percentage.
 */
import {
  publicationStandard,
  STANDARD_KEYS,
  type StandardKey,
  type StandardRecord,
} from './publicationStandard'
import { htmlToText, lexicalPlainText } from './richText'

/**
 * Fields the system sets, not editors, and that therefore do not count for completeness: the
 * organisation comes from the account the description belongs to, language and standard version
 * are fixed, and the Algoritme-ID and publication date are made when publishing. `organization`
 * and `lang` are required by the standard, so the system must always fill them.
 */
export const SYSTEM_FIELD_KEYS = [
  'organization',
  'lang',
  'standard_version',
  'lars',
  'publication_dt',
] as const satisfies readonly StandardKey[]

const systemKeys: ReadonlySet<StandardKey> = new Set(SYSTEM_FIELD_KEYS)

/** Fields editors fill, in the standard's order. */
export const EDITOR_FIELD_KEYS: readonly StandardKey[] = Object.freeze(
  STANDARD_KEYS.filter((key) => !systemKeys.has(key)),
)

/** The outcome of {@link assessCompleteness}. */
export interface CompletenessReport {
  /** Required editor fields that are empty; these block publication. */
  missingRequired: StandardKey[]
  /**
   * Fields that are shown even when empty (show_always) but are not required, and are empty:
   * the public page shows "Veld niet ingevuld" for them. Required fields are not repeated here.
   */
  emptyShownAlways: StandardKey[]
  /** Editor fields with content. */
  filled: number
  /** All editor fields. */
  total: number
  /** filled / total as a whole percentage. */
  percentage: number
}

const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === ''

/**
 * True when a value counts as not filled in for the field: missing, blank text, HTML with only
 * tags and white space, a Lexical value without text, a theme list without values, or a list of
 * links without a single item that has a title or a link.
 */
export function isEmptyStandardValue(key: StandardKey, value: unknown): boolean {
  if (value === null || value === undefined) return true
  switch (publicationStandard[key].kind) {
    case 'richText':
      if (typeof value === 'string') return htmlToText(value) === ''
      return lexicalPlainText(value) === ''
    case 'multiEnum':
      return !Array.isArray(value) || value.every(isBlank)
    case 'links':
      return (
        !Array.isArray(value) ||
        value.every((item: unknown) => {
          if (typeof item !== 'object' || item === null) return true
          const { title, link } = item as { title?: unknown; link?: unknown }
          return isBlank(title) && isBlank(link)
        })
      )
    default:
      return isBlank(value)
  }
}

/**
 * How complete a description is. Only editor fields count (see {@link SYSTEM_FIELD_KEYS});
 * values are judged by {@link isEmptyStandardValue}, not validated.
 */
export function assessCompleteness(record: Partial<StandardRecord>): CompletenessReport {
  const missingRequired: StandardKey[] = []
  const emptyShownAlways: StandardKey[] = []
  let filled = 0
  for (const key of EDITOR_FIELD_KEYS) {
    const definition = publicationStandard[key]
    if (!isEmptyStandardValue(key, record[key])) {
      filled += 1
    } else if (definition.required) {
      missingRequired.push(key)
    } else if (definition.showAlways === true) {
      emptyShownAlways.push(key)
    }
  }
  const total = EDITOR_FIELD_KEYS.length
  return {
    missingRequired,
    emptyShownAlways,
    filled,
    total,
    percentage: total === 0 ? 0 : Math.round((filled / total) * 100),
  }
}
