/**
 * Vowel combinations that Dutch pronounces as one syllable nucleus, longest first so that the
 * greedy scan prefers "ooi" over "oo" + "i". "ij" is rewritten to "y" before scanning.
 */
const NUCLEI_3 = new Set(['aai', 'ooi', 'oei', 'eeu', 'ieu', 'eau'])
const NUCLEI_2 = new Set(['aa', 'ee', 'oo', 'uu', 'ie', 'oe', 'ou', 'au', 'ei', 'eu', 'ui', 'ai'])

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y'])

/** Accented vowels that keep their base sound. */
const PLAIN_ACCENTS: Readonly<Record<string, string>> = {
  á: 'a',
  à: 'a',
  â: 'a',
  é: 'e',
  è: 'e',
  ê: 'e',
  í: 'i',
  ì: 'i',
  î: 'i',
  ó: 'o',
  ò: 'o',
  ô: 'o',
  ú: 'u',
  ù: 'u',
  û: 'u',
}

/** The trema (ë, ï, ü, ö, ä) marks the start of a new syllable: "geïnformeerd", "België". */
const TREMA: Readonly<Record<string, string>> = { ä: 'a', ë: 'e', ï: 'i', ö: 'o', ü: 'u' }

/**
 * English loanwords common in algorithm descriptions, where the Dutch vowel rules overcount
 * (silent final e, "ea" as one sound).
 */
const LOANWORDS: Readonly<Record<string, number>> = {
  dashboard: 2,
  feature: 2,
  features: 2,
  interface: 3,
  learning: 2,
  museum: 3,
  online: 2,
  pipeline: 2,
  service: 2,
  software: 2,
  team: 1,
  teams: 1,
  update: 2,
  updates: 2,
  website: 2,
  websites: 2,
}

/** Letters per syllable when an all-capital acronym is spelled out: "WOZ" is "wee-oo-zet". */
const MAX_SPELLED_ACRONYM = 5

const NON_LETTERS = /[^\p{L}]/gu

/**
 * Estimates the number of syllables in one Dutch word with a vowel-group heuristic.
 *
 * Each group of vowels counts as one syllable unless Dutch splits it ("ia" in "sociaal", "ue" in
 * "actueel", "eo" in "video"); "ij", "ie", "oe", "ou", "au", "ei", "eu", "ui", "ai", the long
 * vowels and "aai/ooi/oei/eeu/ieu/eau" count once; a trema starts a new syllable. Hyphenated and
 * slashed words are counted per part; short all-capital acronyms count one syllable per letter.
 *
 * Limits: compound boundaries inside a vowel group ("geinteresseerd" written without trema) and
 * most loanwords are not recognised. Expect the count to be off by one on a few percent of words,
 * which is fine for a readability formula but not for hyphenation.
 *
 * @returns at least 1 for any input that contains a letter, 0 otherwise
 */
export function countSyllables(word: string): number {
  if (!/[-/–]/.test(word)) return /\p{L}/u.test(word) ? countPart(word) : 0
  let total = 0
  for (const part of word.split(/[-/–]+/)) {
    if (/\p{L}/u.test(part)) total += countPart(part)
  }
  return total
}

function countPart(part: string): number {
  const letters = part.replace(NON_LETTERS, '')
  if (letters.length > 1 && letters.length <= MAX_SPELLED_ACRONYM) {
    const upper = letters.toUpperCase()
    if (letters === upper && upper !== letters.toLowerCase()) return letters.length
  }
  const lower = letters.toLowerCase()
  const known = LOANWORDS[lower]
  if (known !== undefined) return known

  // "qu" is pronounced "kw", so its u is not a vowel ("frequentie").
  const word = lower.replace(/qu/g, 'kw').replace(/ij/g, 'y')
  let count = 0
  let run = ''
  let runStart = 0
  for (let index = 0; index <= word.length; index += 1) {
    const char = index < word.length ? word[index] : ''
    const trema = TREMA[char]
    const vowel = trema ?? PLAIN_ACCENTS[char] ?? char
    // A leading y before a vowel is a consonant ("yoghurt").
    const isVowel = VOWELS.has(vowel) && !(vowel === 'y' && index === 0 && isVowelAt(word, 1))
    if (isVowel && !trema) {
      if (!run) runStart = index
      run += vowel
      continue
    }
    if (run) count += countNuclei(run, runStart, word)
    run = isVowel ? vowel : ''
    runStart = index
  }
  return Math.max(1, count)
}

function isVowelAt(word: string, index: number): boolean {
  const char = word[index]
  if (char === undefined) return false
  return VOWELS.has(PLAIN_ACCENTS[char] ?? char) || TREMA[char] !== undefined
}

function countNuclei(run: string, runStart: number, word: string): number {
  if (run.length === 1) return 1
  // "geautomatiseerd" is ge-au-, not the French "eau" of "niveau".
  if (run === 'eau' && runStart === 1 && (word[0] === 'g' || word[0] === 'b')) return 2
  let count = 0
  let position = 0
  while (position < run.length) {
    if (NUCLEI_3.has(run.slice(position, position + 3))) position += 3
    else if (NUCLEI_2.has(run.slice(position, position + 2))) position += 2
    else position += 1
    count += 1
  }
  return count
}
