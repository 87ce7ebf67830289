import { isAbbreviation } from './splitSentences'

/** What a token is; only `word` tokens are checked for long words, jargon and the like. */
export type WordTokenKind = 'word' | 'number' | 'url' | 'email'

/** One counted word in a sentence, without the punctuation around it. */
export interface WordToken {
  /** The word as written, without surrounding quotes, brackets or punctuation. */
  readonly text: string
  /** Offset of `text` in the sentence. */
  readonly start: number
  /** Offset just after `text` in the sentence. */
  readonly end: number
  readonly kind: WordTokenKind
  /** True for abbreviations such as "bijv.", "o.a." and "z.s.m.". */
  readonly abbreviation: boolean
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u
const HAS_LETTER = /\p{L}/u
const HAS_DIGIT = /\p{N}/u
/** Single letters joined by full stops: "o.a", "d.w.z". */
const DOTTED = /^\p{L}(?:\.\p{L})+$/u
const LEADING = /^[("'“‘«[{¿¡*•·–—-]+/u
const TRAILING = /[)"'”’»\]},.:;!?…]+$/u
const TRAILING_EXCEPT_STOP = /[)"'”’»\]},:;!?…]+$/u

const URL = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$/i
const DOMAIN =
  /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:nl|com|org|net|eu|be|de|gov|info|io|frl)(?:[/?#]\S*)?$/iu
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Splits one sentence into counted words. Numbers ("1.5", "2,5", "€ 25") count as words, and so
 * do web and e-mail addresses, each as a single word; punctuation and loose symbols do not.
 *
 * Not `Intl.Segmenter('nl', { granularity: 'word' })`: measured, it splits "e-mail" into "e" and
 * "mail", "www.noorderhaaks.nl/parkeren" into two words and "info@noorderhaaks.nl" into "info"
 * and "noorderhaaks.nl", which changes the word counts and the long-word check. Words here are
 * what is between spaces, which is what a Dutch reader counts.
 */
export function tokeniseSentence(sentence: string): WordToken[] {
  const tokens: WordToken[] = []
  for (const match of sentence.matchAll(/\S+/g)) {
    const raw = match[0]
    const leading = WORD_CHAR.test(raw[0]) ? 0 : (LEADING.exec(raw)?.[0].length ?? 0)
    const withoutLeading = raw.slice(leading)
    const text = WORD_CHAR.test(raw[raw.length - 1])
      ? withoutLeading
      : withoutLeading.replace(TRAILING, '')
    if (!text) continue
    const start = (match.index ?? 0) + leading
    const kind = classify(text)
    if (!kind) continue
    const abbreviation =
      kind === 'word' &&
      ((withoutLeading.replace(TRAILING_EXCEPT_STOP, '').endsWith('.') &&
        isAbbreviation(text.toLowerCase())) ||
        DOTTED.test(text))
    tokens.push({ text, start, end: start + text.length, kind, abbreviation })
  }
  return tokens
}

function classify(text: string): WordTokenKind | undefined {
  if (text.includes('@') && EMAIL.test(text)) return 'email'
  if ((text.includes('.') || text.includes(':')) && (URL.test(text) || DOMAIN.test(text))) {
    return 'url'
  }
  if (HAS_LETTER.test(text)) return 'word'
  if (HAS_DIGIT.test(text)) return 'number'
  return undefined
}
