/**
 * Tags that start a new block in the browser. A block boundary ends the sentence before it:
 * a list item without a full stop is still read as a separate unit.
 */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
])

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g
const BLOCK_TAG_PRESENT = /<\/?(?:div|p|br|ul|ol|li)\b[^>]*>/i

/**
 * Turns the restricted HTML of the publication standard (div, br, p, ul, ol, li) or plain text
 * into plain text with one paragraph per line.
 *
 * In HTML, line breaks in the source are only layout, so they become spaces and the block tags
 * decide the paragraphs. Plain text (no block tags) keeps its line breaks as paragraph breaks.
 * Inline tags are removed without a space so that `<b>aan</b>vraag` stays one word. Entities are
 * decoded after the tags are gone, in one pass, so `&amp;lt;p&amp;gt;` never becomes a tag.
 */
export function htmlToText(input: string): string {
  if (!BLOCK_TAG_PRESENT.test(input) && !/<\/?[a-zA-Z][^>]*>/.test(input)) {
    return decodeEntities(input)
  }
  const isBlockHtml = BLOCK_TAG_PRESENT.test(input)
  const withoutHidden = input
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
  const source = isBlockHtml ? withoutHidden.replace(/[\r\n]+/g, ' ') : withoutHidden
  const stripped = source.replace(TAG, (_tag, name: string) =>
    BLOCK_TAGS.has(name.toLowerCase()) ? '\n' : '',
  )
  return decodeEntities(stripped)
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1))
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : entity
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity
  })
}
