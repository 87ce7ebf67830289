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

/** A full stop, question mark, exclamation mark or ellipsis, plus closing quotes or brackets. */
const TERMINATOR = /[.!?…]+["'”’»)\]]*(?= )/g

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
 * Splits plain text into sentences. Every line is a paragraph and ends a sentence. Inside a
 * paragraph a sentence ends at `.`, `!`, `?` or `…` followed by a space and a word that does not
 * start with a lower-case letter.
 *
 * So "bijv. een aanvraag" stays one sentence, and so do decimals ("1.5", "2,5"), web addresses
 * and e-mail addresses (their dots are not followed by a space). A full stop after a
 * non-final abbreviation ("mr.", "art.", "ca.") or a single letter ("J. de Vries") never ends a
 * sentence. Limits: a sentence that wrongly starts with a lower-case letter is joined to the one
 * before it, and "enz. Daarna" is split even when the writer meant one sentence.
 *
 * @returns the sentences with their whitespace collapsed to single spaces
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = []
  for (const line of text.split(/\r?\n|\r/)) {
    const paragraph = line.replace(/\s+/g, ' ').trim()
    if (!paragraph) continue
    let start = 0
    let pending = ''
    for (const match of paragraph.matchAll(TERMINATOR)) {
      const end = (match.index ?? 0) + match[0].length
      if (!endsSentence(paragraph, match.index ?? 0, match[0], end)) continue
      const fragment = paragraph.slice(start, end).trim()
      start = end + 1
      if (ENUMERATOR.test(fragment)) {
        pending += `${fragment} `
        continue
      }
      sentences.push(pending + fragment)
      pending = ''
    }
    const rest = paragraph.slice(start).trim()
    if (rest || pending) sentences.push((pending + rest).trim())
  }
  return sentences
}

function endsSentence(paragraph: string, index: number, terminator: string, end: number): boolean {
  const next = paragraph[end + 1] ?? ''
  if (/\p{Ll}/u.test(next)) return false
  if (terminator[0] !== '.' || terminator.startsWith('..')) return true
  const tokenStart = paragraph.lastIndexOf(' ', index - 1) + 1
  const token = paragraph
    .slice(tokenStart, index)
    .replace(/^[("'“‘«[]+/, '')
    .toLowerCase()
  if (NON_FINAL_ABBREVIATIONS.has(token)) return false
  // A single letter before the full stop is an initial or part of an abbreviation.
  if (/^\p{L}$/u.test(token)) return false
  return true
}
