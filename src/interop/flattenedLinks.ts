/**
 * The national export's way of writing a list of `{ title, link }` pairs in one CSV cell.
 *
 * Observed in the national export (1,990 items in 869 rows): items are numbered from 1 and written
 * as `N: title, link`, joined by `. ` (period and space), with no period after the last item.
 * When an item has no link, only `N: title` is written (no comma). Because titles and links are
 * free text, both can contain commas, periods and numbers, some organisations typed the link into
 * the title box and the title into the link box, and "links" are sometimes a source name instead
 * of a URL (`Identificerende gegevens, Basisregistratie Personen (BRP)`). The reader below splits
 * as well as the format allows and warns where it had to guess.
 */

import type { BilingualText } from './bilingualText'

/** One entry of a grouping field (lawful basis, impact assessment or data source reference). */
export interface LinkItem {
  title: string
  link: string
}

/** Result of {@link parseFlattenedLinks}. */
export interface ParsedLinks {
  items: LinkItem[]
  /** Where the reader had to guess; the items are still returned. */
  warnings: BilingualText[]
}

/**
 * Writes items in the national format: `1: title, link. 2: title`. Titles and links are trimmed;
 * an item without a link is written without the comma, an item with only a link as `N: link`,
 * and an item with neither is left out (the numbering stays consecutive).
 */
export function flattenLinks(items: readonly LinkItem[]): string {
  return items
    .map((item) => ({ title: item.title.trim(), link: item.link.trim() }))
    .filter((item) => item.title !== '' || item.link !== '')
    .map((item, index) => {
      const body = [item.title, item.link].filter((part) => part !== '').join(', ')
      return `${index + 1}: ${body}`
    })
    .join('. ')
}

/** Start of something that is clearly a web address. */
const URL_START = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)/i
/** A comma (plus spaces) right before a web address: the most reliable title/link boundary. */
const COMMA_BEFORE_URL = /,\s*(?=(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:))/i

function looksLikeUrl(text: string): boolean {
  return URL_START.test(text)
}

/** Positions of `, ` that are not inside round brackets, e.g. `(aangifte-, aanslaggegevens)`. */
function topLevelCommas(text: string): number[] {
  const topLevel: number[] = []
  const all: number[] = []
  let depth = 0
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]
    if (ch === '(') depth += 1
    else if (ch === ')') depth = Math.max(0, depth - 1)
    else if (ch === ',' && /\s/.test(text[i + 1] ?? '')) {
      all.push(i)
      if (depth === 0) topLevel.push(i)
    }
  }
  // With unbalanced brackets the depth says nothing, so every comma counts.
  return depth === 0 ? topLevel : all
}

type Doubt = 'ambiguous' | 'swapped' | 'noTitle'

function splitAtComma(text: string): { item: LinkItem; ambiguous: boolean } {
  const beforeUrl = COMMA_BEFORE_URL.exec(text)
  if (beforeUrl && beforeUrl.index > 0) {
    const title = text.slice(0, beforeUrl.index).trim()
    const link = text.slice(beforeUrl.index + beforeUrl[0].length).trim()
    return { item: { title, link }, ambiguous: false }
  }
  const commas = topLevelCommas(text)
  if (commas.length === 0) {
    const linkOnly = looksLikeUrl(text) && !/\s/.test(text)
    return {
      item: linkOnly ? { title: '', link: text } : { title: text, link: '' },
      ambiguous: false,
    }
  }
  const cut = commas[0]
  const item = { title: text.slice(0, cut).trim(), link: text.slice(cut + 1).trim() }
  return { item, ambiguous: commas.length > 1 && !looksLikeUrl(item.title) }
}

/** Splits one item and notes what was doubtful about it. */
function splitItem(raw: string): { item: LinkItem; doubts: Doubt[] } {
  const { item, ambiguous } = splitAtComma(raw.trim())
  const doubts: Doubt[] = ambiguous ? ['ambiguous'] : []
  if (item.title === '' && item.link !== '') doubts.push('noTitle')
  if (looksLikeUrl(item.title) && item.link !== '' && !looksLikeUrl(item.link)) {
    // Organisations that typed the link into the title box: put both where they belong, so the
    // link field holds the web address the standard expects there.
    return { item: { title: item.link, link: item.title }, doubts: [...doubts, 'swapped'] }
  }
  return { item, doubts }
}

function doubtWarning(doubt: Doubt, positions: number[]): BilingualText {
  const which = positions.length === 1 ? `item ${positions[0]}` : `items ${positions.join(', ')}`
  switch (doubt) {
    case 'ambiguous':
      return {
        nl: `Bij ${which} is niet zeker waar de titel ophoudt en de link begint. We hebben bij de eerste komma gesplitst. Controleer dit.`,
        en: `In ${which} it is unclear where the title ends and the link starts. It was split at the first comma. Please check.`,
      }
    case 'swapped':
      return {
        nl: `Bij ${which} stond de link op de plaats van de titel. We hebben titel en link omgewisseld. Controleer dit.`,
        en: `In ${which} the link was in the place of the title. Title and link were swapped. Please check.`,
      }
    case 'noTitle':
      return {
        nl: `Bij ${which} staat alleen een link en geen titel.`,
        en: `In ${which} there is a link but no title.`,
      }
  }
}

function splitItems(parts: readonly string[]): ParsedLinks {
  const items: LinkItem[] = []
  const doubts = new Map<Doubt, number[]>()
  parts.forEach((part, index) => {
    const split = splitItem(part)
    items.push(split.item)
    for (const doubt of split.doubts) doubts.set(doubt, [...(doubts.get(doubt) ?? []), index + 1])
  })
  const warnings = [...doubts].map(([doubt, positions]) => doubtWarning(doubt, positions))
  return { items, warnings }
}

/**
 * Reads a cell in the national list format back into items.
 *
 * Items are found by their consecutive numbers: after item N the reader looks for the first
 * `. N+1: `, so numbers, periods and colons inside titles (`Artikel 172 lid 3`, `Hoofdstuk 6:`)
 * do not start a new item. Within an item, title and link are split at:
 * 1. the comma right before a web address (`…, https://…`), so titles may contain commas;
 * 2. otherwise the first comma outside round brackets (with a warning when there are more);
 * 3. no comma: the whole item is the title (or the link, when it is a single web address).
 * When the title is a web address and the link is not, the two are swapped back (with a warning):
 * some organisations typed them into each other's box.
 * Text that does not start with `1: ` is read as one item, with a warning.
 *
 * For well-formed values (trimmed titles and links, single spaces) `flattenLinks(parse(x).items)`
 * gives back `x`.
 */
export function parseFlattenedLinks(text: string): ParsedLinks {
  const warnings: BilingualText[] = []
  const value = text.trim()
  if (value === '') return { items: [], warnings }

  const first = /^1\s*:\s*/.exec(value)
  if (!first) {
    warnings.push({
      nl: 'De lijst is niet genummerd zoals verwacht ("1: titel, link. 2: …"). We hebben alles als één item gelezen.',
      en: 'The list is not numbered as expected ("1: title, link. 2: …"). It was read as one item.',
    })
    const single = splitItems([value])
    return { items: single.items, warnings: [...warnings, ...single.warnings] }
  }

  const parts: string[] = []
  let start = first[0].length
  for (let next = 2; ; next += 1) {
    const boundary = new RegExp(`\\.\\s+${next}\\s*:\\s`, 'g')
    boundary.lastIndex = start
    const match = boundary.exec(value)
    if (!match) {
      parts.push(value.slice(start))
      break
    }
    parts.push(value.slice(start, match.index))
    start = match.index + match[0].length
  }

  return splitItems(parts)
}
