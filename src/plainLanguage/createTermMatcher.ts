import type { PlainLanguageTerm } from './plainLanguageTerm'

/** One place where a listed term occurs in a sentence. */
export interface TermMatch {
  readonly entry: PlainLanguageTerm
  /** The words as written, whitespace collapsed; a gap is shown as `…` ("dient … te"). */
  readonly text: string
  readonly start: number
  readonly end: number
}

/** Finds every listed term in one sentence, longest phrase first, left to right. */
export type TermMatcher = (sentence: string) => TermMatch[]

/**
 * Words that stop a gap: "dient als voorbeeld om te laten zien" is not "dient … te" (must).
 * Missing a split verb group is better than a false warning.
 */
const GAP_STOPPERS = '(?:als|om|voor|tot|ter|en|of|maar)'
const GAP = `(?:\\s+(?!${GAP_STOPPERS}(?![\\p{L}\\p{N}]))[\\p{L}\\p{N}'’-]+){0,6}`
const WORD_CHAR = "[\\p{L}\\p{N}_'’-]"

/**
 * Compiles a word list into one case-insensitive regular expression, so a text is scanned once
 * per list instead of once per term. Terms match on word boundaries only (so "doch" does not
 * match in "dochter"); words inside a phrase match across any whitespace, including line breaks
 * and several spaces. Longer terms are tried first so "ter beschikking stellen" wins over a
 * shorter term that starts at the same place.
 */
export function createTermMatcher(entries: readonly PlainLanguageTerm[]): TermMatcher {
  const ordered = [...entries].sort((a, b) => b.term.length - a.term.length)
  const alternatives = ordered.map((entry) => `(${termPattern(entry.term)})`).join('|')
  const pattern = new RegExp(`(?<!${WORD_CHAR})(?:${alternatives})(?!${WORD_CHAR})`, 'giu')
  return (sentence) => {
    const matches: TermMatch[] = []
    pattern.lastIndex = 0
    for (let match = pattern.exec(sentence); match; match = pattern.exec(sentence)) {
      const group = match.findIndex((value, index) => index > 0 && value !== undefined)
      const entry = ordered[group - 1]
      if (!entry) continue
      const start = match.index
      const end = start + match[0].length
      matches.push({ entry, text: displayText(match[0], entry.term), start, end })
      // A gap may hold other listed words ("dient u middels … te"): look inside it too.
      if (entry.term.includes('…')) pattern.lastIndex = start + match[0].search(/\s|$/)
    }
    return matches
  }
}

function termPattern(term: string): string {
  const parts = term.trim().split(/\s+/)
  let pattern = ''
  for (const part of parts) {
    if (part === '…') pattern += GAP
    else pattern += `${pattern ? '\\s+' : ''}${escapeRegExp(part)}`
  }
  return pattern
}

function displayText(matched: string, term: string): string {
  const words = matched.split(/\s+/)
  if (!term.includes('…') || words.length <= term.split(/\s+/).length - 1) return words.join(' ')
  return `${words[0]} … ${words[words.length - 1]}`
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
