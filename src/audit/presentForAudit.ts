import { lexicalToHtml } from '../standard/richText'

/** Rich text is stored as editor JSON; the history shows it as the HTML the public sees. */
export function presentForAudit(_path: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && 'root' in value) {
    return lexicalToHtml(value)
  }
  return value
}
