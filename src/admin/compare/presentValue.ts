import { htmlToText, lexicalPlainText } from '../../standard/richText'

function looksLikeHtml(value: string): boolean {
  return /<\/?(p|div|ul|ol|li|br)\b/i.test(value)
}

/**
 * A stored value as readable text for a side-by-side comparison: HTML and rich text as their
 * text (one paragraph or list item per line), lists of values one per line, links as
 * "title – link", and empty values as an empty string. Never HTML, so nothing from a snapshot is
 * rendered as markup.
 */
export function presentValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return looksLikeHtml(value) ? htmlToText(value) : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (item && typeof item === 'object' && ('title' in item || 'link' in item)) {
          const { title, link } = item as { title?: unknown; link?: unknown }
          return [title, link].filter((part) => typeof part === 'string' && part !== '').join(' – ')
        }
        return presentValue(item)
      })
      .filter((line) => line !== '')
      .join('\n')
  }
  if (typeof value === 'object' && 'root' in (value as object)) return lexicalPlainText(value)
  return JSON.stringify(value, null, 2)
}
