import { lexicalToHtml, strippedLength } from '../../standard/richText'

/** How a field's limit is counted. */
export type LengthRule = 'characters' | 'withoutHtml'

function isLexical(value: unknown): boolean {
  return Boolean(value) && typeof value === 'object' && 'root' in (value as object)
}

/**
 * The length that the field's validator compares with the limit: plain text as typed
 * (`characters`), text with its HTML tags left out (`withoutHtml`), and rich text as the
 * characters an editor typed, line breaks excluded.
 */
export function measureLength(value: unknown, rule: LengthRule = 'characters'): number {
  if (typeof value === 'string')
    return rule === 'withoutHtml' ? strippedLength(value) : value.length
  if (isLexical(value)) return strippedLength(lexicalToHtml(value))
  return 0
}

/** The text the plain-language check reads: plain text as is, rich text as the standard's HTML. */
export function analysableText(value: unknown): string {
  if (typeof value === 'string') return value
  if (isLexical(value)) return lexicalToHtml(value)
  return ''
}
