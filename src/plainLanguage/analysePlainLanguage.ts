import { countSyllables } from './countSyllables'
import { createTermMatcher, type TermMatch } from './createTermMatcher'
import { findPassiveVoice } from './findPassiveVoice'
import { htmlToText } from './htmlToText'
import { jargon } from './jargon'
import { officialese } from './officialese'
import { splitSentences } from './splitSentences'
import { tokeniseSentence, type WordToken } from './tokeniseSentence'

/** What a finding is about. */
export type FindingCode =
  | 'long-sentence'
  | 'long-word'
  | 'officialese'
  | 'jargon'
  | 'passive-voice'
  | 'low-readability'

/** `warning` findings may block submission, depending on the organisation's setting. */
export type FindingSeverity = 'info' | 'warning'

/** Flesch-Douma band; see {@link READABILITY_BANDS}. */
export type ReadabilityLevel = 'makkelijk' | 'redelijk' | 'moeilijk'

/** A text for the editor in Dutch (B1) and English. */
export interface LocalisedMessage {
  readonly nl: string
  readonly en: string
}

/** One thing the editor can change. */
export interface Finding {
  readonly code: FindingCode
  readonly severity: FindingSeverity
  /** 1-based number of the sentence; absent for findings about the whole text. */
  readonly sentence?: number
  /** The word or phrase as written in the text. */
  readonly word?: string
  /** A short piece of the sentence around the problem, to find it back. */
  readonly excerpt?: string
  /** What to write instead, in Dutch. */
  readonly suggestion?: string
  readonly message: LocalisedMessage
}

/** Counts behind the scores. */
export interface PlainLanguageStats {
  readonly sentences: number
  readonly words: number
  readonly syllables: number
  /** Words per sentence, rounded to 1 decimal. */
  readonly averageSentenceLength: number
  /** Syllables per word, rounded to 2 decimals. */
  readonly averageSyllablesPerWord: number
  /** Words longer than `maxWordLength` letters, with the same exclusions as `long-word`. */
  readonly longWords: number
}

/** The outcome of {@link analysePlainLanguage}. */
export interface PlainLanguageReport {
  readonly method: 'flesch-douma'
  /** Flesch-Douma score, 0 (very hard) to 100 (very easy), 1 decimal; null without words. */
  readonly score: number | null
  readonly level: ReadabilityLevel | null
  /** LIX (läsbarhetsindex), 1 decimal; lower is easier; null without words. */
  readonly lix: number | null
  readonly stats: PlainLanguageStats
  /** Ordered by sentence and position; findings about the whole text come last. */
  readonly findings: readonly Finding[]
}

/** Thresholds for the analysis. Every option is optional; see the defaults. */
export interface PlainLanguageOptions {
  /**
   * A sentence with more words than this gets a `long-sentence` finding (info).
   * @default 20
   */
  readonly maxSentenceWords?: number
  /**
   * A sentence with more words than this gets a `long-sentence` warning instead of info.
   * @default 25
   */
  readonly warnSentenceWords?: number
  /**
   * A word with more letters than this gets a `long-word` finding.
   * @default 15
   */
  readonly maxWordLength?: number
  /**
   * Below this many words the score is still reported, but there is no `low-readability`
   * warning: readability formulas say little about a title or a one-line field.
   * @default 25
   */
  readonly minWordsForReadability?: number
}

/** The defaults for {@link PlainLanguageOptions}, in one place. */
export const DEFAULT_PLAIN_LANGUAGE_OPTIONS: Readonly<Required<PlainLanguageOptions>> =
  Object.freeze({
    maxSentenceWords: 20,
    warnSentenceWords: 25,
    maxWordLength: 15,
    minWordsForReadability: 25,
  })

/**
 * Lowest Flesch-Douma score per band. 60 and up is the target for taalniveau B1; below 40 is
 * typical of policy and legal texts.
 */
export const READABILITY_BANDS: Readonly<{ makkelijk: number; redelijk: number }> = Object.freeze({
  makkelijk: 60,
  redelijk: 40,
})

const LEVEL_EN: Readonly<Record<ReadabilityLevel, string>> = {
  makkelijk: 'easy',
  redelijk: 'fairly difficult',
  moeilijk: 'difficult',
}

/** LIX counts words of more than this many letters as long (fixed by the formula). */
const LIX_LONG_WORD = 6

/** Words shown at the start of a long sentence, and around a word, in an excerpt. */
const SENTENCE_EXCERPT_WORDS = 8
const CONTEXT_WORDS = 3

const matchOfficialese = createTermMatcher(officialese)
const matchJargon = createTermMatcher(jargon)

/**
 * Checks a Dutch text against plain-language guidelines for taalniveau B1 and scores its
 * readability.
 *
 * The primary score is Flesch-Douma (206.835 − 0.93 × words per sentence − 77 × syllables per
 * word): the Dutch adaptation of Flesch Reading Ease, which editors of Dutch government texts
 * know and which maps onto bands (≥ 60 makkelijk/B1, 40–60 redelijk, < 40 moeilijk). LIX is
 * added as a second opinion because it needs no syllable count and so does not depend on the
 * syllable heuristic. Both formulas only measure sentence and word length; they say nothing
 * about order, structure or whether the reader knows the words, which is why the findings
 * matter more than the number.
 *
 * `input` is plain text (each line is a paragraph) or the restricted HTML of the publication
 * standard (div, br, p, ul, ol, li). Pure, deterministic and without I/O.
 *
 * @throws RangeError when an option is not a positive whole number
 */
export function analysePlainLanguage(
  input: string,
  options: PlainLanguageOptions = {},
): PlainLanguageReport {
  const settings = resolveOptions(options)
  const sentences = splitSentences(htmlToText(input))
    .map((text) => ({ text, tokens: tokeniseSentence(text) }))
    .filter((sentence) => sentence.tokens.length > 0)
  if (sentences.length === 0) return emptyReport()

  const positioned: PositionedFinding[] = []
  const seenJargon = new Set<string>()
  let words = 0
  let syllables = 0
  let lixLongWords = 0
  let longWords = 0

  sentences.forEach(({ text, tokens }, index) => {
    const number = index + 1
    words += tokens.length
    for (const token of tokens) {
      syllables += tokenSyllables(token)
      if (token.kind === 'word' && letterCount(token.text) > LIX_LONG_WORD) lixLongWords += 1
    }

    if (tokens.length > settings.maxSentenceWords) {
      positioned.push({
        sentence: number,
        offset: -1,
        finding: longSentenceFinding(number, text, tokens, settings),
      })
    }

    const addresses = tokens.filter((token) => token.kind === 'url' || token.kind === 'email')
    const outsideAddresses = (match: TermMatch): boolean =>
      !addresses.some((token) => match.start < token.end && match.end > token.start)

    const officialeseMatches = matchOfficialese(text)
      .filter(outsideAddresses)
      .filter((match) => match.entry.term !== 'welke' || isRelativeWelke(text, match))
    for (const match of officialeseMatches) {
      positioned.push({
        sentence: number,
        offset: match.start,
        finding: termFinding('officialese', number, text, tokens, match),
      })
    }

    const jargonMatches = matchJargon(text).filter(outsideAddresses)
    for (const match of jargonMatches) {
      if (seenJargon.has(match.entry.term)) continue
      seenJargon.add(match.entry.term)
      positioned.push({
        sentence: number,
        offset: match.start,
        finding: termFinding('jargon', number, text, tokens, match),
      })
    }

    const termMatches = [...officialeseMatches, ...jargonMatches]
    tokens.forEach((token, position) => {
      const letters = longWordLetters(token, position, tokens, settings.maxWordLength)
      if (letters === 0) return
      longWords += 1
      // One finding per word is enough: the officialese or jargon advice already replaces it.
      if (termMatches.some((match) => match.start <= token.start && match.end >= token.end)) return
      positioned.push({
        sentence: number,
        offset: token.start,
        finding: longWordFinding(number, text, tokens, token, letters),
      })
    })

    for (const passive of findPassiveVoice(text, tokens)) {
      positioned.push({
        sentence: number,
        offset: Math.min(passive.auxiliary.start, passive.participle.start),
        finding: passiveFinding(number, text, passive.auxiliary, passive.participle),
      })
    }
  })

  const averageSentenceLength = words / sentences.length
  const averageSyllablesPerWord = syllables / words
  const score = round(
    clamp(206.835 - 0.93 * averageSentenceLength - 77 * averageSyllablesPerWord, 0, 100),
    1,
  )
  const lix = round(averageSentenceLength + (100 * lixLongWords) / words, 1)
  const level = levelFor(score)

  positioned.sort((a, b) => a.sentence - b.sentence || a.offset - b.offset)
  const findings = positioned.map((item) => item.finding)
  if (level !== 'makkelijk' && words >= settings.minWordsForReadability) {
    findings.push(lowReadabilityFinding(score, level))
  }

  return {
    method: 'flesch-douma',
    score,
    level,
    lix,
    stats: {
      sentences: sentences.length,
      words,
      syllables,
      averageSentenceLength: round(averageSentenceLength, 1),
      averageSyllablesPerWord: round(averageSyllablesPerWord, 2),
      longWords,
    },
    findings,
  }
}

interface PositionedFinding {
  readonly sentence: number
  readonly offset: number
  readonly finding: Finding
}

function resolveOptions(options: PlainLanguageOptions): Required<PlainLanguageOptions> {
  const settings = { ...DEFAULT_PLAIN_LANGUAGE_OPTIONS }
  for (const key of Object.keys(DEFAULT_PLAIN_LANGUAGE_OPTIONS) as (keyof PlainLanguageOptions)[]) {
    const value: unknown = options[key]
    if (value === undefined) continue
    const minimum = key === 'minWordsForReadability' ? 0 : 1
    if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
      throw new RangeError(
        `Ongeldige instelling ${key}: gebruik een geheel getal van ${minimum} of hoger ` +
          `(invalid option ${key}: expected a whole number of at least ${minimum}).`,
      )
    }
    settings[key] = value
  }
  return settings
}

function emptyReport(): PlainLanguageReport {
  return {
    method: 'flesch-douma',
    score: null,
    level: null,
    lix: null,
    stats: {
      sentences: 0,
      words: 0,
      syllables: 0,
      averageSentenceLength: 0,
      averageSyllablesPerWord: 0,
      longWords: 0,
    },
    findings: [],
  }
}

/**
 * A web or e-mail address is read as one unit and cannot be simplified, so it counts as one
 * syllable. A number counts one syllable per digit, at most four: a rough middle between "5"
 * (vijf) and "2024" (tweeduizendvierentwintig).
 */
function tokenSyllables(token: WordToken): number {
  if (token.kind === 'url' || token.kind === 'email') return 1
  if (token.kind === 'number') return clamp(token.text.replace(/\D/g, '').length, 1, 4)
  return countSyllables(token.text)
}

/**
 * Letters in the longest part of a word that gets a `long-word` finding, or 0. Skips addresses,
 * numbers, abbreviations, words in capitals (acronyms, names) and capitalised words that do not
 * start the sentence (proper names such as "Participatiewet"; "WOZ-beschikking" is not one).
 * A hyphen or slash already splits a word for the reader, so each part is measured on its own.
 */
function longWordLetters(
  token: WordToken,
  position: number,
  tokens: readonly WordToken[],
  maxWordLength: number,
): number {
  if (token.kind !== 'word' || token.abbreviation) return 0
  const letters = token.text.replace(/[^\p{L}]/gu, '')
  if (letters === letters.toUpperCase()) return 0
  const isProperName =
    /^\p{Lu}\p{Ll}/u.test(token.text) &&
    tokens.slice(0, position).some((other) => other.kind === 'word')
  if (isProperName) return 0
  const longest = Math.max(...token.text.split(/[-/]+/).map(letterCount))
  return longest > maxWordLength ? longest : 0
}

/** "welke" is only stiff as a relative pronoun: "de gegevens, welke wij gebruiken". */
function isRelativeWelke(sentence: string, match: TermMatch): boolean {
  return sentence.slice(0, match.start).trimEnd().endsWith(',')
}

function longSentenceFinding(
  number: number,
  sentence: string,
  tokens: readonly WordToken[],
  settings: Required<PlainLanguageOptions>,
): Finding {
  const count = tokens.length
  const max = settings.maxSentenceWords
  const warnAbove = Math.max(settings.warnSentenceWords, max)
  const cut = tokens[SENTENCE_EXCERPT_WORDS - 1]
  return {
    code: 'long-sentence',
    severity: count > warnAbove ? 'warning' : 'info',
    sentence: number,
    excerpt: cut ? `${sentence.slice(0, cut.end)} …` : sentence,
    suggestion: 'Maak er twee of meer zinnen van. Zet in elke zin één boodschap.',
    message: {
      nl: `Zin ${number} heeft ${count} woorden. Probeer zinnen van hoogstens ${max} woorden te schrijven.`,
      en: `Sentence ${number} has ${count} words. Try to write sentences of at most ${max} words.`,
    },
  }
}

function longWordFinding(
  number: number,
  sentence: string,
  tokens: readonly WordToken[],
  token: WordToken,
  letters: number,
): Finding {
  return {
    code: 'long-word',
    severity: 'info',
    sentence: number,
    word: token.text,
    excerpt: excerptAround(sentence, tokens, token.start, token.end),
    suggestion:
      "Schrijf het in meer woorden, bijvoorbeeld 'aanvraag voor een parkeervergunning' " +
      "in plaats van 'parkeervergunningaanvraag'. Of kies een korter woord.",
    message: {
      nl: `Zin ${number}: '${token.text}' is een lang woord (${letters} letters). Splits het woord in meer woorden of kies een eenvoudiger woord.`,
      en: `Sentence ${number}: '${token.text}' is a long word (${letters} letters). Split it into more words or choose a simpler word.`,
    },
  }
}

function termFinding(
  code: 'officialese' | 'jargon',
  number: number,
  sentence: string,
  tokens: readonly WordToken[],
  match: TermMatch,
): Finding {
  const alternative = match.entry.alternative
  const message: LocalisedMessage =
    code === 'officialese'
      ? {
          nl: `Zin ${number}: '${match.text}' is ambtelijke taal. Schrijf liever: ${alternative}.`,
          en: `Sentence ${number}: '${match.text}' is stiff officialese. Write instead: ${alternative}.`,
        }
      : {
          nl: `Zin ${number}: '${match.text}' is een vakwoord. Niet iedereen kent het. Leg het uit of schrijf: ${alternative}.`,
          en: `Sentence ${number}: '${match.text}' is a technical term that not every reader knows. Explain it or write: ${alternative}.`,
        }
  return {
    code,
    severity: code === 'officialese' ? 'warning' : 'info',
    sentence: number,
    word: match.text,
    excerpt: excerptAround(sentence, tokens, match.start, match.end),
    suggestion: alternative,
    message,
  }
}

function passiveFinding(
  number: number,
  sentence: string,
  auxiliary: WordToken,
  participle: WordToken,
): Finding {
  const first = auxiliary.start < participle.start ? auxiliary : participle
  const last = first === auxiliary ? participle : auxiliary
  const excerpt = sentence.slice(first.start, last.end)
  return {
    code: 'passive-voice',
    severity: 'info',
    sentence: number,
    word: participle.text,
    excerpt,
    suggestion: "Zeg wie het doet, bijvoorbeeld: 'Wij …' of 'De gemeente …'.",
    message: {
      nl: `Zin ${number} staat in de lijdende vorm ('${excerpt}'). Zeg liever wie iets doet, bijvoorbeeld: 'Wij …' of 'De gemeente …'.`,
      en: `Sentence ${number} is in the passive voice ('${excerpt}'). Say who does it instead, for example: 'We …' or 'The municipality …'.`,
    },
  }
}

function lowReadabilityFinding(score: number, level: ReadabilityLevel): Finding {
  const target = READABILITY_BANDS.makkelijk
  return {
    code: 'low-readability',
    severity: 'warning',
    suggestion: 'Schrijf kortere zinnen en gebruik kortere, bekende woorden.',
    message: {
      nl: `De tekst is ${level} te lezen: de score is ${score.toFixed(1).replace('.', ',')} (Flesch-Douma). Voor taalniveau B1 is ${target} of hoger het doel. Schrijf kortere zinnen en gebruik kortere woorden.`,
      en: `The text is ${LEVEL_EN[level]} to read: it scores ${score.toFixed(1)} (Flesch-Douma). For language level B1, aim for ${target} or higher. Write shorter sentences and use shorter words.`,
    },
  }
}

function excerptAround(
  sentence: string,
  tokens: readonly WordToken[],
  start: number,
  end: number,
): string {
  const firstInside = tokens.findIndex((token) => token.end > start)
  const lastInside = tokens.reduce((last, token, index) => (token.start < end ? index : last), 0)
  const from = Math.max(0, (firstInside === -1 ? 0 : firstInside) - CONTEXT_WORDS)
  const to = Math.min(tokens.length - 1, lastInside + CONTEXT_WORDS)
  const text = sentence.slice(tokens[from].start, tokens[to].end)
  return `${from > 0 ? '… ' : ''}${text}${to < tokens.length - 1 ? ' …' : ''}`
}

function levelFor(score: number): ReadabilityLevel {
  if (score >= READABILITY_BANDS.makkelijk) return 'makkelijk'
  if (score >= READABILITY_BANDS.redelijk) return 'redelijk'
  return 'moeilijk'
}

function letterCount(text: string): number {
  return text.replace(/[^\p{L}]/gu, '').length
}

function clamp(value: number, minimum: number, maximum: number): number {
  return Math.min(maximum, Math.max(minimum, value))
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals
  return Math.round(value * factor) / factor
}
