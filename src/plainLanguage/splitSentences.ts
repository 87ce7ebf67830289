/**
 * Abbreviations (lower case, without the final full stop) that are always followed by more of
 * the same sentence, so a full stop after them never ends a sentence, even before a capital or a
 * number ("mr. Jansen", "art. 3", "ca. 200").
 */
const NON_FINAL_ABBREVIATIONS = new Set([
  'a.d.h.v',
  'apr',
  'art',
  'aug',
  'b.v',
  'bijv',
  'blz',
  'bv',
  'ca',
  'd.w.z',
  'dec',
  'dhr',
  'dr',
  'drs',
  'excl',
  'feb',
  'hfst',
  'i.o.m',
  'i.p.v',
  'i.v.m',
  'incl',
  'ing',
  'ir',
  'jan',
  'jul',
  'jun',
  'm.b.t',
  'm.i.v',
  'm.u.v',
  'max',
  'mevr',
  'min',
  'mr',
  'mrt',
  'mw',
  'nov',
  'nr',
  'o.a',
  'o.b.v',
  'okt',
  'pag',
  'prof',
  'resp',
  'sep',
  'sept',
  't.a.v',
  't.o.v',
  'tel',
  'vgl',
  'zgn',
])

/**
 * Abbreviations that can also close a sentence ("enz.", "etc.", "e.d.", "jl.", "z.s.m."). They
 * follow the general rule: the sentence ends only when the next word starts with a capital or a
 * number. Listed so the tokeniser can recognise them; see {@link isAbbreviation}.
 */
const MAY_END_ABBREVIATIONS = new Set(['a.s', 'e.a', 'e.d', 'e.v', 'enz', 'etc', 'jl', 'z.s.m'])

/** "1." or "a)" on its own numbers a list item; it is not a sentence but part of the next. */
const ENUMERATOR = /^\(?(?:\d{1,3}|\p{L})[.)]$/u

/**
 * True for a known Dutch abbreviation ("bijv", "o.a", "z.s.m"; lower case, final full stop
 * removed) or for any run of single letters with full stops between them ("a.d.h.v").
 */
export function isAbbreviation(lowerWithoutFinalStop: string): boolean {
  return (
    NON_FINAL_ABBREVIATIONS.has(lowerWithoutFinalStop) ||
    MAY_END_ABBREVIATIONS.has(lowerWithoutFinalStop) ||
    /^\p{L}(?:\.\p{L})+$/u.test(lowerWithoutFinalStop)
  )
}

/**
 * Unicode sentence boundaries (UAX #29) as ICU implements them for Dutch. They already keep a full
 * stop followed by a lower-case word, decimals, web and e-mail addresses inside a sentence, but
 * ICU has no Dutch abbreviation list: measured on the unit-test fixtures, it splits after "bijv.",
 * "o.a.", "mr.", "art.", "ca." (before a capital or a number), after initials ("Mr. | J.") and
 * after list numbers ("1. | Vul"). {@link continuesSentence} joins those pieces again.
 */
const SENTENCES = new Intl.Segmenter('nl', { granularity: 'sentence' })

/** Closing quotes or brackets after the full stop: `(bijv.)`. */
const CLOSERS = /["'”’»)\]]+$/
const OPENERS = /^[("'“‘«[]+/

/**
 * Splits plain text into sentences with `Intl.Segmenter`. Every line is a paragraph and ends a
 * sentence. Inside a paragraph a sentence ends at `.`, `!`, `?` or `…` followed by a word that
 * does not start with a lower-case letter.
 *
 * So "bijv. een aanvraag" stays one sentence, and so do decimals ("1.5", "2,5"), web addresses
 * and e-mail addresses. A full stop after a non-final abbreviation ("mr.", "art.", "ca.") or a
 * single letter ("J. de Vries") never ends a sentence, and a list number ("1.") belongs to the
 * item it numbers. Limits: a sentence that wrongly starts with a lower-case letter is joined to
 * the one before it, and "enz. Daarna" is split even when the writer meant one sentence.
 *
 * @returns the sentences with their whitespace collapsed to single spaces
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = []
  for (const line of text.split(/\r?\n|\r/)) {
    const paragraph = line.replace(/\s+/g, ' ').trim()
    if (!paragraph) continue
    let sentence = ''
    for (const { segment } of SENTENCES.segment(paragraph)) {
      const piece = segment.trim()
      if (sentence && !/^\p{Ll}/u.test(piece) && !continuesSentence(sentence)) {
        sentences.push(sentence)
        sentence = ''
      }
      sentence = sentence ? `${sentence} ${piece}` : piece
    }
    if (sentence) sentences.push(sentence)
  }
  return sentences
}

/** True when ICU ended a sentence where Dutch does not: see {@link SENTENCES}. */
function continuesSentence(fragment: string): boolean {
  if (ENUMERATOR.test(fragment)) return true
  const end = fragment.replace(CLOSERS, '')
  if (!end.endsWith('.') || end.endsWith('..')) return false
  const token = end
    .slice(end.lastIndexOf(' ') + 1, -1)
    .replace(OPENERS, '')
    .toLowerCase()
  // A single letter before the full stop is an initial or part of an abbreviation.
  return NON_FINAL_ABBREVIATIONS.has(token) || /^\p{L}$/u.test(token)
}
