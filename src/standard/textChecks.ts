/**
 * Character-level checks every string the register receives goes through, whatever the field:
 * no control characters (PostgreSQL refuses NUL, and the others are invisible and break CSV and
 * feeds), no absurd lengths, and for plain-text fields no markup that a web page would render.
 */

/**
 * Longest string any field accepts, for fields without a limit of their own (the standard's
 * longest limit is 5,000 characters; this bounds what a client can make the register store).
 */
export const MAX_TEXT_LENGTH = 20_000

/** Deepest nesting of objects and arrays accepted inside a JSON or rich-text value. */
export const MAX_NESTING = 64

/** Most rows an array field (such as a list of links) accepts. */
export const MAX_ROWS = 200

// C0 controls except tab, line feed and carriage return, DEL, the non-characters U+FFFE and
// U+FFFF, and lone surrogate halves (which UTF-8 cannot carry: they would turn into U+FFFD).
const CONTROL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * The first control character in `value`, written as U+XXXX, or null when there is none.
 * Tab, line feed and carriage return are ordinary text.
 */
export function findControlCharacter(value: string): string | null {
  const match = CONTROL.exec(value)
  if (!match) return null
  return `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
}

// What an HTML parser reads as the start of a tag, an end tag, a comment, a doctype or a
// processing instruction. "a < b" and "<3" stay plain text.
const MARKUP = /<[A-Za-z/!?]/

/**
 * The start of the first piece of markup in `value` (e.g. `<script`), or null when the text
 * holds none. For plain-text fields, which front ends may render as HTML.
 */
export function findMarkup(value: string): string | null {
  const match = MARKUP.exec(value)
  if (!match) return null
  const rest = value.slice(match.index)
  const snippet = /^<[/!?]?[A-Za-z0-9-]*/.exec(rest)?.[0] ?? match[0]
  return snippet.length > 20 ? snippet.slice(0, 20) : snippet
}

/** Characters (code points), as the standard counts them; an emoji counts once. */
export function characterCount(value: string): number {
  return Array.from(value).length
}
