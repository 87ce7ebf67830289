/**
 * Output safety, the second line behind input validation: what the register serves to the public
 * never carries markup outside the standard's HTML fields, whatever is stored (rows written before
 * validation got stricter, imports, direct database edits).
 *
 * sanitize-html does the sanitising; htmlparser2 (which sanitize-html itself uses) reads text.
 */

import { Parser } from 'htmlparser2'
import sanitizeHtml from 'sanitize-html'

import { htmlToLexical, lexicalToHtml } from './richText'

// Elements whose content is code or a widget, not text for readers.
const NON_TEXT_TAGS = [
  'script',
  'style',
  'template',
  'textarea',
  'option',
  'noscript',
  'noembed',
  'noframes',
  'iframe',
  'object',
  'svg',
  'math',
  'title',
  'xmp',
]

const STANDARD_HTML: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'ul', 'ol', 'li'],
  allowedAttributes: {},
  allowedSchemes: [],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: NON_TEXT_TAGS,
  transformTags: { div: 'p' },
}

const NO_HTML: sanitizeHtml.IOptions = {
  ...STANDARD_HTML,
  allowedTags: [],
  transformTags: {},
}

// The bare tags of the standard and the entities its writer uses. A string that holds no '<',
// '>' or '&' besides these can hold no other element, attribute, comment or entity: it is passed
// on as it is, which keeps published bytes (and ETags) stable and spares the sanitiser's cost on
// every public read. Anything else goes through sanitize-html.
const CLEAN_PARTS = /<\/?(?:p|ul|ol|li)>|<br>|&(?:amp|lt|gt|quot|#39);/g
const isCleanStandardHtml = (html: string): boolean => !/[<>&]/.test(html.replace(CLEAN_PARTS, ''))

/**
 * The standard's HTML for a long text: only p, br, ul, ol and li, no attributes, no comments;
 * scripts and styles go with their content, other tags keep their text, `div` becomes `p`. What
 * sanitize-html leaves is written in the register's canonical form (the bytes an approval
 * writes); HTML that is already clean is returned unchanged.
 */
export function sanitiseStandardHtml(value: unknown): string {
  if (typeof value !== 'string' || value === '') return ''
  if (isCleanStandardHtml(value)) return value
  return lexicalToHtml(htmlToLexical(sanitizeHtml(value, STANDARD_HTML)))
}

/**
 * The standard's HTML for a field edited as plain text that may hold it (`tags`): sanitised like
 * {@link sanitiseStandardHtml}, but not rewritten into paragraphs. Text stays text; `&`, `<` and
 * `>` in it are escaped, as HTML needs.
 */
export function sanitiseHtmlFragment(value: unknown): string {
  if (typeof value !== 'string' || value === '') return ''
  if (isCleanStandardHtml(value)) return value
  return sanitizeHtml(value, STANDARD_HTML)
}

const decodedText = (html: string): string => {
  let text = ''
  const parser = new Parser(
    {
      ontext(data) {
        text += data
      },
    },
    { decodeEntities: true },
  )
  parser.end(html)
  return text
}

// Each round removes markup or decodes an entity, so it shortens the text; a few rounds end
// any honest text, and a deliberately layered one loses its remaining markup characters.
const MAX_ROUNDS = 6

/**
 * Plain text with every tag, comment and script removed and entities decoded, as a reader
 * would see it. It is the same text whether a front-end inserts it as text or as HTML: the
 * result holds no tag and no entity that an HTML parser would read differently
 * (`a < b` stays `a < b`; `&lt;script&gt;` does not come back as a script). White space is kept.
 * In XML (the Atom feed) the XML writer still escapes it.
 */
export function toPlainText(value: unknown): string {
  if (typeof value !== 'string') return ''
  let current = value
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    // Without '<' or '&' there is nothing an HTML parser could read as markup.
    if (!/[<&]/.test(current)) return current
    const next = decodedText(sanitizeHtml(current, NO_HTML))
    if (next === current) return current
    current = next
  }
  return current.replace(/[<>&]/g, '')
}

// Schemes that make a browser run code when the address is used as a link.
const SCRIPT_SCHEME = /^(?:javascript|vbscript|livescript|data):/i

/**
 * A web address or e-mail address as plain text ({@link toPlainText}), or '' when it starts with
 * a scheme that runs code (javascript:, vbscript:, data:), also when white space or control
 * characters (which browsers ignore there) hide it.
 */
export function toSafeLink(value: unknown): string {
  const text = toPlainText(value)
  return SCRIPT_SCHEME.test(text.replace(/[\u0000-\u0020\u007f]+/g, '')) ? '' : text
}
